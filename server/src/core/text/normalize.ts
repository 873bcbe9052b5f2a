// Text normalisation that never loses track of where a character came from.
// The analysis runs on `text`; every finding is mapped back through
// `toOriginal` so diagnostics land on the characters the user typed.

import { RunMap } from './runMap';
import { foldTonePlacement } from './vietnamese';

export interface NormalizedText {
  /** The original text, as the editor holds it. */
  readonly original: string;
  /** NFC, LF line breaks, tone-folded, emphasis and invisible characters removed. */
  readonly text: string;
  /** Where each run of `text` came from in `original`. */
  readonly map: RunMap;
  /** Offset in `original` of the character at `offset` in `text` (or of the end). */
  toOriginal(offset: number): number;
}

/** A character that may compose with the one before it under NFC: a combining mark, or a Hangul vowel or final jamo. */
const COMPOSING = /^[\p{M}\u1160-\u11ff]/u;

/**
 * Where the characters that may compose with the one before them can be,
 * outside U+0300–036F: every block holding marks or jamo, none of the
 * Vietnamese ones (Latin Extended Additional is U+1E00–1EFF), and the high
 * surrogates of the astral marks (not of emoji). A cheap class to rule them out.
 */
const OTHER_MARK_CANDIDATE = /[\u0483-\u1dff\u20d0-\u20ff\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099\u309a\ua66f-\uabff\ufb1e\ufe00-\ufe0f\ufe20-\ufe2f\ud800-\ud83a\udb40]/g;

/** Units of the composing character at `i` (1, or 2 for an astral one), or 0 if none is there. */
export function composesAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0x300 && c <= 0x36f) return 1;
  if (!(c >= 0x483) || (c >= 0x1e00 && c < 0x20d0)) return 0; // also past the end (NaN)
  const cp = text.codePointAt(i)!;
  return COMPOSING.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** The first composing character outside U+0300–036F, or -1. */
function firstOtherMark(s: string): number {
  OTHER_MARK_CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OTHER_MARK_CANDIDATE.exec(s))) if (composesAt(s, m.index)) return m.index;
  return -1;
}

/**
 * Every character the first pass may change: CR, invisibles (U+200B–200D,
 * U+2060, BOM, soft hyphen), space-like (no-break, narrow, figure, thin, hair,
 * ideographic), dashes and minus, Ð/ð, combining marks, as regex classes.
 * Found by a native scan instead of a test per character: drafts hold few.
 */
const SPECIAL_CLASSES = [
  '\\r', '\\u00ad', '\\u00a0', '\\u00d0', '\\u00f0', '\\u0300-\\u036f', '\\u2007\\u2009-\\u200d\\u2010-\\u2015\\u202f\\u2060\\u2212\\u3000\\ufeff',
  // Other marks and jamo (Korean, Indic, Hebrew… typed decomposed): a slow class, used only when the text holds one.
  '\\p{M}\\u1160-\\u11ff',
];
/** The class that needs a Unicode-mode regex. */
const UNICODE_CLASS = 1 << 7;

/**
 * Where each of SPECIAL_CLASSES first occurs (-1: nowhere), by one cheap
 * native search each. A class scan is fast when its characters differ from
 * the text's in the high byte, slow for Latin-1 ones; but a single character
 * is found at memchr speed. So the Latin-1 ones are searched one by one, and
 * the scan uses only the classes present, from the first hit on (most
 * drafts: none, and the text is returned as it is).
 */
const FIRST: ((s: string) => number)[] = [
  (s) => s.indexOf('\r'),
  (s) => s.indexOf('\u00ad'),
  (s) => s.indexOf('\u00a0'),
  (s) => s.indexOf('\u00d0'),
  (s) => s.indexOf('\u00f0'),
  (s) => s.search(/[\u0300-\u036f]/),
  (s) => s.search(/[\u2007\u2009-\u200d\u2010-\u2015\u202f\u2060\u2212\u3000\ufeff]/),
  firstOtherMark,
];

/** The scan for the classes of `mask` (bit k: SPECIAL_CLASSES[k]), built once per mask. */
const specialScans = new Map<number, RegExp>();

/** The scan for the special characters `text` holds and where to start it, or undefined if it holds none. */
export function specialScan(text: string): { scan: RegExp; from: number } | undefined {
  let mask = 0;
  let from = text.length;
  for (let k = 0; k < FIRST.length; k++) {
    const at = FIRST[k](text);
    if (at < 0) continue;
    mask |= 1 << k;
    if (at < from) from = at;
  }
  if (!mask) return undefined;
  let scan = specialScans.get(mask);
  if (!scan) {
    scan = new RegExp(`[${SPECIAL_CLASSES.filter((_, k) => mask & (1 << k)).join('')}]`, mask & UNICODE_CLASS ? 'gu' : 'g');
    specialScans.set(mask, scan);
  }
  return { scan, from };
}

const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xad]);
const SPACE_LIKE = new Set([0xa0, 0x202f, 0x2007, 0x2009, 0x200a, 0x3000]);

/**
 * Markup that wraps numbers and labels in Markdown drafts and carries no
 * meaning for the plan: `*`/`**` emphasis (not a list bullet), `<b>`, `<i>`,
 * `<strong>`, `<em>`, `<u>` tags, and backslash escapes such as `1\\.`.
 */
const MARKUP = /<\/?(?:b|i|u|em|strong)>|\\(?=[.\-*()#_[\]|])|\*+/gi;

const GLUED_HEADING = /^(?:\d{1,2}(?:\.\d{1,2})*\.\s|[IVX]{1,5}\s*[-.]\s*\p{Lu})/u;

/** Output text plus the map of where its pieces came from. */
class Builder {
  private readonly parts: string[] = [];
  readonly map = new RunMap();
  push(s: string, origin: number): void {
    this.parts.push(s);
    this.map.insert(s.length, origin);
  }
  /** Copies `source[from, to)` unchanged. */
  copy(source: string, from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(from === 0 && to === source.length ? source : source.slice(from, to));
    this.map.copy(from, to);
  }
  finish(): { text: string; map: RunMap } {
    return { text: this.parts.length === 1 ? this.parts[0] : this.parts.join(''), map: this.map };
  }
}

/** First pass: line breaks, invisibles, spaces, dashes, Ð, NFC, by cluster. */
function firstPass(original: string): { text: string; map: RunMap } {
  const n = original.length;
  const b = new Builder();
  const special = specialScan(original);
  if (!special) {
    b.copy(original, 0, n);
    return b.finish();
  }
  const SPECIAL = special.scan;
  let run = 0; // start of the pending run copied unchanged
  SPECIAL.lastIndex = special.from;
  let m: RegExpExecArray | null;
  while ((m = SPECIAL.exec(original))) {
    const i = m.index;
    const c = original.charCodeAt(i);
    let at = i;
    let replacement: string;
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
    } else {
      // A combining mark (or jamo): the cluster is the base before it (unless
      // that was itself replaced; both halves of a surrogate pair) and every
      // mark that follows, composed to NFC.
      if (i - 1 >= run) {
        at = i - 1;
        const low = original.charCodeAt(at);
        if (low >= 0xdc00 && low <= 0xdfff && at - 1 >= run && (original.charCodeAt(at - 1) & 0xfc00) === 0xd800) at--;
      }
      let j = i;
      for (let w = composesAt(original, j); j < n && w; w = composesAt(original, j)) j += w;
      if (j === i) j = i + 1;
      replacement = original.slice(at, j).normalize('NFC');
      skip = j - at;
    }
    b.copy(original, run, at);
    b.push(replacement, at);
    run = at + skip;
    SPECIAL.lastIndex = run;
  }
  b.copy(original, run, n);
  return b.finish();
}

/** Second pass: strip Markdown emphasis markup, keeping list bullets. Offsets map to the first pass's text. */
function stripMarkup(text: string): { text: string; map: RunMap } {
  const b = new Builder();
  let last = 0;
  MARKUP.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKUP.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0][0] === '*' && isBullet(text, start, end)) continue;
    b.copy(text, last, start);
    // Conversions glue bold headings onto the line before
    // (`MỤC TIÊU**1. Quan điểm**`): the bold run starts a new line there.
    if (m[0].startsWith('**') && start > 0 && !/\s/.test(text[start - 1]) && GLUED_HEADING.test(text.slice(end, end + 12))) {
      b.push('\n', start);
    }
    last = end;
  }
  b.copy(text, last, text.length);
  return b.finish();
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
  const { text, map } = normalizeParts(original);
  return normalizedText(original, text, map);
}

// Line breaks written out as the escapes of a JSON or log dump: `\r\n`, `\n`, `\r` (backslash and letter).
const LITERAL_BREAK = /\\r\\n|\\n|\\r/g;

/**
 * Whether the text's line breaks are written out (`…Kế hoạch\r\nI. MỤC ĐÍCH…`,
 * text pasted from a JSON dump): when it has a few escapes and next to no real
 * line breaks, or more escapes than real breaks. Otherwise a `\n` is text
 * (a path, a regex quoted in a plan) and stays as written.
 */
export function literalBreakMode(text: string): boolean {
  // A cheap exact test first: every escape the pattern knows holds `\n` or `\r` (this runs on each keystroke).
  if (!text.includes('\\n') && !text.includes('\\r')) return false;
  const literal = text.match(LITERAL_BREAK)?.length ?? 0;
  if (literal < 3) return false;
  let real = 0;
  for (let i = text.indexOf('\n'); i >= 0 && real <= literal; i = text.indexOf('\n', i + 1)) real++;
  return real < 3 || literal > real;
}

/** Written-out line breaks made real: each escape becomes one LF mapped to its first character. */
function literalBreaks(text: string): { text: string; map: RunMap } {
  const b = new Builder();
  let last = 0;
  LITERAL_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LITERAL_BREAK.exec(text))) {
    b.copy(text, last, m.index);
    b.push('\n', m.index);
    last = m.index + m[0].length;
  }
  b.copy(text, last, text.length);
  return b.finish();
}

/** The normalised text of `original` and the map from it back to `original`. */
export function normalizeParts(original: string): { text: string; map: RunMap } {
  let first = firstPass(original);
  if (literalBreakMode(first.text)) {
    const lit = literalBreaks(first.text);
    first = { text: lit.text, map: RunMap.compose(lit.map, first.map) };
  }
  const second = first.text.includes('*') || first.text.includes('<') || first.text.includes('\\') ? stripMarkup(first.text) : undefined;
  const text = foldTonePlacement(second ? second.text : first.text);
  return { text, map: second ? RunMap.compose(second.map, first.map) : first.map };
}

/** A NormalizedText over a text already normalised, with its map. */
export function normalizedText(original: string, text: string, map: RunMap): NormalizedText {
  return new LazyNormalizedText(original, () => text, map);
}

/**
 * A NormalizedText whose text is built only when asked for. After an edit the
 * analysis works on lines; joining 600K characters into one string for every
 * keystroke would cost more than the analysis, so only a feature that needs
 * the whole text (a hover, a quick fix) builds it, once per version.
 */
export class LazyNormalizedText implements NormalizedText {
  private value: string | undefined;

  constructor(
    readonly original: string,
    private source: () => string,
    readonly map: RunMap,
  ) {}

  get text(): string {
    if (this.value === undefined) {
      this.value = this.source();
      this.source = () => this.value!;
    }
    return this.value;
  }

  /** Builds the text from `source` from now on (and drops what the old source held). */
  rebase(source: () => string): void {
    if (this.value === undefined) this.source = source;
  }

  toOriginal(offset: number): number {
    const length = this.map.length;
    if (offset >= length || length === 0) return this.original.length;
    return this.map.lookup(Math.max(0, offset));
  }
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
    for (let w = composesAt(o, e); e < o.length && w; w = composesAt(o, e)) e += w;
  }
  return { start: s, end: Math.max(s, e) };
}
