// legacy-encoding: text pasted from an old TCVN3 (ABC) or VNI document shows
// as mojibake (`Uû ban nh©n d©n`); the quick fix converts it to Unicode, and
// the command "Kế hoạch: Chuyển bảng mã cũ sang Unicode" converts every run
// of a document (whatever the rule's level).

import type { Fix, TextEdit } from '../fixes/types';
import { ENCODING_NAMES, LegacyEncoding, legacyConversions } from '../text/legacyEncoding';
import { LineIndex } from '../text/lineIndex';
import { normalize } from '../text/normalize';
import type { Finding, FixContext, Found, Rule } from './types';

/** A run in a legacy encoding and its Unicode text; `start`, `end` are offsets in the original text. */
export interface LegacyData {
  encoding: LegacyEncoding;
  converted: string;
  start: number;
  end: number;
}

/** At most this many characters of a run are quoted in the message. */
const QUOTE = 60;

function quote(s: string): string {
  return s.length > QUOTE ? `${s.slice(0, QUOTE - 1)}…` : s;
}

export const legacyEncoding: Rule<LegacyData> = {
  id: 'legacy-encoding',
  defaultSeverity: 'warning',
  description: {
    vi: 'Văn bản không còn đoạn gõ bằng bảng mã cũ **TCVN3** (ABC, `.VnTime`) hoặc **VNI**, bị lỗi phông khi dán vào (*Uû ban nh©n d©n*); sửa nhanh chuyển sang Unicode.',
    en: 'No text is left in the legacy **TCVN3** (ABC, `.VnTime`) or **VNI** encodings, garbled when pasted (*Uû ban nh©n d©n*); the quick fix converts it to Unicode.',
  },
  docs: 'docs/rules/legacy-encoding.md',
  check({ plan }) {
    const out: Finding<LegacyData>[] = [];
    for (const c of legacyConversions(plan.nt, plan.legacyRuns)) {
      const name = ENCODING_NAMES[c.encoding];
      out.push({
        span: { start: c.start, end: c.end },
        message: {
          vi: `Đoạn này gõ bằng bảng mã cũ ${name.vi} nên hiển thị sai: "${quote(c.text)}" — đúng là "${quote(c.converted)}".`,
          en: `This text is in the legacy ${name.en} encoding and shows garbled: "${quote(c.text)}" should read "${quote(c.converted)}".`,
        },
        // The fix replaces the original offsets: they cover soft hyphens the span leaves out.
        data: { encoding: c.encoding, converted: c.converted, start: c.original.start, end: c.original.end },
      });
    }
    return out;
  },
  fixes: convertFix,
};

function convertFix({ data: { converted, start, end } }: Found<LegacyData>, { result }: FixContext): Fix[] {
  const shown = converted.length > 40 ? converted.slice(0, 39) + '…' : converted;
  return [
    {
      title: { vi: `Chuyển sang Unicode: "${shown}"`, en: `Convert to Unicode: "${shown}"` },
      edits: [{ range: result.lineIndex.range(start, end), newText: converted }],
      preferred: true,
    },
  ];
}

/** Edits converting every legacy run of `text` to Unicode (none when there is none). */
export function legacyEncodingEdits(text: string, lineIndex: LineIndex = new LineIndex(text)): TextEdit[] {
  return legacyConversions(normalize(text)).map((c) => ({ range: lineIndex.range(c.original.start, c.original.end), newText: c.converted }));
}
