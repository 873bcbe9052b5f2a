// The material of the fix tests: every real text (seeds, corpus plans,
// fixtures), how “that finding” is told apart, and what a drafter types where
// a fix leaves the cursor.

import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, Fix } from '../../server/src/core/fixes';
import { Diagnostic, lint, LintResult } from '../../server/src/core/lint';
import { bundledIndex, corpusPlan, corpusPlans, ROOT } from '../helpers';
import { applyFix } from '../fixes/util';

/** Every real text with findings to fix: seeds, corpus plans, fixtures. */
export function material(): [string, string][] {
  const out: [string, string][] = [];
  const dir = (rel: string) => path.join(ROOT, 'test', rel);
  for (const f of fs.readdirSync(dir('seeds')).sort()) out.push([`seeds/${f}`, fs.readFileSync(path.join(dir('seeds'), f), 'utf8')]);
  for (const f of corpusPlans()) out.push([`corpus/${f}`, corpusPlan(f)]);
  for (const sub of ['fixes', 'rules', 'markdown']) {
    for (const f of fs.readdirSync(dir(`fixtures/${sub}`)).sort()) out.push([`fixtures/${sub}/${f}`, fs.readFileSync(path.join(dir(`fixtures/${sub}`), f), 'utf8')]);
  }
  return out;
}

export const analyse = (text: string): LintResult => lint(text, { index: bundledIndex() });

/** How many findings of `d`'s rule say what `d` says: “that finding” is gone when this drops. */
export function sameFindings(result: LintResult, d: Diagnostic): number {
  return result.diagnostics.filter((x) => x.code === d.code && x.message.vi === d.message.vi).length;
}

/** What a drafter types where a fix leaves the cursor (an empty field or cell): a value of the right kind. */
export function typedFor(d: Diagnostic): string[] {
  const value = d.code === 'missing-deadline' ? 'Quý IV năm 2026.' : 'Sở Nội vụ.';
  return [value, value, value];
}

/** The text after `fix`, with the drafter's value typed where its cursor lands. */
export function fixed(text: string, d: Diagnostic, fix: Fix): string {
  return fix.edits.some((e) => e.cursor !== undefined) ? applyFix(text, fix, typedFor(d)) : applyEdits(text, fix.edits);
}

