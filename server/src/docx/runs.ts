// Inline Markdown emphasis of a line (`**bold**`, `*italic*`, `***both***`)
// as runs with their styles, the marks removed; `\.` escapes unescaped.

export interface StyledRun {
  text: string;
  bold: boolean;
  italic: boolean;
}

const EMPHASIS = /(\*{1,3})(?=\S)([^*]*?\S)\1(?!\*)/g;

export function styledRuns(line: string): StyledRun[] {
  const out: StyledRun[] = [];
  let last = 0;
  const push = (text: string, bold: boolean, italic: boolean) => {
    const clean = text.replace(/\\([.\-*()#_[\]|])/g, '$1');
    if (clean) out.push({ text: clean, bold, italic });
  };
  for (const m of line.matchAll(EMPHASIS)) {
    push(line.slice(last, m.index), false, false);
    const marks = m[1].length;
    push(m[2], marks >= 2, marks !== 2);
    last = m.index! + m[0].length;
  }
  // A lone `*` left over (a typo, a footnote star) is text, as the reader would show it.
  push(line.slice(last), false, false);
  return out;
}
