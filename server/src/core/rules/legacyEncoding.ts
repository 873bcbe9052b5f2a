// legacy-encoding: text pasted from an old TCVN3 (ABC) or VNI document shows
// as mojibake (`Uû ban nh©n d©n`); the quick fix converts it to Unicode.

import { ENCODING_NAMES, legacyConversions } from '../text/legacyEncoding';
import type { Finding, Rule } from './types';

/** At most this many characters of a run are quoted in the message. */
const QUOTE = 60;

function quote(s: string): string {
  return s.length > QUOTE ? `${s.slice(0, QUOTE - 1)}…` : s;
}

export const legacyEncoding: Rule = {
  id: 'legacy-encoding',
  defaultSeverity: 'warning',
  description: {
    vi: 'Văn bản không còn đoạn gõ bằng bảng mã cũ **TCVN3** (ABC, `.VnTime`) hoặc **VNI**, bị lỗi phông khi dán vào (*Uû ban nh©n d©n*); sửa nhanh chuyển sang Unicode.',
    en: 'No text is left in the legacy **TCVN3** (ABC, `.VnTime`) or **VNI** encodings, garbled when pasted (*Uû ban nh©n d©n*); the quick fix converts it to Unicode.',
  },
  docs: 'docs/rules/legacy-encoding.md',
  check({ plan }) {
    const out: Finding[] = [];
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
};
