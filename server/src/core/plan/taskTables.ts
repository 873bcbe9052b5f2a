// Task tables: tables whose header has a task column and a lead column. Each
// numbered row is a task with its own lead, deadline and coordinating bodies;
// a row numbered with a Roman numeral (`I.`, `**II.**`) is a group. A table
// whose rows cover the body's tasks by number or `(n)` is an assignment table
// instead (assignment.ts): its rows complete those tasks, they add none.

import { cellText, lowerKey } from './flatTables';
import type { Plan, Scope, Span, Table, TableCell, TableRow } from './model';
import { rowSources } from './tableReuse';

export interface TaskRow {
  table: Table;
  row: TableRow;
  /** The row's number as written, without dots and brackets: `12`. */
  number: string;
  /** Where the number stands. */
  numberSpan: Span;
  /** The group row above it (`I`), when there is one. */
  group?: string;
  title: string;
  titleSpan: Span;
  /** The exact cells of a Markdown or tab table; undefined for a flattened one. */
  leadCell?: TableCell;
  deadlineCell?: TableCell;
  lead?: string;
  deadline?: string;
  /** The deadline is a cell of its own (not a phrase found in run-together text): its value can be read as a date. */
  deadlineInCell?: boolean;
  /** Where the deadline is written. */
  deadlineSpan?: Span;
  coordination?: string;
  scope?: Scope;
}

export interface Columns {
  key: number;
  task: number;
  lead: number;
  coordination: number;
  deadline: number;
}

const TASK_COLUMN = /nhiệm vụ|nội dung|công việc|tên đề án|tên nhiệm vụ|hoạt động/;
const LEAD_COLUMN = /chủ trì/;
const DEADLINE_COLUMN = /thời gian|thời hạn|tiến độ|hoàn thành|thời điểm/;
const KEY_COLUMN = /^(?:s?tt|số tt|số thứ tự|mục|số)\.?$/;

/** The columns of a Markdown or tab table's header, when it has a lead column. */
export function columns(table: Table): Columns | undefined {
  const head = table.header.map((c) => lowerKey(cellText(c.text)));
  const find = (re: RegExp, skip = -1) => head.findIndex((h, i) => i !== skip && re.test(h));
  const lead = find(LEAD_COLUMN);
  if (lead < 0) return undefined;
  // `Nhiệm vụ chủ trì` under `Đơn vị` (a table by agency) is no lead column of its own.
  const task = find(TASK_COLUMN, lead);
  return { key: find(KEY_COLUMN), task, lead, coordination: find(/phối hợp/), deadline: find(DEADLINE_COLUMN, lead) };
}

const ROW_KEY = /^\(?\s*(\d{1,3}(?:\.\d{1,3})*)\s*\.?\s*\)?$/;
const GROUP_KEY = /^([IVX]{1,5}|[A-H])\.?$/;

/** The number a row's key cell holds, stripped of emphasis, dots and brackets. */
export function rowKey(text: string): string | undefined {
  const m = ROW_KEY.exec(cellText(text).replace(/\*+/g, '').trim());
  return m ? m[1] : undefined;
}

function groupKey(text: string): string | undefined {
  const m = GROUP_KEY.exec(cellText(text).replace(/\*+/g, '').trim());
  return m ? m[1] : undefined;
}

/** What kind of table it is: tasks of its own, assignments of the body's tasks, or neither. */
export type TableRole = 'tasks' | 'assignment' | 'other';

function headerText(table: Table): string {
  return lowerKey(table.header.map((c) => cellText(c.text)).join(' '));
}

/** The table's header names a task column and a lead column, and not agencies first (`STT | Đơn vị | Nhiệm vụ chủ trì`). */
function hasTaskColumns(table: Table): boolean {
  if (table.format === 'flat') {
    const cells = table.header.map((c) => lowerKey(cellText(c.text)));
    const joined = headerText(table);
    if (/^(?:đơn vị|cơ quan|bộ, ngành)$/.test(cells[1] ?? '')) return false;
    return TASK_COLUMN.test(joined) && LEAD_COLUMN.test(joined);
  }
  const cols = columns(table);
  return !!cols && cols.task >= 0;
}

/** The body's work sections by number, and the `(n)` markers their titles carry: what an assignment table covers. */
interface BodyKeys {
  byNumber: Map<string, string[]>;
  markers: Set<string>;
}

function bodyKeys(plan: Plan): BodyKeys {
  const keys: BodyKeys = { byNumber: new Map(), markers: new Set() };
  for (const s of plan.sections) {
    if (s.part.scope?.kind === 'appendix' || s.part.kind !== 'work') continue;
    keys.byNumber.set(s.number, [...(keys.byNumber.get(s.number) ?? []), s.title]);
    const marker = /\((\d{1,3})\)\s*$/.exec(s.title);
    if (marker) keys.markers.add(marker[1]);
  }
  return keys;
}

const wordsCache = new Map<string, Set<string>>();

/** The words of a title (memoised: the same titles are compared after every edit). */
function words(s: string): Set<string> {
  let w = wordsCache.get(s);
  if (!w) {
    w = new Set(lowerKey(s).split(/[^\p{L}\d]+/u).filter((x) => x.length > 1));
    if (wordsCache.size >= READ_CELLS_CACHE_MAX) wordsCache.clear();
    wordsCache.set(s, w);
  }
  return w;
}

/** Half the words of the shorter title are in the other. */
function sameWork(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return shared > 0 && shared * 2 >= Math.min(wa.size, wb.size);
}

/** A row covers a body task: by the task's `(n)` marker, or by its number and the words of its title. */
function covers(row: TaskRow, body: BodyKeys): boolean {
  if (body.markers.has(row.number)) return true;
  return (body.byNumber.get(row.number) ?? []).some((title) => sameWork(title, row.title));
}

function rowsOf(table: Table): TaskRow[] {
  return table.format === 'flat' ? flatRows(table) : cellRows(table);
}

/** The table's role, and its rows when it has task columns. */
function readTable(table: Table, body: BodyKeys): { role: TableRole; rows: TaskRow[] } {
  // Without its |---| row Markdown does not render a table, and a ragged one
  // cannot be read column by column: malformed-table reports it, it assigns nothing.
  if (table.malformed || (table.format !== 'flat' && !columns(table)) || !hasTaskColumns(table)) return { role: 'other', rows: [] };
  const rows = rowsOf(table);
  if (rows.length === 0) return { role: 'other', rows };
  const covered = rows.filter((r) => covers(r, body)).length;
  return { role: covered * 2 >= rows.length ? 'assignment' : 'tasks', rows };
}

export function tableRole(plan: Plan, table: Table): TableRole {
  return readTable(table, bodyKeys(plan)).role;
}

interface Analysis {
  rows: TaskRow[];
  assignments: Map<string, TaskRow>;
  roles: Map<Table, TableRole>;
}

const cache = new WeakMap<Plan, Analysis>();

function analyse(plan: Plan): Analysis {
  let hit = cache.get(plan);
  if (hit) return hit;
  const body = bodyKeys(plan);
  hit = { rows: [], assignments: new Map(), roles: new Map() };
  for (const table of plan.tables) {
    const read = readTable(table, body);
    const role = read.role;
    hit.roles.set(table, role);
    if (role === 'other') continue;
    const scope = scopeOf(plan, table.startLine);
    const rows = read.rows.map((r) => withScope(r, scope));
    if (role === 'tasks') hit.rows.push(...rows);
    else for (const r of rows) hit.assignments.set(r.number, r);
  }
  cache.set(plan, hit);
  return hit;
}

/** The task rows of every task table, in document order. */
export function taskRows(plan: Plan): TaskRow[] {
  return analyse(plan).rows;
}

/** The rows of assignment tables, by the number of the task they cover. */
export function assignmentRows(plan: Plan): Map<string, TaskRow> {
  return analyse(plan).assignments;
}

export function roleOf(plan: Plan, table: Table): TableRole {
  return analyse(plan).roles.get(table) ?? 'other';
}

/** A copy of `r` in `scope`, written out (one object shape for every row: cheaper than a spread). */
function withScope(r: TaskRow, scope: Scope | undefined): TaskRow {
  return {
    table: r.table,
    row: r.row,
    number: r.number,
    numberSpan: r.numberSpan,
    group: r.group,
    title: r.title,
    titleSpan: r.titleSpan,
    leadCell: r.leadCell,
    deadlineCell: r.deadlineCell,
    lead: r.lead,
    deadline: r.deadline,
    deadlineInCell: r.deadlineInCell,
    deadlineSpan: r.deadlineSpan,
    coordination: r.coordination,
    scope,
  };
}

function scopeOf(plan: Plan, line: number): Scope | undefined {
  let found: Scope | undefined;
  for (const s of plan.scopes) if (s.line <= line) found = s;
  return found;
}

function filled(cell: TableCell | undefined): string | undefined {
  const t = cell ? cellText(cell.text).replace(/\*+/g, '').trim() : '';
  return t.replace(/[\s.;,:-]/g, '') ? t : undefined;
}

function cellRows(table: Table): TaskRow[] {
  const cols = columns(table)!;
  const keyAt = cols.key >= 0 ? cols.key : 0;
  const out: TaskRow[] = [];
  let group: string | undefined;
  for (const row of table.rows) {
    const keyText = row.cells[keyAt]?.text ?? '';
    const g = groupKey(keyText);
    if (g) {
      group = g;
      continue;
    }
    const number = rowKey(keyText);
    const task = row.cells[cols.task];
    if (!number || !filled(task)) continue;
    const leadCell = row.cells[cols.lead];
    const deadlineCell = cols.deadline >= 0 ? row.cells[cols.deadline] : undefined;
    const keyCell = row.cells[keyAt];
    out.push({
      table,
      row,
      number,
      numberSpan: keyCell.span,
      group,
      title: filled(task)!,
      titleSpan: task.span,
      leadCell,
      deadlineCell,
      lead: filled(leadCell),
      // A table with no deadline column gives no deadline: the row has none.
      deadline: filled(deadlineCell),
      deadlineInCell: true,
      deadlineSpan: deadlineCell?.span,
      coordination: cols.coordination >= 0 ? filled(row.cells[cols.coordination]) : undefined,
    });
  }
  return out;
}

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

function flatRows(table: Table): TaskRow[] {
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
      if (reads![i] === undefined && row.kind === 'row') reads![i] = flatRow(table, row);
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

function flatRow(table: Table, row: TableRow): TaskRow | null {
  // The number's line may hold the first words of the task (`10.  Xây dựng…`).
  const first = row.cells[0];
  const inline = cellText(first.text).replace(/^\(?\d{1,3}\)?\.?\s*/, '');
  const cells = inline ? [{ text: inline, span: { start: first.span.end - inline.length, end: first.span.end } }, ...row.cells.slice(1)] : row.cells.slice(1);
  if (cells.length === 0) return null;
  const withCoordination = (columns(table)?.coordination ?? -1) >= 0;
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
