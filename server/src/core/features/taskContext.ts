// The task a cursor line belongs to, for completions: the section before the
// line, reached only over blank lines or the section's own lines, so a line
// in Nơi nhận or under the next part heading belongs to no task.

import type { Plan, Section } from '../plan/model';
import { lineOf, sectionBefore } from './common';

export interface TaskContext {
  /** The innermost section before the line. */
  section: Section;
  /** Its task (itself, or the task a field section belongs to), if any. */
  task?: Section;
  /** The line is past the task's last line of text. */
  afterTask: boolean;
}

/**
 * The task holding `s`, judged on the lines before `line` only: the line being
 * typed (`1.1.6.`, `1.5`) is already parsed as a section and would otherwise
 * turn its task into a group.
 */
function taskOf(s: Section, line: number): Section | undefined {
  for (let x: Section | undefined = s; x; x = x.parent) {
    if (x.role === 'field') continue;
    if (x.part.kind !== 'work') return undefined;
    return x.children.every((c) => c.role === 'field' || c.headingLine >= line) ? x : undefined;
  }
  return undefined;
}

/** Context of normalised line `line`, judged from the lines before it. */
export function taskContext(plan: Plan, line: number): TaskContext | undefined {
  const section = sectionBefore(plan, line - 1);
  if (!section) return undefined;
  const last = lineOf(plan, Math.max(section.span.start, section.span.end - 1));
  for (let l = last + 1; l < line; l++) if (plan.lines[l].text.trim()) return undefined;
  // A part heading between the section and the line starts other content.
  const part = plan.parts.filter((p) => !p.implicit && p.headingLine < line).pop();
  if (part && part !== section.part && part.headingLine > section.headingLine) return undefined;
  const task = taskOf(section, line);
  const taskLast = task ? lineOf(plan, Math.max(task.span.start, task.span.end - 1)) : -1;
  return { section, task, afterTask: !!task && line > taskLast };
}
