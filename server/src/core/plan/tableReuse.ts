// Flattened tables an edit leaves alone, taken over from the previous
// analysis instead of read again (a long appendix table is thousands of lines,
// and an edit changes one of them).
//
// Why a table taken over is exactly the one readFlatTables would read: the
// reader starts at a `STT` line and looks at the lines after it, one by one,
// up to the line it stops at, through what FlatLineInfo says of each line: its
// reading (from its text alone: the same object for a line the edit did not
// touch), whether a table of another kind holds it, whether it is a page
// artefact, and the line's text and offsets. The last line it looked at is
// kept with the table, and the two flags of every line up to it. When none of
// those lines is among the edited ones and every flag reads the same now, the
// reader would read the same table: the previous one, moved by the lines and
// units the edit added before it.

import type { FlatLineInfo } from './flatTables';
import type { Table, TableCell, TableRow } from './model';

/** How the lines of a reparse stand to the previous plan's lines. */
export interface LineEdit {
  /** Lines before `first` are the previous plan's, unchanged. */
  first: number;
  /** Lines from `end` on are the previous plan's from `end - shift` on, `delta` units further. */
  end: number;
  shift: number;
  delta: number;
}

/** The previous plan's tables and how its lines became the present ones. */
export interface TableReuse {
  edit: LineEdit;
  tables: Table[];
}

/** What a flattened table's reading looked at and where its rows came from. */
interface Extent {
  /** The furthest line it looked at. */
  last: number;
  /** Per line from the table's first: 1 held by another table, 2 a page artefact. */
  flags: Uint8Array;
  /** Where the reader stood before it opened each row (one a row). */
  states: RowState[];
  /** Runs of rows taken over from an earlier table (kept or moved): what was read of them can be too. */
  sources: RowSource[];
}

/** Rows [start, end) of a table are rows [fromIndex, …) of `from`, `delta` units on. */
export interface RowSource {
  start: number;
  end: number;
  from: Table;
  fromIndex: number;
  delta: number;
}

/** What the reader of a flattened table carries from row to row. */
export interface RowState {
  lastNumber: number;
  dotted: boolean | undefined;
  groupNumber: number;
  group: string | undefined;
}

/** A table's reading as readBody gives it: the table, the reader's state before each row, the rows taken over. */
export interface BodyReading {
  table: Table;
  states: RowState[];
  sources: RowSource[];
}

// Side data by table, not by row: thousands of weak entries a keystroke would cost more than they save.
const extents = new WeakMap<Table, Extent>();

function sameState(a: RowState | undefined, b: RowState): boolean {
  return !!a && a.lastNumber === b.lastNumber && a.dotted === b.dotted && a.groupNumber === b.groupNumber && a.group === b.group;
}

function flag(info: FlatLineInfo, j: number): number {
  return (info.taken(j) ? 1 : 0) | (info.artefact(j) ? 2 : 0);
}

/**
 * FlatLineInfo that notes the furthest line asked about. The reader asks
 * first, of every line after the table's first, whether another table holds
 * it (the body) or whether it is an artefact (a header): noting those two is enough.
 */
export function tracking(info: FlatLineInfo, seen: { last: number }): FlatLineInfo {
  return {
    cell: info.cell,
    firstColumn: info.firstColumn,
    taken: (j) => {
      if (j > seen.last) seen.last = j;
      return info.taken(j);
    },
    artefact: (j) => {
      if (j > seen.last) seen.last = j;
      return info.artefact(j);
    },
    stop: info.stop,
  };
}

/** Keeps what the reading of a table looked at (`last`: the furthest line) and where its rows came from. */
export function remember(read: BodyReading, last: number, info: FlatLineInfo): void {
  const { table } = read;
  const flags = new Uint8Array(last - table.startLine + 1);
  for (let j = table.startLine; j <= last; j++) flags[j - table.startLine] = flag(info, j);
  extents.set(table, { last, flags, states: read.states, sources: read.sources });
}

/** The runs of rows of `table` taken over from earlier tables (see RowSource); once asked, the link back is let go. */
export function rowSources(table: Table): RowSource[] {
  const extent = extents.get(table);
  if (!extent) return [];
  const out = extent.sources;
  extent.sources = [];
  return out;
}

/** The previous flattened tables by their first line. */
export function previousByStart(reuse: TableReuse): Map<number, Table> {
  const out = new Map<number, Table>();
  for (const t of reuse.tables) if (t.format === 'flat' && extents.has(t)) out.set(t.startLine, t);
  return out;
}

/** The table the reader would find at line `k`, when it is a previous one (see above); else undefined. */
export function reuseAt(k: number, info: FlatLineInfo, reuse: TableReuse, previous: Map<number, Table>): Table | undefined {
  const { first, end, shift, delta } = reuse.edit;
  const before = k < first;
  if (!before && k < end) return undefined;
  const old = previous.get(before ? k : k - shift);
  const extent = old && extents.get(old);
  if (!old || !extent) return undefined;
  if (before && extent.last >= first) return undefined;
  const offset = before ? 0 : shift;
  for (let i = 0; i < extent.flags.length; i++) if (flag(info, old.startLine + offset + i) !== extent.flags[i]) return undefined;
  if (offset === 0 && (before || delta === 0)) return old;
  const table: Table = {
    format: old.format,
    header: old.header.map((c) => movedCell(c, delta)),
    rows: old.rows.map((r) => movedRow(r, shift, delta)),
    span: { start: old.span.start + delta, end: old.span.end + delta },
    startLine: old.startLine + shift,
    endLine: old.endLine + shift,
  };
  // One step back is all a derived reading needs: no chain of earlier tables is kept.
  extent.sources = [];
  extents.set(table, { last: extent.last + shift, flags: extent.flags, states: extent.states, sources: [{ start: 0, end: table.rows.length, from: old, fromIndex: 0, delta }] });
  return table;
}

function movedCell(c: TableCell, delta: number): TableCell {
  return { text: c.text, span: { start: c.span.start + delta, end: c.span.end + delta } };
}

function movedRow(r: TableRow, shift: number, delta: number): TableRow {
  return { cells: r.cells.map((c) => movedCell(c, delta)), line: r.line + shift, span: { start: r.span.start + delta, end: r.span.end + delta }, kind: r.kind, key: r.key, group: r.group };
}

/**
 * The table an edit changed, read again around the edit only: the rows before
 * the first edited line are the previous reading's (the reader resumes at the
 * last of them with the state it had there), and once it opens a row after the
 * edited lines in the state the previous reading had there, and the lines
 * after read the same, the rest is the previous rows, moved.
 */
export class EditedTable {
  private rowAt: Map<number, { table: Table; index: number }> | undefined;

  constructor(
    private readonly reuse: TableReuse,
    private readonly previous: Map<number, Table>,
    private readonly info: FlatLineInfo,
    private readonly seen: { last: number },
  ) {}

  /** The rows kept from the previous table at `k` and where to read on from, when there is one to keep. */
  resume(k: number): { rows: TableRow[]; states: RowState[]; source: RowSource; at: number; state: RowState } | undefined {
    const { first } = this.reuse.edit;
    const old = k < first ? this.previous.get(k) : undefined;
    const extent = old && extents.get(old);
    if (!old || !extent) return undefined;
    let r = -1;
    while (r + 1 < old.rows.length && old.rows[r + 1].line < first) r++;
    if (r < 1) return undefined;
    const at = old.rows[r].line;
    for (let j = k; j <= at; j++) if (flag(this.info, j) !== extent.flags[j - k]) return undefined;
    const source = { start: 0, end: r, from: old, fromIndex: 0, delta: 0 };
    return { rows: old.rows.slice(0, r), states: extent.states.slice(0, r), source, at, state: extent.states[r] };
  }

  /**
   * The previous rows from the row opening at line `j` on (the `at`-th row of
   * the table being read), moved, and the table's last line, when the reading would give them again.
   */
  join(j: number, state: RowState, at: number): { rows: TableRow[]; states: RowState[]; source: RowSource; end: number } | undefined {
    const { end, shift, delta } = this.reuse.edit;
    if (j < end) return undefined;
    this.rowAt ??= this.rowLines();
    const found = this.rowAt.get(j - shift);
    if (!found) return undefined;
    const { table: old, index } = found;
    const extent = extents.get(old)!;
    if (!sameState(extent.states[index], state)) return undefined;
    for (let i = old.rows[index].line - old.startLine; i < extent.flags.length; i++) if (flag(this.info, old.startLine + shift + i) !== extent.flags[i]) return undefined;
    if (extent.last + shift > this.seen.last) this.seen.last = extent.last + shift;
    const rows = old.rows.slice(index).map((r) => movedRow(r, shift, delta));
    return { rows, states: extent.states.slice(index), source: { start: at, end: at + rows.length, from: old, fromIndex: index, delta }, end: old.endLine + shift };
  }

  /** The previous tables' rows by their first line. */
  private rowLines(): Map<number, { table: Table; index: number }> {
    const out = new Map<number, { table: Table; index: number }>();
    for (const table of this.previous.values()) table.rows.forEach((r, index) => out.set(r.line, { table, index }));
    return out;
  }
}
