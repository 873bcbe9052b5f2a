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

/** What a flattened table's reading looked at: up to which line, and the flags of each line from its first. */
interface Extent {
  last: number;
  /** Per line from the table's first: 1 held by another table, 2 a page artefact. */
  flags: Uint8Array;
}

const extents = new WeakMap<Table, Extent>();
/** A table taken over from an earlier one, moved: derived readings (task rows) can be moved too. */
const moves = new WeakMap<Table, { from: Table; delta: number; shift: number }>();

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

/** Keeps what the reading of `table` looked at (`last`: the furthest line). */
export function remember(table: Table, last: number, info: FlatLineInfo): void {
  const flags = new Uint8Array(last - table.startLine + 1);
  for (let j = table.startLine; j <= last; j++) flags[j - table.startLine] = flag(info, j);
  extents.set(table, { last, flags });
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
  const table = moved(old, shift, delta);
  extents.set(table, { last: extent.last + shift, flags: extent.flags });
  // One step back is all a derived reading needs: no chain of earlier tables is kept.
  moves.delete(old);
  moves.set(table, { from: old, delta, shift });
  return table;
}

/** The table `table` was moved from, if it was taken over (see reuseAt). */
export function movedFrom(table: Table): { from: Table; delta: number; shift: number } | undefined {
  return moves.get(table);
}

function moved(t: Table, shift: number, delta: number): Table {
  const cell = (c: TableCell): TableCell => ({ text: c.text, span: { start: c.span.start + delta, end: c.span.end + delta } });
  const rows = t.rows.map(
    (r): TableRow => ({ cells: r.cells.map(cell), line: r.line + shift, span: { start: r.span.start + delta, end: r.span.end + delta }, kind: r.kind, key: r.key, group: r.group }),
  );
  return {
    format: t.format,
    header: t.header.map(cell),
    rows,
    span: { start: t.span.start + delta, end: t.span.end + delta },
    startLine: t.startLine + shift,
    endLine: t.endLine + shift,
  };
}
