// A line of a document's header or closing, split into the cells of its
// columns: the header and the signature block stand in two-column tables,
// which `pdftotext -layout` and Word's text export put on one line.

import type { Line, Span } from './model';

export interface HeaderLine {
  text: string;
  line: number;
  span: Span;
}

/**
 * Cells of a header line: `pdftotext -layout` puts the two columns on one
 * line, far apart (a tab, or eight spaces and more); gaps inside one column's
 * text (`Số:173    /KH-UBND`, `ngày 28     tháng 4`) are narrower.
 */
export interface Cell extends HeaderLine {
  /** Where the cell starts on its line: a right-hand column stands far from the margin. */
  column: number;
}

/** While a header is read (headerOf): the furthest line read so far. */
let reading: { last: number } | undefined;

/** Notes the lines read by `read` (through cells and noteRead) in `seen`. */
export function tracked<T>(seen: { last: number }, read: () => T): T {
  const outer = reading;
  reading = seen;
  try {
    return read();
  } finally {
    reading = outer;
  }
}

/** A line looked at without cells (a blank-line test). */
export function noteRead(line: Line): void {
  if (reading && line.index > reading.last) reading.last = line.index;
}

export function cells(line: Line): Cell[] {
  if (reading && line.index > reading.last) reading.last = line.index;
  const out: Cell[] = [];
  const re = /\S(?:.*?\S)?(?=\t|\s{8,}|\s*$)/g;
  for (let m = re.exec(line.text); m; m = re.exec(line.text)) {
    const raw = m[0];
    // Markdown decoration around a header cell (`# CHÍNH PHỦ`, `**Số: 03/NQ-CP**`).
    const lead = /^(?:#{1,6}\s+|\*\*?|_)*/.exec(raw)![0].length;
    const written = raw.slice(lead).replace(/(?:\*\*?|_)+$/, '').trim();
    const text = written.replace(/\s{2,}/g, ' ');
    const start = line.start + m.index + lead;
    if (text) out.push({ text, line: line.index, column: m.index, span: { start, end: start + written.length } });
  }
  return out;
}

