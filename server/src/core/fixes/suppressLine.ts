// Every finding in a Markdown draft: “Bỏ qua ở dòng này” puts
// `<!-- kehoach-disable-next-line rule-id -->` above the finding's line, with
// that line's indentation. When a disable-next-line comment stands there
// already, the rule id joins it (a second comment would only cover the first).

import type { Diagnostic, LintResult } from '../lint';
import { eolOf, Fix, lineEndAt, lineStartAt } from './types';

const NEXT_LINE = /^(\s*<!--\s*kehoach-disable-next-line\b)([^>]*?)(\s*-->\s*)$/;

export function suppressLineFix(result: LintResult, d: Diagnostic): Fix | undefined {
  const text = result.plan?.nt.original;
  if (text === undefined) return undefined;
  const lineStart = lineStartAt(text, d.offsets.start);
  const line = text.slice(lineStart, lineEndAt(text, lineStart));
  const indent = /^[ \t]*/.exec(line)![0];
  const title = { vi: `Bỏ qua quy tắc ${d.code} ở dòng này`, en: `Ignore ${d.code} on this line` };
  if (lineStart > 0) {
    let prevEnd = lineStart - 1;
    if (text[prevEnd] === '\n' && text[prevEnd - 1] === '\r') prevEnd--;
    const prevStart = lineStartAt(text, prevEnd);
    const m = NEXT_LINE.exec(text.slice(prevStart, prevEnd));
    if (m) {
      const ids = m[2].trim().split(/[\s,]+/).filter(Boolean);
      // No ids: every rule is off on the next line already.
      if (!ids.length || ids.includes(d.code)) return undefined;
      const at = prevStart + m[1].length + m[2].length;
      return { title, edits: [{ range: result.lineIndex.range(at, at), newText: ` ${d.code}` }] };
    }
  }
  const comment = `${indent}<!-- kehoach-disable-next-line ${d.code} -->${eolOf(text)}`;
  return { title, edits: [{ range: result.lineIndex.range(lineStart, lineStart), newText: comment }] };
}

/** Is this a Markdown draft, where an HTML comment does not show in print? */
export function isMarkdown(languageId: string, uri: string): boolean {
  return languageId === 'markdown' || /\.(?:md|markdown)$/i.test(uri);
}

