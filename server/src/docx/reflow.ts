// Lines of a text conversion (`pdftotext -layout`, a copy from a PDF) are
// broken where the page ended them, not where paragraphs end. For Word the
// broken lines are joined back into paragraphs: a line continues the one
// before when that one runs long without closing a sentence and this one
// starts no new item (number, bullet, heading, table row) and is not
// indented as a paragraph start. Across a blank line (a page break in a text
// that separates paragraphs by blank lines) only a line starting in lower
// case continues: a paragraph never does. Short lines (headings, a list) and
// table rows stay apart. A page head (form feed and page number) is dropped.

const ENDS_PARAGRAPH = /[.:;!?…)”"]\s*$/u;
const STARTS_ITEM = /^\s*(?:[-+•*|#>]|\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVXLC]+\s*[.\-–]\s|[a-zđ]\)\s|\(\d+\)|[⁰¹²³⁴⁵⁶⁷⁸⁹])/u;
/** Table rows (pipes, tabs) are rows, never wrapped text. */
const TABLE_ROW = /^\s*\||\t/;
/** A page break of a PDF conversion with the page number printed at its top. */
const PAGE_HEAD = /^\s*\f\s*\d{0,4}\s*$/;
/** A line of a justified page is at least this long; a shorter one ends its paragraph. */
const FULL_LINE = 60;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

export function joinWrapped(lines: string[]): string[] {
  const out: string[] = [];
  let prevIndent = 0;
  let blank = false;
  for (const line of lines) {
    if (PAGE_HEAD.test(line)) continue;
    if (!line.trim()) {
      if (!blank) out.push(line);
      blank = true;
      continue;
    }
    const k = blank ? out.length - 2 : out.length - 1;
    const last = k >= 0 ? out[k] : undefined;
    const continues =
      last !== undefined &&
      last.trim().length >= FULL_LINE &&
      !ENDS_PARAGRAPH.test(last) &&
      !STARTS_ITEM.test(line) &&
      !TABLE_ROW.test(line) &&
      !TABLE_ROW.test(last) &&
      !(indentOf(line) > prevIndent && indentOf(line) >= 2) &&
      line.trim() !== line.trim().toUpperCase() &&
      (!blank || /^\s*\p{Ll}/u.test(line));
    if (continues) {
      if (blank) out.pop();
      // A number broken after its slash (`119/2026/` + `UBTVQH15`) is joined without a space.
      out[out.length - 1] = last.trimEnd() + (/\/$/.test(last.trimEnd()) ? '' : ' ') + line.trim();
    } else {
      out.push(line);
      prevIndent = indentOf(line);
    }
    blank = false;
  }
  return out;
}
