// The harvest: dated citations in the texts, grouped by scope + number + term
// or year, and the rule that keeps a date the texts agree on.

import { toDocNumber } from '../../server/src/core/citations/docNumber';
import { isoDate } from '../../server/src/core/citations/dates';
import { checkedAgainstIndex, extractCitations } from '../../server/src/core/citations/extract';
import { localityOfIssuer, numberScope, periodOf } from '../../server/src/core/index/scope';
import { normalize } from '../../server/src/core/text/normalize';
import { Corpus, SourceText } from './corpus';
import { Mention, citationMention } from './mentions';

export interface Harvest {
  key: string;
  locality?: string;
  date: string;
  texts: number;
}

const TEXT_DATE = /(?:^|\n)[^\n]{0,60}?,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;

/** The own date of a Gazette text: its first `…, ngày d tháng m năm y` line. */
export function ownDate(text: string): string | undefined {
  const m = TEXT_DATE.exec(text.slice(0, 4000));
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/**
 * The agreement rule: the dates the texts give one document (same scope,
 * number and term or year), each with the number of texts giving it. One
 * date: kept. Several: the most cited is kept when at least two texts give
 * it and it has three times the citations of all the others together; else
 * none (the texts conflict).
 */
export function agreedDate(counts: Map<string, number>): { date: string; texts: number } | undefined {
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (!ranked.length) return undefined;
  const [date, top] = ranked[0];
  if (ranked.length === 1) return { date, texts: top };
  const rest = ranked.slice(1).reduce((n, [, c]) => n + c, 0);
  return top >= 2 && top >= 3 * rest ? { date, texts: top } : undefined;
}

interface Sighting {
  key: string;
  raw: string;
  locality?: string;
  date: string;
  text: string;
  mention: Mention;
}

/** Dated citations of documents whose scope the build can name: central ones, and local ones of a known locality. */
function sightings(src: SourceText): Sighting[] {
  const text = normalize(src.text).text;
  const cs = extractCitations(text);
  const own = ownDate(text);
  const out: Sighting[] = [];
  for (let k = 0; k < cs.length; k++) {
    const c = cs[k];
    if (c.own || !c.date || !checkedAgainstIndex(c)) continue;
    // A citation dated after its text is a slip of that text, not evidence.
    if (own && c.date.iso > own) continue;
    const scope = numberScope(c.number);
    const mention = citationMention(src.name, text, cs, k);
    let locality: string | undefined;
    if (scope.level === 'local') {
      locality = (mention.issuer && localityOfIssuer(mention.issuer)) || src.locality;
      if (!locality) continue;
    }
    out.push({ key: c.number.key, raw: c.number.raw, locality, date: c.date.iso, text: src.name, mention });
  }
  return out;
}

function groupId(key: string, locality: string | undefined, period: string): string {
  return `${locality ?? ''}\u0000${key}\u0000${period}`;
}

export interface HarvestGroup {
  key: string;
  raw: string;
  locality?: string;
  /** Date → the texts citing the number with it. */
  counts: Map<string, Set<string>>;
  mentions: Mention[];
}

/** Harvest: dated citations, grouped by scope + number + term or year. */
export function harvestGroups(corpus: Corpus): Map<string, HarvestGroup> {
  const groups = new Map<string, HarvestGroup>();
  for (const src of [...corpus.texts, ...corpus.catalogues]) {
    for (const s of sightings(src)) {
      const doc = toDocNumber(s.raw)!;
      const period = periodOf(doc, s.date);
      const gid = groupId(s.key, s.locality, period ?? `?${s.date}`);
      let g = groups.get(gid);
      if (!g) groups.set(gid, (g = { key: s.key, raw: s.raw, locality: s.locality, counts: new Map(), mentions: [] }));
      let texts = g.counts.get(s.date);
      if (!texts) g.counts.set(s.date, (texts = new Set()));
      texts.add(s.text);
      g.mentions.push(s.mention);
    }
  }
  return groups;
}
