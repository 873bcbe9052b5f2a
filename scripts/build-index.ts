// Builds data/directives.tsv, the index bundled with the extension (run:
// `npm run build:index`), from the real documents in ../shared/corpus and the
// seeds in test/seeds/. Only this script reads them; the product reads the
// file it writes (see server/src/core/index/compactStore.ts).
//
// Sources, each declaring what it covers (none is complete):
//  - the Bộ Pháp điển's central normative documents (number, type, date,
//    issuer, trích yếu) and the numbers it mentions (normative numbers carry
//    their year, so a number alone names one document);
//  - the Official Gazette documents behind congbao/, dated by their own date line;
//  - dated citations harvested from the Gazette texts, the corpus plans and
//    the seeds: kept when the texts agree on the date (how many texts cite it
//    is recorded), dropped when they conflict unless one date clearly dominates;
//  - seed 004's catalogues and the documents it cites, all of Tỉnh ủy Bắc
//    Giang (local numbers are scoped to their locality; a local document whose
//    locality no text states is left out).
// Identity: scope + number + term or year (see server/src/core/index/scope.ts).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { toDocNumber } from '../server/src/core/citations/docNumber';
import { isoDate } from '../server/src/core/citations/dates';
import { Citation, DOCUMENT_TYPES, TYPE_BY_CODE, checkedAgainstIndex, extractCitations } from '../server/src/core/citations/extract';
import { DirectiveEntry, compareNatural } from '../server/src/core/index/directiveIndex';
import { CompactSource, writeCompact } from '../server/src/core/index/compactStore';
import { localityOfIssuer, numberScope, periodOf } from '../server/src/core/index/scope';
import { HARVEST_OUTWEIGHS } from '../server/src/core/index/verify';
import { normalize } from '../server/src/core/text/normalize';
import { readHeader } from '../server/src/core/plan/header';
import { parsePlan } from '../server/src/core/plan/parse';

export interface CatalogueRow {
  /** The catalogue the row stands in: `MỤC LỤC` or `DANH MỤC`. */
  catalogue: string;
  /** 1-based line in the seed. */
  line: number;
  number: string;
  key: string;
  type: string;
  date: string;
  issuer?: string;
  subject: string;
  status?: string;
}

// ---------------------------------------------------------------------------
// (a) Catalogues

const TYPE_WORDS = DOCUMENT_TYPES.join('|');
/** `41<TAB>Đề án số 01-ĐA/TU ngày 14/7/2021[ của …]<TAB>Về …<TAB>page` */
const CATALOGUE_ROW = new RegExp(
  `^(\\d{1,3})\\t\\s*(${TYPE_WORDS})(?:\\s+số)?\\s+(\\S+?)\\s*,?\\s*ngày\\s+(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4})` +
    `(?:\\s+của\\s+([^\\t]+?))?\\s*\\t\\s*([^\\t]*?)\\s*(?:\\t\\s*(\\d*)\\s*)?$`,
  'iu',
);
const CATALOGUE_TITLE = /^\s*(MỤC LỤC|DANH MỤC)\s*$/u;
const CATALOGUE_HEADER = /^TT\t/u;
/** `I Tỉnh ủy ban hành`, `III Kinh tế - xã hội` */
const CATALOGUE_SECTION = /^([IVX]+)[.\s]\s*([^\t]+?)\s*\t*$/u;
/** A note closing the trích yếu: `(Tài liệu mật - đã gửi trực tiếp …)`. */
const STATUS_NOTE = /\s*\(\s*(Tài liệu mật|Tuyệt mật|Tối mật|Mật|Hết hiệu lực|Đã hết hiệu lực)\b[^()]*\)\s*$/u;

function canonicalType(word: string): string {
  const lower = word.toLocaleLowerCase('vi');
  return DOCUMENT_TYPES.find((t) => t.toLocaleLowerCase('vi') === lower) ?? word;
}

/** Rows of every catalogue in a normalised text. */
export function parseCatalogues(text: string): CatalogueRow[] {
  const lines = text.split('\n');
  const rows: CatalogueRow[] = [];
  let catalogue: string | undefined;
  let seenHeader = false;
  let preamble = 0;
  let sectionIssuer: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const title = CATALOGUE_TITLE.exec(line);
    if (title) {
      catalogue = title[1];
      seenHeader = false;
      preamble = 0;
      sectionIssuer = undefined;
      continue;
    }
    if (!catalogue) continue;
    if (!seenHeader) {
      if (CATALOGUE_HEADER.test(line)) seenHeader = true;
      else if (++preamble > 20) catalogue = undefined; // a title word, not a catalogue
      continue;
    }
    if (!line.trim() || CATALOGUE_HEADER.test(line)) continue;
    const row = CATALOGUE_ROW.exec(line);
    if (row) {
      const doc = toDocNumber(row[3]);
      const date = isoDate(Number(row[4]), Number(row[5]), Number(row[6]));
      if (!doc || !date) continue;
      let subject = row[8].replace(/\s+/g, ' ').trim();
      let status: string | undefined;
      const note = STATUS_NOTE.exec(subject);
      if (note) {
        status = note[1];
        subject = subject.slice(0, note.index).trim();
      }
      const r: CatalogueRow = {
        catalogue,
        line: i + 1,
        number: doc.raw,
        key: doc.key,
        type: canonicalType(row[2]),
        date,
        subject,
      };
      const issuer = row[7]?.trim() || sectionIssuer;
      if (issuer) r.issuer = issuer;
      if (status) r.status = status;
      rows.push(r);
      continue;
    }
    const section = CATALOGUE_SECTION.exec(line);
    if (section) {
      // "Tỉnh ủy ban hành" names the issuer; a field heading ("Kinh tế - xã hội") does not.
      const issued = /^(.+?)\s+ban hành$/u.exec(section[2]);
      sectionIssuer = issued ? issued[1] : undefined;
      continue;
    }
    catalogue = undefined; // the body of the compilation begins
  }
  return rows;
}

// ---------------------------------------------------------------------------
// (b), (c) Citations

interface Mention {
  seed: string;
  raw: string;
  /** The type word the text writes, if any. */
  type?: string;
  issuer?: string;
  subject?: string;
}

/** Known issuing bodies that may follow a date after a comma: `ngày 28/8/2025, Ban Thường vụ Tỉnh ủy Bắc Ninh về …`. */
const COMMA_ISSUER =
  /^,\s*((?:Ban|Bộ Chính trị|Thường trực|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy|UBND|HĐND|Ủy ban|Chính phủ|Thủ tướng|Quốc hội|Văn phòng|BCH)[^,;:.()\n\t“”"]*?)(?=\s+(?:về|v\/v|V\/v)\s|[,;:.()\n\t]|$)/u;
/** Words after which an issuer read by extractCitations runs into the sentence. */
const ISSUER_TAIL = /\s+(?:ban hành|quy định|chưa|thực hiện|đã|là|được|đề ra|nhằm)(?:\s.*)?$/u;
const SUBJECT_START = /^\s*,?\s+(về|v\/v|V\/v)\s+/u;
const QUOTED_TITLE = /^\s*,?\s*“([^”\n]{3,300})”/u;
const SUBJECT_MAX = 200;

/** Words that start the rest of a sentence, not a body's name (`Bộ Tài chính hướng dẫn …`). */
const SENTENCE_WORD = /(?<!\p{L})(?:hướng|quy|sửa|phê|bãi|điều|tạm|để|cho|có|ngày|thành lập|quản lý|về|bổ)(?!\p{L})/u;
/** Last words of a name cut by a line break (`Bộ Tài`, `Bộ trưởng Bộ Kế`). */
const CUT_WORD = /(?<!\p{L})(?:Bộ|Tài|Lao|Kế|Công|Nông|Quốc|Khoa|Thủ|Chính|Văn|Ủy|Uỷ|và|Thông tin|Thông tin và Truyền|Môi|Phát|Thủy|Nông nghiệp và)$/u;

function cleanIssuer(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.split('\t')[0].replace(ISSUER_TAIL, '').replace(/[\s,;:.-]+$/u, '').trim();
  // Read from running text: a name that runs on into the sentence, or is cut by a page, is no name.
  if (!t || /\d/.test(t) || SENTENCE_WORD.test(t) || CUT_WORD.test(t) || t.split(/\s+/).length > 14) return undefined;
  return t;
}

/** Cuts a subject to at most SUBJECT_MAX characters at a word boundary. */
function clip(s: string): string {
  if (s.length <= SUBJECT_MAX) return s;
  const cut = s.lastIndexOf(' ', SUBJECT_MAX - 1);
  return `${s.slice(0, cut > 0 ? cut : SUBJECT_MAX - 1).replace(/[\s,;:-]+$/u, '')}…`;
}

/**
 * The subject a citation states after its end: `về …` (or `v/v …`) up to `;`,
 * `.`, an unmatched `)`, a tab or a line break (not a page break inside a
 * sentence; not inside “…”). A short parenthesis is kept whole (`(PCI)`); an
 * abbreviation note `(sau đây viết tắt …)` or a long aside ends the subject. A later citation in a list (`…, Nghị quyết số …`)
 * ends it too; one the subject names (`về tiếp tục thực hiện Chỉ thị số …`)
 * stays in it.
 */
function readSubject(text: string, from: number, citationStarts: number[]): string | undefined {
  const tail = text.slice(from, from + 800);
  const m = SUBJECT_START.exec(tail);
  if (m) {
    const bodyStart = from + m[0].length;
    let end = bodyStart;
    let depth = 0;
    let openedAt = -1;
    let quoted = false;
    for (; end < text.length && end < bodyStart + 800; end++) {
      const c = text[end];
      if (c === '\n') {
        // A page break inside a sentence: the text goes on in lower case after blank lines.
        const next = /^\n+\s*(\S)/u.exec(text.slice(end, end + 10));
        if (next && /\p{Ll}/u.test(next[1])) continue;
        break;
      }
      if (c === '\t') break;
      if (c === '“') quoted = true;
      else if (c === '”') quoted = false;
      if (quoted) continue;
      if (c === '(') {
        // A short gloss such as `(PCI)` belongs to the title; a note `(sau đây …)` or a long aside ends it.
        const close = text.indexOf(')', end);
        if (depth === 0 && (/^\(\s*sau đây/u.test(text.slice(end, end + 12)) || close < 0 || close - end > 40)) break;
        if (depth === 0) openedAt = end;
        depth++;
      } else if (c === ')') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (c === ';' || (c === '.' && !/\d/.test(text[end + 1] ?? '')))) break;
    }
    if (depth > 0) end = openedAt; // unclosed parenthesis: drop it
    for (const s of citationStarts) {
      if (s <= bodyStart || s >= end) continue;
      if (/(?:,|;|\s(?:và|hoặc))\s*$/u.test(text.slice(bodyStart, s))) {
        end = s;
        break;
      }
    }
    const body = text
      .slice(bodyStart, end)
      .replace(/\s+/g, ' ')
      .replace(/(?:[\s,;:-]+|\s+(?:và|hoặc|của|theo|tại))+$/u, '')
      .trim();
    if (!body) return undefined;
    return clip(`${m[1].toLowerCase() === 'về' ? 'Về' : 'V/v'} ${body}`);
  }
  const q = QUOTED_TITLE.exec(tail);
  if (q) return clip(q[1].replace(/\s+/g, ' ').trim());
  return undefined;
}

/** Most frequent value, ties to the first met. */
function mostFrequent(values: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

function citationMention(seed: string, text: string, cs: Citation[], k: number): Mention {
  const c = cs[k];
  const later: number[] = [];
  for (let j = k + 1; j < cs.length && cs[j].start < c.end + 900; j++) later.push(cs[j].start);
  let end = c.end;
  let issuer = cleanIssuer(c.issuer?.text);
  if (!c.issuer && c.date) {
    const m = COMMA_ISSUER.exec(text.slice(end, end + 160));
    if (m) {
      issuer = m[1].trim();
      end += m[0].length;
    }
  }
  const mention: Mention = { seed, raw: c.number.raw };
  if (c.typeSpan && c.type) mention.type = c.type;
  if (issuer) mention.issuer = issuer;
  const subject = readSubject(text, end, later);
  if (subject) mention.subject = subject;
  return mention;
}

// ---------------------------------------------------------------------------
// The build

// ---------------------------------------------------------------------------
// The build

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

/** The folder holding `corpus/` and `seeds/`: `<repo>/../shared`, or two up from a worktree. */
export function sharedDir(root = ROOT): string {
  const candidates = [process.env.KEHOACH_SHARED, path.resolve(root, '..', 'shared'), path.resolve(root, '..', '..', 'shared')];
  for (const c of candidates) if (c && fs.existsSync(path.join(c, 'corpus', 'README.md'))) return c;
  throw new Error(`no shared/corpus beside the repository (looked in ${candidates.filter(Boolean).join(', ')})`);
}

export const SOURCES: CompactSource[] = [
  {
    id: 'phapdien',
    label: 'bundled: Bộ Pháp điển (corpus/metadata/central-normative-phapdien.json)',
    coverage: { description: 'văn bản quy phạm trung ương trong Bộ Pháp điển', level: 'central', from: '1989-01-01', to: '2025-12-31', complete: false },
  },
  {
    id: 'phapdien-numbers',
    label: 'bundled: số văn bản nêu trong Bộ Pháp điển (corpus/metadata/central-numbers-phapdien.tsv)',
    coverage: { description: 'số văn bản quy phạm trung ương nêu trong Bộ Pháp điển', level: 'central', complete: false },
  },
  {
    id: 'congbao',
    label: 'bundled: Công báo 2021–2026 (corpus/metadata/central-congbao-2021-2026.json, corpus/congbao/)',
    coverage: { description: 'văn bản trung ương đăng Công báo 2021–2026 (một phần)', level: 'central', from: '2021-01-01', to: '2026-12-31', complete: false },
  },
  {
    id: 'harvest',
    label: 'bundled: trích dẫn có ngày trong văn bản Công báo, kế hoạch mẫu và seeds (các văn bản thống nhất ngày)',
    coverage: { description: 'văn bản trung ương được trích dẫn có ngày trong kho văn bản', level: 'central', complete: false },
  },
  {
    id: 'bacgiang',
    label: 'bundled: Tỉnh ủy Bắc Giang, tập văn bản thực hiện Nghị quyết Đại hội XIX (seed 004)',
    coverage: { description: 'văn bản của Tỉnh ủy, Ban Thường vụ Tỉnh ủy Bắc Giang (seed 004)', level: 'local', locality: 'Bắc Giang', complete: false },
  },
];

export interface SourceText {
  /** Path relative to the shared folder, e.g. `corpus/congbao/…txt`. */
  name: string;
  text: string;
  /** The locality of the text's own local citations, when the build knows it. */
  locality?: string;
}

export interface Corpus {
  normative: { so_hieu: string; loai?: string; trich_yeu?: string; ngay_ban_hanh?: string; co_quan?: string }[];
  numbers: string[];
  gazette: { so_hieu: string; loai?: string; slug: string; topic_key: string }[];
  /** Gazette texts, corpus plans and seeds. */
  texts: SourceText[];
  /** Seeds with catalogues (004), with their locality. */
  catalogues: SourceText[];
}

export interface Harvest {
  key: string;
  locality?: string;
  date: string;
  texts: number;
}

export interface BuildResult {
  entries: DirectiveEntry[];
  stats: Record<string, number>;
  notes: string[];
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

/** Everything the index holds, from the corpus; no files are read or written. */
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

interface HarvestGroup {
  key: string;
  raw: string;
  locality?: string;
  /** Date → the texts citing the number with it. */
  counts: Map<string, Set<string>>;
  mentions: Mention[];
}

/** Harvest: dated citations, grouped by scope + number + term or year. */
function harvestGroups(corpus: Corpus): Map<string, HarvestGroup> {
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

/** The corpus as the build reads it, from the shared folder and the seeds. */
export function readCorpus(shared = sharedDir(), seedDir = SEED_DIR): Corpus {
  const meta = (f: string) => path.join(shared, 'corpus', 'metadata', f);
  const normative = JSON.parse(fs.readFileSync(meta('central-normative-phapdien.json'), 'utf8'));
  const numbers = fs
    .readFileSync(meta('central-numbers-phapdien.tsv'), 'utf8')
    .split('\n')
    .map((l) => l.split('\t')[0].trim())
    .filter(Boolean);
  const gazette = JSON.parse(fs.readFileSync(meta('central-congbao-2021-2026.json'), 'utf8'));
  const read = (dir: string, rel: string): SourceText[] =>
    fs
      .readdirSync(dir)
      .filter((f) => /\.(txt|md)$/.test(f))
      .sort()
      .map((f) => ({ name: `${rel}/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  // A plan's own local citations belong to the locality its header names.
  const located = (t: SourceText): SourceText => {
    const locality = readHeader(parsePlan(t.text)).locality;
    return locality ? { ...t, locality } : t;
  };
  const texts = [...read(path.join(shared, 'corpus', 'congbao'), 'corpus/congbao'), ...read(path.join(shared, 'corpus', 'plans'), 'corpus/plans').map(located)];
  const seeds = read(seedDir, 'seeds').map(located);
  // Seed 004: Tỉnh ủy Bắc Giang's compilation (its header says so).
  const catalogues = seeds.filter((s) => s.name.includes('004_'));
  texts.push(...seeds.filter((s) => !s.name.includes('004_')));
  return { normative, numbers, gazette, texts, catalogues };
}

const ROOT = path.join(__dirname, '..');
export const SEED_DIR = path.join(ROOT, 'test', 'seeds');
export const INDEX_FILE = path.join(ROOT, 'data', 'directives.tsv');
export const GENERATED = 'npm run build:index from ../shared/corpus (metadata, congbao, plans) and test/seeds';

/** The text of data/directives.tsv for a corpus. */
export function renderIndex(entries: readonly DirectiveEntry[]): string {
  return writeCompact(entries, SOURCES, GENERATED);
}

/**
 * The corpus without the texts a hold-out leaves out: `exclude` lists file
 * names (`x.txt`, or `corpus/congbao/x.txt`), one a line. The bundled index is
 * built from everything; a hold-out build measures the checks on texts the
 * index has not seen.
 */
export function withoutTexts(corpus: Corpus, exclude: readonly string[]): Corpus {
  const names = new Set(exclude.map((n) => n.trim()).filter(Boolean));
  const kept = (t: SourceText) => !names.has(t.name) && !names.has(path.basename(t.name));
  return { ...corpus, texts: corpus.texts.filter(kept), catalogues: corpus.catalogues.filter(kept) };
}

/** `--exclude LIST` (file names, one a line) and `--out FILE` (default data/directives.tsv). */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const excludeList = option('--exclude');
  const out = option('--out') ?? INDEX_FILE;
  let corpus = readCorpus();
  if (excludeList) corpus = withoutTexts(corpus, fs.readFileSync(excludeList, 'utf8').split('\n'));
  const { entries, stats, notes } = buildIndexDetailed(corpus);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, renderIndex(entries));
  console.log(`${path.relative(process.cwd(), out)}: ${entries.length} entries${excludeList ? ` (${corpus.texts.length} texts read, ${excludeList} left out)` : ''}`);
  for (const [k, v] of Object.entries(stats)) console.log(`  ${k}: ${v}`);
  if (process.argv.includes('--notes')) for (const n of notes) console.log(`  - ${n}`);
  else console.log(`  notes: ${notes.length} (--notes to list)`);
}

if (require.main === module) main();
