// unknown-directive: a cited document the index cannot vouch for. Outside
// every complete scope that is no fault of the draft, only a limit of the
// index: a hint. Inside a complete scope, or one digit away from an indexed
// document of the same type and date, the number itself is likely wrong: a
// warning.

import { viDate } from '../citations/dates';
import { verdicts, Verdict } from '../index/verify';
import { citationLabel } from './citationLabel';
import { scopeText } from './citationScope';
import type { Finding, Rule } from './types';

export const unknownDirective: Rule = {
  id: 'unknown-directive',
  defaultSeverity: 'hint',
  description: {
    vi: 'Văn bản được trích dẫn cần có trong danh mục văn bản để kiểm tra được.',
    en: 'A cited document is in the directive index, so that it can be checked.',
  },
  docs: 'docs/rules/unknown-directive.md',
  check(ctx) {
    const { plan } = ctx;
    const out: Finding[] = [];
    const all = verdicts(plan.citations, ctx);
    // An unverifiable document is said once, where it is first cited: its later mentions add nothing.
    const said = new Set<string>();
    plan.citations.forEach((c, i) => {
      const v = all[i];
      if (!v || v.outcome === 'verified' || (v.outcome === 'unverifiable' && v.indexed)) return;
      if (v.outcome === 'unverifiable') {
        const id = `${v.scope.locality ?? ''}\u0000${c.number.key}\u0000${(c.date ?? c.antecedent?.date)?.iso ?? ''}`;
        if (said.has(id)) return;
        said.add(id);
      }
      if (v.outcome === 'contradicted' && v.reason !== 'near-miss' && v.reason !== 'not-in-complete-scope') return;
      const scope = scopeText(v.scope);
      const label = citationLabel(c);
      const data = {
        number: c.number.raw,
        key: c.number.key,
        type: c.type ?? null,
        date: (c.date ?? c.antecedent?.date)?.iso ?? null,
        issuer: (c.issuer ?? c.antecedent?.issuer)?.text ?? null,
        locality: v.scope.locality ?? null,
        scope: scope.en,
        outcome: v.outcome,
      };
      if (v.outcome === 'unverifiable') {
        out.push({
          span: c.numberSpan,
          message: {
            vi: `${label} không có trong danh mục văn bản (${scope.vi}): chưa kiểm tra được số và ngày.`,
            en: `${label} is not in the directive index (${scope.en}): its number and date cannot be checked.`,
          },
          data,
        });
        return;
      }
      out.push({ span: v.span, severity: 'warning', message: contradiction(v, label, scope), data: { ...data, reason: v.reason, suggestions: (v.entries ?? []).map((e) => e.number) } });
    });
    return out;
  },
};

function contradiction(v: Extract<Verdict, { outcome: 'contradicted' }>, label: string, scope: { vi: string; en: string }) {
  if (v.reason === 'near-miss') {
    const named = (v.entries ?? []).map((e) => `${e.type} số ${e.number} ngày ${viDate(e.date)}${e.issuer ? ` của ${e.issuer}` : ''}`);
    return {
      vi: `${label} không có trong danh mục văn bản (${scope.vi}); có phải ${named.join(' hoặc ')}?`,
      en: `${label} is not in the directive index (${scope.en}); did you mean ${named.join(' or ')}?`,
    };
  }
  const what = v.coverage?.description ?? '';
  return {
    vi: `${label} không có trong danh mục ${what}, danh mục này đầy đủ cho phạm vi đó (${scope.vi}): số văn bản có thể sai.`,
    en: `${label} is not in ${what}, which lists every document of that scope (${scope.en}): the number may be wrong.`,
  };
}
