// Date formatting shared by rules and editor features.

/** `07/4/2026` from `2026-04-07`, the way drafts write dates. */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return '?';
  const [y, m, d] = iso.split('-').map(Number);
  return `${String(d).padStart(2, '0')}/${m}/${y}`;
}
