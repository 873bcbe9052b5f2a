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

function windowed(prev: Citation[], slice: TextSlice, change: TextChange): Citation[] | undefined {
  const { start, oldEnd, newEnd } = change;
  const { text, base, length } = slice;
  const sliceEnd = base + text.length;
  const toEnd = sliceEnd >= length;
  const delta = newEnd - oldEnd;
  if (!(start >= 0 && start <= oldEnd && start <= newEnd && newEnd <= length)) return undefined;
  if (start < base || newEnd > sliceEnd) throw new OutOfSlice();
  // Reads of the slice by whole-text offsets; a read outside it gives up.
  const lineStart = (at: number) => {
    if (at < base) throw new OutOfSlice();
    // The unit before `base` is a line break: a line with none before it in the slice starts at base.
    if (at <= base) return base;
    return base + text.lastIndexOf('\n', at - base - 1) + 1;
  };
  const stopAt = (at: number) => {
    if (at - base < 1 && base > 0) throw new OutOfSlice();
    if (at >= sliceEnd) throw new OutOfSlice();
    return isStop(text, at - base);
  };
  /** The first line break at or after `from`, or the text's end. */
  const breakFrom = (from: number) => {
    const nl = from - base < text.length ? text.indexOf('\n', from - base) : -1;
    if (nl >= 0) return base + nl;
    if (toEnd) return length;
    throw new OutOfSlice();
  };
  const lineAfter = (from: number) => {
    const nl = breakFrom(from);
    return nl >= length ? length : nl + 1;
  };

  // Window start: a line start in the unchanged head meeting the conditions above.
  let w = lineStart(start);
  for (;;) {
    if (start - w > MAX_WINDOW) return undefined;
    if (w > 0) {
      let s = w - 1;
      while (s < start && !stopAt(s)) s++;
      if (s >= start) {
        w = lineStart(w - 1);
        continue;
      }
    }
    const k = lastBefore(prev, w);
    if (k >= 0 && (prev[k].numberSpan.end > w || prev[k].numberSpan.end + CITATION_REACH > start)) {
      w = lineStart(prev[k].numberSpan.start);
      continue;
    }
    break;
  }

  // Window end: the line start after the line break at or after newEnd + 1.
  let e = lineAfter(newEnd + 1);
  const fresh: Citation[] = [];
  let line = w;
  let nextBreak = breakFrom(w);
  const scan = documentNumbers(text, w - base);
  let pending: RegExpExecArray | undefined;
  for (;;) {
    if (e - w > MAX_WINDOW) return undefined;
    // New numbers starting before e. In a slice, every number that does ends
    // by the first stop after e, which must lie inside it (else one cut by the
    // slice's end could be missed or read short).
    if (!toEnd) {
      let s = e;
      while (!stopAt(s)) s++;
    }
    for (;;) {
      if (!pending) {
        const r = scan.next();
        if (r.done) break;
        pending = r.value;
      }
      if (pending.index + base >= e) break;
      const m = pending;
      pending = undefined;
      while (nextBreak < m.index + base) {
        line = nextBreak + 1;
        nextBreak = breakFrom(line);
      }
      const c = citationAt(text, m, line - base);
      // Its date and issuer are read up to CITATION_REACH units on: inside the slice.
      if (!toEnd && c.numberSpan.end + CITATION_REACH >= text.length) throw new OutOfSlice();
      fresh.push(base ? moved(c, base) : c);
    }
    if (e >= length) break;
    // In step at e: no number of either scan runs across it.
    const last = fresh.length ? fresh[fresh.length - 1].numberSpan.end : 0;
    if (last > e) {
      e = lineAfter(last);
      continue;
    }
    const j = lastBefore(prev, e - delta);
    if (j >= 0 && prev[j].numberSpan.end > e - delta) {
      e = lineAfter(prev[j].numberSpan.end + delta);
      continue;
    }
    break;
  }

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
