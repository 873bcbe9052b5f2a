// The last day a written deadline allows: `Quý I/2026` → 31/3/2026,
// `Tháng 3/2026` → 31/3/2026, `trước ngày 20 tháng 4 năm 2026` → 20/4/2026,
// `Năm 2025`, `2026 - 2030` → 31/12 of the last year. A start (`Từ quý II`),
// a standing duty (`Thường xuyên`, `hằng năm`) or an open end (`đến nay`)
// has none: it cannot have passed.

import { labelKey } from '../text/vietnamese';

export interface DayDate {
  year: number;
  month: number;
  day: number;
}

const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function valid(year: number, month: number, day: number): boolean {
  return year >= 1945 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month);
}

// Each form with the end it gives. Tried on the tone-folded, lower-case text.
const FORMS: [RegExp, (m: RegExpExecArray) => DayDate | undefined][] = [
  // ngày 20/4/2026, ngày 20 tháng 4 năm 2026
  [/ngày\s+(\d{1,2})\s*(?:\/|-|tháng\s+)\s*(\d{1,2})\s*(?:\/|-|năm\s+)\s*(\d{4})/g, (m) => day(+m[3], +m[2], +m[1])],
  // quý I/2026, quý II năm 2026, quý IV2026
  [/quý\s+(iv|iii|ii|i|[1-4])\s*(?:\/|năm|-)?\s*(\d{4})/g, (m) => quarter(+m[2], ROMAN_QUARTER[m[1]] ?? +m[1])],
  // tháng 3/2026, tháng 12 năm 2025
  [/tháng\s+(\d{1,2})\s*(?:\/|năm|-)\s*(\d{4})/g, (m) => month(+m[2], +m[1])],
  // 3/2026, 01/2025 (a month alone, as tables write it)
  [/(?<![\d/])(\d{1,2})\s*\/\s*(\d{4})(?![\d/])/g, (m) => month(+m[2], +m[1])],
  // 2026 - 2030, giai đoạn 2021-2025: the last year
  [/(?<![\d/])(?:19|20)\d\d\s*[-–]\s*((?:19|20)\d\d)(?![\d/])/g, (m) => day(+m[1], 12, 31)],
  // năm 2026, 2025
  [/(?<![\d/])((?:19|20)\d\d)(?![\d/])/g, (m) => day(+m[1], 12, 31)],
];

function day(year: number, month: number, d: number): DayDate | undefined {
  return valid(year, month, d) ? { year, month, day: d } : undefined;
}

function month(year: number, m: number): DayDate | undefined {
  return m >= 1 && m <= 12 ? day(year, m, lastDay(year, m)) : undefined;
}

function quarter(year: number, q: number): DayDate | undefined {
  return q >= 1 && q <= 4 ? month(year, q * 3) : undefined;
}

/** Starts, standing duties and open ends: no last day. */
const OPEN = /(?:^|\s)(?:từ|bắt đầu|kể từ)\s|thường xuyên|hằng năm|hàng năm|hằng quý|hằng tháng|định kỳ|liên tục|đến nay|tiếp theo|theo (?:kế hoạch|lộ trình|tiến độ)|đã hoàn thành/;

export function compare(a: DayDate, b: DayDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * The latest last day among the dates a deadline names, or undefined when it
 * names none or is open. Each span of the text is read once, by the most
 * precise form that matches it.
 */
export function deadlineEnd(text: string): DayDate | undefined {
  // The same deadlines are read again after every edit.
  if (memo.has(text)) return memo.get(text);
  const end = readEnd(text);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(text, end);
  return end;
}

const memo = new Map<string, DayDate | undefined>();
const MEMO_MAX = 20_000;

function readEnd(text: string): DayDate | undefined {
  let t = labelKey(text);
  if (OPEN.test(t)) return undefined;
  let latest: DayDate | undefined;
  for (const [re, make] of FORMS) {
    re.lastIndex = 0;
    t = t.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const d = make(m);
      if (d && (!latest || compare(d, latest) > 0)) latest = d;
      return ' '.repeat(String(args[0]).length);
    });
  }
  return latest;
}
