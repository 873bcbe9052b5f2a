// Small helpers shared by rules.

import type { Section, Span } from '../plan/model';

/** The heading of a section: number and title, where task findings sit. */
export function headingSpan(s: Section): Span {
  return { start: s.numberSpan.start, end: Math.max(s.numberSpan.end, s.titleSpan.end) };
}

/** `1.2. Công tác tuyên giáo…` shortened for messages. */
export function taskLabel(s: Section): string {
  const title = s.title.length > 60 ? s.title.slice(0, 57).trimEnd() + '…' : s.title;
  return `${s.number}. ${title}`.trim();
}

/** `07/4/2026` from `2026-04-07`, the way drafts write dates. */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return '?';
  const [y, m, d] = iso.split('-').map(Number);
  return `${String(d).padStart(2, '0')}/${m}/${y}`;
}
