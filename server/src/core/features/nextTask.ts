// The snippet of the next task, written the way the plan writes its tasks:
// the heading as the previous task's (`### 1.5.`, `**1.5.**`, `1.5.`), then
// numbered fields (000: `1.5.1. Nội dung cần khắc phục:` … `1.5.5. Thời gian
// thực hiện:`) or labelled bullets (002: `* Giải pháp thực hiện:`, `* Phân
// công theo dõi, chỉ đạo:`, `* Tham mưu:`), with the plan's own label wording.

import type { FieldKind, Plan, Section } from '../plan/model';
import { mapRange } from '../text/normalize';
import { boardStyle, planLabels } from '../plan/style';

/** Kinds a new task carries: the lead and the deadline always, so it is complete. */
const NUMBERED_KINDS: FieldKind[] = ['content', 'solution', 'lead', 'coordination', 'deadline'];
const BOARD_KINDS: FieldKind[] = ['solution', 'oversight', 'advisor'];
// Labelled bullets cannot nest the solution's own bullets: the solution is left out.
const BULLET_KINDS: FieldKind[] = ['content', 'lead', 'coordination', 'deadline'];

/** The label a new field gets when the plan has none of its kind. */

const DEADLINE_CHOICE = 'Hoàn thành trong quý …/…,Thực hiện thường xuyên';
const INLINE_DEADLINE_CHOICE = 'thực hiện thường xuyên,hoàn thành trong quý …/…';

/** Literal text inside a snippet. */
export function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}

/** Original text of the line a normalised offset stands on, cut at that offset. */
function originalLine(plan: Plan, offset: number): { before: string; line: string; at: number } {
  const o = plan.nt.original;
  const at = plan.nt.toOriginal(offset);
  let start = at;
  while (start > 0 && o[start - 1] !== '\n' && o[start - 1] !== '\r') start--;
  let end = at;
  while (end < o.length && o[end] !== '\n' && o[end] !== '\r') end++;
  return { before: o.slice(start, at), line: o.slice(start, end), at: at - start };
}

/** Heading of a new section numbered `number`, shaped like `like`'s heading. */
function headingLike(plan: Plan, like: Section, number: string, title: string): string {
  const { before, line, at } = originalLine(plan, like.numberSpan.start);
  const num = mapRange(plan.nt, like.numberSpan.start, like.numberSpan.end);
  const numLen = num.end - num.start;
  const rest = line.slice(at + numLen);
  // `.`, `. `, `.** `, `\. ` up to the title; closing markup after it (`**1.2. Title**`).
  const between = /^[\\.)*_\s]*/.exec(rest)![0];
  const closing = /[*_]+\s*$/.exec(rest.slice(between.length))?.[0].trim() ?? '';
  const lead = before.replace(/[^#\s*_>]/g, '');
  return `${escapeSnippet(lead + number + (between || '. '))}${title}${escapeSnippet(closing)}`;
}

/** `- ` or `* ` as the plan writes its bullets under a field, from a sample line. */
function bulletOf(plan: Plan, line: number | undefined, fallback: string): string {
  if (line === undefined) return fallback;
  const m = /^\s*([-+*•])\s+/.exec(plan.lines[line].text);
  return m ? `${m[1]} ` : fallback;
}

/** A line holding a solution's own bullet (not the label line), this task's first, else any task's. */
function solutionItemLine(plan: Plan, prev: Section): number | undefined {
  const tasks = [prev, ...plan.sections.filter((s) => s.role === 'task')];
  for (const t of tasks) {
    for (const f of t.fields) {
      const item = f.kind === 'solution' ? f.items.find((it) => it.line !== f.line) : undefined;
      if (item) return item.line;
    }
  }
  return undefined;
}

export interface TaskSnippet {
  number: string;
  /** The new task's number as shown in the list: `1.5.`. */
  label: string;
  snippet: string;
}

/**
 * The task after `prev` (`1.4` → `1.5`); with `group`, a new group after
 * `prev`'s group (`1` → `2`) holding its first task (`2.1`).
 */
export function nextTaskSnippet(plan: Plan, prev: Section, group?: Section): TaskSnippet {
  const bump = (c: number[]) => [...c.slice(0, -1), c[c.length - 1] + 1].join('.');
  const labels = planLabels(plan);
  // Blank lines after a heading and between fields, as the previous task has them.
  const after = (line: number) => (plan.lines[line + 1]?.text.trim() === '' ? '\n\n' : '\n');
  let tab = 1;
  let head = '';
  let number: string;
  if (group) {
    const groupNumber = bump(group.components);
    head += headingLike(plan, group, groupNumber, `\${${tab++}:…}`) + after(group.headingLine);
    number = `${groupNumber}.1`;
  } else number = bump(prev.components);
  head += headingLike(plan, prev, number, `\${${tab++}:…}`) + after(prev.headingLine);

  const fields: string[] = [];
  const numberedField = prev.fields.find((f) => f.section)?.section;
  const itemBullet = bulletOf(plan, solutionItemLine(plan, prev), '- ');
  if (numberedField) {
    NUMBERED_KINDS.forEach((kind, i) => {
      const lead = headingLike(plan, numberedField, `${number}.${i + 1}`, '').replace(/[*_]+$/, '');
      const label = escapeSnippet(labels[kind]);
      if (kind === 'solution') fields.push(`${lead}${label}:`, `${itemBullet}\${${tab++}:…}`);
      else if (kind === 'deadline') fields.push(`${lead}${label}: \${${tab++}|${DEADLINE_CHOICE}|}.`);
      else if (kind === 'content') fields.push(`${lead}${label}: \${${tab++}:…}`);
      else fields.push(`${lead}${label}: \${${tab++}:…}.`);
    });
  } else {
    const board = boardStyle(plan);
    const fieldBullet = bulletOf(plan, prev.fields[0]?.line, board ? '* ' : '- ');
    for (const kind of board ? BOARD_KINDS : BULLET_KINDS) {
      const label = escapeSnippet(labels[kind]);
      if (kind === 'solution') {
        fields.push(`${fieldBullet}${label}:`);
        // Board plans give each solution its own deadline in brackets.
        fields.push(board ? `${itemBullet}\${${tab++}:…} (\${${tab++}|${INLINE_DEADLINE_CHOICE}|}).` : `${itemBullet}\${${tab++}:…}`);
      } else if (kind === 'deadline') fields.push(`${fieldBullet}${label}: \${${tab++}|${DEADLINE_CHOICE}|}.`);
      else if (kind === 'oversight') fields.push(`${fieldBullet}${label}: Đồng chí \${${tab++}:…}.`);
      else fields.push(`${fieldBullet}${label}: \${${tab++}:…}${kind === 'content' ? '' : '.'}`);
    }
  }
  const nl = after(prev.fields[0]?.line ?? prev.headingLine);
  return { number, label: `${number}.`, snippet: head + fields.join(nl) + '\n$0' };
}
