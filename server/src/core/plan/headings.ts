// How sections are pointed at and named in messages, outlines and hovers.

import type { Section, Span } from './model';

/** Number and title of a section's heading line: where task findings sit. */
export function headingSpan(s: Section): Span {
  return { start: s.numberSpan.start, end: Math.max(s.numberSpan.end, s.titleSpan.end) };
}

/** One line, at most `max` characters, cut at a word with `…`. */
export function short(s: string, max = 60): string {
  // Only the head is looked at: titles and values of a compilation run to pages.
  const head = s.length > max * 3 ? s.slice(0, max * 3) : s;
  const flat = head.replace(/\s+/g, ' ').trim();
  if (flat.length <= max && head === s) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '') + '…';
}

/** `1.2. Công tác tuyên giáo…` for messages. */
export function taskLabel(s: { number: string; title: string }): string {
  return `${s.number}. ${short(s.title)}`.trim();
}
