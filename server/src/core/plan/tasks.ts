// What each task says about who leads it and by when: read from its fields,
// its group's fields, inline deadlines on its items, and the assignment table.

import { AssignmentRow, assignmentFor } from './assignment';
import type { Field, Item, Plan, Section } from './model';

export type LeadStatus = 'named' | 'collective' | 'missing';

export interface LeadInfo {
  status: LeadStatus;
  /** Who leads, as written. */
  names: string[];
  /** Where the lead was found. */
  source?: Field | AssignmentRow;
  /** Why there is no lead, when `missing`: machine-readable. */
  reason?: 'none' | 'empty' | 'no-single-lead' | 'no-advisor' | 'no-oversight';
  /** The field that named no lead (empty value, executor list without chủ trì). */
  field?: Field;
}

export interface DeadlineInfo {
  given: boolean;
  /** The deadline text (field value or the first inline phrase). */
  text?: string;
  source?: Field | AssignmentRow | Item | 'title';
  /** Work items lacking an inline deadline while their siblings carry one. */
  itemsWithout: Item[];
  /** An empty `Thời gian thực hiện:` field. */
  emptyField?: Field;
}

export interface TaskInfo {
  section: Section;
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

function ownAndInherited(section: Section): Field[][] {
  const chain: Field[][] = [];
  for (let s: Section | undefined = section; s; s = s.parent) chain.push(s.fields);
  return chain;
}

export function leadOf(plan: Plan, section: Section): LeadInfo {
  let emptyField: Field | undefined;
  for (const fields of ownAndInherited(section)) {
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

export function deadlineOf(plan: Plan, section: Section): DeadlineInfo {
  let emptyField: Field | undefined;
  for (const fields of ownAndInherited(section)) {
    const f = fields.find((x) => x.kind === 'deadline');
    if (f) {
      if (hasValue(f)) return { given: true, text: valueLines(f.value), source: f, itemsWithout: [] };
      emptyField ??= f;
    }
  }
  const inTitle = inlineDeadline(section.title);
  if (inTitle) return { given: true, text: inTitle, source: 'title', itemsWithout: [] };
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

export function coordinationOf(section: Section): string[] {
  for (const fields of ownAndInherited(section)) {
    const f = fields.find((x) => x.kind === 'coordination' && hasValue(x));
    if (f) return bodies(firstLine(f.value));
    // `Cơ quan thực hiện: … Sở X chủ trì, phối hợp với các sở, ngành liên quan …`
    const executor = fields.find((x) => x.kind === 'executor' && hasValue(x));
    const m = executor && COORDINATES_WITH.exec(executor.value.replace(/\s+/g, ' '));
    if (m) return [m[1].trim()];
  }
  return [];
}

const cache = new WeakMap<Plan, TaskInfo[]>();

/** Lead, deadline and coordination of every task, computed once per plan. */
export function taskInfos(plan: Plan): TaskInfo[] {
  let infos = cache.get(plan);
  if (!infos) {
    infos = plan.sections
      .filter((s) => s.role === 'task')
      .map((section) => ({
        section,
        lead: leadOf(plan, section),
        deadline: deadlineOf(plan, section),
        coordination: coordinationOf(section),
      }));
    cache.set(plan, infos);
  }
  return infos;
}
