// Citations after one edit, re-reading only a window of lines around it.
//
// Why the result is exactly extractCitations(text):
// - The number scan equals a global scan of the number regex (docNumber.ts):
//   each match is the first position at or after the previous match's end
//   where the regex matches. Whether it matches at a digit p depends only on
//   text[p-2, q], q being the first "stop" at or after p: a unit no number
//   can hold (not an ASCII letter/digit, Đ, đ, '-', '/' or space) or a space
//   after a space (a number holds no two spaces in a row), because every
//   token reads at most one unit past what it consumes.
// - A citation reads its own line before the number and CITATION_REACH units
//   after the number's end.
// So the citations before a line start W that has a stop in [W-1, change.start)
// and whose last number ends by W and reaches no further than change.start
// are unchanged; those whose number starts at or after a line start E (the
// line break after the new text, not inside a number of either scan) read
// only the unchanged tail and move by the length delta. The numbers between
// are scanned again from W. Antecedents are linked again over the whole list.

import { Citation, CITATION_REACH, citationAt, extractCitations, linkShortMentions } from './extract';
import { documentNumbers } from './docNumber';
import { TextChange } from '../text/change';

/** Above this many units the window is not worth it: the full scan runs. */
const MAX_WINDOW = 65536;

const SPACE = /\s/u;

/** Whether text[i] is a stop: no number reads through it (see above). */
function isStop(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 47 || c === 0x110 || c === 0x111) return false;
  if (!SPACE.test(text[i])) return true;
  return i > 0 && SPACE.test(text[i - 1]);
}

/** Index of the last citation whose number starts before `at`, or -1. */
function lastBefore(list: Citation[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].numberSpan.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** A copy of `c` moved by `d`, without antecedent (relinked after), keys in extractCitations' order. */
function moved(c: Citation, d: number): Citation {
  const span = (s: { start: number; end: number }) => ({ start: s.start + d, end: s.end + d });
  return {
    start: c.start + d,
    end: c.end + d,
    type: c.type,
    typeSpan: c.typeSpan && span(c.typeSpan),
    number: { ...c.number },
    numberSpan: span(c.numberSpan),
    date: c.date && { ...c.date, start: c.date.start + d, end: c.date.end + d },
    ...(c.badDate ? { badDate: { ...c.badDate, start: c.badDate.start + d, end: c.badDate.end + d } } : {}),
    issuer: c.issuer && { ...c.issuer, start: c.issuer.start + d, end: c.issuer.end + d },
    own: c.own,
  };
}

/**
 * A stretch of a text: `text` holds the units [base, base + text.length) of a
 * text `length` units long, and `base` is a line start. Lets an edit be
 * handled from the lines around it without the whole text as one string.
 */
export interface TextSlice {
  text: string;
  base: number;
  length: number;
}

/** The window needs a unit outside the slice. */
class OutOfSlice extends Error {}

/** Exactly extractCitations(text) — same citations, same spans, same own/antecedent — computed by re-reading only a window around the change. `prev` is not modified. */
export function extractCitationsAfterChange(prev: Citation[], text: string, change: TextChange): Citation[] {
  return citationsAfterChange(prev, { text, base: 0, length: text.length }, change) ?? extractCitations(text);
}

/**
 * The same from a slice of the text around the change (offsets stay those of
 * the whole text), or undefined when the window does not fit in the slice or
 * is not worth it: then the caller reads the whole text.
 */
export function citationsAfterChange(prev: Citation[], slice: TextSlice, change: TextChange): Citation[] | undefined {
  try {
    return windowed(prev, slice, change);
  } catch (e) {
    if (e instanceof OutOfSlice) return undefined;
    throw e;
  }
}

/** Reads of a slice by whole-text offsets; a read outside it throws OutOfSlice. */
class SliceReader {
  /** The whole-text offset after the slice's last unit. */
  readonly end: number;
  /** Whether the slice runs to the text's end. */
  readonly toEnd: boolean;

  constructor(readonly slice: TextSlice) {
    this.end = slice.base + slice.text.length;
    this.toEnd = this.end >= slice.length;
  }

  lineStart(at: number): number {
    const { text, base } = this.slice;
    if (at < base) throw new OutOfSlice();
    // The unit before `base` is a line break: a line with none before it in the slice starts at base.
    if (at <= base) return base;
    return base + text.lastIndexOf('\n', at - base - 1) + 1;
  }

  stopAt(at: number): boolean {
    const { text, base } = this.slice;
    if (at - base < 1 && base > 0) throw new OutOfSlice();
    if (at >= this.end) throw new OutOfSlice();
    return isStop(text, at - base);
  }

  /** The first line break at or after `from`, or the text's end. */
  breakFrom(from: number): number {
    const { text, base, length } = this.slice;
    const nl = from - base < text.length ? text.indexOf('\n', from - base) : -1;
    if (nl >= 0) return base + nl;
    if (this.toEnd) return length;
    throw new OutOfSlice();
  }

  lineAfter(from: number): number {
    const nl = this.breakFrom(from);
    return nl >= this.slice.length ? this.slice.length : nl + 1;
  }
}

function windowed(prev: Citation[], slice: TextSlice, change: TextChange): Citation[] | undefined {
  const { start, oldEnd, newEnd } = change;
  const { base, length } = slice;
  if (!(start >= 0 && start <= oldEnd && start <= newEnd && newEnd <= length)) return undefined;
  const r = new SliceReader(slice);
  if (start < base || newEnd > r.end) throw new OutOfSlice();
  const w = windowStart(prev, r, start);
  if (w === undefined) return undefined;
  const delta = newEnd - oldEnd;
  const tail = windowEnd(prev, r, w, newEnd, delta);
  return tail && spliced(prev, w, tail, delta, length);
}

/** Window start: a line start in the unchanged head meeting the conditions above; undefined when too far back. */
function windowStart(prev: Citation[], r: SliceReader, start: number): number | undefined {
  let w = r.lineStart(start);
  for (;;) {
    if (start - w > MAX_WINDOW) return undefined;
    if (w > 0) {
      let s = w - 1;
      while (s < start && !r.stopAt(s)) s++;
      if (s >= start) {
        w = r.lineStart(w - 1);
        continue;
      }
    }
    const k = lastBefore(prev, w);
    if (k >= 0 && (prev[k].numberSpan.end > w || prev[k].numberSpan.end + CITATION_REACH > start)) {
      w = r.lineStart(prev[k].numberSpan.start);
      continue;
    }
    return w;
  }
}

/** The citations read again from a window start, number by number, with the line each stands on. */
class WindowScan {
  readonly fresh: Citation[] = [];
  private line: number;
  private nextBreak: number;
  private readonly scan: Generator<RegExpExecArray>;
  private pending: RegExpExecArray | undefined;

  constructor(
    private readonly r: SliceReader,
    w: number,
  ) {
    this.line = w;
    this.nextBreak = r.breakFrom(w);
    this.scan = documentNumbers(r.slice.text, w - r.slice.base);
  }

  /** Adds the citations of the numbers starting before `e`. */
  readBefore(e: number): void {
    const { text, base } = this.r.slice;
    for (;;) {
      if (!this.pending) {
        const next = this.scan.next();
        if (next.done) return;
        this.pending = next.value;
      }
      if (this.pending.index + base >= e) return;
      const m = this.pending;
      this.pending = undefined;
      while (this.nextBreak < m.index + base) {
        this.line = this.nextBreak + 1;
        this.nextBreak = this.r.breakFrom(this.line);
      }
      const c = citationAt(text, m, this.line - base);
      // Its date and issuer are read up to CITATION_REACH units on: inside the slice.
      if (!this.r.toEnd && c.numberSpan.end + CITATION_REACH >= text.length) throw new OutOfSlice();
      this.fresh.push(base ? moved(c, base) : c);
    }
  }
}

/** Window end `e` (the line start after the line break at or after newEnd + 1, in step with both scans) and the citations read up to it; undefined when too far on. */
function windowEnd(prev: Citation[], r: SliceReader, w: number, newEnd: number, delta: number): { fresh: Citation[]; e: number } | undefined {
  const length = r.slice.length;
  let e = r.lineAfter(newEnd + 1);
  const scan = new WindowScan(r, w);
  for (;;) {
    if (e - w > MAX_WINDOW) return undefined;
    // New numbers starting before e. In a slice, every number that does ends
    // by the first stop after e, which must lie inside it (else one cut by the
    // slice's end could be missed or read short).
    if (!r.toEnd) {
      let s = e;
      while (!r.stopAt(s)) s++;
    }
    scan.readBefore(e);
    if (e >= length) break;
    // In step at e: no number of either scan runs across it.
    const fresh = scan.fresh;
    const last = fresh.length ? fresh[fresh.length - 1].numberSpan.end : 0;
    if (last > e) {
      e = r.lineAfter(last);
      continue;
    }
    const j = lastBefore(prev, e - delta);
    if (j >= 0 && prev[j].numberSpan.end > e - delta) {
      e = r.lineAfter(prev[j].numberSpan.end + delta);
      continue;
    }
    break;
  }
  return { fresh: scan.fresh, e };
}

/** The unchanged head, the window's citations and the moved tail, antecedents linked again. */
function spliced(prev: Citation[], w: number, { fresh, e }: { fresh: Citation[]; e: number }, delta: number, length: number): Citation[] {
  const out: Citation[] = [];
  const head = lastBefore(prev, w);
  for (let i = 0; i <= head; i++) out.push(moved(prev[i], 0));
  for (const c of fresh) out.push(c);
  if (e < length) {
    for (let i = lastBefore(prev, e - delta) + 1; i < prev.length; i++) out.push(moved(prev[i], delta));
  }
  linkShortMentions(out);
  return out;
}
