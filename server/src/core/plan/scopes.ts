// The scopes a document's lines open: an article (Điều N.), an appendix or
// list, a document attached to a decision or with a header of its own (the
// national heading mid-text), a form (Mẫu số 01); see layout.ts for the line tests.

import type { Line, Scope } from './model';
import { isUpperTitle, LineReading } from './lineReading';

const SCOPE_LOOKAHEAD = 8;

/**
 * Which scope the line at `k` opens, if any (see layout.ts). `started`: the
 * text has sections or scopes already, so a national heading is another
 * document's header, not this one's.
 */
export function scopeAt(readings: LineReading[], k: number, current: Scope | undefined, started: boolean): Scope['kind'] | undefined {
  const r = readings[k];
  return attachmentScope(readings, k, current) ?? (r.form ? 'form' : r.nationalHeading && started ? 'document' : undefined);
}

function attachmentScope(readings: LineReading[], k: number, current: Scope | undefined): Scope['kind'] | undefined {
  const r = readings[k];
  if (r.article !== undefined) return 'article';
  switch (r.attachment) {
    case 'appendix':
      return 'appendix';
    case 'list':
      // `DANH MỤC…` just under `PHỤ LỤC II` is that appendix's title.
      return current?.kind === 'appendix' && nonBlankBetween(readings, current.line, k) <= 3 ? undefined : 'appendix';
    case 'document':
      for (let j = k + 1; j < readings.length && j <= k + SCOPE_LOOKAHEAD; j++) if (readings[j].attachedBy) return 'document';
      return undefined;
    default:
      return undefined;
  }
}

function nonBlankBetween(readings: LineReading[], from: number, to: number): number {
  let n = 0;
  for (let j = from + 1; j < to; j++) if (!readings[j].blank) n++;
  return n;
}

/** The lines in capitals after a scope's label: its title. */
export function scopeTitle(lines: Line[], readings: LineReading[], k: number): string {
  const out: string[] = [];
  for (let j = k + 1; j < lines.length && out.length < 4; j++) {
    if (readings[j].blank) continue;
    const t = lines[j].text.replace(/^[\s#*]+|[\s*]+$/g, '');
    if (!isUpperTitle(t) || readings[j].part || readings[j].section) break;
    out.push(t);
  }
  return out.join(' ');
}
