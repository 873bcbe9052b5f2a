// The task list the editor shows (tree view, status bar): each task's number,
// title, where its heading stands, who leads it and by when, with counts of
// what is missing. Pure data shaping over the lint result; the LSP adapter
// (lsp/features/tasks.ts) and the client share these types.

import type { LintResult } from '../lint';
import { assignmentLines, toCsv, toMarkdown } from '../plan/assignmentTable';
import { LeadStatus, taskInfos } from '../plan/tasks';
import type { Range } from '../text/lineIndex';
import { mapRange } from '../text/normalize';

export interface TaskEntry {
  /** Canonical number without the trailing dot: `1.2`. */
  number: string;
  title: string;
  /** The whole task, heading to its last line. */
  range: Range;
  /** The heading (number and title). */
  selectionRange: Range;
  /** Who leads, as written; null when no lead is named. */
  lead: string | null;
  leadStatus: LeadStatus;
  /** The deadline as written (may be partial when `deadlineGiven` is false); null when none. */
  deadline: string | null;
  deadlineGiven: boolean;
  /** `plan-wide`: the lead, or the deadline, is the one the plan gives once for all its tasks. */
  leadFrom?: 'plan-wide';
  deadlineFrom?: 'plan-wide';
}

function planWideSource(src: unknown): 'plan-wide' | undefined {
  return src && typeof src === 'object' && 'kind' in src && (src as { kind: string }).kind === 'plan-wide' ? 'plan-wide' : undefined;
}

export interface TaskCounts {
  tasks: number;
  missingLead: number;
  missingDeadline: number;
}

export interface TaskListResult {
  isPlan: boolean;
  tasks: TaskEntry[];
  counts: TaskCounts;
}

export type AssignmentTableFormat = 'md' | 'csv';

export interface AssignmentTableResult {
  content: string;
}

/** What a text that is not a plan (or not open) answers. */
export function emptyTaskList(): TaskListResult {
  return { isPlan: false, tasks: [], counts: { tasks: 0, missingLead: 0, missingDeadline: 0 } };
}

function rangeOf(result: LintResult, start: number, end: number): Range {
  const o = mapRange(result.plan!.nt, start, end);
  return result.lineIndex.range(o.start, o.end);
}

/**
 * The tasks of an analysed text. `isPlan` overrides the parser's own guess
 * (the server knows the language and the `kehoach.detectPlans` setting);
 * a text that is not a plan lists no tasks.
 */
export function taskList(result: LintResult, isPlan: boolean = result.plan?.looksLikePlan ?? false): TaskListResult {
  const plan = result.plan;
  if (!plan || !isPlan) return emptyTaskList();
  const tasks = taskInfos(plan).map((t): TaskEntry => ({
    number: t.number,
    title: t.title,
    range: rangeOf(result, t.extent.start, Math.max(t.extent.end, t.span.end)),
    selectionRange: rangeOf(result, t.span.start, t.span.end),
    lead: t.lead.status === 'missing' || !t.lead.names.length ? null : t.lead.names.join(', '),
    leadStatus: t.lead.status,
    deadline: t.deadline.text ? t.deadline.text : null,
    deadlineGiven: t.deadline.given,
    ...(planWideSource(t.lead.source) ? { leadFrom: 'plan-wide' as const } : {}),
    ...(planWideSource(t.deadline.source) ? { deadlineFrom: 'plan-wide' as const } : {}),
  }));
  return {
    isPlan: true,
    tasks,
    counts: {
      tasks: tasks.length,
      missingLead: tasks.filter((t) => t.leadStatus === 'missing').length,
      missingDeadline: tasks.filter((t) => !t.deadlineGiven).length,
    },
  };
}

/** The assignment table (Biểu phân công) of an analysed text, as Markdown or CSV. */
export function assignmentTable(result: LintResult, format: AssignmentTableFormat, lang: 'vi' | 'en' = 'vi'): AssignmentTableResult {
  const lines = result.plan ? assignmentLines(result.plan) : [];
  return { content: format === 'csv' ? toCsv(lines, lang) : toMarkdown(lines, lang) };
}
