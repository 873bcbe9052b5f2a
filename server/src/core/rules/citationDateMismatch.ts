// citation-date-mismatch: a cited date that cannot be right: no calendar has
// it, it is not the year in a normative number, it is later than the plan,
// or the index lists the same document (same scope, term or year) under
// another date.

import { viDate } from '../citations/dates';
import { ContradictionReason, verdicts, Verdict } from '../index/verify';
import { citationDateFixes, IndexedDates } from './citationDateFix';
import { citationLabel } from './citationLabel';
import { scopeText } from './citationScope';
import type { Finding, Msg, Rule } from './types';
import type { Citation } from '../citations/extract';

/** A cited date that cannot be right, and the dates the index gives the document. */
export interface DateMismatchData extends IndexedDates {
  number: string;
  /** The cited date (ISO), when it is a calendar date. */
  cited: string | null;
  indexed: string[];
  reason: ContradictionReason;
  locality: string | null;
  scope: string;
}

export const citationDateMismatch: Rule<DateMismatchData> = {
  id: 'citation-date-mismatch',
  defaultSeverity: 'warning',
  description: {
    vi: 'Ngày ban hành trích dẫn phải có thật và khớp với văn bản được trích dẫn.',
    en: 'A cited date exists and matches the cited document.',
  },
  docs: 'docs/rules/citation-date-mismatch.md',
  check(ctx) {
    const { plan } = ctx;
    const out: Finding<DateMismatchData>[] = [];
    const all = verdicts(plan.citations, ctx);
    plan.citations.forEach((c, i) => {
      const v = all[i];
      if (v?.outcome !== 'contradicted' || v.reason === 'near-miss' || v.reason === 'not-in-complete-scope') return;
      out.push({
        span: v.span,
        message: message(c, v, ctx.planDate),
        data: {
          number: c.number.raw,
          cited: c.date?.iso ?? null,
          indexed: v.dates ?? [],
          reason: v.reason,
          locality: v.scope.locality ?? null,
          scope: scopeText(v.scope).en,
        },
      });
    });
    return out;
  },
  fixes: citationDateFixes,
};

function message(c: Citation, v: Extract<Verdict, { outcome: 'contradicted' }>, planDate: string | undefined): Msg {
  const label = citationLabel(c, false);
  const written = c.date?.written ?? c.badDate?.written ?? '';
  const dates = (v.dates ?? []).map(viDate);
  const fixVi = dates.length ? ` Ngày đúng có thể là ${dates.join(' hoặc ')}.` : '';
  const fixEn = dates.length ? ` The right date may be ${dates.join(' or ')}.` : '';
  switch (v.reason) {
    case 'impossible-date':
      return { vi: `${label}: ngày ${written} không có trên lịch.${fixVi}`, en: `${label}: ${written} is not a calendar date.${fixEn}` };
    case 'number-year': {
      const year = c.number.key.split('/')[1];
      return {
        vi: `${label} mang năm ${year} trong số hiệu nhưng được ghi ngày ${written}.${fixVi}`,
        en: `${label} carries the year ${year} in its number but is dated ${written}.${fixEn}`,
      };
    }
    case 'after-plan':
      return {
        vi: `${label} được ghi ngày ${written}, sau ngày của chính văn bản này (${viDate(planDate)}).${fixVi}`,
        en: `${label} is dated ${written}, after this document's own date (${viDate(planDate)}).${fixEn}`,
      };
    default: {
      const sources = [...new Set((v.entries ?? []).map((e) => e.source))].join(', ');
      return {
        vi: `${label} trong danh mục (${scopeText(v.scope).vi}; nguồn: ${sources}) ban hành ngày ${dates.join(' hoặc ')}, không phải ngày ${written}.`,
        en: `${label} is indexed (${scopeText(v.scope).en}; source: ${sources}) as issued on ${dates.join(' or ')}, not ${written}.`,
      };
    }
  }
}
