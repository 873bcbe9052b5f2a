// Converting TCVN3/VNI mojibake to Unicode: the quick fix of one
// legacy-encoding finding, and every run of a document for the command
// "Kế hoạch: Chuyển bảng mã cũ sang Unicode" (whatever the rule's level).

import type { Diagnostic, LintResult } from '../lint';
import { legacyConversions } from '../text/legacyEncoding';
import { LineIndex } from '../text/lineIndex';
import { normalize } from '../text/normalize';
import { dataOf, Fix, TextEdit } from './types';

export function legacyEncodingFixes(result: LintResult, d: Diagnostic): Fix[] {
  const { converted, start, end } = dataOf(d);
  if (typeof converted !== 'string') return [];
  const range = typeof start === 'number' && typeof end === 'number' ? result.lineIndex.range(start, end) : d.range;
  return [
    {
      title: { vi: `Chuyển sang Unicode: "${converted.length > 40 ? converted.slice(0, 39) + '…' : converted}"`, en: `Convert to Unicode: "${converted.length > 40 ? converted.slice(0, 39) + '…' : converted}"` },
      edits: [{ range, newText: converted }],
      preferred: true,
    },
  ];
}

/** Edits converting every legacy run of `text` to Unicode (none when there is none). */
export function legacyEncodingEdits(text: string, lineIndex: LineIndex = new LineIndex(text)): TextEdit[] {
  return legacyConversions(normalize(text)).map((c) => ({ range: lineIndex.range(c.original.start, c.original.end), newText: c.converted }));
}
