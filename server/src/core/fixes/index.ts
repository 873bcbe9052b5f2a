// The quick fixes of a finding: what its rule declares (rules/*: `fixes`,
// `commands`, `fixAll`), looked up by the finding's rule. No rule is named
// here. The LSP adapter adds the editor-side actions (ignore on this line,
// turn the rule off, open its page) around these.

import type { Diagnostic, LintResult } from '../lint';
import { ruleById, RULES } from '../rules';
import { foundBy } from '../rules/found';
import type { FixAll, FixContext, Found, Msg, Rule, RuleCommand } from '../rules/types';
import type { Fix, TextEdit } from './types';

export type { Fix, TextEdit } from './types';
export { applyEdits } from './types';
export { suppressLineFix, isMarkdown } from './suppressLine';

function contextOf(result: LintResult): FixContext | undefined {
  return result.plan ? { result, plan: result.plan } : undefined;
}

/** The finding `d` reports, with its rule; undefined for a diagnostic no rule of this analysis gave. */
function lookUp(d: Diagnostic, ctx: FixContext): { rule: Rule<unknown>; found: Found<unknown> } | undefined {
  const rule = ruleById(d.code);
  const found = rule && foundBy(rule, d, ctx.plan);
  return found ? { rule: rule!, found } : undefined;
}

/** Text fixes of one finding (none for rules without one). */
export function fixesFor(result: LintResult, d: Diagnostic): Fix[] {
  const ctx = contextOf(result);
  const hit = ctx && lookUp(d, ctx);
  return hit?.rule.fixes?.(hit.found, ctx!) ?? [];
}

/** Command-style actions of one finding, as its rule declares them. */
export function commandsFor(result: LintResult, d: Diagnostic): RuleCommand[] {
  const ctx = contextOf(result);
  const hit = ctx && lookUp(d, ctx);
  return hit?.rule.commands?.(hit.found, ctx!) ?? [];
}

export interface FixAllAction {
  title: Msg;
  edits: TextEdit[];
}

/** `source.fixAll`: one action per FixAll the rules declare, over every finding of those rules; none with nothing to fix. */
export function fixAllFor(result: LintResult): FixAllAction[] {
  const ctx = contextOf(result);
  if (!ctx) return [];
  const groups = new Map<FixAll<unknown>, Found<unknown>[]>();
  for (const rule of RULES) if (rule.fixAll && !groups.has(rule.fixAll)) groups.set(rule.fixAll, []);
  for (const d of result.diagnostics) {
    const hit = lookUp(d, ctx);
    if (hit?.rule.fixAll) groups.get(hit.rule.fixAll)!.push(hit.found);
  }
  const out: FixAllAction[] = [];
  for (const [fixAll, found] of groups) {
    const edits = found.length ? fixAll.edits(found, ctx) : [];
    if (edits.length) out.push({ title: fixAll.title, edits });
  }
  return out;
}
