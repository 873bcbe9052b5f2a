// Tables flattened by PDF extraction: one cell per line, a header cell split
// over lines (`Cơ quan` / `chủ trì`), a long cell wrapped over many lines,
// the header repeated after every page break and a row carried on after it.
// Rows are found by their number standing alone on a line (`1.`, `(9)`,
// `<b>(9)</b>`); group rows by a Roman numeral (`I`, `II.`).

import type { Line, Table, TableCell, TableRow } from './model';

/** What the flat reader needs to know of each line (the parse has read them all). */
export interface FlatLineInfo {
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

function isHeaderLine(text: string): boolean {
  if (!text || text.length > 48) return false;
  const words = lowerKey(text).replace(/[^\p{L}\s]/gu, ' ').split(/\s+/).filter(Boolean);
  // `2026 - 2030`, `(%/NĂM)`: the years of a target column.
  if (words.length === 0) return /\d/.test(text);
  return words.every((w) => HEADER_WORDS.has(w));
}

/** The header lines from `k` (a `STT` line), or undefined when it does not open a table. */
function headerAt(lines: Line[], k: number, info: FlatLineInfo): number[] | undefined {
  // Most lines are long or start otherwise: ruled out before any work.
  const raw = lines[k].text;
  if (raw.length > 40 || !/^\s*(?:<[^>]*>\s*)*[STst]\S{0,2}(?:\s+\S{1,4}){0,2}\s*(?:<[^>]*>\s*)*$/.test(raw)) return undefined;
  if (!FIRST_COLUMN.test(lowerKey(cellText(raw)))) return undefined;
  const header = [k];
  for (let j = k + 1; j < lines.length && header.length < 16; j++) {
    if (info.artefact(j)) continue;
    const t = cellText(lines[j].text);
    if (!t) continue;
    if (ROW_NUMBER.test(t) || GROUP_ROW.test(t) || !isHeaderLine(t)) break;
    header.push(j);
  }
  const joined = lowerKey(header.map((j) => cellText(lines[j].text)).join(' '));
  const columns = new Set(joined.match(COLUMN_WORDS) ?? []);
  return header.length >= 3 && columns.size >= 2 ? header : undefined;
}

function cellOf(line: Line): TableCell {
  const lead = line.text.length - line.text.trimStart().length;
  const text = cellText(line.text);
  return { text, span: { start: line.start + lead, end: line.end - (line.text.length - line.text.trimEnd().length) } };
}

/** Every flattened table of `lines`. */
export function readFlatTables(lines: Line[], info: FlatLineInfo): Table[] {
  const tables: Table[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (info.taken(k) || info.artefact(k)) continue;
    const header = headerAt(lines, k, info);
    if (!header) continue;
    const table = readBody(lines, header, info);
    tables.push(table);
    k = table.endLine;
  }
  return tables;
}

function readBody(lines: Line[], header: number[], info: FlatLineInfo): Table {
  const rows: TableRow[] = [];
  let row: TableRow | undefined;
  let lastNumber = 0;
  let dotted: boolean | undefined;
  let groupNumber = 0;
  let group: string | undefined;
  let end = header[header.length - 1];
  const open = (line: Line, kind: 'row' | 'group', key: string): TableRow => {
    const r: TableRow = { cells: [cellOf(line)], line: line.index, span: { start: line.start, end: line.end }, kind, key, group };
    rows.push(r);
    return r;
  };
  for (let j = end + 1; j < lines.length; j++) {
    if (info.taken(j) || info.stop(j)) break;
    if (info.artefact(j)) continue;
    const line = lines[j];
    const t = cellText(line.text);
    if (!t) continue;
    // The header again after a page break: passed over, the row goes on.
    const again = headerAt(lines, j, info);
    if (again) {
      j = end = again[again.length - 1];
      continue;
    }
    end = j;
    const n = ROW_NUMBER.exec(t);
    if (n && Number(n[1]) >= 1 && Number(n[1]) <= lastNumber + 2) {
      lastNumber = Number(n[1]);
      dotted ??= n[2] === '.';
      row = open(line, 'row', n[1]);
      continue;
    }
    // Only the next number, written as the rows before it are: `2. Các bộ…`
    // inside a cell of a table numbered `1`, `2` is a list in the cell.
    const w = dotted !== undefined ? ROW_WITH_TEXT.exec(t) : null;
    if (w && Number(w[1]) === lastNumber + 1 && (w[2] === '.') === dotted) {
      lastNumber = Number(w[1]);
      row = open(line, 'row', w[1]);
      continue;
    }
    // Groups run I, II, III…: `XVI` alone is the end of `Quốc hội khóa XVI`.
    const g = GROUP_ROW.exec(t);
    if (g && (!g[2] || /^\p{Lu}/u.test(g[2])) && romanValue(g[1]) === groupNumber + 1) {
      groupNumber++;
      group = g[1];
      row = open(line, 'group', g[1]);
      row.group = group;
      continue;
    }
    if (!row) continue;
    row.cells.push(cellOf(line));
    row.span.end = line.end;
  }
  const first = lines[header[0]];
  const headerCells = header.map((h) => cellOf(lines[h]));
  return {
    format: 'flat',
    header: headerCells,
    rows,
    span: { start: first.start, end: lines[end].end },
    startLine: header[0],
    endLine: end,
  };
}
