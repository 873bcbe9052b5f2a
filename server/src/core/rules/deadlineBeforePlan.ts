// deadline-before-plan: a task due before the plan's own date had passed when
// the plan was signed (`Quý I/2026` in a programme of 08/4/2026). Reviewers
// send such plans back. Only deadlines that name a last day are read: a start
// (`Từ quý I/2026`) or a standing duty (`Thường xuyên`) has none.

import { compare, DayDate, deadlineEnd } from '../plan/deadlineDates';
import { taskLabel } from '../plan/headings';
import { headerOf } from '../plan/header';
import type { Plan, Span } from '../plan/model';
import { TaskInfo, taskInfos } from '../plan/tasks';
import type { Finding, Rule } from './types';

function dmy(d: DayDate): string {
  return `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;
}

/** Where the deadline is written: its field's value, its table cell, else the task's heading. */
function deadlineSpan(t: TaskInfo): Span {
  const src = t.deadline.source;
  if (src && typeof src === 'object' && 'valueSpan' in src) {
    const first = src.value.split('\n')[0];
    return { start: src.valueSpan.start, end: Math.max(src.valueSpan.start, Math.min(src.valueSpan.end, src.valueSpan.start + first.length)) };
  }
  return t.row?.deadlineSpan ?? t.span;
}

/** The deadline text read as a date, when it is one a reviewer would: a field, a cell, an inline phrase. */
function writtenDeadline(t: TaskInfo): string | undefined {
  const d = t.deadline;
  if (!d.given || !d.text) return undefined;
  // A phrase found in a flattened row's run-together text is not the deadline cell.
  if (t.row && !t.row.deadlineInCell) return undefined;
  // The plan's period (its title's year) is when the plan runs, not a task's deadline.
  if (d.source && typeof d.source === 'object' && 'kind' in d.source && d.source.kind === 'plan-wide') return undefined;
  return d.text;
}

function planDay(plan: Plan): DayDate | undefined {
  const date = headerOf(plan).date;
  return date ? { year: date.year, month: date.month, day: date.day } : undefined;
}

/** The task, its deadline and the plan's date (`dd/mm/yyyy`). */
export interface DeadlineBeforePlanData {
  task: string;
  deadline: string;
  planDate: string;
}

export const deadlineBeforePlan: Rule<DeadlineBeforePlanData> = {
  id: 'deadline-before-plan',
  defaultSeverity: 'warning',
  description: {
    vi: 'Thời hạn của nhiệm vụ không được sớm hơn ngày ban hành kế hoạch.',
    en: 'No task is due before the date of the plan itself.',
  },
  docs: 'docs/rules/deadline-before-plan.md',
  check({ plan }) {
    const day = planDay(plan);
    if (!day) return [];
    const out: Finding<DeadlineBeforePlanData>[] = [];
    for (const t of taskInfos(plan)) {
      const text = writtenDeadline(t);
      const end = text ? deadlineEnd(text) : undefined;
      if (!end || compare(end, day) >= 0) continue;
      const task = taskLabel(t);
      out.push({
        span: deadlineSpan(t),
        message: {
          vi: `Nhiệm vụ ${task}: thời hạn “${text}” (hết ngày ${dmy(end)}) đã qua trước ngày ban hành kế hoạch (${dmy(day)}).`,
          en: `Task ${task}: the deadline “${text}” (ends ${dmy(end)}) had passed by the plan's own date (${dmy(day)}).`,
        },
        data: { task: t.number, deadline: dmy(end), planDate: dmy(day) },
      });
    }
    return out;
  },
};
