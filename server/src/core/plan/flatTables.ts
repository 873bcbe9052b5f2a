// Tables flattened by PDF extraction: one cell per line, a header cell split
// over lines (`Cơ quan` / `chủ trì`), a long cell wrapped over many lines,
// the header repeated after every page break and a row carried on after it.
// Rows are found by their number standing alone on a line (`1.`, `(9)`,
// `<b>(9)</b>`); group rows by a Roman numeral (`I`, `II.`).

import type { Line, Table, TableCell, TableRow } from './model';
import { EditedTable, previousByStart, remember, reuseAt, tracking, type BodyReading, type RowSource, type RowState, type TableReuse } from './tableReuse';

/** What the flat reader needs to know of each line (the parse has read them all). */
export interface FlatLineInfo {
  /** What the line is as a cell (read once per line, see readFlatLine). */
  cell(k: number): FlatCell;
  /** `cell(k).firstColumn`, asked of every line (kept apart so that the pass over all lines reads no cell). */
  firstColumn(k: number): boolean;
  /** Already part of a Markdown or tab table. */
  taken(k: number): boolean;
  /** A running header, page number or signature stamp: passed over. */
  artefact(k: number): boolean;
  /** A line no table runs past: an attachment, article or part heading, the recipients. */
  stop(k: number): boolean;
}

const TAGS = /<\/?[a-z][^>]*>/gi;
const FIRST_COLUMN = /^(?:stt|tt|số tt|số thứ tự)\.?$/;
/** Words of header cells: a line made only of them (and numbers) carries on the header. */
const HEADER_WORDS = new Set(
  ('stt tt số thứ tự tên nhiệm vụ cụ thể nội dung công việc cơ quan đơn vị chủ trì phối hợp kết quả sản phẩm dự kiến ' +
    'thời gian hạn hoàn thành tiến độ ghi chú chỉ tiêu mục theo dõi ngành lĩnh vực địa phương tốc độ bình quân năm ' +
    'căn cứ bổ sung cấp trình phê duyệt thực hiện hình thức văn bản giải pháp hoạt động kinh phí nguồn lộ đầu mối ' +
    'trách nhiệm và hoặc các của chính đề án dự tham mưu ban hành lãnh đạo phụ trách yêu cầu đạt được')
    .split(' '),
);
const COLUMN_WORDS = /nhiệm vụ|nội dung|chỉ tiêu|chủ trì|phối hợp|thời gian|thời hạn|kết quả|đơn vị|sản phẩm/g;
const ROW_NUMBER = /^\(?(\d{1,3})\)?(\.?)$/;
/** `10.  Xây dựng…`: a row whose number and first cell share a line. */
const ROW_WITH_TEXT = /^\(?(\d{1,3})\)?(\.?)\s+(\S.*)$/;
const GROUP_ROW = /^([IVX]{1,5})\.?(?:\s+(\S.*))?$/;

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

export function romanValue(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]];
    total += v < (ROMAN[s[i + 1]] ?? 0) ? -v : v;
  }
  return total;
}

export function cellText(raw: string): string {
  return (raw.includes('<') ? raw.replace(TAGS, '') : raw).trim();
}

/** Lower case, spaces collapsed: the plan's text is normalised already (NFC, tones folded). */
export function lowerKey(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A line as a cell of a flattened table, from its text alone: reused for unchanged lines after an edit. */
export interface FlatCell {
  /** Nothing but spaces and tags. */
  empty: boolean;
  /** `STT`, `TT`, `Số TT`: a header's first cell. */
  firstColumn: boolean;
  /** Made of header words only (`Cơ quan`, `chủ trì`, `2026 - 2030`). */
  headerWords: boolean;
  /** A number alone (`1.`, `(9)`, `<b>(9)</b>`), and whether it has a dot. */
  rowNumber?: number;
  dot: boolean;
  /** A number with the first words of the row (`10.  Xây dựng…`). */
  rowWithText?: number;
  /** A Roman numeral alone or before a capital (`II`, `III. Nâng cao…`): its value. */
  group?: number;
  groupNumeral?: string;
}

/** What most lines are: no number, numeral or header word. Shared, never changed. */
const PLAIN: FlatCell = Object.freeze(flatCell(false));
const EMPTY: FlatCell = Object.freeze(flatCell(true));

/** Every cell has every key, in one order: the readers see one object shape. */
function flatCell(empty: boolean): FlatCell {
  return { empty, firstColumn: false, headerWords: false, rowNumber: undefined, dot: false, rowWithText: undefined, group: undefined, groupNumeral: undefined };
}

export function readFlatLine(raw: string): FlatCell {
  const text = cellText(raw);
  if (!text) return EMPTY;
  const cell = flatCell(false);
  const ch = text.charCodeAt(0);
  if (ch >= 48 && ch <= 57 || ch === 40) {
    const n = ROW_NUMBER.exec(text);
    if (n) {
      cell.rowNumber = Number(n[1]);
      cell.dot = n[2] === '.';
      return cell;
    }
    const w = ROW_WITH_TEXT.exec(text);
    if (w) {
      cell.rowWithText = Number(w[1]);
      cell.dot = w[2] === '.';
    }
  }
  const g = ch === 73 || ch === 86 || ch === 88 ? GROUP_ROW.exec(text) : null;
  if (g && (!g[2] || /^\p{Lu}/u.test(g[2]))) {
    cell.group = romanValue(g[1]);
    cell.groupNumeral = g[1];
    return cell;
  }
  if (text.length <= 48) {
    cell.firstColumn = text.length <= 12 && FIRST_COLUMN.test(lowerKey(text));
    cell.headerWords = cell.firstColumn || isHeaderLine(text);
  }
  return cell.firstColumn || cell.headerWords || cell.rowWithText !== undefined ? cell : PLAIN;
}

function isHeaderLine(text: string): boolean {
  if (!text || text.length > 48) return false;
  const words = lowerKey(text).replace(/[^\p{L}\s]/gu, ' ').split(/\s+/).filter(Boolean);
  // `2026 - 2030`, `(%/NĂM)`: the years of a target column.
  if (words.length === 0) return /\d/.test(text);
  return words.every((w) => HEADER_WORDS.has(w));
}

/** The header lines from `k` (a `STT` line), or undefined when it does not open a table. */
function headerAt(lines: Line[], k: number, info: FlatLineInfo): number[] | undefined {
  if (!info.cell(k).firstColumn) return undefined;
  const header = [k];
  for (let j = k + 1; j < lines.length && header.length < 16; j++) {
    if (info.artefact(j)) continue;
    const c = info.cell(j);
    if (c.empty) continue;
    if (!c.headerWords || c.firstColumn) break;
    header.push(j);
  }
  if (header.length < 3) return undefined;
  const joined = lowerKey(header.map((j) => cellText(lines[j].text)).join(' '));
  const columns = new Set(joined.match(COLUMN_WORDS) ?? []);
  return columns.size >= 2 ? header : undefined;
}

/** The units trim() removes: WhiteSpace and LineTerminator of ECMAScript. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The line as a cell: its text trimmed (cut once, not trimmed three times: long tables hold thousands of cells). */
function cellOf(line: Line): TableCell {
  const t = line.text;
  let a = 0;
  let b = t.length;
  while (a < b && isSpace(t.charCodeAt(a))) a++;
  if (a === b) return { text: '', span: { start: line.start + b, end: line.start } };
  while (isSpace(t.charCodeAt(b - 1))) b--;
  const inner = t.slice(a, b);
  // Tags do not reach into the spaces around the text: removing them from it is removing them from the line.
  return { text: inner.includes('<') ? cellText(inner) : inner, span: { start: line.start + a, end: line.start + b } };
}

/**
 * Every flattened table of `lines`. After an edit, `reuse` gives the previous
 * plan's tables: those the edit leaves alone are taken over (tableReuse.ts).
 */
export function readFlatTables(lines: Line[], info: FlatLineInfo, reuse?: TableReuse): Table[] {
  const tables: Table[] = [];
  const previous = reuse && previousByStart(reuse);
  for (let k = 0; k < lines.length; k++) {
    if (!info.firstColumn(k) || info.taken(k) || info.artefact(k)) continue;
    const kept = previous?.size ? reuseAt(k, info, reuse!, previous) : undefined;
    if (kept) {
      tables.push(kept);
      k = kept.endLine;
      continue;
    }
    const seen = { last: k };
    const tracked = tracking(info, seen);
    const header = headerAt(lines, k, tracked);
    if (!header) continue;
    const read = readBody(lines, header, tracked, previous?.size ? new EditedTable(reuse!, previous, info, seen) : undefined);
    remember(read, seen.last, info);
    const table = read.table;
    tables.push(table);
    k = table.endLine;
  }
  return tables;
}

/** The rows after a table's header; after an edit, only those around it are read again (`edited`, see tableReuse.ts). */
function readBody(lines: Line[], header: number[], info: FlatLineInfo, edited?: EditedTable): BodyReading {
  const rows: TableRow[] = [];
  const states: RowState[] = [];
  const sources: RowSource[] = [];
  let row: TableRow | undefined;
  let lastNumber = 0;
  let dotted: boolean | undefined;
  let groupNumber = 0;
  let group: string | undefined;
  let end = header[header.length - 1];
  const state = (): RowState => ({ lastNumber, dotted, groupNumber, group });
  const open = (line: Line, kind: 'row' | 'group', key: string, before: RowState): TableRow => {
    const r: TableRow = { cells: [cellOf(line)], line: line.index, span: { start: line.start, end: line.end }, kind, key, group };
    states.push(before);
    rows.push(r);
    return r;
  };
  let from = end + 1;
  const kept = edited?.resume(header[0]);
  if (kept) {
    rows.push(...kept.rows);
    states.push(...kept.states);
    sources.push(kept.source);
    ({ lastNumber, dotted, groupNumber, group } = kept.state);
    from = kept.at;
  }
  for (let j = from; j < lines.length; j++) {
    if (info.taken(j) || info.stop(j)) break;
    if (info.artefact(j)) continue;
    const line = lines[j];
    const c = info.cell(j);
    if (c.empty) continue;
    // The header again after a page break: passed over, the row goes on.
    const again = c.firstColumn ? headerAt(lines, j, info) : undefined;
    if (again) {
      j = end = again[again.length - 1];
      continue;
    }
    end = j;
    const numbered = c.rowNumber !== undefined && c.rowNumber >= 1 && c.rowNumber <= lastNumber + 2;
    // Only the next number, written as the rows before it are: `2. Các bộ…`
    // inside a cell of a table numbered `1`, `2` is a list in the cell.
    const withText = !numbered && c.rowWithText !== undefined && dotted !== undefined && c.rowWithText === lastNumber + 1 && c.dot === dotted;
    // Groups run I, II, III…: `XVI` alone is the end of `Quốc hội khóa XVI`.
    const grouped = !numbered && !withText && c.group !== undefined && c.group === groupNumber + 1;
    if (!numbered && !withText && !grouped) {
      if (!row) continue;
      row.cells.push(cellOf(line));
      row.span.end = line.end;
      continue;
    }
    const before = state();
    const rest = edited?.join(j, before, rows.length);
    if (rest) {
      rows.push(...rest.rows);
      states.push(...rest.states);
      sources.push(rest.source);
      end = rest.end;
      break;
    }
    if (numbered) {
      lastNumber = c.rowNumber!;
      dotted ??= c.dot;
      row = open(line, 'row', String(c.rowNumber), before);
    } else if (withText) {
      lastNumber = c.rowWithText!;
      row = open(line, 'row', String(c.rowWithText), before);
    } else {
      groupNumber++;
      group = c.groupNumeral;
      row = open(line, 'group', group!, before);
      row.group = group;
    }
  }
  const first = lines[header[0]];
  const headerCells = header.map((h) => cellOf(lines[h]));
  const table: Table = {
    format: 'flat',
    header: headerCells,
    rows,
    span: { start: first.start, end: lines[end].end },
    startLine: header[0],
    endLine: end,
  };
  return { table, states, sources };
}
