// Lines of a text conversion (`pdftotext -layout`, a copy from a PDF) are
// broken where the page ended them, not where paragraphs end. For Word the
// broken lines are joined back into paragraphs: a line continues the one
// before when that one runs long without closing a sentence and this one
// starts no new item (number, bullet, heading, table row) and is not
// indented as a paragraph start. Short lines (headings, a list) and table
// rows stay apart.

const ENDS_PARAGRAPH = /[.:;!?…)”"]\s*$/u;
const STARTS_ITEM = /^\s*(?:[-+•*|#>]|\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVXLC]+\s*[.\-–]\s|[a-zđ]\)\s|\(\d+\)|[⁰¹²³⁴⁵⁶⁷⁸⁹])/u;
/** Table rows (pipes, tabs) are rows, never wrapped text. */
const TABLE_ROW = /^\s*\||\t/;
/** A line of a justified page is at least this long; a shorter one ends its paragraph. */
const FULL_LINE = 60;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

export function joinWrapped(lines: string[]): string[] {
  const out: string[] = [];
  let prevIndent = 0;
  for (const line of lines) {
    const last = out.length ? out[out.length - 1] : undefined;
    const lastLine = last === undefined ? '' : last.slice(last.lastIndexOf('\n') + 1);
    const continues =
      last !== undefined &&
      line.trim() !== '' &&
      lastLine.trim().length >= FULL_LINE &&
      !ENDS_PARAGRAPH.test(lastLine) &&
      !STARTS_ITEM.test(line) &&
      !TABLE_ROW.test(line) &&
      !TABLE_ROW.test(lastLine) &&
      !(indentOf(line) > prevIndent && indentOf(line) >= 2) &&
      line.trim() !== line.trim().toUpperCase();
    // A number broken after its slash (`119/2026/` + `UBTVQH15`) is joined without a space.
    if (continues) out[out.length - 1] = last.trimEnd() + (/\/$/.test(last.trimEnd()) ? '' : ' ') + line.trim();
    else {
      out.push(line);
      prevIndent = indentOf(line);
    }
  }
  return out;
}
