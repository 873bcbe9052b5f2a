// unknown-directive: a cited document the index cannot vouch for. Outside
// every complete scope that is no fault of the draft, only a limit of the
// index: a hint. Inside a complete scope, or one digit away from an indexed
// document of the same type and date, the number itself is likely wrong: a
// warning.

import { viDate } from '../citations/dates';
import { ContradictionReason, verdicts, Verdict } from '../index/verify';
import type { Diagnostic } from '../lint';
import { ADD_TO_INDEX, entryLabel, IndexEntryToAdd } from './addToIndex';
import { citationLabel } from './citationLabel';
import { scopeText } from './citationScope';
import { foundBy } from './found';
import type { Finding, Rule, RuleCommand } from './types';

/** A cited document the index cannot vouch for: what the citation says of it, and the outcome. */
export interface UnknownData {
  number: string;
  key: string;
  type: string | null;
  /** ISO, of the citation or of the citation it refers back to. */
  date: string | null;
  issuer: string | null;
  locality: string | null;
  scope: string;
  outcome: Verdict['outcome'];
  reason?: ContradictionReason;
  /** Indexed numbers it may be a misspelling of. */
  suggestions?: string[];
}

export const unknownDirective: Rule<UnknownData> = {
  id: 'unknown-directive',
  defaultSeverity: 'hint',
  description: {
    vi: 'Văn bản được trích dẫn cần có trong danh mục văn bản để kiểm tra được.',
    en: 'A cited document is in the directive index, so that it can be checked.',
  },
  docs: 'docs/rules/unknown-directive.md',
  check(ctx) {
    const { plan } = ctx;
    const out: Finding<UnknownData>[] = [];
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
      const data: UnknownData = {
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
  commands: ({ data }) => {
    const entry = entryOf(data);
    return entry ? [addToIndexCommand(entry)] : [];
  },
};

/** The cited document as an entry of the workspace index: what the citation says, nothing more. */
function entryOf(data: UnknownData): IndexEntryToAdd | undefined {
  if (!data.number) return undefined;
  const entry: IndexEntryToAdd = { number: data.number };
  if (data.type) entry.type = data.type;
  if (data.date) entry.date = data.date;
  if (data.issuer) entry.issuer = data.issuer;
  if (data.locality) entry.locality = data.locality;
  return entry;
}

function addToIndexCommand(entry: IndexEntryToAdd): RuleCommand {
  const label = entryLabel(entry);
  return {
    title: { vi: `Thêm ${label} vào danh mục văn bản`, en: `Add ${label} to the directive index` },
    commandTitle: { vi: 'Thêm vào danh mục văn bản', en: 'Add to the directive index' },
    command: ADD_TO_INDEX,
    arguments: { entry },
  };
}

/** The index entry an unknown-directive finding would add; undefined for any other diagnostic. */
export function indexEntryFor(d: Diagnostic): IndexEntryToAdd | undefined {
  const found = foundBy(unknownDirective, d);
  return found ? entryOf(found.data) : undefined;
}

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
