// Whether a document is a plan at all (or attaches one), read from its first
// lines: the server and the CLI check plans only.

import { normalize } from '../text/normalize';
import type { Line } from './model';
import { isUpperTitle, splitLines } from './lineReading';

/** The subject of a decision or resolution that issues or approves a plan, programme or scheme. */
const ISSUES_PLAN = /(?<!\p{L})(?:kế hoạch|chương trình|đề án)(?!\p{L})/iu;

export function looksLikePlan(lines: Line[]): boolean {
  let seen = 0;
  let decision = -1;
  for (const line of lines) {
    const t = line.text.replace(/^[\s#>*]+/, '').trim();
    if (!t) continue;
    if (/^(?:KẾ HOẠCH|CHƯƠNG TRÌNH HÀNH ĐỘNG|DANH MỤC CÁC NHIỆM VỤ|BIỂU PHÂN CÔNG)(?!\p{L})/u.test(t) && isUpperTitle(t.slice(0, 8))) return true;
    // `NGHỊ QUYẾT` / `Ban hành Chương trình hành động…`: the plan is attached.
    if (/^(?:QUYẾT ĐỊNH|NGHỊ QUYẾT)\s*$/.test(t)) decision = seen;
    else if (decision >= 0 && seen - decision <= 2 && ISSUES_PLAN.test(t)) return true;
    if (++seen >= 30) break;
  }
  return false;
}

/** The same test on raw text, reading only its head: cheap for any document. */
export function looksLikePlanText(original: string): boolean {
  return looksLikePlan(splitLines(normalize(original.slice(0, 8000)).text));
}
