// Text normalisation that never loses track of where a character came from.
// The analysis runs on `text`; every finding is mapped back through
// `toOriginal` so diagnostics land on the characters the user typed.

import { foldTonePlacement } from './vietnamese';

export interface NormalizedText {
  /** The original text, as the editor holds it. */
  readonly original: string;
  /** NFC, LF line breaks, tone-folded, emphasis and invisible characters removed. */
  readonly text: string;
  /** Offset in `original` of the character at `offset` in `text` (or of the end). */
  toOriginal(offset: number): number;
}

const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xad]);
const SPACE_LIKE = new Set([0xa0, 0x202f, 0x2007, 0x2009, 0x200a, 0x3000]);

function isCombining(code: number): boolean {
  return code >= 0x300 && code <= 0x36f;
}

/**
 * Markup that wraps numbers and labels in Markdown drafts and carries no
 * meaning for the plan: `*`/`**` emphasis (not a list bullet), `<b>`, `<i>`,
 * `<strong>`, `<em>`, `<u>` tags, and backslash escapes such as `1\\.`.
 */
const MARKUP = /<\/?(?:b|i|u|em|strong)>|\\(?=[.\-*()#_[\]|])|\*+/gi;

const GLUED_HEADING = /^(?:\d{1,2}(?:\.\d{1,2})*\.\s|[IVX]{1,5}\s*[-.]\s*\p{Lu})/u;

/** Output text plus, for each output unit, the original offset it came from. */
class Builder {
  private readonly parts: string[] = [];
  private readonly map: Int32Array;
  private length = 0;
  constructor(capacity: number) {
    this.map = new Int32Array(capacity + 1);
  }
  push(s: string, origin: number): void {
    this.parts.push(s);
    for (let k = 0; k < s.length; k++) this.map[this.length++] = origin;
  }
  /** Copies `source[from, to)` whose units map one to one from `origins`. */
  copy(source: string, from: number, to: number, origins: Int32Array | null): void {
    if (to <= from) return;
    this.parts.push(source.slice(from, to));
    for (let k = from; k < to; k++) this.map[this.length++] = origins ? origins[k] : k;
  }
  finish(end: number): { text: string; map: Int32Array } {
    this.map[this.length] = end;
    return { text: this.parts.join(''), map: this.map.subarray(0, this.length + 1) };
  }
}

/** First pass: line breaks, invisibles, spaces, dashes, Ð, NFC, by cluster. */
function firstPass(original: string): { text: string; map: Int32Array } {
  const n = original.length;
  // NFC never grows Vietnamese text; the factor covers exotic expansions.
  const b = new Builder(n * 2);
  let run = 0; // start of the pending run copied unchanged
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    // Fast path: ASCII and precomposed letters (Vietnamese lives in
    // U+00C0–U+1EFF) pass unchanged unless a combining mark follows.
    if (c < 0x80 ? c !== 13 : c >= 0xc0 && c < 0x300 && c !== 0xd0 && c !== 0xf0) {
      if (!isCombining(original.charCodeAt(i + 1))) continue;
    } else if (c >= 0x1e00 && c <= 0x1eff && !isCombining(original.charCodeAt(i + 1))) continue;
    let replacement: string | null = null;
    let skip = 1;
    if (c === 13) {
      replacement = '\n';
      if (original.charCodeAt(i + 1) === 10) skip = 2;
    } else if (INVISIBLE.has(c)) {
      replacement = '';
    } else if (SPACE_LIKE.has(c)) {
      replacement = ' ';
    } else if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) {
      replacement = '-';
    } else if (c === 0xd0) {
      replacement = '\u0110';
    } else if (c === 0xf0) {
      replacement = '\u0111';
    } else if (isCombining(original.charCodeAt(i + 1)) || isCombining(c)) {
      let j = i + 1;
      while (j < n && isCombining(original.charCodeAt(j))) j++;
      replacement = original.slice(i, j).normalize('NFC');
      skip = j - i;
    }
    if (replacement === null) continue;
    b.copy(original, run, i, null);
    b.push(replacement, i);
    i += skip - 1;
    run = i + 1;
  }
  b.copy(original, run, n, null);
  return b.finish(n);
}

/** Second pass: strip Markdown emphasis markup, keeping list bullets. */
function stripMarkup(text: string, map: Int32Array, originalLength: number): { text: string; map: Int32Array } {
  const b = new Builder(text.length);
  let last = 0;
  MARKUP.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKUP.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0][0] === '*' && isBullet(text, start, end)) continue;
    b.copy(text, last, start, map);
    // Conversions glue bold headings onto the line before
    // (`MỤC TIÊU**1. Quan điểm**`): the bold run starts a new line there.
    if (m[0].startsWith('**') && start > 0 && !/\s/.test(text[start - 1]) && GLUED_HEADING.test(text.slice(end, end + 12))) {
      b.push('\n', map[start]);
    }
    last = end;
  }
  b.copy(text, last, text.length, map);
  return b.finish(originalLength);
}

/** A lone `*` at the start of a line (after indentation) followed by a space is a bullet. */
function isBullet(text: string, start: number, end: number): boolean {
  if (end - start !== 1 || text[end] !== ' ') return false;
  for (let k = start - 1; k >= 0; k--) {
    const c = text[k];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

export function normalize(original: string): NormalizedText {
  const first = firstPass(original);
  const second = first.text.includes('*') || first.text.includes('<') || first.text.includes('\\')
    ? stripMarkup(first.text, first.map, original.length)
    : first;
  const text = foldTonePlacement(second.text);
  const map = second.map;
  return {
    original,
    text,
    toOriginal(offset: number): number {
      if (offset <= 0) return map[0];
      if (offset >= text.length) return original.length;
      return map[offset];
    },
  };
}

/** Offset range in the original text, end exclusive. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** Maps a range of the normalised text to the original text. */
export function mapRange(nt: NormalizedText, start: number, end: number): OffsetRange {
  const s = nt.toOriginal(start);
  // The end maps through the last character inside the range, so that
  // composed clusters and trailing markup are covered whole.
  let e = end > start ? nt.toOriginal(end - 1) + 1 : s;
  if (end > start) {
    // Extend over the rest of a decomposed cluster (NFD marks after the base).
    const o = nt.original;
    while (e < o.length && isCombining(o.charCodeAt(e))) e++;
  }
  return { start: s, end: Math.max(s, e) };
}
