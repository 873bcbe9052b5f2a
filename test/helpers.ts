// Shared test helpers: seeds, fixtures with inline expectation markers, and
// text variants (NFD, CRLF, old tone placement) that must not change results.

import * as fs from 'fs';
import * as path from 'path';
import { DirectiveIndex } from '../server/src/core/index/directiveIndex';
import { loadBundledIndex } from '../server/src/core/index/loadIndex';
import { Diagnostic, lint, LintOptions } from '../server/src/core/lint';

export const ROOT = path.resolve(__dirname, '..');

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

export function check(text: string, options: LintOptions = {}): Diagnostic[] {
  return lint(text, { index: bundledIndex(), ...options }).diagnostics;
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
