// Task rows of flattened tables (a PDF conversion's one cell a line): which
// of a row's lines are its title, its lead and its deadline, read from how
// each line starts. After an edit the rows a table took over from the
// previous reading are copied, not read again (tableReuse.ts).

import { cellText } from './flatTables';
import type { Span, Table, TableRow } from './model';
import { rowSources } from './tableReuse';
import type { TaskRow } from './taskTables';

// Where a flattened row's lead cell starts: a body's name opens the line.
const AGENCY_START = new RegExp(
  '^(?:\\(\\d\\)\\s*)?(?:\\d\\.\\s*)?(?:các\\s+|những\\s+)?(?:bộ|ủy ban|uỷ ban|ubnd|sở|ban|văn phòng|bảo hiểm xã hội|ngân hàng|tòa án|toà án|viện|kiểm toán|thanh tra|' +
    'đài|thông tấn|hội|liên đoàn|tổng liên đoàn|mặt trận|trung ương|tập đoàn|tổng công ty|cơ quan|đoàn|công an|quân|vtv|vov|ttxvn|thành ủy|tỉnh ủy|' +
    'huyện ủy|đảng ủy|đảng đoàn|chính phủ|thủ tướng|quốc hội|tổng cục|cục|chi cục|trường|đại học|học viện|trung tâm|hiệp hội|phòng|địa phương|tỉnh|thành phố|' +
    'huyện|xã|phường|doanh nghiệp|người đứng đầu|lãnh đạo|thường trực)(?=\\s|[,:]|$)',
  'iu',
);
// Where a flattened row's deadline cell starts (its first line and the next, joined).
const DEADLINE_START = new RegExp(
  '^(?:(?:trước|trong|từ|đến|vào|chậm nhất|hoàn thành(?: trong| trước)?|dự kiến|năm)\\s+)?(?:(?:quý|tháng)\\s+(?:[ivx]+|\\d{1,2})|' +
    'năm\\s+\\d{4}|\\d{1,2}\\s*\\/\\s*\\d{4}|(?:19|20)\\d\\d\\b|thường xuyên|hằng năm|hàng năm|định kỳ|hằng quý|hằng tháng|giai đoạn\\s+\\d{4}|kỳ họp)' +
    // A date needs a word that makes it a deadline: `ngày 24/11/2025` alone is a citation's date in the title.
    '|^(?:trước|trong|vào|chậm nhất|hoàn thành trước)\\s+ngày\\s+\\d',
  'iu',
);

// A deadline, a standing duty, a status or a deferral written anywhere in a row's run-together text.
const DEADLINE_ANYWHERE = new RegExp(
  '(?<![\\p{L}\\d])(?:(?:quý|tháng)\\s+(?:[ivx]+|\\d{1,2})\\s*\\/\\s*\\d{4}|năm\\s+\\d{4}|\\d{1,2}\\s*\\/\\s*\\d{4}|(?:19|20)\\d\\d(?![\\d\\/])|' +
    'thường xuyên|hằng năm|hàng năm|định kỳ|đã hoàn thành|theo (?:kế hoạch|lộ trình|tiến độ)|kỳ họp)',
  'iu',
);

interface CellReading {
  /** Index of the last title cell, plus one. */
  titleEnd: number;
  /** Index of the deadline cell, -1 without one. */
  deadlineAt: number;
  title: string;
  lead?: string;
  deadline?: string;
  deadlineInCell: boolean;
}

/**
 * Rows read before, by their text: after an edit every table is rebuilt, but
 * all its rows save one read the same. Emptied when it grows past a bound.
 */
const readCellsCache = new Map<string, CellReading>();
const READ_CELLS_CACHE_MAX = 20_000;

/** Where a flattened row's lead and deadline cells start (the patterns ignore case: the text as it stands). */
function readCells(texts: string[], withCoordination: boolean): CellReading {
  const key = `${withCoordination ? 1 : 0}\n${texts.join('\n')}`;
  const hit = readCellsCache.get(key);
  if (hit) return hit;
  const isDeadline = (i: number) => DEADLINE_START.test(texts[i] + ' ' + (texts[i + 1] ?? ''));
  let leadAt = -1;
  let deadlineAt = -1;
  for (let i = 1; i < texts.length && (leadAt < 0 || deadlineAt < 0); i++) {
    if (leadAt < 0 && AGENCY_START.test(texts[i])) leadAt = i;
    if (deadlineAt < 0 && isDeadline(i)) deadlineAt = i;
  }
  // Cells run together on one line (`Các tỉnh, thành phố Nhiệm vụ thường` / `xuyên`):
  // a deadline phrase anywhere after the first line still gives one.
  const glued = deadlineAt < 0 ? DEADLINE_ANYWHERE.exec(texts.slice(1).join(' '))?.[0] : undefined;
  const titleEnd = Math.min(...[leadAt, deadlineAt, texts.length].filter((i) => i > 0));
  const out: CellReading = {
    titleEnd,
    deadlineAt,
    title: joinLines(texts.slice(0, titleEnd)),
    lead: leadAt > 0 ? leadRun(texts, leadAt, withCoordination) : undefined,
    deadline: deadlineAt > 0 ? joinLines(deadlineLines(texts, deadlineAt)) : glued,
    deadlineInCell: deadlineAt > 0,
  };
  if (readCellsCache.size >= READ_CELLS_CACHE_MAX) readCellsCache.clear();
  readCellsCache.set(key, out);
  return out;
}

/**
 * What each flattened table's rows were read as, one a row (null: no task
 * row). A table taken over after an edit has runs of rows from earlier tables
 * (rowSources): their task rows are copied from those tables', not read again.
 */
const rowReadings = new WeakMap<Table, (TaskRow | null | undefined)[]>();

/** The task rows of a flattened table; `withCoordination` when its header has a coordination column. */
export function flatRows(table: Table, withCoordination: boolean): TaskRow[] {
  let reads = rowReadings.get(table);
  if (!reads) {
    reads = new Array<TaskRow | null | undefined>(table.rows.length);
    for (const s of rowSources(table)) {
      const before = rowReadings.get(s.from);
      if (!before) continue;
      for (let i = s.start; i < s.end; i++) {
        const r = before[s.fromIndex + i - s.start];
        reads[i] = r && movedRow(r, table, table.rows[i], s.delta);
      }
    }
    table.rows.forEach((row, i) => {
      if (reads![i] === undefined && row.kind === 'row') reads![i] = flatRow(table, row, withCoordination);
    });
    rowReadings.set(table, reads);
  }
  const out: TaskRow[] = [];
  for (const r of reads) if (r) out.push(r);
  return out;
}

/** The task row read for `from`, for `row`: the same row `delta` units on, in `table`. Written out: cheaper than a spread. */
function movedRow(r: TaskRow, table: Table, row: TableRow, delta: number): TaskRow {
  const span = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  return {
    table,
    row,
    number: r.number,
    numberSpan: span(r.numberSpan),
    group: r.group,
    title: r.title,
    titleSpan: span(r.titleSpan),
    lead: r.lead,
    deadline: r.deadline,
    deadlineInCell: r.deadlineInCell,
    deadlineSpan: r.deadlineSpan && span(r.deadlineSpan),
  };
}

function flatRow(table: Table, row: TableRow, withCoordination: boolean): TaskRow | null {
  // The number's line may hold the first words of the task (`10.  Xây dựng…`).
  const first = row.cells[0];
  const inline = cellText(first.text).replace(/^\(?\d{1,3}\)?\.?\s*/, '');
  const cells = inline ? [{ text: inline, span: { start: first.span.end - inline.length, end: first.span.end } }, ...row.cells.slice(1)] : row.cells.slice(1);
  if (cells.length === 0) return null;
  const read = readCells(cells.map((c) => c.text), withCoordination);
  const numberText = /^\S+/.exec(first.text.trimStart())?.[0] ?? '';
  return {
    table,
    row,
    number: row.key!,
    numberSpan: { start: first.span.start, end: first.span.start + numberText.length },
    group: row.group,
    title: read.title,
    titleSpan: { start: cells[0].span.start, end: cells[read.titleEnd - 1].span.end },
    lead: read.lead,
    deadline: read.deadline,
    deadlineInCell: read.deadlineInCell,
    deadlineSpan: read.deadlineAt > 0 ? cells[read.deadlineAt].span : undefined,
  };
}

/** The deadline cell from line `i`: with the next line when it needs it (`Tháng` / `3/2026`) or the next goes on in lower case. */
function deadlineLines(texts: string[], i: number): string[] {
  const next = texts[i + 1];
  if (next === undefined) return [texts[i]];
  const alone = DEADLINE_START.test(texts[i]) && /\d/.test(texts[i]);
  return !alone || /^\p{Ll}/u.test(next) ? [texts[i], next] : [texts[i]];
}

/** A wrapped cell from line `i`: on while a line ends with a comma or the next starts in lower case. */
function cellRun(texts: string[], i: number): string[] {
  const parts = [texts[i]];
  for (let j = i + 1; j < texts.length && parts.length < 6; j++) {
    const prev = parts[parts.length - 1].trimEnd();
    if (!(prev.endsWith(',') || /^\p{Ll}/u.test(texts[j]))) break;
    parts.push(texts[j]);
  }
  return parts;
}

// `Các cơ quan, tổ chức, đơn vị có liên quan`: how a table's coordination cell is written, never its lead.
const CONCERNED = /^(?:các|những)\s.*\bcó liên quan\s*\.?$/iu;

/**
 * The lead cell from line `i`. In a table with a coordination column, a row
 * whose only body cell names the concerned bodies has left its lead cell empty:
 * the cell found is the coordination one.
 */
function leadRun(texts: string[], i: number, withCoordination: boolean): string | undefined {
  const parts = cellRun(texts, i);
  const lead = joinLines(parts);
  if (!withCoordination || !CONCERNED.test(lead)) return lead;
  const another = texts.slice(i + parts.length).some((t) => AGENCY_START.test(t));
  return another ? lead : undefined;
}

/** Lines of a wrapped cell joined, a hyphenated break mended (`52-` / `CT/TW`). */
export function joinLines(parts: string[]): string {
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .reduce((acc, p) => (!acc ? p : /-$/.test(acc) && /^\p{Lu}/u.test(p) ? acc + p : acc + ' ' + p), '');
}
