// Helpers for the quick-fix tests: lint a text, take the fixes of one
// finding, apply them (optionally typing a value where the cursor lands).

import assert from 'node:assert/strict';
import { applyEdits, Fix, fixesFor } from '../../server/src/core/fixes';
import { Diagnostic, lint, LintOptions, LintResult } from '../../server/src/core/lint';
import { bundledIndex, withoutHints } from '../helpers';

export function analyse(text: string, options: LintOptions = {}): LintResult {
  return withoutHints(lint(text, { index: bundledIndex(), ...options }));
}

/** The one finding of `code` on 1-based `line` (or the only one of that code). */
export function finding(result: LintResult, code: string, line?: number): Diagnostic {
  const found = result.diagnostics.filter((d) => d.code === code && (line === undefined || d.range.start.line + 1 === line));
  assert.equal(found.length, 1, `one ${code}${line ? ` on line ${line}` : ''}; got ${result.diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`).join(', ')}`);
  return found[0];
}

export function fixesOf(text: string, code: string, line?: number, options: LintOptions = {}): { result: LintResult; d: Diagnostic; fixes: Fix[] } {
  const result = analyse(text, options);
  const d = finding(result, code, line);
  return { result, d, fixes: fixesFor(result, d) };
}

/** Applies a fix; `typed` is written where the cursor lands (the empty value), as the drafter would. */
export function applyFix(text: string, fix: Fix, typed?: string | string[]): string {
  const values = typed === undefined ? [] : Array.isArray(typed) ? [...typed] : [typed];
  const edits = fix.edits.map((e) => {
    if (e.cursor === undefined || !values.length) return e;
    // An empty edit with a cursor: a table cell to fill.
    if (e.newText === '') return { ...e, newText: values.shift() ?? '' };
    // Every inserted field line ends in its label and a space: the values go there, in order.
    return { ...e, newText: e.newText.replace(/(?<=(?::\*?|\*:) )(?=\r?\n|$)/g, () => values.shift() ?? '') };
  });
  return applyEdits(text, edits);
}

/** `code|message` of every finding: what must stay the same when lines shift. */
export function findingsByMessage(result: LintResult): string[] {
  return result.diagnostics.map((d) => `${d.code}|${d.message.vi}`).sort();
}

export function lineBreaks(text: string): { crlf: number; lf: number; cr: number } {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  return { crlf, lf: (text.match(/\n/g) ?? []).length - crlf, cr: (text.match(/\r/g) ?? []).length - crlf };
}
