// What each task says about who leads it and by when: read from its fields,
// its group's fields, inline deadlines on its items, and the assignment table.

import { labelKey } from '../text/vietnamese';
import { AssignmentRow, assignmentFor } from './assignment';
import { headingSpan } from './headings';
import type { Activity, Field, Item, Plan, Section, Span, TableCell } from './model';
import { groupOf, planWide, PlanWideSource, planYear, taskLines, withPlanWide } from './planWide';
import { TaskRow, taskRows } from './taskTables';

export type LeadStatus = 'named' | 'collective' | 'missing';

export interface LeadInfo {
  status: LeadStatus;
  /** Who leads, as written. */
  names: string[];
  /** Where the lead was found; `plan-wide`: a sentence that assigns the whole plan. */
  source?: Field | AssignmentRow | PlanWideSource;
  /** Why there is no lead, when `missing`: machine-readable. */
  reason?: 'none' | 'empty' | 'no-single-lead' | 'no-advisor' | 'no-oversight';
  /** The field that named no lead (empty value, executor list without chủ trì). */
  field?: Field;
  /** The empty lead cell of a table row. */
  cell?: TableCell;
}

export interface DeadlineInfo {
  given: boolean;
  /** The deadline text (field value or the first inline phrase). */
  text?: string;
  source?: Field | AssignmentRow | Item | 'title' | PlanWideSource;
  /** Work items lacking an inline deadline while their siblings carry one. */
  itemsWithout: Item[];
  /** An empty `Thời gian thực hiện:` field. */
  emptyField?: Field;
  /** The empty deadline cell of a table row. */
  emptyCell?: TableCell;
}

/** How the plan sets the task out: a numbered section, a row of a task table, a lettered activity. */
export type TaskForm = 'section' | 'row' | 'activity';

export interface TaskInfo {
  form: TaskForm;
  /** The numbered section, when the task is one or holds the activity. */
  section?: Section;
  /** The lettered activity, when the task is one. */
  activity?: Activity;
  /** The table row, when the task is one. */
  row?: TaskRow;
  /** `1.2`, or the row's number. */
  number: string;
  title: string;
  /** 0-based line of the heading or the row. */
  line: number;
  /** Where findings on the task sit: the heading, or the row's number and first words. */
  span: Span;
  /** The whole task: heading to its last line, or the row. */
  extent: Span;
  lead: LeadInfo;
  deadline: DeadlineInfo;
  coordination: string[];
}

// Explicit deadlines written on an item. A year inside a name (`Quy hoạch …
// đến năm 2050`) matches none of these.
const INLINE_DEADLINE = new RegExp(
  [
    String.raw`\(\s*(?:đã\s+)?hoàn thành[^)]*\)`,
    String.raw`\(\s*thời (?:gian|hạn)[^)]*\)`,
    String.raw`\(\s*(?:thực hiện\s+)?thường xuyên[^)]*\)`,
    String.raw`\(\s*(?:trong|trước|từ|vào)\s+(?:quý\s+[ivx]+|tháng\s+\d{1,2}|năm\s+\d{4}|ngày\s+\d)[^)]*\)`,
    String.raw`\(\s*(?:quý\s+[ivx]+|tháng\s+\d{1,2})\s*/\s*\d{4}\s*\)`,
    String.raw`\(\s*hằng (?:năm|quý|tháng)\s*\)`,
    String.raw`(?:hoàn thành|xong)\s+(?:trong|trước|vào|chậm nhất)\s+(?:quý\s+[ivx]+\s*/\s*\d{4}|tháng\s+\d{1,2}\s*/\s*\d{4}|năm\s+\d{4}|ngày\s+\d{1,2}\s*/\s*\d{1,2})`,
    String.raw`(?:trước|trong)\s+ngày\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?`,
  ].join('|'),
  'iu',
);

/** The first explicit deadline in a text already normalised (NFC, tone-folded). */
export function inlineDeadline(text: string): string | undefined {
  const m = INLINE_DEADLINE.exec(text);
  return m ? m[0].replace(/^\(\s*|\s*\)$/g, '') : undefined;
}

const CHU_TRI = /chủ trì/i;
const COLLECTIVE = /^(?:các|những|toàn thể|tất cả)\s/i;

/** Splits a list of bodies: `Sở A, Sở B, Sở C`. */
function bodies(value: string): string[] {
  return value
    .replace(/\(.*?\)/g, '')
    // Not on `và`: names such as Sở Nông nghiệp và Môi trường contain it.
    .split(/[,;]/)
    .map((s) => s.trim().replace(/[.;,]+$/, ''))
    .filter(Boolean);
}

function firstLine(value: string): string {
  return value.split('\n')[0].trim().replace(/[.;,]+$/, '');
}

/** Reads an executor value: who `chủ trì`, one body, a collective, or a list. */
export function leadFromExecutor(value: string): { status: LeadStatus; names: string[] } {
  const flat = value.replace(/\s+/g, ' ').trim();
  const m = CHU_TRI.exec(flat);
  if (m) {
    // `UBND tỉnh chỉ đạo Sở X chủ trì, phối hợp…`: the lead stands before chủ trì.
    let before = flat.slice(0, m.index).trim();
    const directs = /\bchỉ đạo\s+/i.exec(before);
    if (directs) before = before.slice(directs.index + directs[0].length);
    before = before.replace(/\s*căn cứ chức năng,? nhiệm vụ.*$/i, '').replace(/\s*(?:là|làm)\s*$/i, '').trim();
    const names = bodies(before);
    if (names.length) return { status: 'named', names };
    // `Chủ trì: …` inside the value.
    const after = flat.slice(m.index + m[0].length).replace(/^\s*:?\s*/, '');
    return after ? { status: 'named', names: [firstLine(after)] } : { status: 'missing', names: [] };
  }
  const list = bodies(flat);
  if (list.length === 0) return { status: 'missing', names: [] };
  if (list.length === 1) return { status: COLLECTIVE.test(list[0]) ? 'collective' : 'named', names: list };
  // Several bodies, none named to lead: a collective if the first is one
  // (`Các ban, cơ quan của Đảng ủy`), otherwise no single lead.
  if (COLLECTIVE.test(list[0])) return { status: 'collective', names: [flat.replace(/[.;]+$/, '')] };
  return { status: 'missing', names: list };
}

/** A multi-line value on one line: `Các nội dung chung: …; Quy chế: …`. */
function valueLines(value: string): string {
  return value
    .split('\n')
    .map((l) => l.trim().replace(/[.;,]+$/, ''))
    .filter(Boolean)
    .join('; ');
}

function hasValue(f: Field): boolean {
  return f.value.replace(/[\s.;,:-]/g, '').length > 0;
}

/** The fields of a section and its parents, nearest first; an activity's own fields come before its section's. */
function ownAndInherited(section: Section, activity?: Activity): Field[][] {
  const chain: Field[][] = activity ? [activity.fields] : [];
  for (let s: Section | undefined = section; s; s = s.parent) chain.push(s.activities.length ? s.fields.filter((f) => !f.activity) : s.fields);
  return chain;
}

export function leadOf(plan: Plan, section: Section, activity?: Activity): LeadInfo {
  let emptyField: Field | undefined;
  for (const fields of ownAndInherited(section, activity)) {
    const lead = fields.find((f) => f.kind === 'lead');
    if (lead) {
      if (hasValue(lead)) return { status: 'named', names: [firstLine(lead.value)], source: lead };
      emptyField ??= lead;
    }
    const executor = fields.find((f) => f.kind === 'executor');
    if (executor) {
      if (!hasValue(executor)) emptyField ??= executor;
      else {
        const r = leadFromExecutor(executor.value);
        if (r.status !== 'missing') return { ...r, source: executor };
        return { status: 'missing', names: r.names, reason: 'no-single-lead', field: executor };
      }
    }
    const oversight = fields.find((f) => f.kind === 'oversight' && hasValue(f));
    const advisor = fields.find((f) => f.kind === 'advisor' && hasValue(f));
    if (oversight && advisor) return { status: 'named', names: [firstLine(advisor.value)], source: advisor };
    if (oversight) return { status: 'missing', names: [firstLine(oversight.value)], reason: 'no-advisor', field: oversight };
    if (advisor) return { status: 'missing', names: [firstLine(advisor.value)], reason: 'no-oversight', field: advisor };
  }
  const row = assignmentFor(plan, section);
  if (row?.lead) return { status: 'named', names: [row.lead], source: row };
  if (emptyField) return { status: 'missing', names: [], reason: 'empty', field: emptyField };
  return { status: 'missing', names: [], reason: 'none' };
}

/** The items that carry the work: solutions and body paragraphs, not the shortcoming. */
function workItems(section: Section): Item[] {
  const items = [...section.items];
  for (const f of section.fields) if (f.kind === 'solution') items.push(...f.items);
  return items.sort((a, b) => a.span.start - b.span.start);
}

export function deadlineOf(plan: Plan, section: Section, activity?: Activity): DeadlineInfo {
  let emptyField: Field | undefined;
  for (const fields of ownAndInherited(section, activity)) {
    const f = fields.find((x) => x.kind === 'deadline');
    if (f) {
      if (hasValue(f)) return { given: true, text: valueLines(f.value), source: f, itemsWithout: [] };
      emptyField ??= f;
    }
  }
  const inTitle = inlineDeadline(activity ? activity.title : section.title);
  if (inTitle) return { given: true, text: inTitle, source: 'title', itemsWithout: [] };
  if (activity) return { given: false, itemsWithout: [], emptyField };
  const row = assignmentFor(plan, section);
  if (row?.deadline) return { given: true, text: row.deadline, source: row, itemsWithout: [] };
  const items = workItems(section);
  const found = items.map((it) => ({ it, d: inlineDeadline(it.text) }));
  const withDeadline = found.filter((x) => x.d);
  if (withDeadline.length === 0) return { given: false, itemsWithout: [], emptyField };
  const without = found.filter((x) => !x.d).map((x) => x.it);
  const distinct = [...new Set(withDeadline.map((x) => x.d!))];
  return {
    given: without.length === 0,
    text: distinct.join('; '),
    source: withDeadline[0].it,
    itemsWithout: without,
    emptyField,
  };
}

const COORDINATES_WITH = /phối hợp với\s+(.+?)(?:\s+(?:triển khai|tổ chức|thực hiện)\b|[.;]?$)/i;

export function coordinationOf(section: Section, activity?: Activity): string[] {
  for (const fields of ownAndInherited(section, activity)) {
    const f = fields.find((x) => x.kind === 'coordination' && hasValue(x));
    if (f) return bodies(firstLine(f.value));
    // `Cơ quan thực hiện: … Sở X chủ trì, phối hợp với các sở, ngành liên quan …`
    const executor = fields.find((x) => x.kind === 'executor' && hasValue(x));
    const m = executor && COORDINATES_WITH.exec(executor.value.replace(/\s+/g, ' '));
    if (m) return [m[1].trim()];
  }
  return [];
}

function hasOwnWork(s: Section): boolean {
  return s.fields.some((f) => f.kind !== 'content' && f.kind !== 'solution');
}

function chainHasWork(s: Section): boolean {
  for (let x: Section | undefined = s; x; x = x.parent) if (hasOwnWork(x)) return true;
  return false;
}

// Headings that name a property of the plan or event, not work to assign.
const NOT_WORK = /^(?:chủ đề|khẩu hiệu|thông điệp|thời gian|địa điểm|thành phần|quy mô|đối tượng|phạm vi|kinh phí|mục đích|mục tiêu|yêu cầu|nguyên tắc|quan điểm|căn cứ|danh nghĩa)(?![\p{L}\d])/u;

/**
 * A title that is a body's name (`Sở Y tế`, `Ban Tuyên giáo Tỉnh ủy`,
 * `Cấp ủy các cấp`, `UBND các phường…`): that body's duties, set out per
 * agency. Read on the title as written: the noun is followed by a proper
 * name or a level, so `Ban hành quy chế`, `Hội nghị…`, `Báo cáo…` are work.
 */
const AGENCY_TITLE = new RegExp(
  '^(?:Đề nghị\\s+|Mời\\s+)?(?:' +
    '(?:Sở|Ban|Bộ|Ủy ban|Uỷ ban|UBND|HĐND|Cấp ủy|Cấp uỷ|Công an|Bộ Chỉ huy|Thành đoàn|Tỉnh đoàn|Mặt trận|Hội|Liên đoàn|Văn phòng|Đảng ủy|Đảng uỷ|Đài|Báo|Trung tâm|Tổng công ty|Bảo hiểm xã hội|Ngân hàng|Cục|Viện|Trường)' +
    '\\s+(?:\\p{Lu}|các\\s|cấp\\s|nhân dân|kiểm tra|tỉnh(?:\\s|$)|thành phố|huyện|xã\\s)' +
    '|Chi bộ(?:\\s|$)' +
    '|Các\\s+(?:sở|bộ|ban|cơ quan|đơn vị|địa phương|huyện|xã|phường|cấp ủy|tổ chức)(?=[\\s,]))',
  'u',
);

function partHasWork(part: Section['part']): boolean {
  const visit = (list: Section[]): boolean => list.some((x) => hasOwnWork(x) || visit(x.children));
  return visit(part.sections);
}

/**
 * A heading that is not itself a task: it names a property (`Chủ đề`) or a
 * body whose duties follow (`3.2. Ủy ban kiểm tra các cấp`), or it sets a
 * direction in a part that assigns nothing one by one, while the plan assigns
 * its work elsewhere: in a task table, or per agency in TỔ CHỨC THỰC HIỆN.
 * A heading among siblings that carry leads or deadlines stays a task.
 */
const titleKeys = new Map<string, string>();
const TITLE_KEYS_MAX = 20_000;

/** labelKey of a section title, memoised: after every edit the same titles are asked about. */
function titleKey(title: string): string {
  let key = titleKeys.get(title);
  if (key === undefined) {
    key = labelKey(title);
    if (titleKeys.size >= TITLE_KEYS_MAX) titleKeys.clear();
    titleKeys.set(title, key);
  }
  return key;
}

function isDirection(plan: Plan, s: Section, hasRows: boolean, elsewhere: (part: Section['part']) => boolean): boolean {
  if (chainHasWork(s)) return false;
  const title = titleKey(s.title);
  if (NOT_WORK.test(title) || (AGENCY_TITLE.test(s.title) && s.title.length <= 120)) return true;
  if (partHasWork(s.part) || assignmentFor(plan, s)) return false;
  // The Biểu phân công covers its siblings but not this one: it was left out.
  const siblings = s.parent ? s.parent.children : s.part.sections;
  if (siblings.some((x) => x !== s && assignmentFor(plan, x))) return false;
  return hasRows || elsewhere(s.part);
}

/**
 * The plan assigns work somewhere else than in the part at hand: per agency
 * (a TỔ CHỨC THỰC HIỆN part or article, a table with a `chủ trì` column), or
 * one task at a time with lead and deadline lines in another part.
 */
function assignsElsewhere(plan: Plan): (part: Section['part']) => boolean {
  const perAgency =
    plan.parts.some((p) => p.kind === 'organisation' && p.sections.length > 0) ||
    plan.scopes.some((sc) => sc.kind === 'article' && /tổ chức thực hiện/.test(labelKey(sc.label))) ||
    plan.tables.some((t) => t.header.some((c) => /chủ trì/i.test(c.text)));
  const withWork = new Set(plan.parts.filter(partHasWork));
  return (part) => perAgency || [...withWork].some((p) => p !== part);
}

function sectionTask(plan: Plan, section: Section): TaskInfo {
  return {
    form: 'section',
    section,
    number: section.number,
    title: section.title,
    line: section.headingLine,
    span: headingSpan(section),
    extent: { start: section.numberSpan.start, end: Math.max(section.span.end, headingSpan(section).end) },
    lead: leadOf(plan, section),
    deadline: deadlineOf(plan, section),
    coordination: coordinationOf(section),
  };
}

function activityTask(plan: Plan, section: Section, activity: Activity): TaskInfo {
  return {
    form: 'activity',
    section,
    activity,
    number: `${section.number}.${activity.letter}`,
    title: activity.title,
    line: activity.line,
    span: activity.headSpan,
    extent: activity.span,
    lead: leadOf(plan, section, activity),
    deadline: deadlineOf(plan, section, activity),
    coordination: coordinationOf(section, activity),
  };
}

function rowLead(row: TaskRow): LeadInfo {
  if (row.lead) return { status: 'named', names: [row.lead] };
  return { status: 'missing', names: [], reason: row.leadCell ? 'empty' : 'none', cell: row.leadCell };
}

// A period the appendix gives all its rows at once: `… GIAI ĐOẠN 2026 - 2030`, `… NĂM 2026`
// (not the year of a date: `NGÀY 22 THÁNG 12 NĂM 2024`).
const SCOPE_PERIOD = /(?:giai đoạn|thời kỳ)\s+(?:\d\s*)?\(?\s*(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\s*\)?|(?<!\p{L}|tháng\s+\d{1,2}\s+)năm\s+(?:19|20)\d\d(?!\s*[-–/])/iu;

function rowDeadline(row: TaskRow): DeadlineInfo {
  if (row.deadline) return { given: true, text: row.deadline, itemsWithout: [] };
  // The appendix's title sets the period once for every row.
  const period = row.scope && SCOPE_PERIOD.exec(row.scope.title);
  if (period) return { given: true, text: period[0], itemsWithout: [] };
  return { given: false, itemsWithout: [], emptyCell: row.deadlineCell };
}

function rowTask(row: TaskRow): TaskInfo {
  const numberCell = row.row.cells[0];
  return {
    form: 'row',
    row,
    number: row.number,
    title: row.title,
    line: row.row.line,
    span: { start: Math.min(numberCell.span.start, row.titleSpan.start), end: Math.max(numberCell.span.end, Math.min(row.titleSpan.end, row.titleSpan.start + 80)) },
    extent: row.row.span,
    lead: rowLead(row),
    deadline: rowDeadline(row),
    coordination: row.coordination ? bodies(row.coordination) : [],
  };
}

const cache = new WeakMap<Plan, TaskInfo[]>();

/** Every task of the plan, sections and table rows, in document order; lead, deadline and coordination computed once per plan. */
export function taskInfos(plan: Plan): TaskInfo[] {
  let infos = cache.get(plan);
  if (!infos) {
    const rows = taskRows(plan);
    const elsewhere = assignsElsewhere(plan);
    const activities = plan.sections.filter((s) => s.part.kind === 'work').flatMap((s) => s.activities.map((a) => activityTask(plan, s, a)));
    infos = plan.sections
      .filter((s) => s.role === 'task' && !isDirection(plan, s, rows.length > 0, elsewhere))
      .map((s) => sectionTask(plan, s))
      .concat(activities)
      .concat(rows.map(rowTask))
      .sort((a, b) => a.span.start - b.span.start);
    const own = infos;
    if (own.some((t) => t.lead.status === 'missing' || !t.deadline.given)) {
      const wide = planWide(plan, taskLines(plan, own), planYear(plan));
      const timed = new Set(own.filter((t) => t.deadline.given).map(groupOf));
      const led = new Set(own.filter((t) => t.lead.status !== 'missing').map(groupOf));
      if (wide.lead || wide.fieldLead || wide.period) infos = own.map((t) => withPlanWide(t, wide, timed, led));
    }
    cache.set(plan, infos);
  }
  return infos;
}
