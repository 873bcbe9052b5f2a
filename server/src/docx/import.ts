// A Word plan as a draft to edit in the editor (.kh or Markdown): the text
// the checks read (numbering as typed, Markdown tables, `**bold**`, footnotes
// at the end), with the empty paragraphs of a layout (around the header, the
// ruling lines) cut down to one blank line, so it checks as the .docx does.

import { readDocx } from './read';

export function importDocx(bytes: Uint8Array): string {
  const text = readDocx(bytes)
    .text.split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '');
  return text.endsWith('\n') ? text : text + '\n';
}
