// The fixes of missing-lead-agency and missing-deadline: insert the missing
// field line in the task, in the task's own style and place.
//   000: `1.1.3. Cơ quan chủ trì: ` between the solutions and the coordination,
//        with the following field numbers of the task moved on by one;
//   002: `* *Tham mưu:* ` / `* *Thời gian thực hiện:* `, the markup of the
//        neighbouring field line;
//   no fields yet: `- Cơ quan chủ trì: ` after the task's last line;
//   a row of a task table: the cursor in the row's empty cell.
// The value is left empty for the drafter to fill: the finding then reads
// “mục … để trống” until it is.

import type { Field, FieldKind, Plan, Section } from '../plan/model';
import { mapRange } from '../text/normalize';
import { eolOf, Fix, isBlankLine, lineEndAt, lineStartAt, TextEdit } from '../fixes/types';
import { boardStyle, planLabels } from '../plan/style';
import { columns } from '../plan/taskTables';
import type { LeadInfo, TaskInfo } from '../plan/tasks';
import { renumberEdits, writeNumber } from './renumberFix';
import type { FixContext } from './types';

/** What a missing-lead-agency or missing-deadline finding is about: the task, and why it falls short. */
export interface TaskFieldData<R extends string> {
  task: TaskInfo;
  reason: R;
}

/** Why a task has no lead: LeadInfo's reason, `none` when there is no assignment at all. */
export type LeadReason = NonNullable<LeadInfo['reason']>;
export type DeadlineReason = 'none' | 'empty' | 'items';

/** Where each field stands in a task: content and solutions, who, with whom, by when. */
const RANK: Record<FieldKind, number> = {
  content: 0,
  solution: 1,
  lead: 2,
  executor: 3,
  coordination: 3,
  oversight: 4,
  advisor: 5,
  deadline: 6,
};

const NAME_EN: Record<FieldKind, string> = {
  content: 'content',
  solution: 'solutions',
  lead: 'lead agency',
  executor: 'executing bodies',
  coordination: 'coordinating bodies',
  oversight: 'overseeing leader',
  advisor: 'advising unit',
  deadline: 'deadline',
};

/** The fields a missing-lead-agency fix adds; none when the field is there but empty. */
export function leadKinds(plan: Plan, reason: LeadReason): FieldKind[] {
  switch (reason) {
    case 'none':
      return boardStyle(plan) ? ['oversight', 'advisor'] : ['lead'];
    case 'no-single-lead':
      return ['lead'];
    case 'no-advisor':
      return ['advisor'];
    case 'no-oversight':
      return ['oversight'];
    default:
      return [];
  }
}

/** The field a missing-deadline fix adds; none when the field is there but empty. */
export function deadlineKinds(reason: DeadlineReason): FieldKind[] {
  return reason === 'none' || reason === 'items' ? ['deadline'] : [];
}

/** Field lines of a task in document order. */
function fieldsInOrder(task: Section): Field[] {
  return [...task.fields].sort((a, b) => a.labelSpan.start - b.labelSpan.start);
}

/** End (normalised) of everything a field says: its numbered section or its value and items. */
function fieldEnd(f: Field): number {
  let end = Math.max(f.valueSpan.end, f.labelSpan.end + 1);
  if (f.section) end = Math.max(end, f.section.span.end);
  for (const it of f.items) end = Math.max(end, it.span.end);
  return end;
}

/** A line in the style of `model`: its bullet, number and label markup. */
function lineLike(plan: Plan, model: Field | undefined, label: string, number: string | undefined): string {
  if (!model) return `- ${label}: `;
  const nt = plan.nt;
  const orig = nt.original;
  const lab = mapRange(nt, model.labelSpan.start, model.labelSpan.end);
  const valueStart = nt.toOriginal(model.valueSpan.start);
  const sep = orig.slice(lab.end, Math.max(lab.end, valueStart)).replace(/\s+$/, '') || ':';
  if (model.section && number) {
    const num = mapRange(nt, model.section.numberSpan.start, model.section.numberSpan.end);
    const start = lineStartAt(orig, num.start);
    return orig.slice(start, num.start) + writeNumber(orig.slice(num.start, num.end), number) + orig.slice(num.end, lab.start) + label + sep + ' ';
  }
  const start = lineStartAt(orig, lab.start);
  let prefix = orig.slice(start, lab.start);
  // A numbered model line without a number to give: keep only its indentation.
  if (model.section) prefix = /^\s*/.exec(prefix)![0] + '- ';
  return prefix + label + sep + ' ';
}

/** Is the line before the one starting at `lineStart` blank (paragraphs set apart)? */
function blankBefore(text: string, lineStart: number): boolean {
  if (lineStart === 0) return false;
  let prev = lineStart - 1;
  if (text[prev] === '\n' && text[prev - 1] === '\r') prev--;
  return isBlankLine(text, lineStartAt(text, prev));
}

/**
 * A task that is a row of a Markdown or tab table: the fix fills the row's
 * empty cell (the cursor lands in it) instead of adding a line. A flattened
 * table has no cell to fill: no fix. Undefined when the task is no row.
 */
function rowCellFixes(ctx: FixContext, t: TaskInfo, lead: boolean): Fix[] {
  const { plan, result } = ctx;
  const cell = lead ? t.lead.cell : t.deadline.emptyCell;
  const cols = columns(t.row!.table);
  if (!cell || !cols) return [];
  const orig = plan.nt.original;
  // Inside the cell, one space after its left border: `| ‸ |`.
  let at = plan.nt.toOriginal(cell.span.start);
  // Only a Markdown or tab cell has a border on its own line to sit after; an HTML cell's span is inside its tags.
  const border = Math.max(orig.lastIndexOf('|', at - 1), orig.lastIndexOf('\t', at - 1));
  if (border >= lineStartAt(orig, at) && border < at) at = orig[border + 1] === ' ' && border + 2 <= at ? border + 2 : border + 1;
  const head = t.row!.table.header[lead ? cols.lead : cols.deadline]?.text.trim() || (lead ? 'Cơ quan chủ trì' : 'Thời gian hoàn thành');
  return [
    {
      title: { vi: `Điền ô ${head} của dòng ${t.number}`, en: `Fill in the “${head}” cell of row ${t.number}` },
      edits: [{ range: result.lineIndex.range(at, at), newText: '', cursor: 0 }],
      preferred: true,
    },
  ];
}

/**
 * The fix of a task without its lead (`lead`) or its deadline: fill the
 * row's cell, or add the `kinds` of field lines. A lettered activity gets
 * none: its fields are lines of its section.
 */
export function taskFieldFixes(ctx: FixContext, t: TaskInfo, kinds: FieldKind[], lead: boolean): Fix[] {
  if (t.row) return rowCellFixes(ctx, t, lead);
  const task = t.form === 'section' ? t.section : undefined;
  if (!task || !kinds.length) return [];
  return insertFieldFixes(ctx, task, kinds);
}

function insertFieldFixes(ctx: FixContext, task: Section, kinds: FieldKind[]): Fix[] {
  const { plan, result } = ctx;
  const nt = plan.nt;
  const orig = nt.original;
  const eol = eolOf(orig);
  const rank = RANK[kinds[0]];
  const fields = fieldsInOrder(task);
  const next = fields.find((f) => RANK[f.kind] > rank);
  const before = next ? fields.filter((f) => f.labelSpan.start < next.labelSpan.start) : fields;
  const prev = before[before.length - 1];
  const model = prev ?? next;

  // Where the new lines go, in the original text, and whether paragraphs
  // there are set apart by blank lines (000) or follow one another.
  let at: number;
  let after: boolean;
  let insertNorm: number;
  let blank: boolean;
  if (prev) {
    insertNorm = fieldEnd(prev);
    at = lineEndAt(orig, nt.toOriginal(insertNorm - 1));
    after = true;
    blank = blankBefore(orig, lineStartAt(orig, nt.toOriginal(prev.section ? prev.section.numberSpan.start : prev.labelSpan.start)));
  } else if (next) {
    insertNorm = next.section ? next.section.numberSpan.start : next.labelSpan.start;
    at = lineStartAt(orig, nt.toOriginal(insertNorm));
    after = false;
    blank = blankBefore(orig, at);
  } else {
    insertNorm = task.span.end;
    at = lineEndAt(orig, nt.toOriginal(Math.max(task.span.start, task.span.end - 1)));
    after = true;
    const last = lineStartAt(orig, at);
    if (last === lineStartAt(orig, nt.toOriginal(task.numberSpan.start))) {
      // Only the heading: the line under it tells.
      const below = at + (orig[at] === '\r' && orig[at + 1] === '\n' ? 2 : 1);
      blank = at < orig.length && isBlankLine(orig, below);
    } else {
      blank = blankBefore(orig, last);
    }
  }
  const gap = blank ? eol + eol : eol;

  // Numbers: the new fields take their place among the task's numbered fields.
  const numbered = !!model?.section;
  const position = task.children.filter((c) => c.numberSpan.start < insertNorm).length;
  const edits: TextEdit[] = [];
  const byKind = planLabels(plan);
  const labels = kinds.map((k) => byKind[k]);
  const lines = kinds.map((k, i) => lineLike(plan, model, labels[i], numbered ? `${task.number}.${position + i + 1}` : undefined));
  const body = lines.join(gap);
  const newText = after ? gap + body : body + gap;
  const cursor = (after ? gap.length : 0) + lines[0].length;
  edits.push({ range: result.lineIndex.range(at, at), newText, cursor });
  if (numbered) {
    task.children.forEach((c, i) => {
      if (i >= position) renumberEdits(ctx, c, `${task.number}.${i + 1 + kinds.length}`, edits);
    });
  }
  const quoted = labels.map((l) => `“${l}”`);
  return [
    {
      title: {
        vi: `Thêm dòng ${labels.join(' và ')}`,
        en: `Add the ${quoted.join(' and ')} line${kinds.length > 1 ? 's' : ''} (${kinds.map((k) => NAME_EN[k]).join(', ')})`,
      },
      edits,
      preferred: true,
    },
  ];
}
