// inconsistent-citation: one draft cites the same document with two dates.
// The same document: same number in the same scope (a local number of another
// locality named by its issuer is another document). The date the others are
// judged by is the one the index verifies, else the one the draft writes most
// (first met on a tie): a slip in the first citation does not make every
// later, right one a finding.

import { Citation, checkedAgainstIndex } from '../citations/extract';
import { citationScope, verdicts, Verdict } from '../index/verify';
import { citationDateFixes, IndexedDates } from './citationDateFix';
import { citationLabel } from './citationLabel';
import type { Finding, Rule, RuleContext } from './types';

/** A document cited with two dates: the reference date (`first`: verified, else most written), this one, and the reference when the index vouches for it. */
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
    const all = verdicts(plan.citations, ctx);
    for (const group of sameDocument(plan.citations, ctx)) {
      const ref = referenceCitation(plan.citations, group, (i) => all[i]);
      for (const i of group) {
        const c = plan.citations[i];
        if (c.date!.iso === ref.date!.iso) continue;
        // Party numbers restart every term: two real documents may share one.
        if (index.has(c.number.key, ref.date!.iso) && index.has(c.number.key, c.date!.iso)) continue;
        const before = ref.start < c.start;
        out.push({
          span: { start: c.date!.start, end: c.date!.end },
          message: {
            vi: `${citationLabel(c, false)} được ghi ngày ${c.date!.written}, nhưng ${before ? 'trước đó' : 'ở chỗ khác'} ghi ngày ${ref.date!.written}.`,
            en: `${citationLabel(c, false)} is dated ${c.date!.written} here but ${ref.date!.written} ${before ? 'earlier' : 'elsewhere'}.`,
          },
          related: [{ span: { start: ref.start, end: ref.end }, message: { vi: 'Trích dẫn ghi ngày khác', en: 'The citation with the other date' } }],
          // The other date is the fix when the index vouches for it.
          data: { number: c.number.raw, first: ref.date!.iso, here: c.date!.iso, indexed: index.has(c.number.key, ref.date!.iso) ? [ref.date!.iso] : [] },
        });
      }
    }
    return out;
  },
  fixes: citationDateFixes,
};

/** Indices of the dated citations of each document cited with more than one date. */
function sameDocument(citations: readonly Citation[], ctx: RuleContext): number[][] {
  const groups = new Map<string, number[]>();
  citations.forEach((c, i) => {
    if (!checkedAgainstIndex(c) || !c.date) return;
    const id = `${citationScope(c, ctx).locality ?? ''}\u0000${c.number.key}`;
    const g = groups.get(id);
    if (g) g.push(i);
    else groups.set(id, [i]);
  });
  return [...groups.values()].filter((g) => new Set(g.map((i) => citations[i].date!.iso)).size > 1);
}

/** The citation whose date the others are compared with: verified by the index, else the most written date (not contradicted), else the first. */
function referenceCitation(citations: readonly Citation[], group: number[], verdictOf: (i: number) => Verdict | undefined): Citation {
  const verified = group.find((i) => verdictOf(i)?.outcome === 'verified');
  if (verified !== undefined) return citations[verified];
  const counts = new Map<string, number>();
  for (const i of group) {
    if (verdictOf(i)?.outcome === 'contradicted') continue;
    const iso = citations[i].date!.iso;
    counts.set(iso, (counts.get(iso) ?? 0) + 1);
  }
  let best = group[0];
  let top = 0;
  for (const i of group) {
    const n = counts.get(citations[i].date!.iso) ?? 0;
    if (n > top) [best, top] = [i, n];
  }
  return citations[best];
}
