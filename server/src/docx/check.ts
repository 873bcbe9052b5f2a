// `lint()` on a Word file: its text read with readDocx, each finding given
// its place in the file. The adapter the command line and the editor share.

import { Diagnostic, lint, LintOptions } from '../core/lint';
import type { Msg } from '../core/rules/types';
import { describeLocation, DocxLocation, locate } from './locate';
import { DocxText, readDocx } from './read';

export type LocatedDiagnostic = Diagnostic & { location?: DocxLocation };

export interface DocxCheck {
  doc: DocxText;
  diagnostics: LocatedDiagnostic[];
}

export function checkDocx(bytes: Uint8Array, options: LintOptions = {}): DocxCheck {
  const doc = readDocx(bytes);
  const lineStarts = [0];
  for (let i = doc.text.indexOf('\n'); i >= 0; i = doc.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const diagnostics = lint(doc.text, options).diagnostics.map((d) => {
    const location = locate(doc.text, doc.blocks, d.offsets.start, d.offsets.end);
    return location ? { ...d, message: withPlaces(d.message, doc, lineStarts), location } : d;
  });
  return { doc, diagnostics };
}

/**
 * A message that points at another line of the text (`đã dùng ở dòng 55`)
 * names that place in the Word file instead (`đoạn 55`, `bảng 1, hàng 3, ô 2`):
 * a Word user sees no line numbers.
 */
function withPlaces(message: Msg, doc: DocxText, lineStarts: number[]): Msg {
  const place = (line: string, lang: 'vi' | 'en', original: string) => {
    const start = lineStarts[Number(line) - 1];
    const at = start === undefined ? undefined : locate(doc.text, doc.blocks, start, start);
    return at ? describeLocation(at.location)[lang] : original;
  };
  return {
    vi: message.vi.replace(/\bdòng (\d+)/g, (m, n: string) => place(n, 'vi', m)),
    en: message.en.replace(/\bline (\d+)/g, (m, n: string) => place(n, 'en', m)),
  };
}
