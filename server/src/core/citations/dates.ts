// Dates of issue: ISO in the index, `07/4/2026` the way drafts write them.

/**
 * Days in a month of the Gregorian calendar, by arithmetic (no Date object:
 * an index file checks one date a row). Years 0–99 are read as 1900–1999,
 * as Date.UTC reads them.
 */
function daysInMonth(year: number, month: number): number {
  const y = year >= 0 && year <= 99 ? 1900 + year : year;
  if (month === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** ISO date, or undefined for an impossible one (31/2). */
export function isoDate(day: number, month: number, year: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `07/4/2026` from `2026-04-07`, the way drafts write dates. */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return '?';
  const [y, m, d] = iso.split('-').map(Number);
  return `${String(d).padStart(2, '0')}/${m}/${y}`;
}
