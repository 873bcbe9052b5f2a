// citation-date-mismatch: the number is indexed, but under another date.

import { checkedAgainstIndex } from '../citations/extract';
import { citationLabel } from './citationLabel';
import { viDate } from '../citations/dates';
import type { Finding, Rule } from './types';

export const citationDateMismatch: Rule = {
  id: 'citation-date-mismatch',
  defaultSeverity: 'warning',
  description: {
    vi: 'Ngày ban hành của văn bản được trích dẫn phải khớp với danh mục văn bản.',
    en: "A cited document's date matches the date the directive index gives for its number.",
  },
  docs: 'docs/rules/citation-date-mismatch.md',
  check({ plan, index }) {
    const out: Finding[] = [];
    for (const c of plan.citations) {
      if (!checkedAgainstIndex(c) || !c.date) continue;
      const entries = index.byKey(c.number.key);
      const dated = entries.filter((e) => e.date);
      if (!dated.length || dated.some((e) => e.date === c.date!.iso)) continue;
      if (entries.some((e) => !e.date)) continue; // an undated entry cannot be contradicted
      const dates = dated.map((e) => viDate(e.date));
      out.push({
        span: { start: c.date.start, end: c.date.end },
        message: {
          vi: `${citationLabel(c, false)} trong danh mục ban hành ngày ${dates.join(' hoặc ')}, không phải ngày ${c.date.written}.`,
          en: `${citationLabel(c, false)} is indexed as issued on ${dates.join(' or ')}, not ${c.date.written}.`,
        },
        data: { number: c.number.raw, cited: c.date.iso, indexed: dated.map((e) => e.date) },
      });
    }
    return out;
  },
};
