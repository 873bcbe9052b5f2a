// section-order: numbers run 1, 2, 3… under the right parent.

import { checkOrder } from '../plan/numbering';
import type { Section } from '../plan/model';
import { RENUMBER_ALL, renumberFixes } from './renumberFix';
import type { Finding, Rule } from './types';

/** A section out of sequence, and the number its place calls for. */
export interface OrderData {
  section: Section;
  expected: string;
}

export const sectionOrder: Rule<OrderData> = {
  id: 'section-order',
  defaultSeverity: 'warning',
  description: {
    vi: 'Số mục phải liên tục và đúng mục cha (sau 1.3.3 là 1.3.4).',
    en: 'Section numbers run in sequence under the right parent (1.3.4 follows 1.3.3).',
  },
  docs: 'docs/rules/section-order.md',
  check({ plan }) {
    const out: Finding<OrderData>[] = [];
    for (const { section: s, expected, inOrder } of checkOrder(plan)) {
      if (inOrder) continue;
      const parent = s.parent;
      const underWrongParent = parent && !expected.startsWith(s.components.slice(0, -1).join('.') + '.');
      out.push({
        span: s.numberSpan,
        message: underWrongParent
          ? {
              vi: `Số mục ${s.number} nằm trong mục ${parent.number}: đúng thứ tự phải là ${expected}.`,
              en: `Section ${s.number} stands under ${parent.number}: in sequence it would be ${expected}.`,
            }
          : {
              vi: `Số mục ${s.number} không đúng thứ tự: đúng phải là ${expected}.`,
              en: `Section ${s.number} is out of sequence: expected ${expected}.`,
            },
        data: { section: s, expected },
      });
    }
    return out;
  },
  facts: ({ section, expected }) => ({ number: section.number, expected }),
  fixes: ({ data }, ctx) => renumberFixes(ctx, data.section, data.expected),
  fixAll: RENUMBER_ALL,
};
