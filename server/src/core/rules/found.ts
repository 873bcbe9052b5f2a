// The typed data of each finding lint() reported, kept beside its diagnostic.
// A side table rather than a field: diagnostics are posted to the command
// line's worker threads and compared deeply (an incremental analysis against
// a full one), while a rule's data may hold the plan's own sections, rows and
// tasks. A diagnostic that was copied or rebuilt (a Word location, a JSON
// round trip) has no entry: it gets no fix, never a wrong one.

import type { Diagnostic } from '../lint';
import type { Plan } from '../plan/model';
import type { Found, Json, Rule } from './types';

const FOUND = new WeakMap<Diagnostic, { rule: Rule<unknown>; data: unknown; plan: Plan }>();

/** Remembers what `rule` found in `plan` for the diagnostic `d` it reported (nothing to remember without data). */
export function keepFound(d: Diagnostic, rule: Rule<unknown>, data: unknown, plan: Plan): void {
  if (data !== undefined) FOUND.set(d, { rule, data, plan });
}

/**
 * The finding of `rule` that `d` reports, with its typed data; undefined when
 * `d` is not one, or (given `plan`) was not found in that plan: its data
 * speaks of another text.
 */
export function foundBy<D>(rule: Rule<D>, d: Diagnostic, plan?: Plan): Found<D> | undefined {
  const kept = FOUND.get(d);
  if (!kept || (plan && kept.plan !== plan)) return undefined;
  // The data was given by this very rule's check(): it has the rule's type.
  return kept.rule === (rule as Rule<unknown>) ? { diagnostic: d, data: kept.data as D } : undefined;
}

/** The JSON facts of a finding, for the diagnostic's `data`. */
export function factsOf(rule: Rule<unknown>, data: unknown): Record<string, Json> | undefined {
  if (data === undefined) return undefined;
  return rule.facts ? rule.facts(data) : (data as Record<string, Json>);
}
