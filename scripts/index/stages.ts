// The build in stages, one a source, most trusted first: each stage adds to
// what the earlier ones gathered and defers to them.

import * as path from 'node:path';
import { toDocNumber } from '../../server/src/core/citations/docNumber';
import { isoDate } from '../../server/src/core/citations/dates';
import { TYPE_BY_CODE, extractCitations } from '../../server/src/core/citations/extract';
import { DirectiveEntry, compareNatural } from '../../server/src/core/index/directiveIndex';
import { localityOfIssuer, numberScope } from '../../server/src/core/index/scope';
import { HARVEST_OUTWEIGHS } from '../../server/src/core/index/verify';
import { normalize } from '../../server/src/core/text/normalize';
import { canonicalType, parseCatalogues } from './catalogues';
import { Corpus } from './corpus';
import { HarvestGroup, agreedDate, harvestGroups, ownDate } from './harvest';
import { clip, mostFrequent } from './mentions';

export interface BuildResult {
  entries: DirectiveEntry[];
  stats: Record<string, number>;
  notes: string[];
}

/** Deterministic order: key (natural), then locality, then date (undated last). */
export function compareEntries(a: DirectiveEntry, b: DirectiveEntry): number {
  const k = compareNatural(a.key, b.key);
  if (k !== 0) return k;
  if ((a.locality ?? '') !== (b.locality ?? '')) return (a.locality ?? '') < (b.locality ?? '') ? -1 : 1;
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? -1 : 1;
}

/** Everything a build has gathered so far: later sources defer to earlier ones. */
interface BuildState {
  notes: string[];
  stats: Record<string, number>;
  byId: Map<string, DirectiveEntry>;
  /** Every number indexed, any date. */
  keys: Set<string>;
  /** Normative key → date of the most trusted source. */
  dated: Map<string, string>;
  /** Adds `e` counted under `stat`, or completes the entry of the same number, date and locality. */
  add(e: DirectiveEntry, stat: string): boolean;
}

function buildState(): BuildState {
  const byId = new Map<string, DirectiveEntry>();
  const keys = new Set<string>();
  const stats: Record<string, number> = {};
  const id = (e: { key: string; locality?: string; date: string | null }) => `${e.locality ?? ''}\u0000${e.key}\u0000${e.date ?? ''}`;
  const add = (e: DirectiveEntry, stat: string): boolean => {
    const have = byId.get(id(e));
    if (have) {
      for (const f of ['issuer', 'subject', 'status'] as const) if (have[f] === undefined && e[f] !== undefined) have[f] = e[f];
      if (e.cited) have.cited = e.cited;
      return false;
    }
    byId.set(id(e), e);
    keys.add(e.key);
    stats[stat] = (stats[stat] ?? 0) + 1;
    return true;
  };
  return { notes: [], stats, byId, keys, dated: new Map(), add };
}

/** The index from every source, most trusted first: Pháp điển, the Gazette, catalogues, then citations harvested from texts. */
export function buildIndexDetailed(corpus: Corpus): BuildResult {
  const st = buildState();
  fromPhapdien(corpus, st);
  fromGazette(corpus, st);
  fromCatalogues(corpus, st);
  for (const g of [...harvestGroups(corpus).values()].sort((a, b) => compareNatural(a.key, b.key))) fromHarvestGroup(g, st);
  undatedCitations(corpus, st);
  undatedNumbers(corpus, st);
  const entries = [...st.byId.values()].sort(compareEntries);
  return { entries, stats: st.stats, notes: st.notes };
}

/** Pháp điển: central normative documents with dates. */
function fromPhapdien(corpus: Corpus, st: BuildState): void {
  for (const row of corpus.normative) {
    const doc = toDocNumber(row.so_hieu ?? '');
    const date = row.ngay_ban_hanh ? parseDmy(row.ngay_ban_hanh) : undefined;
    if (!doc || !date || numberScope(doc).level !== 'central') continue;
    const e: DirectiveEntry = { number: doc.raw, key: doc.key, type: typeOf(row.loai, doc.code), date, source: 'phapdien' };
    // A normative number carries the year of its date: a row that says otherwise is a slip of the source.
    if (doc.form === 'legal' && doc.key.split('/')[1] !== date.slice(0, 4)) {
      st.notes.push(`Pháp điển: ${doc.raw} ghi ngày ${date}, khác năm trong số; bỏ`);
      continue;
    }
    if (row.co_quan) e.issuer = clean(row.co_quan);
    if (row.trich_yeu) e.subject = clip(clean(row.trich_yeu));
    if (doc.form === 'legal' && st.dated.has(doc.key) && st.dated.get(doc.key) !== date) {
      st.notes.push(`Pháp điển: ${doc.raw} có hai ngày ${st.dated.get(doc.key)} và ${date}; giữ ngày đầu`);
      continue;
    }
    if (doc.form === 'legal') st.dated.set(doc.key, date);
    st.add(e, 'phapdien');
  }
}

/** Gazette documents, dated by their own text. */
function fromGazette(corpus: Corpus, st: BuildState): void {
  const gazetteTexts = new Map(corpus.texts.map((t) => [path.basename(t.name, '.txt'), t]));
  for (const row of corpus.gazette) {
    const doc = toDocNumber(row.so_hieu.replace(/^.*?số\s+/iu, ''));
    const text = gazetteTexts.get(`${row.topic_key}__${row.slug}`);
    const date = text && ownDate(normalize(text.text).text);
    if (!doc || !date || numberScope(doc).level !== 'central') continue;
    if (doc.form === 'legal' && st.dated.has(doc.key) && st.dated.get(doc.key) !== date) {
      st.notes.push(`Công báo: ${doc.raw} ngày ${date} khác Pháp điển (${st.dated.get(doc.key)}); giữ Pháp điển`);
      continue;
    }
    if (doc.form === 'legal') st.dated.set(doc.key, date);
    st.add({ number: doc.raw, key: doc.key, type: typeOf(row.loai, doc.code), date, source: 'congbao' }, 'congbao');
  }
}

/** Seed 004's catalogues: Tỉnh ủy Bắc Giang (or the locality a row names). */
function fromCatalogues(corpus: Corpus, st: BuildState): void {
  for (const src of corpus.catalogues) {
    for (const row of parseCatalogues(normalize(src.text).text)) {
      const e: DirectiveEntry = { number: row.number, key: row.key, type: row.type, date: row.date, source: 'bacgiang', subject: row.subject };
      const doc = toDocNumber(row.number)!;
      if (numberScope(doc).level === 'local') e.locality = (row.issuer && localityOfIssuer(row.issuer)) || src.locality;
      if (row.issuer) e.issuer = row.issuer;
      if (row.status) e.status = row.status;
      if (numberScope(doc).level === 'local' && !e.locality) continue;
      st.add(e, 'catalogue');
    }
  }
}

/** A harvested number becomes an entry when its citations agree on a date the trusted sources do not contradict. */
function fromHarvestGroup(g: HarvestGroup, st: BuildState): void {
  const counts = new Map([...g.counts].map(([d, t]) => [d, t.size]));
  const agreed = agreedDate(counts);
  if (!agreed) {
    st.notes.push(`trích dẫn không thống nhất, bỏ: ${g.raw}${g.locality ? ` (${g.locality})` : ''}: ${[...counts].map(([d, n]) => `${d} ×${n}`).join(', ')}`);
    st.stats.conflicts = (st.stats.conflicts ?? 0) + 1;
    return;
  }
  const doc = toDocNumber(g.raw)!;
  if (doc.form === 'legal' && st.dated.has(g.key) && st.dated.get(g.key) !== agreed.date) {
    // A catalogue can be wrong too: where several texts agree on another date, neither date contradicts a citation.
    const doubted = agreed.texts >= HARVEST_OUTWEIGHS;
    st.notes.push(`trích dẫn ${g.raw} ngày ${agreed.date} (${agreed.texts} văn bản) khác nguồn danh mục (${st.dated.get(g.key)}); ${doubted ? 'giữ cả hai ngày' : 'giữ nguồn danh mục'}`);
    if (!doubted) return;
  }
  // A number with a year carries the year of its date; texts giving another are wrong.
  if (doc.form === 'legal' && doc.key.split('/')[1] !== agreed.date.slice(0, 4)) return;
  const catalogued = g.locality && [...st.byId.values()].find((e) => e.source === 'bacgiang' && e.key === g.key && e.locality === g.locality && e.date !== agreed.date && e.date?.slice(5) === agreed.date.slice(5));
  if (catalogued) {
    st.notes.push(`${g.raw} ngày ${agreed.date} (trích dẫn) khác danh mục (${catalogued.date}) chỉ ở năm: coi là lỗi gõ, bỏ`);
    return;
  }
  const mentions = g.mentions.filter((m) => m.raw === g.raw || toDocNumber(m.raw)?.key === g.key);
  const e: DirectiveEntry = {
    number: g.raw,
    key: g.key,
    type: mostFrequent(mentions.map((m) => m.type)) ?? TYPE_BY_CODE[doc.code] ?? 'Văn bản',
    date: agreed.date,
    source: g.locality ? 'bacgiang' : 'harvest',
    cited: agreed.texts,
  };
  if (g.locality) e.locality = g.locality;
  const issuer = mostFrequent(mentions.map((m) => m.issuer));
  if (issuer) e.issuer = issuer;
  const subject = mentions.find((m) => m.subject)?.subject;
  if (subject) e.subject = subject;
  if (g.locality && g.locality !== 'Bắc Giang') e.source = 'harvest';
  st.add(e, g.locality ? 'harvest-local' : 'harvest');
}

/** Normative numbers cited without a date: the number alone names the document. */
function undatedCitations(corpus: Corpus, st: BuildState): void {
  const undated = new Map<string, { raw: string; texts: Set<string>; type?: string }>();
  for (const src of corpus.texts) {
    for (const c of extractCitations(normalize(src.text).text)) {
      if (c.own || c.date || c.number.form !== 'legal' || numberScope(c.number).level !== 'central') continue;
      let u = undated.get(c.number.key);
      if (!u) undated.set(c.number.key, (u = { raw: c.number.raw, texts: new Set() }));
      u.texts.add(src.name);
      if (c.typeSpan && c.type) u.type ??= c.type;
    }
  }
  for (const [key, u] of [...undated].sort((a, b) => compareNatural(a[0], b[0]))) {
    if (st.dated.has(key) || st.keys.has(key)) continue;
    const doc = toDocNumber(u.raw)!;
    st.add({ number: u.raw, key, type: u.type ?? typeOf(undefined, doc.code), date: null, source: 'harvest', cited: u.texts.size }, 'harvest-undated');
  }
}

/** Pháp điển numbers without dates: a normative number names one document. */
function undatedNumbers(corpus: Corpus, st: BuildState): void {
  for (const raw of corpus.numbers) {
    const doc = toDocNumber(raw);
    if (!doc || doc.form !== 'legal' || /^0+\//.test(doc.raw) || numberScope(doc).level !== 'central' || st.dated.has(doc.key)) continue;
    if (st.keys.has(doc.key)) continue;
    st.add({ number: doc.raw, key: doc.key, type: typeOf(undefined, doc.code), date: null, source: 'phapdien-numbers' }, 'numbers');
  }
}

function parseDmy(s: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

function clean(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The type word: the source's, else the one the code implies (`NĐ` → Nghị định, `TT` → Thông tư). */
function typeOf(loai: string | undefined, code: string): string {
  if (loai) return canonicalType(clean(loai));
  return STATE_TYPE_BY_CODE[code] ?? TYPE_BY_CODE[code] ?? 'Văn bản';
}

const STATE_TYPE_BY_CODE: Record<string, string> = {
  NĐ: 'Nghị định', TT: 'Thông tư', TTLT: 'Thông tư liên tịch', QĐ: 'Quyết định', NQ: 'Nghị quyết', NQLT: 'Nghị quyết liên tịch',
  CT: 'Chỉ thị', QH13: 'Luật', QH14: 'Luật', QH15: 'Luật', PL: 'Pháp lệnh', L: 'Lệnh', VBHN: 'Văn bản hợp nhất',
};
