// The assignment table (Biểu phân công): a table with a `chủ trì` column
// whose rows cover the body's tasks, by number (`1.2`) or by a `(n)` marker
// the task's title carries (see taskTables.ts for how a table is told apart
// from a table of tasks of its own).

import type { Plan, Section } from './model';
import { assignmentRows, TaskRow } from './taskTables';

export type AssignmentRow = TaskRow;

export function assignmentFor(plan: Plan, section: Section): AssignmentRow | undefined {
  const rows = assignmentRows(plan);
  if (rows.size === 0) return undefined;
  const byNumber = rows.get(section.number);
  if (byNumber) return byNumber;
  const marker = /\((\d{1,3})\)\s*$/.exec(section.title);
  return marker ? rows.get(marker[1]) : undefined;
}
