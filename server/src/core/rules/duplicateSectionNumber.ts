// duplicate-section-number: a number appears twice within one part.

import type { Section } from '../plan/model';
import type { Finding, Rule } from './types';

export const duplicateSectionNumber: Rule = {
  id: 'duplicate-section-number',
  defaultSeverity: 'error',
  description: {
    vi: 'Không được trùng số mục trong cùng một phần.',
    en: 'A section number appears only once within a part.',
  },
  docs: 'docs/rules/duplicate-section-number.md',
  check({ plan }) {
    const out: Finding[] = [];
    const seen = new Map<string, Section>();
    for (const s of plan.sections) {
      // Numbers restart in every part: I, II and III each have their 1., 2., 3.
      const key = `${plan.parts.indexOf(s.part)}|${s.number}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, s);
        continue;
      }
      const where = s.part.numeral ? ` trong phần ${s.part.numeral}` : '';
      const whereEn = s.part.numeral ? ` in part ${s.part.numeral}` : '';
      out.push({
        span: s.numberSpan,
        message: {
          vi: `Số mục ${s.number} bị trùng${where} (đã dùng ở dòng ${first.headingLine + 1}).`,
          en: `Section number ${s.number} is used twice${whereEn} (first on line ${first.headingLine + 1}).`,
        },
        related: [{ span: first.numberSpan, message: { vi: `Số ${s.number} dùng lần đầu`, en: `First use of ${s.number}` } }],
        data: { number: s.number, firstLine: first.headingLine },
      });
    }
    return out;
  },
};
