// Helpers shared by the editor-feature tests: analyse a text with the bundled
// index, find positions by text, insert a line, read the text at a range.

import { lint, LintResult } from '../../server/src/core/lint';
import type { Position, Range } from '../../server/src/core/text/lineIndex';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { bundledIndex, withoutHints } from '../helpers';

export function analyse(text: string): LintResult {
  return withoutHints(lint(text, { index: bundledIndex() }));
}

/** Position of the `k`-th character of the first occurrence of `needle` (LSP counting). */
export function posOf(text: string, needle: string, k = 0): Position {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not in text: ${needle}`);
  return new LineIndex(text).positionAt(at + k);
}

/** The text with `line` inserted before 0-based line `at`; and the position at its end. */
export function withLine(text: string, at: number, line: string): { text: string; end: Position } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  lines.splice(at, 0, line);
  return { text: lines.join(eol), end: { line: at, character: line.length } };
}

export function textAt(text: string, r: Range): string {
  const li = new LineIndex(text);
  return text.slice(li.offsetAt(r.start), li.offsetAt(r.end));
}

export function contains(outer: Range, inner: Range): boolean {
  const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}
