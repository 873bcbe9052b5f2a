// Document outline: part → group → task → fields, named by number and title,
// with each task's lead and deadline as its detail so the outline doubles as
// an assignment overview.

import type { LintResult } from '../lint';
import type { Field, Part, Section, Table } from '../plan/model';
import { TaskInfo, taskInfos } from '../plan/tasks';
import type { Range } from '../text/lineIndex';
import { headingSpan, short } from '../plan/headings';
import { Lang, rangeOf } from './common';

export type OutlineKind = 'part' | 'group' | 'task' | 'field' | 'item';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** The whole element, heading to last line, on the original text. */
  range: Range;
  /** The heading (or label) the editor reveals. */
  selectionRange: Range;
  children: OutlineSymbol[];
}

const TRAILING_NOTES = /[\s¹²³⁴⁵⁶⁷⁸⁹⁰]+$/;

/** `Chủ trì: Ban Tổ chức Đảng ủy · Thời gian: Hoàn thành trong quý II/2026`. */
export function taskDetail(info: TaskInfo, lang: Lang): string {
  const out: string[] = [];
  const lead = info.lead;
  if (lead.status === 'missing' || !lead.names.length) {
    out.push({ vi: '⚠ chưa có cơ quan chủ trì', en: '⚠ no lead agency' }[lang]);
  } else {
    // 002-style plans name an advising unit (Tham mưu) rather than a chủ trì.
    const advisor = lead.source && 'kind' in lead.source && lead.source.kind === 'advisor';
    const label = (advisor ? { vi: 'Tham mưu', en: 'Advisor' } : { vi: 'Chủ trì', en: 'Lead' })[lang];
    out.push(`${label}: ${short(lead.names.join(', '), 50)}`);
  }
  if (info.deadline.text) out.push(`${{ vi: 'Thời gian', en: 'Deadline' }[lang]}: ${short(info.deadline.text, 50)}`);
  else out.push({ vi: '⚠ chưa có thời gian thực hiện', en: '⚠ no deadline' }[lang]);
  return out.join(' · ');
}

function fieldSymbol(result: LintResult, f: Field): OutlineSymbol {
  const eol = f.value.indexOf('\n');
  const value = short(eol < 0 ? f.value : f.value.slice(0, eol), 50);
  const label = `${f.label}:${value ? ' ' + value : ''}`;
  if (f.section) {
    const s = f.section;
    return {
      name: `${s.number}. ${label}`,
      kind: 'field',
      range: rangeOf(result, s.span),
      selectionRange: rangeOf(result, headingSpan(s)),
      children: [],
    };
  }
  return {
    name: label,
    kind: 'field',
    range: rangeOf(result, { start: f.labelSpan.start, end: Math.max(f.labelSpan.end, f.valueSpan.end) }),
    selectionRange: rangeOf(result, f.labelSpan),
    children: [],
  };
}

function countTasks(list: Section[], infos: Map<Section, TaskInfo>): number {
  let n = 0;
  for (const s of list) n += infos.has(s) ? 1 : countTasks(s.children, infos);
  return n;
}

function tasksDetail(n: number, lang: Lang): string | undefined {
  if (!n) return undefined;
  return { vi: `${n} nhiệm vụ`, en: `${n} task${n > 1 ? 's' : ''}` }[lang];
}

function sectionSymbol(result: LintResult, s: Section, infos: Map<Section, TaskInfo>, lang: Lang): OutlineSymbol {
  const kind: OutlineKind = s.role;
  const name = `${s.number}. ${short(s.title, 80)}`.trim();
  let detail: string | undefined;
  let children: OutlineSymbol[];
  if (s.role === 'task') {
    const info = infos.get(s);
    detail = info ? taskDetail(info, lang) : undefined;
    // Numbered fields (000's 1.1.3.) and labelled lines (002's `* Tham mưu:`), in order.
    children = [...s.fields].sort((a, b) => a.labelSpan.start - b.labelSpan.start).map((f) => fieldSymbol(result, f));
  } else {
    if (s.role === 'group') detail = tasksDetail(countTasks(s.children, infos), lang);
    children = s.children.map((c) => sectionSymbol(result, c, infos, lang));
  }
  return {
    name,
    detail,
    kind,
    range: rangeOf(result, { start: s.span.start, end: Math.max(s.span.end, s.titleSpan.end) }),
    selectionRange: rangeOf(result, headingSpan(s)),
    children,
  };
}

function partName(result: LintResult, p: Part): string {
  const text = result.plan!.nt.text.slice(p.headingSpan.start, p.headingSpan.end);
  return short(text.replace(TRAILING_NOTES, ''), 80);
}

export function documentSymbols(result: LintResult, lang: Lang = 'vi'): OutlineSymbol[] {
  const plan = result.plan;
  if (!plan) return [];
  const all = taskInfos(plan);
  const infos = new Map<Section, TaskInfo>();
  for (const t of all) if (t.section) infos.set(t.section, t);
  const out: OutlineSymbol[] = [];
  for (const p of plan.parts) {
    const children = p.sections.map((s) => sectionSymbol(result, s, infos, lang));
    // Numbered lines before any part heading stand at the top level.
    if (p.implicit) {
      out.push(...children);
      continue;
    }
    out.push({
      name: partName(result, p),
      detail: tasksDetail(countTasks(p.sections, infos), lang),
      kind: 'part',
      range: rangeOf(result, { start: p.headingSpan.start, end: Math.max(p.span.end, p.headingSpan.end) }),
      selectionRange: rangeOf(result, p.headingSpan),
      children,
    });
  }
  const tables = tableSymbols(result, all, lang);
  if (!tables.length) return out;
  // Task tables stand where they are written, among the parts.
  return [...out, ...tables].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** One group per task table (named by its appendix), its rows as tasks. */
function tableSymbols(result: LintResult, all: TaskInfo[], lang: Lang): OutlineSymbol[] {
  const byTable = new Map<Table, TaskInfo[]>();
  for (const t of all) if (t.row) byTable.set(t.row.table, [...(byTable.get(t.row.table) ?? []), t]);
  return [...byTable].map(([table, rows]) => {
    const scope = rows[0].row!.scope;
    const name = scope && scope.kind !== 'article' ? short(`${scope.label}${scope.title ? ' — ' + scope.title : ''}`, 80) : { vi: 'Bảng nhiệm vụ', en: 'Task table' }[lang];
    return {
      name,
      detail: tasksDetail(rows.length, lang),
      kind: 'group' as const,
      range: rangeOf(result, table.span),
      selectionRange: rangeOf(result, { start: table.span.start, end: table.span.start }),
      children: rows.map((t) => ({
        name: `${t.number}. ${short(t.title, 80)}`,
        detail: taskDetail(t, lang),
        kind: 'task' as const,
        range: rangeOf(result, t.extent),
        selectionRange: rangeOf(result, t.span),
        children: [],
      })),
    };
  });
}
