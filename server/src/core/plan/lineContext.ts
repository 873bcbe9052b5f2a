// What a line is given the lines before it, which no reading of one line
// can say: inside quoted text (an amendment's new wording `“1. …”`, which
// belongs to the amended document), or under a heading (the line before ends
// no sentence and is no bullet, field or one-level section: `- Thời gian: Quý I`
// is no heading). Sequential state: the builder steps it over every line on
// every analysis; line readings stay pure per line.

import type { LineReading } from './lineReading';

/** Whether `s` ends a sentence: `[.;:!?]["”)]?\s*$`, read from the end instead of a regex over the whole paragraph. */
export function endsSentence(s: string): boolean {
  let k = s.length - 1;
  while (k >= 0 && isSpace(s.charCodeAt(k))) k--;
  const c = s.charCodeAt(k);
  if (c === 0x22 || c === 0x201d || c === 0x29) k--;
  const end = s.charCodeAt(k);
  return end === 0x2e || end === 0x3b || end === 0x3a || end === 0x21 || end === 0x3f;
}

/** `\s` of a regular expression, one character (ASCII first: nearly every line ends so). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export class LineContext {
  /** Depth of quoted text. */
  private quoteDepth = 0;
  /** The line before could be a heading. */
  private prevHeading = false;
  /** The line before the last one stepped over ends no sentence: a `1.` on it starts a list anew (sectionLists.ts). */
  underHeading = false;

  /** Steps over a non-blank line: true when it is quoted text. */
  step(r: LineReading): boolean {
    this.underHeading = this.prevHeading;
    // A `1.` right under `1. Việc một` is a number used twice, not a list of its own; under `1.2.2. Tỷ lệ` it is.
    const single = r.section !== undefined && r.section.components.length === 1;
    this.prevHeading = r.bullet < 0 && !r.label && !single && r.openEnded;
    const quoted = this.quoteDepth > 0 || r.quote.starts;
    this.quoteDepth = Math.max(0, this.quoteDepth + r.quote.delta + (r.quote.straight ? (this.quoteDepth > 0 ? -1 : 1) : 0));
    return quoted;
  }
}
