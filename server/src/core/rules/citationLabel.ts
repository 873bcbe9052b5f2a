// How a citation is named in messages: `Nghị quyết số 05-NQ/TW ngày 07/4/2026`.

import type { Citation } from '../citations/extract';

export function citationLabel(c: Citation, withDate = true): string {
  const type = c.type ? `${c.type} số ` : 'Văn bản số ';
  const date = withDate && c.date ? ` ngày ${c.date.written}` : '';
  return `${type}${c.number.raw}${date}`;
}
