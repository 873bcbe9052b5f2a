// unknown-directive: a cited number that no index knows.

import { checkedAgainstIndex } from '../citations/extract';
import { citationLabel } from './citationLabel';
import type { Finding, Rule } from './types';

export const unknownDirective: Rule = {
  id: 'unknown-directive',
  defaultSeverity: 'warning',
  description: {
    vi: 'Văn bản được trích dẫn (nghị quyết, chỉ thị, kết luận…) phải có trong danh mục văn bản.',
    en: 'A cited document (*Nghị quyết*, *Chỉ thị*, *Kết luận*…) is in the directive index.',
  },
  docs: 'docs/rules/unknown-directive.md',
  check({ plan, index }) {
    const out: Finding[] = [];
    for (const c of plan.citations) {
      if (!checkedAgainstIndex(c) || index.byKey(c.number.key).length) continue;
      const near = index.nearest(c.number.key, 3).map((e) => e.number);
      const hintVi = near.length ? ` Số gần giống trong danh mục: ${near.join(', ')}.` : '';
      const hintEn = near.length ? ` Nearest indexed numbers: ${near.join(', ')}.` : '';
      out.push({
        span: c.numberSpan,
        message: {
          vi: `Không tìm thấy ${citationLabel(c)} trong danh mục văn bản.${hintVi}`,
          en: `${citationLabel(c)} is not in the directive index.${hintEn}`,
        },
        data: {
          number: c.number.raw,
          key: c.number.key,
          type: c.type ?? null,
          date: c.date?.iso ?? null,
          issuer: c.issuer?.text ?? null,
          nearest: near,
        },
      });
    }
    return out;
  },
};
