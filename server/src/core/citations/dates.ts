// Dates of issue: ISO in the index, `07/4/2026` the way drafts write them.

/** ISO date, or undefined for an impossible one (31/2). */
export function isoDate(day: number, month: number, year: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `07/4/2026` from `2026-04-07`, the way drafts write dates. */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return '?';
  const [y, m, d] = iso.split('-').map(Number);
  return `${String(d).padStart(2, '0')}/${m}/${y}`;
}
