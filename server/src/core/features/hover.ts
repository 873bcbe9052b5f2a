// Hover: on a citation, what the index knows of the cited document (type,
// number, date, issuer, trích yếu, status), every indexed document sharing
// its number, or the nearest numbers when it is unknown; on a task heading or
// a task table's row, its lead, coordination and deadline.

import type { Citation } from '../citations/extract';
import type { DirectiveEntry, DirectiveIndex } from '../index/directiveIndex';
import { LintResult, planPlace } from '../lint';
import { taskInfos } from '../plan/tasks';
import { viDate } from '../citations/dates';
import type { Position, Range } from '../text/lineIndex';
import { mapRange } from '../text/normalize';
import { Lang, lineAtOriginal, rangeOf } from './common';
import { lastAtOrBefore } from '../text/search';
import { citationScope, inScope, Verdict, verifyCitation } from '../index/verify';
import { scopeText } from '../rules/citationScope';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

const T = {
  vi: {
    subject: 'Trích yếu', status: 'Trạng thái', cited: 'Trích dẫn', own: 'Số, ký hiệu của chính văn bản này.',
    several: (n: number, num: string) => `Số ${num} ứng với ${n} văn bản trong danh mục (số được đánh lại mỗi nhiệm kỳ):`,
    matches: 'khớp ngày trích dẫn',
    noMatch: (d: string) => `Ngày trích dẫn ${d} không khớp văn bản nào ở trên.`,
    noDate: 'Trích dẫn không ghi ngày: nên ghi ngày ban hành để phân biệt.',
    dateDiffers: (d: string, e: string) => `Ngày trích dẫn ${d} khác ngày trong danh mục (${e}).`,
    unknown: (num: string) => `Số ${num} không có trong danh mục văn bản.`,
    unverifiable: 'Không kiểm tra được: danh mục không đầy đủ cho phạm vi này, nên không xác nhận cũng không bác bỏ được số và ngày. Sửa nhanh: thêm vào danh mục của thư mục làm việc.',
    verified: 'Đã đối chiếu: khớp danh mục.',
    contradicted: '⚠ Mâu thuẫn với danh mục hoặc với chính văn bản (xem cảnh báo).',
    scope: 'Phạm vi', source: 'Nguồn',
    nearest: 'Số gần nhất trong danh mục:',
    lead: 'Chủ trì', advisor: 'Tham mưu', coordination: 'Phối hợp', deadline: 'Thời gian',
    noLead: '⚠ chưa có cơ quan chủ trì', noDeadline: '⚠ chưa có thời gian thực hiện', task: 'Nhiệm vụ',
    planWide: (line: number) => `(giao chung cho cả kế hoạch, dòng ${line})`,
  },
  en: {
    subject: 'Subject', status: 'Status', cited: 'Cited', own: "This document's own number.",
    several: (n: number, num: string) => `Number ${num} matches ${n} indexed documents (numbers restart every term):`,
    matches: 'matches the cited date',
    noMatch: (d: string) => `The cited date ${d} matches none of them.`,
    noDate: 'The citation gives no date: add the issue date to tell them apart.',
    dateDiffers: (d: string, e: string) => `The cited date ${d} differs from the index (${e}).`,
    unknown: (num: string) => `Number ${num} is not in the document index.`,
    unverifiable: 'Cannot be checked: the index is not complete for this scope, so the number and date are neither confirmed nor refuted. Quick fix: add it to the workspace index.',
    verified: 'Checked: matches the index.',
    contradicted: '⚠ Contradicts the index or the document itself (see the warning).',
    scope: 'Scope', source: 'Source',
    nearest: 'Nearest indexed numbers:',
    lead: 'Lead', advisor: 'Advisor', coordination: 'Coordination', deadline: 'Deadline',
    noLead: '⚠ no lead agency', noDeadline: '⚠ no deadline', task: 'Task',
    planWide: (line: number) => `(given once for the whole plan, line ${line})`,
  },
};

/** Markdown special characters in free text (issuers, subjects). */
function md(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

function entryLine(e: DirectiveEntry): string {
  const parts = [`**${md(e.type)} số ${md(e.number)}**`];
  if (e.date) parts.push(`ngày ${viDate(e.date)}`);
  if (e.issuer) parts.push(`của ${md(e.issuer)}`);
  return parts.join(' ');
}

function entryBlock(e: DirectiveEntry, lang: Lang): string[] {
  const t = T[lang];
  const out = [entryLine(e)];
  if (e.subject) out.push(`${t.subject}: ${md(e.subject)}`);
  if (e.status) out.push(`${t.status}: **${md(e.status)}**`);
  out.push(`${t.source}: ${md(e.source)}${e.cited ? { vi: ` (${e.cited} văn bản trích dẫn)`, en: ` (cited by ${e.cited} texts)` }[lang] : ''}`);
  return out;
}

/** The outcome and scope lines of a citation's hover. */
function outcomeLines(v: Verdict | undefined, lang: Lang): string[] {
  if (!v) return [];
  const t = T[lang];
  const scope = `${t.scope}: ${scopeText(v.scope)[lang]}`;
  if (v.outcome === 'verified') return [`${t.verified} ${scope}.`];
  if (v.outcome === 'contradicted') return [`${t.contradicted} ${scope}.`];
  if (v.indexed) return [`${scope}.`];
  return [`${scope}.`, t.unverifiable];
}

function citationMarkdown(cited0: Citation, index: DirectiveIndex, lang: Lang, ctx: { locality?: string; planDate?: string }): string {
  const t = T[lang];
  const verdict = verifyCitation(cited0, { index, ...ctx });
  const scope = verdict?.scope ?? citationScope(cited0, { index, ...ctx });
  // A short mention is the document its earlier full citation names.
  const c = !cited0.date && cited0.antecedent?.date ? { ...cited0, date: cited0.antecedent.date } : cited0;
  const num = c.number.raw;
  if (c.own) return `${md(c.type ?? '')} ${md(num)}`.trim() + `\n\n${t.own}`;
  const cited = [`${t.cited}:`, ...(c.type ? [md(c.type)] : []), `số ${md(num)}`];
  if (c.date) cited.push(`ngày ${viDate(c.date.iso)}`);
  if (c.issuer) cited.push(`của ${md(c.issuer.text)}`);
  const head = cited.join(' ');
  const outcome = outcomeLines(verdict, lang);
  // Only documents of the citation's scope: a number of another province is another document.
  const entries = index.byKey(c.number.key).filter((e) => inScope(e, scope)).sort((a, b) => ((b.date ?? '') < (a.date ?? '') ? -1 : (b.date ?? '') > (a.date ?? '') ? 1 : 0));
  if (entries.length === 1) {
    const e = entries[0];
    // The cited form is shown only when it differs from the indexed one.
    if (c.date && e.date === c.date.iso) return [...entryBlock(e, lang), ...outcome].join('\n\n');
    const note = !c.date ? t.noDate : e.date ? t.dateDiffers(viDate(c.date.iso), viDate(e.date)) : undefined;
    return [head, '---', ...entryBlock(e, lang), ...(note ? [note] : []), ...outcome].join('\n\n');
  }
  if (entries.length > 1) {
    const list = entries.map((e) => {
      const hit = c.date && e.date === c.date.iso ? ` ✓ *${t.matches}*` : '';
      const [first, ...rest] = entryBlock(e, lang);
      return [`- ${first}${hit}`, ...rest.map((r) => `  ${r}`)].join('\n');
    });
    const out = [head, '---', t.several(entries.length, md(num)), list.join('\n')];
    if (!c.date) out.push(t.noDate);
    else if (!entries.some((e) => e.date === c.date!.iso)) out.push(t.noMatch(viDate(c.date.iso)));
    out.push(...outcome);
    return out.join('\n\n');
  }
  const near = index.nearest(c.number.key, 5).filter((e) => inScope(e, scope));
  const out = [head, '---', t.unknown(md(num)), ...outcome];
  if (near.length) {
    out.push(t.nearest, near.map((e) => `- ${entryLine(e)}${e.subject ? ` — ${md(e.subject)}` : ''}`).join('\n'));
  }
  return out.join('\n\n');
}

/** The citation whose span holds the original offset (citations are in order). */
function citationAt(result: LintResult, offset: number): Citation | undefined {
  const plan = result.plan!;
  const list = plan.citations;
  const found = lastAtOrBefore(list.length, (k) => plan.nt.toOriginal(list[k].start), offset);
  // A citation may nest in the tail of an earlier one (an issuer naming a number): check a few back.
  for (let i = found; i >= 0 && i >= found - 3; i--) {
    const c = list[i];
    const o = mapRange(plan.nt, c.start, c.end);
    if (offset >= o.start && offset < o.end) return c;
  }
  return undefined;
}

function taskHover(result: LintResult, offset: number, lang: Lang): HoverResult | undefined {
  const plan = result.plan!;
  const line = lineAtOriginal(plan, offset);
  // A section's heading or a table row's first line.
  const info = taskInfos(plan).find((i) => i.line === line);
  if (!info) return undefined;
  const t = T[lang];
  const out = [`**${t.task} ${info.number}.** ${md(info.title)}`];
  const lead = info.lead;
  if (lead.status === 'missing' || !lead.names.length) out.push(t.noLead);
  else {
    const advisor = lead.source && 'kind' in lead.source && lead.source.kind === 'advisor';
    const wide = lead.source && 'kind' in lead.source && lead.source.kind === 'plan-wide' ? ` ${t.planWide(lead.source.line + 1)}` : '';
    out.push(`${advisor ? t.advisor : t.lead}: ${md(lead.names.join(', '))}${wide}`);
  }
  if (info.coordination.length) out.push(`${t.coordination}: ${md(info.coordination.join(', '))}`);
  const ds = info.deadline.source;
  const dWide = ds && typeof ds === 'object' && 'kind' in ds && ds.kind === 'plan-wide' ? ` ${t.planWide(ds.line + 1)}` : '';
  out.push(info.deadline.text ? `${t.deadline}: ${md(info.deadline.text)}${dWide}` : t.noDeadline);
  return { contents: out.join('\n\n'), range: rangeOf(result, info.span) };
}

export function hover(result: LintResult, position: Position, index: DirectiveIndex, lang: Lang = 'vi'): HoverResult | undefined {
  if (!result.plan) return undefined;
  const offset = result.lineIndex.offsetAt(position);
  const c = citationAt(result, offset);
  if (c) return { contents: citationMarkdown(c, index, lang, result.place ?? planPlace(result.plan)), range: rangeOf(result, c) };
  return taskHover(result, offset, lang);
}
