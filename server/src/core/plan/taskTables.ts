// Task tables: tables whose header has a task column and a lead column. Each
// numbered row is a task with its own lead, deadline and coordinating bodies;
// a row numbered with a Roman numeral (`I.`, `**II.**`) is a group. A table
// whose rows cover the body's tasks by number or `(n)` is an assignment table
// instead (assignment.ts): its rows complete those tasks, they add none.

import { cellText, lowerKey } from './flatTables';
import type { Plan, Scope, Span, Table, TableCell, TableRow } from './model';
import { flatRows } from './flatTaskRows';

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
    // Memoised by the header's cells: after every edit the same headers are asked about.
    const key = table.header.map((c) => c.text).join('\u0001');
    let yes = flatHeaderCache.get(key);
    if (yes === undefined) {
      yes = flatHeaderHasTaskColumns(table);
      if (flatHeaderCache.size >= WORDS_CACHE_MAX) flatHeaderCache.clear();
      flatHeaderCache.set(key, yes);
    }
    return yes;
  }
  const cols = columns(table);
  return !!cols && cols.task >= 0;
}

const flatHeaderCache = new Map<string, boolean>();

function flatHeaderHasTaskColumns(table: Table): boolean {
  const second = table.header[1] ? lowerKey(cellText(table.header[1].text)) : '';
  if (/^(?:đơn vị|cơ quan|bộ, ngành)$/.test(second)) return false;
  const joined = headerText(table);
  return TASK_COLUMN.test(joined) && LEAD_COLUMN.test(joined);
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
/** Titles kept before the cache starts again (as many as the flattened cells' cache, flatTaskRows.ts). */
const WORDS_CACHE_MAX = 20_000;

/** The words of a title (memoised: the same titles are compared after every edit). */
function words(s: string): Set<string> {
  let w = wordsCache.get(s);
  if (!w) {
    w = new Set(lowerKey(s).split(/[^\p{L}\d]+/u).filter((x) => x.length > 1));
    if (wordsCache.size >= WORDS_CACHE_MAX) wordsCache.clear();
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
  return table.format === 'flat' ? flatRows(table, (columns(table)?.coordination ?? -1) >= 0) : cellRows(table);
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
