// The fix of citation-date-mismatch (and of inconsistent-citation when the
// index vouches for the earlier date): write the right date in place of the cited one,
// in the draft's own format: `07/4/2026` stays numeric, `07 tháng 4 năm 2026`
// stays in words, and leading zeros follow what the draft wrote.

import type { Fix } from '../fixes/types';
import type { FixContext, Found } from './types';

/** What a date fix needs of its finding: the dates the index gives the document (ISO). */
export interface IndexedDates {
  indexed: readonly string[];
}

/**
 * A day or month written like `old`: `07` keeps its zero, `7` has none; for
 * two-digit originals (`12`, `31`) the rule of Nghị định 30/2020/NĐ-CP
 * (zero before days under 10 and months 1 and 2).
 */
function like(old: string, value: number, part: 'day' | 'month'): string {
  if (old.length === 1) return String(value);
  if (old[0] === '0') return String(value).padStart(2, '0');
  const pad = part === 'day' ? value < 10 : value <= 2;
  return pad ? String(value).padStart(2, '0') : String(value);
}

export function citationDateFixes({ diagnostic: d, data: { indexed } }: Found<IndexedDates>, { plan, result }: FixContext): Fix[] {
  if (!indexed.length) return [];
  const written = plan.nt.original.slice(d.offsets.start, d.offsets.end);
  const runs = [...written.matchAll(/\d+/g)].slice(0, 3);
  if (runs.length < 3) return [];
  const [dayRun, monthRun, yearRun] = runs;
  const from = d.offsets.start + dayRun.index!;
  const to = d.offsets.start + yearRun.index! + yearRun[0].length;
  const fixes: Fix[] = [];
  for (const iso of indexed) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m) continue;
    const text =
      like(dayRun[0], Number(m[3]), 'day') +
      written.slice(dayRun.index! + dayRun[0].length, monthRun.index) +
      like(monthRun[0], Number(m[2]), 'month') +
      written.slice(monthRun.index! + monthRun[0].length, yearRun.index) +
      m[1];
    fixes.push({
      title: { vi: `Sửa ngày thành ${text}`, en: `Change the date to ${text}` },
      edits: [{ range: result.lineIndex.range(from, to), newText: text }],
      preferred: indexed.length === 1,
    });
  }
  return fixes;
}
