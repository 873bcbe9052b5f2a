// The assignment table (Biểu phân công): a table whose header has a
// `chủ trì` column. A row covers a task by its number (`1.2`) or by a `(n)`
// marker the task's title carries.

import { labelKey } from '../text/vietnamese';
import type { Plan, Section, Table } from './model';

export interface AssignmentRow {
  key: string;
  task?: string;
  lead?: string;
  coordination?: string;
  deadline?: string;
  line: number;
}

interface Columns {
  key: number;
  task: number;
  lead: number;
  coordination: number;
  deadline: number;
}

function columns(table: Table): Columns | undefined {
  const head = table.header.map((c) => labelKey(c.text));
  const find = (re: RegExp) => head.findIndex((h) => re.test(h));
  const lead = find(/chủ trì/);
  if (lead < 0) return undefined;
  return {
    key: find(/^(?:s?tt|số tt|số thứ tự|mục|số)$/),
    task: find(/nhiệm vụ|nội dung|công việc/),
    lead,
    coordination: find(/phối hợp/),
    deadline: find(/thời gian|thời hạn|tiến độ|hoàn thành/),
  };
}

const ROW_KEY = /^\(?\s*(\d{1,2}(?:\.\d{1,2})*)\s*\.?\s*\)?$/;

export function readAssignments(plan: Plan): Map<string, AssignmentRow> {
  const rows = new Map<string, AssignmentRow>();
  for (const table of plan.tables) {
    // Without its |---| row Markdown does not render a table: it assigns nothing.
    if (table.malformed === 'separator') continue;
    const cols = columns(table);
    if (!cols) continue;
    for (const row of table.rows) {
      const cell = (i: number) => (i >= 0 ? row.cells[i]?.text.trim() || undefined : undefined);
      const keyText = cell(cols.key) ?? row.cells.map((c) => c.text.trim()).find((t) => ROW_KEY.test(t));
      const m = keyText ? ROW_KEY.exec(keyText) : null;
      if (!m) continue;
      rows.set(m[1], {
        key: m[1],
        task: cell(cols.task),
        lead: cell(cols.lead),
        coordination: cell(cols.coordination),
        deadline: cell(cols.deadline),
        line: row.line,
      });
    }
  }
  return rows;
}

const cache = new WeakMap<Plan, Map<string, AssignmentRow>>();

export function assignmentFor(plan: Plan, section: Section): AssignmentRow | undefined {
  let rows = cache.get(plan);
  if (!rows) {
    rows = readAssignments(plan);
    cache.set(plan, rows);
  }
  if (rows.size === 0) return undefined;
  const byNumber = rows.get(section.number);
  if (byNumber) return byNumber;
  const marker = /\((\d{1,2})\)\s*$/.exec(section.title);
  return marker ? rows.get(marker[1]) : undefined;
}
