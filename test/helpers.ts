// Shared test helpers: seeds, fixtures with inline expectation markers, and
// text variants (NFD, CRLF, old tone placement) that must not change results.

import * as fs from 'fs';
import * as path from 'path';
import { DirectiveIndex } from '../server/src/core/index/directiveIndex';
import { loadBundledIndex } from '../server/src/node/bundledIndex';
import { Diagnostic, lint, LintOptions } from '../server/src/core/lint';
import { FORM_RULE_IDS } from '../server/src/core/rules/formScope';
import { sharedDir as sharedDirOf } from '../scripts/build-index';

export const ROOT = path.resolve(__dirname, '..');

/**
 * The rules of form off: an export to Word lays out the header and the closing
 * itself (it adds the national or Party heading a pasted body lacks), so the
 * Word file is compared with the text on what the draft says, not on its form.
 */
export const FORM_OFF: Record<string, 'off'> = Object.fromEntries(FORM_RULE_IDS.map((id) => [id, 'off']));
export const FORM_OFF_ARGS = FORM_RULE_IDS.flatMap((id) => ['--rule', `${id}=off`]);

export const SEEDS = {
  plan000: '000_089bb949c9e0a859.txt',
  letter001: '001_02122e36d28baa11.txt',
  plan002: '002_1391606a0847e6e9.txt',
  compilation004: '004_845be7d462c89c00.txt',
};

export function seed(name: string): string {
  return fs.readFileSync(path.join(ROOT, 'test', 'seeds', name), 'utf8');
}

/**
 * The shared folder of real material (corpus, seeds as delivered) beside the
 * repository: `<repo>/../shared`, or two levels up for a git worktree under
 * `<work>/wt/<name>`. A test that needs it fails loudly when it is missing.
 */
export const SHARED = [path.resolve(ROOT, '..', 'shared'), path.resolve(ROOT, '..', '..', 'shared')].find((p) =>
  fs.existsSync(path.join(p, 'corpus')),
);

/** A file of `shared/corpus/` (`plans/nq97-cp-sua-doi-chuong-trinh.txt`); throws when the corpus is not there. */
export function corpusPath(rel: string): string {
  if (!SHARED) throw new Error(`shared/corpus not found beside ${ROOT}: the corpus tests need it (CI copies shared/ beside the clone)`);
  return path.join(SHARED, 'corpus', rel);
}

export function corpus(rel: string): string {
  return fs.readFileSync(corpusPath(rel), 'utf8');
}

/** The real plans of `shared/corpus/plans/`, by file name. */
export function corpusPlans(): string[] {
  return fs.readdirSync(path.dirname(corpusPath('plans/x'))).filter((f) => /\.(txt|md)$/.test(f)).sort();
}

/** A whole plan of the real corpus (`shared/corpus/plans/<name>`). */
export function corpusPlan(name: string): string {
  return corpus(`plans/${name}`);
}

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(ROOT, 'test', 'fixtures', rel), 'utf8');
}

let bundled: DirectiveIndex | undefined;
export function bundledIndex(): DirectiveIndex {
  bundled ??= loadBundledIndex();
  return bundled;
}

/**
 * The findings of a text with the bundled index, hints left out: a hint
 * (`unknown-directive` on a document the index cannot vouch for) reports no
 * defect, and the CLI's text mode hides it too. `checkWithHints` keeps them.
 */
export function check(text: string, options: LintOptions = {}): Diagnostic[] {
  return checkWithHints(text, options).filter((d) => d.severity !== 'hint');
}

export function checkWithHints(text: string, options: LintOptions = {}): Diagnostic[] {
  return lint(text, { index: bundledIndex(), ...options }).diagnostics;
}

/** The result without its hints (see `check`). */
export function withoutHints<T extends { diagnostics: Diagnostic[] }>(result: T): T {
  return { ...result, diagnostics: result.diagnostics.filter((d) => d.severity !== 'hint') };
}

/** The folder beside the repository that holds the corpus (`<clone>/../shared`, or two up from a worktree); throws when missing, never skips. */
export function sharedDir(): string {
  return sharedDirOf(ROOT);
}

/** A file of the real corpus, by path under `shared/corpus/`. */
export function corpusFile(rel: string): string {
  return fs.readFileSync(path.join(sharedDir(), 'corpus', rel), 'utf8');
}

/** `line:code` pairs (1-based lines), sorted: compact to compare. */
export function summary(diags: Diagnostic[], codes?: string[]): string[] {
  return diags
    .filter((d) => !codes || codes.includes(d.code))
    .map((d) => `${d.range.start.line + 1}:${d.code}`);
}

/**
 * Fixtures mark expected findings at the end of a line with `{rule-id}` (several
 * allowed). The markers are blanked with spaces of the same length before
 * checking, so lines and columns stay as written.
 */
export function readMarkers(text: string): { text: string; expected: string[] } {
  const expected: string[] = [];
  const lines = text.split('\n').map((line, i) => {
    return line.replace(/(?:\s*\{[a-z-]+\})+\s*$/, (m) => {
      for (const id of m.match(/\{([a-z-]+)\}/g) ?? []) expected.push(`${i + 1}:${id.slice(1, -1)}`);
      return ' '.repeat(m.length);
    });
  });
  return { text: lines.join('\n'), expected: expected.sort(sortKey) };
}

function sortKey(a: string, b: string): number {
  const [la, ca] = a.split(':');
  const [lb, cb] = b.split(':');
  return Number(la) - Number(lb) || ca.localeCompare(cb);
}

export function sorted(list: string[]): string[] {
  return [...list].sort(sortKey);
}

/** Old tone placement (hoà, thuỷ, Uỷ) everywhere the new one (hòa, thủy, Ủy) stands. */
export function oldTones(text: string): string {
  const pairs: [RegExp, string][] = [
    [/òa(?!\p{L})/gu, 'oà'], [/óa(?!\p{L})/gu, 'oá'], [/ỏa(?!\p{L})/gu, 'oả'], [/õa(?!\p{L})/gu, 'oã'], [/ọa(?!\p{L})/gu, 'oạ'],
    [/ủy(?!\p{L})/gu, 'uỷ'], [/úy(?!\p{L})/gu, 'uý'], [/ùy(?!\p{L})/gu, 'uỳ'], [/ũy(?!\p{L})/gu, 'uỹ'], [/ụy(?!\p{L})/gu, 'uỵ'],
    [/Ủy(?!\p{L})/gu, 'Uỷ'], [/òe(?!\p{L})/gu, 'oè'], [/ỏe(?!\p{L})/gu, 'oẻ'],
  ];
  let out = text;
  for (const [re, to] of pairs) out = out.replace(re, (m, offset: number, all: string) => (/[qQ]/.test(all[offset - 1] ?? '') ? m : to));
  return out;
}

export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export function nfd(text: string): string {
  return text.normalize('NFD');
}

/** Diagnostics reduced to what must not change across encodings: code, line, message. */
export function essence(diags: Diagnostic[]): string[] {
  return diags.map((d) => `${d.range.start.line}:${d.code}:${d.message.vi}`);
}

