// A lead or a time the plan gives once for all its tasks: `Giao Sở Nội vụ chủ
// trì, phối hợp với các sở, ngành liên quan triển khai thực hiện Kế hoạch này`,
// `UBND các huyện, thị xã, thành phố chủ trì thực hiện Kế hoạch`, a title
// `Kế hoạch … năm 2022` / `… giai đoạn 2021 - 2025`, a plan-level
// `Thời gian thực hiện: năm 2026`. Read conservatively: the sentence's object
// is the plan itself (`Kế hoạch này`, `Chương trình`, `các nhiệm vụ trên`),
// never one task, and nothing inside a task is read.

import { headerOf } from './header';
import type { Plan, Span } from './model';
import { columns } from './taskTables';
import type { TaskInfo } from './tasks';

/** Where a plan-wide lead or time is written. */
export interface PlanWideSource {
  kind: 'plan-wide';
  /** The sentence or title as written. */
  text: string;
  /** 0-based line. */
  line: number;
  span: Span;
}

export interface PlanWide {
  lead?: { names: string[]; collective: boolean; source: PlanWideSource };
  /** A plan-level `Đơn vị chủ trì thực hiện: Sở X` line: a setting like the period, no assignment sentence. */
  fieldLead?: { names: string[]; collective: boolean; source: PlanWideSource };
  period?: { text: string; source: PlanWideSource };
}

// The plan as the object of the assignment, at the end of the clause.
const PLAN_OBJECT = String.raw`(?:kế hoạch|chương trình(?: hành động)?|đề án|các (?:nhiệm vụ|nội dung|hoạt động) (?:trên|nêu trên|của kế hoạch(?: này)?))(?:\s+này)?`;
// `X chủ trì[, phối hợp với Y] [tổ chức] triển khai [thực hiện] | thực hiện <plan>` closing the clause.
const PLAN_LEAD = new RegExp(
  String.raw`^(?:giao\s+)?(.{3,160}?)\s+(?:là cơ quan\s+|làm\s+)?chủ trì((?:\s*,?\s*phối hợp(?:\s+với)?\s+[^.;:]{1,200}?)?)\s*,?\s*` +
    String.raw`(?:tổ chức\s+)?(?:triển khai(?:\s*,?\s*(?:tổ chức\s+)?thực hiện)?|thực hiện)\s+(?:có hiệu quả\s+|nghiêm túc\s+)?` +
    PLAN_OBJECT +
    String.raw`\s*(?:[.;,]|$)`,
  'iu',
);
// Monitoring the plan, reporting on it, guiding others in it: the body oversees, it does not lead the tasks.
const OVERSEES = /(?:^|[\s,])(?:theo dõi|đôn đốc|kiểm tra|giám sát|hướng dẫn|tổng hợp|báo cáo|sơ kết|tổng kết|tham mưu|đánh giá|việc)(?=[\s,]|$)/iu;
// Words that make the subject no body: `Các cơ quan căn cứ…`, a condition, a verb phrase.
const NOT_A_BODY = /(?:^|\s)(?:căn cứ|trên cơ sở|nhằm|để|nếu|khi|trường hợp|đề nghị|yêu cầu|có trách nhiệm)(?:\s|$)/iu;
const COLLECTIVE = /^(?:các|những|toàn thể|tất cả|ủy ban nhân dân các|ubnd các|uỷ ban nhân dân các)\s/iu;

// A period: `giai đoạn 2021 - 2025`, `năm 2026` (not a date's year, not a horizon `đến năm 2030`).
const PERIOD = /(?:giai đoạn|thời kỳ)\s+\(?\s*((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\s*\)?|(?<!\p{L}|tháng\s+\d{1,2}\s+|đến\s+|tầm nhìn\s+)năm\s+((?:19|20)\d\d)(?!\s*[-–/])/iu;
const LEAD_LINE = /^(?:[-–+•]\s*|\d{1,2}\.\s*)?(?:cơ quan|đơn vị) chủ trì(?: thực hiện)?(?: kế hoạch)?\s*:\s*(.+)$/iu;
const TIME_LINE = /^(?:[-–+•]\s*|\d{1,2}\.\s*)?thời gian(?: thực hiện| triển khai)?(?: kế hoạch)?\s*:\s*(.+)$/iu;

/** A period that ends before the plan's year is what the title is about (`khắc phục khuyết điểm năm 2025`), not when it runs. */
function periodIn(text: string, planYear: number | undefined): string | undefined {
  const m = PERIOD.exec(text);
  if (!m) return undefined;
  const end = Number(m[2] ?? m[3]);
  if (planYear !== undefined && end < planYear) return undefined;
  return m[0];
}

interface Sentence {
  text: string;
  line: number;
  span: Span;
}

/** The sentences of the text outside `inside` lines, joined over wrapped lines (a paragraph ends at a blank line or a new numbered or bulleted line). */
function sentences(plan: Plan, inside: (line: number) => boolean): Sentence[] {
  const out: Sentence[] = [];
  let buf: { text: string; line: number; start: number; end: number } | undefined;
  const flush = () => {
    if (!buf) return;
    for (const piece of buf.text.split(/(?<=[.;])\s+/)) out.push({ text: piece.trim(), line: buf.line, span: { start: buf.start, end: buf.end } });
    buf = undefined;
  };
  for (const l of plan.lines) {
    const t = l.text.trim();
    if (!t || inside(l.index) || plan.skipped.has(l.index)) {
      flush();
      continue;
    }
    const opens = /^(?:[-–+•*]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[IVX]{1,5}[.-])\s/u.test(t);
    // A wrapped line goes on the paragraph; a heading (no lower case) or a closed sentence ends it.
    const goesOn = buf && !opens && (/^\p{Ll}/u.test(t) || (!/[.;:!?]$/.test(buf.text) && /\p{Ll}/u.test(buf.text)));
    if (buf && goesOn) {
      buf.text += ' ' + t;
      buf.end = l.end;
    } else {
      flush();
      buf = { text: t, line: l.index, start: l.start, end: l.end };
    }
  }
  flush();
  return out;
}

function leadIn(s: Sentence): PlanWide['lead'] {
  const text = s.text.replace(/^(?:[-–+•]\s*|\d{1,2}(?:\.\d{1,2})*[.)]\s*)/u, '').replace(/\*+/g, '');
  const m = PLAN_LEAD.exec(text);
  if (!m || OVERSEES.test(m[2])) return undefined;
  const name = m[1].replace(/^(?:giao|đề nghị|mời)\s+/iu, '').trim().replace(/[,:]+$/, '');
  if (!name || NOT_A_BODY.test(name) || !/^\p{Lu}/u.test(name)) return undefined;
  return { names: [name], collective: COLLECTIVE.test(name), source: { kind: 'plan-wide', text: s.text, line: s.line, span: s.span } };
}

/**
 * What the plan assigns once for every task. `inside(line)` is true on the
 * lines of a task: a sentence there is that task's, not the plan's. Two
 * different plan-wide leads cancel out: the plan then assigns per part.
 */
export function planWide(plan: Plan, inside: (line: number) => boolean, planYear: number | undefined): PlanWide {
  const out: PlanWide = {};
  const all = sentences(plan, inside);
  const leads = all.map(leadIn).filter((x): x is NonNullable<PlanWide['lead']> => !!x);
  if (leads.length && leads.every((l) => l.names[0] === leads[0].names[0])) out.lead = leads[0];
  if (plan.title) {
    const p = periodIn(plan.title.summary, planYear);
    if (p) out.period = { text: p, source: { kind: 'plan-wide', text: plan.title.summary, line: plan.title.line, span: plan.title.span } };
  }
  for (const s of all) {
    const m = LEAD_LINE.exec(s.text.replace(/\*+/g, ''));
    const name = m?.[1].trim().replace(/[.;,]+$/, '');
    if (name && /^\p{Lu}/u.test(name) && !name.includes(',')) {
      out.fieldLead = { names: [name], collective: COLLECTIVE.test(name), source: { kind: 'plan-wide', text: s.text, line: s.line, span: s.span } };
      break;
    }
  }
  if (!out.period) {
    for (const s of all) {
      const m = TIME_LINE.exec(s.text.replace(/\*+/g, ''));
      const p = m && periodIn(m[1], planYear);
      if (p) {
        out.period = { text: m[1].trim().replace(/[.;]+$/, ''), source: { kind: 'plan-wide', text: s.text, line: s.line, span: s.span } };
        break;
      }
    }
  }
  return out;
}

/** The lines of the tasks found: a sentence there belongs to its task, not to the plan. */
export function taskLines(plan: Plan, infos: TaskInfo[]): (line: number) => boolean {
  const marks = new Uint8Array(plan.lines.length);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = plan.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (plan.lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const t of infos) {
    const end = lineAt(Math.max(t.extent.end, t.span.end));
    for (let i = lineAt(Math.min(t.extent.start, t.span.start)); i <= end; i++) marks[i] = 1;
  }
  return (line) => marks[line] === 1;
}

export function planYear(plan: Plan): number | undefined {
  const h = headerOf(plan);
  if (h.date) return h.date.year;
  const m = h.dateLine && /năm\s+((?:19|20)\d\d)/iu.exec(h.dateLine.text);
  return m ? Number(m[1]) : undefined;
}

/** The list a task stands in: its section's activities, its parent's sections, its table's rows. */
export function groupOf(t: TaskInfo): unknown {
  if (t.row) return t.row.table;
  if (t.activity) return t.activity.section;
  return t.section?.parent ?? t.section?.part;
}

/**
 * A task that has no place of its own for a lead or a time takes the one the
 * plan gives once. A field or a cell left empty is a blank the drafter left in
 * a form that asks for it, and a row of a task table has a lead column: both
 * stay as they are; a row takes the plan's time only when its table has no
 * deadline column. The plan's period (its title's year, a plan-level time
 * line, a plan-level `Đơn vị chủ trì thực hiện:` line) is no assignment
 * sentence: where fellow tasks give their own, the plan sets them task by
 * task and one without is forgotten.
 */
export function withPlanWide(t: TaskInfo, wide: PlanWide, timedGroups: Set<unknown>, ledGroups: Set<unknown>): TaskInfo {
  let { lead, deadline } = t;
  const given = wide.lead ?? (ledGroups.has(groupOf(t)) ? undefined : wide.fieldLead);
  if (given && t.form !== 'row' && lead.status === 'missing' && lead.reason === 'none') {
    lead = { status: given.collective ? 'collective' : 'named', names: given.names, source: given.source };
  }
  const noColumn = t.form !== 'row' || (t.row && !t.row.deadlineCell && (columns(t.row.table)?.deadline ?? -1) < 0 && t.row.table.format !== 'flat');
  if (wide.period && noColumn && !timedGroups.has(groupOf(t)) && !deadline.given && !deadline.text && !deadline.emptyField && !deadline.emptyCell) {
    deadline = { given: true, text: wide.period.text, source: wide.period.source, itemsWithout: [] };
  }
  return lead === t.lead && deadline === t.deadline ? t : { ...t, lead, deadline };
}
