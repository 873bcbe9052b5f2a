// Normalisation after an edit: only the edited lines are normalised again;
// the normalised text and map before and after them are kept (shifted). Every
// step of normalize() works within a line, except two: a combining mark at a
// line start joins the line break before it (so the window never starts or
// ends before one), and markup removal reads 12 units past a `**` (so the
// window starts early enough that no `**` before it reads the edit, and is
// normalised with that much right context and cut back). The result
// is the one normalize() gives for the whole text (property-tested against it).

import type { TextChange } from './change';
import { composesAt, LazyNormalizedText, literalBreakMode, normalizeParts } from './normalize';
import { RunMap } from './runMap';

/** A larger window is not worth it: the whole text is normalised again. */
const MAX_WINDOW = 64 * 1024;
/** What markup removal reads after `**` to tell a glued heading (12 units), with room to spare. */
const MARKUP_LOOKAHEAD = 16;

/** A line start at or before `at` (after a LF) whose first character is no combining mark; 0 at worst. */
function lineStartBefore(text: string, at: number): number {
  let p = at <= 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  while (p > 0 && composesAt(text, p)) p = text.lastIndexOf('\n', p - 2) + 1;
  return p;
}

/** A line start at or after `at` (after a LF) whose first character is no combining mark; the text's end at worst. */
function lineStartAfter(text: string, at: number): number {
  let q = at;
  for (;;) {
    if (q >= text.length) return text.length;
    if (q > 0 && text.charCodeAt(q - 1) === 10 && !composesAt(text, q)) return q;
    const lf = text.indexOf('\n', q);
    if (lf < 0) return text.length;
    q = lf + 1;
  }
}

/**
 * Where the right context of a window ending at `q` ends: markup removal reads
 * 12 units past a `**` to tell a glued heading, so the window is normalised
 * with at least MARKUP_LOOKAHEAD more units after it and cut back at `q`. Only
 * ASCII characters other than CR count: each keeps exactly one unit.
 */
function contextEnd(text: string, q: number): number {
  return walk(text, q, 1);
}

/** Where the window must start so that no `**` before it reads as far as `at`: MARKUP_LOOKAHEAD counted units back. */
function contextStart(text: string, at: number): number {
  return walk(text, at - 1, -1) + 1;
}

/** From `k` in direction `step` until MARKUP_LOOKAHEAD counted units are passed (or the text ends). */
function walk(text: string, k: number, step: 1 | -1): number {
  let seen = 0;
  for (; k >= 0 && k < text.length && seen < MARKUP_LOOKAHEAD; k += step) {
    const c = text.charCodeAt(k);
    if (c < 0x80 && c !== 13) seen++;
  }
  return k;
}

/**
 * A copy of `s` that holds none of the string it was cut from. A piece of the
 * edited text is a view of the whole text (the engine slices without copying):
 * the lines read from it would keep every edited version of a document alive,
 * one whole text per keystroke, until each line is edited again.
 */
export function detached(s: string): string {
  // Joining makes a new string and slicing it flattens that one: only the copy is held.
  return (' ' + s).slice(1);
}

export interface Renormalized {
  /** Its text is built on demand from the previous one; reparse rebases it on the new lines. */
  nt: LazyNormalizedText;
  /** The change in normalised offsets. */
  change: TextChange;
  /** The normalised text of the change: `nt.text.slice(change.start, change.newEnd)`. */
  text: string;
}

/**
 * The normalised form of `original`, which is `prev.original` after `edit`
 * (original offsets), or undefined when the window would be too large.
 */
export function renormalize(prev: { original: string; text: string; map: RunMap }, original: string, edit: TextChange): Renormalized | undefined {
  const old = prev.original;
  const delta = original.length - old.length;
  if (edit.newEnd - edit.oldEnd !== delta || edit.start < 0 || edit.oldEnd > old.length || edit.start > edit.oldEnd) return undefined;
  const p = lineStartBefore(original, contextStart(original, edit.start));
  const q = lineStartAfter(original, edit.newEnd + 1);
  if (q - p > MAX_WINDOW) return undefined;
  // Written-out line breaks are read from the whole text, not from a window.
  if (literalBreakMode(original) || literalBreakMode(old)) return undefined;
  const qOld = q - delta;

  const end = contextEnd(original, q);
  const window = normalizeParts(original.slice(p, end));
  const cut = end > q ? window.map.firstAtOrAfter(q - p) : window.text.length;
  const length = prev.map.length;
  const P = prev.map.firstAtOrAfter(p);
  const Q = qOld >= old.length ? length : prev.map.firstAtOrAfter(qOld);
  const map = new RunMap();
  map.appendRange(prev.map, 0, P, 0);
  map.appendRange(window.map, 0, cut, p);
  map.appendRange(prev.map, Q, length, delta);
  const text = detached(window.text.slice(0, cut));
  const nt = new LazyNormalizedText(original, () => prev.text.slice(0, P) + text + prev.text.slice(Q), map);
  return { nt, change: { start: P, oldEnd: Q, newEnd: P + cut }, text };
}
