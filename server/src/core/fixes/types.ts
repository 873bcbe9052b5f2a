// What a quick fix is: a title in both languages and text edits on the
// ORIGINAL text (LSP ranges, UTF-16), applied together as one undo step.
// Pure: no editor or LSP imports.

import type { Msg } from '../rules/types';
import { LineIndex, Range } from '../text/lineIndex';

export interface TextEdit {
  range: Range;
  newText: string;
  /**
   * Where the cursor belongs after the edit, as an offset into `newText`
   * (the empty value of an inserted field). Clients that take snippet edits
   * place the cursor there; the others ignore it.
   */
  cursor?: number;
}

export interface Fix {
  title: Msg;
  edits: TextEdit[];
  /** The fix most drafters want for this finding (one per finding). */
  preferred?: boolean;
}

/** The line break the document uses: CRLF stays CRLF. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  if (i > 0 && text[i - 1] === '\r') return '\r\n';
  if (i < 0 && text.includes('\r')) return '\r';
  return '\n';
}

/** Applies non-overlapping edits to a text (tests, previews). */
export function applyEdits(text: string, edits: readonly { range: Range; newText: string }[], index?: { offsetAt(p: Range['start']): number }): string {
  const lineIndex = index ?? new LineIndex(text);
  const withOffsets = edits
    .map((e, order) => ({ start: lineIndex.offsetAt(e.range.start), end: lineIndex.offsetAt(e.range.end), text: e.newText, order }))
    .sort((a, b) => b.start - a.start || b.order - a.order);
  let out = text;
  let last = Number.MAX_SAFE_INTEGER;
  for (const e of withOffsets) {
    if (e.end > last) throw new Error('overlapping edits');
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    last = e.start;
  }
  return out;
}

/** Start of the line holding `offset` in the original text (after CR, LF or CRLF). */
export function lineStartAt(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** End of the line holding `offset` (before its line break). */
export function lineEndAt(text: string, offset: number): number {
  let i = Math.max(0, offset);
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

export function isBlankLine(text: string, start: number): boolean {
  return text.slice(start, lineEndAt(text, start)).trim() === '';
}
