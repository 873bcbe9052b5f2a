// inconsistent-citation: one draft cites the same document with two dates.
// The same document: same number in the same scope (a local number of another
// locality named by its issuer is another document).

import { Citation, checkedAgainstIndex } from '../citations/extract';
import { citationScope } from '../index/verify';
import { citationDateFixes, IndexedDates } from './citationDateFix';
import { citationLabel } from './citationLabel';
import type { Finding, Rule } from './types';

/** A document cited with two dates: the first one, this one, and the first when the index vouches for it. */
export interface InconsistentData extends IndexedDates {
  number: string;
  first: string;
  here: string;
  indexed: string[];
}

export const inconsistentCitation: Rule<InconsistentData> = {
  id: 'inconsistent-citation',
  defaultSeverity: 'warning',
  description: {
    vi: 'Một văn bản được trích dẫn nhiều lần phải cùng ngày ban hành.',
    en: 'Every citation of one number gives the same date.',
  },
  docs: 'docs/rules/inconsistent-citation.md',
  check(ctx) {
    const { plan, index } = ctx;
    const out: Finding<InconsistentData>[] = [];
    const first = new Map<string, Citation>();
    for (const c of plan.citations) {
      if (!checkedAgainstIndex(c) || !c.date) continue;
      const scope = citationScope(c, ctx);
      const id = `${scope.locality ?? ''}\u0000${c.number.key}`;
      const prior = first.get(id);
      if (!prior) {
        first.set(id, c);
        continue;
      }
      if (prior.date!.iso === c.date.iso) continue;
      // Party numbers restart every term: two real documents may share one.
      if (index.has(c.number.key, prior.date!.iso) && index.has(c.number.key, c.date.iso)) continue;
      out.push({
        span: { start: c.date.start, end: c.date.end },
        message: {
          vi: `${citationLabel(c, false)} được ghi ngày ${c.date.written}, nhưng trước đó ghi ngày ${prior.date!.written}.`,
          en: `${citationLabel(c, false)} is dated ${c.date.written} here but ${prior.date!.written} earlier.`,
        },
        related: [{ span: { start: prior.start, end: prior.end }, message: { vi: 'Lần trích dẫn đầu tiên', en: 'First citation' } }],
        // The earlier date is the fix when the index vouches for it.
        data: { number: c.number.raw, first: prior.date!.iso, here: c.date.iso, indexed: index.has(c.number.key, prior.date!.iso) ? [prior.date!.iso] : [] },
      });
    }
    return out;
  },
  fixes: citationDateFixes,
};
