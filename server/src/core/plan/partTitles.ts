// Words in a part's title that say what the part holds. Tried in this order:
// `TỔ CHỨC THỰC HIỆN` is organisation although it holds `thực hiện`, and
// `NỘI DUNG, NHIỆM VỤ` sets out work. Matched on tone-folded lower case.

import { labelKey } from '../text/vietnamese';
import type { PartKind } from './model';

export const PART_TITLE_WORDS: readonly { kind: Exclude<PartKind, 'other'>; words: readonly string[] }[] = [
  { kind: 'organisation', words: ['tổ chức thực hiện'] },
  { kind: 'work', words: ['nội dung', 'nhiệm vụ', 'giải pháp', 'lộ trình', 'phân công', 'khắc phục'] },
  { kind: 'aims', words: ['mục đích', 'yêu cầu', 'mục tiêu'] },
];

/** What a part with this title holds. */
export function partKind(title: string): PartKind {
  const t = labelKey(title);
  return PART_TITLE_WORDS.find((p) => p.words.some((w) => t.includes(w)))?.kind ?? 'other';
}
