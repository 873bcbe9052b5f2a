// Findings on the text read from a .docx, placed back in the Word file: the
// paragraph (or table row and cell, or footnote) they stand in, and a quoted
// fragment so the reader finds them without line numbers.

import type { Msg } from '../core/rules/types';
import type { Location, TextBlock } from './read';

export interface DocxLocation {
  location: Location;
  /** The text from the finding's start (or its paragraph's, when it is empty), emphasis marks removed, at most QUOTE_MAX characters. */
  quote: string;
  /** The block of the text the finding starts in. */
  block: number;
}

const QUOTE_MAX = 60;

/** Index of the block holding `offset`, else of the last block before it (0 when none). */
export function blockAt(blocks: TextBlock[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function locate(text: string, blocks: TextBlock[], start: number, end: number): DocxLocation | undefined {
  if (!blocks.length) return undefined;
  const k = blockAt(blocks, start);
  const b = blocks[k];
  const from = Math.min(Math.max(start, b.start), b.end);
  // A short finding (a section number) is quoted with the words after it, so it can be searched for.
  const to = Math.min(Math.max(end, from + QUOTE_MAX + 1), b.end);
  const quote = cleanQuote(to > from ? text.slice(from, to) : text.slice(b.start, b.end));
  return { location: b.location, quote, block: k };
}

function cleanQuote(s: string): string {
  const plain = s.replace(/\*+/g, '').replace(/\\\|/g, '|').replace(/\s+/g, ' ').trim();
  if (plain.length <= QUOTE_MAX) return plain;
  const cut = plain.slice(0, QUOTE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return (space > QUOTE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

/** `đoạn 12`, `bảng 1, hàng 3, ô 2`, `chú thích 1`. */
export function describeLocation(l: Location): Msg {
  switch (l.kind) {
    case 'paragraph':
      return { vi: `đoạn ${l.paragraph}`, en: `paragraph ${l.paragraph}` };
    case 'cell':
      return { vi: `bảng ${l.table}, hàng ${l.row}, ô ${l.cell}`, en: `table ${l.table}, row ${l.row}, cell ${l.cell}` };
    case 'footnote':
      return { vi: `chú thích ${l.footnote}`, en: `footnote ${l.footnote}` };
  }
}
