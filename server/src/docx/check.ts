// `lint()` on a Word file: its text read with readDocx, each finding given
// its place in the file. The adapter the command line and the editor share.

import { Diagnostic, lint, LintOptions } from '../core/lint';
import { DocxLocation, locate } from './locate';
import { DocxText, readDocx } from './read';

export type LocatedDiagnostic = Diagnostic & { location?: DocxLocation };

export interface DocxCheck {
  doc: DocxText;
  diagnostics: LocatedDiagnostic[];
}

export function checkDocx(bytes: Uint8Array, options: LintOptions = {}): DocxCheck {
  const doc = readDocx(bytes);
  const diagnostics = lint(doc.text, options).diagnostics.map((d) => {
    const location = locate(doc.text, doc.blocks, d.offsets.start, d.offsets.end);
    return location ? { ...d, location } : d;
  });
  return { doc, diagnostics };
}

/** Whether a file name is a Word document this reader handles. */
export function isDocxName(file: string): boolean {
  return /\.docx$/i.test(file);
}
