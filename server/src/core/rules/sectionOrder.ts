// section-order: numbers run 1, 2, 3… under the right parent.

import { checkOrder } from '../plan/numbering';
import type { Finding, Rule } from './types';

export const sectionOrder: Rule = {
  id: 'section-order',
  defaultSeverity: 'warning',
  description: {
    vi: 'Số mục phải liên tục và đúng mục cha (sau 1.3.3 là 1.3.4).',
    en: 'Section numbers run in sequence under the right parent (1.3.4 follows 1.3.3).',
  },
  docs: 'docs/rules/section-order.md',
  check({ plan }) {
    const out: Finding[] = [];
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
        data: { number: s.number, expected },
      });
    }
    return out;
  },
};
