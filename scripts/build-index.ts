// Builds data/directives.json, the index bundled with the extension, from the
// seed documents in test/seeds/ (run: `npm run build:index`). Only this script
// reads the seeds; the product reads the JSON it writes.
//
// Sources, in order of trust:
//  (a) catalogues ("MỤC LỤC", "DANH MỤC") of compilations such as seed 004:
//      every row gives type, number, date, trích yếu, and the issuer from the
//      section ("I Tỉnh ủy ban hành") or the row ("… của Ban Thường vụ Tỉnh ủy");
//  (b) every dated citation in the seeds' text (extractCitations), with the
//      issuer and the `về …` subject the citation states;
//  (c) undated first mentions that name an issuer (`Nghị quyết 66/NQ-CP của
//      Chính phủ`) of numbers no source dates.
// Number + date is the identity: one number with two dates is two documents.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { toDocNumber } from '../server/src/core/citations/docNumber';
import { isoDate } from '../server/src/core/citations/dates';
import { Citation, DOCUMENT_TYPES, TYPE_BY_CODE, extractCitations } from '../server/src/core/citations/extract';
import { DirectiveEntry, compareNatural } from '../server/src/core/index/directiveIndex';
import { normalize } from '../server/src/core/text/normalize';

export interface SeedText {
  /** File name, e.g. `004_845be7d462c89c00.txt`. */
  name: string;
  text: string;
}

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

export interface BuildResult {
  entries: DirectiveEntry[];
  stats: { catalogue: number; cited: number; otherSeeds: number };
  /** Oddities met in the seeds (disagreements, typos left out). */
  notes: string[];
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

function cleanIssuer(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.split('\t')[0].replace(ISSUER_TAIL, '').replace(/[\s,;:.-]+$/u, '').trim();
  return t || undefined;
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

interface Pair {
  key: string;
  date: string | null;
  mentions: Mention[];
}

function identity(key: string, date: string | null): string {
  return `${key} ${date ?? '-'}`;
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

/** Deterministic order: type, key (natural), date (undated last). */
export function compareEntries(a: DirectiveEntry, b: DirectiveEntry): number {
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  const k = compareNatural(a.key, b.key);
  if (k !== 0) return k;
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? -1 : 1;
}

/** Everything the index holds, from the seed texts; no files are read or written. */
export function buildIndexDetailed(seeds: SeedText[]): BuildResult {
  const notes: string[] = [];

  // (a) catalogues: the first row of a document wins, later rows fill gaps.
  const catalogue = new Map<string, CatalogueRow>();
  const catalogueSeeds = new Set<string>();
  const normalised = seeds.map((s) => ({ name: s.name, text: normalize(s.text).text }));
  for (const seed of normalised) {
    const rows = parseCatalogues(seed.text);
    if (rows.length) catalogueSeeds.add(seed.name);
    for (const row of rows) {
      const id = identity(row.key, row.date);
      const first = catalogue.get(id);
      if (!first) {
        catalogue.set(id, { ...row });
        continue;
      }
      if (row.issuer && first.issuer && row.issuer !== first.issuer) {
        notes.push(`${seed.name}: ${row.number} ngày ${row.date}: cơ quan ban hành "${first.issuer}" (${first.catalogue}) ≠ "${row.issuer}" (${row.catalogue}, dòng ${row.line})`);
      }
      if (row.type !== first.type) {
        notes.push(`${seed.name}: ${row.number} ngày ${row.date}: loại "${first.type}" (${first.catalogue}) ≠ "${row.type}" (${row.catalogue}, dòng ${row.line})`);
      }
      if (row.subject !== first.subject) {
        notes.push(`${seed.name}: ${row.number} ngày ${row.date}: trích yếu khác nhau giữa ${first.catalogue} (dòng ${first.line}) và ${row.catalogue} (dòng ${row.line})`);
      }
      first.issuer ??= row.issuer;
      first.status ??= row.status;
    }
  }

  // (b), (c) citations.
  const pairs = new Map<string, Pair>();
  const undated: { key: string; mention: Mention }[] = [];
  for (const seed of normalised) {
    const cs = extractCitations(seed.text);
    for (let k = 0; k < cs.length; k++) {
      const c = cs[k];
      if (c.own) continue;
      const mention = citationMention(seed.name, seed.text, cs, k);
      if (!c.date) {
        if (mention.issuer && mention.type) undated.push({ key: c.number.key, mention });
        continue;
      }
      const id = identity(c.number.key, c.date.iso);
      const pair = pairs.get(id);
      if (pair) pair.mentions.push(mention);
      else pairs.set(id, { key: c.number.key, date: c.date.iso, mentions: [mention] });
    }
  }
  const datedKeys = new Set<string>([...pairs.values()].map((p) => p.key));
  for (const row of catalogue.values()) datedKeys.add(row.key);
  for (const u of undated) {
    if (datedKeys.has(u.key)) continue;
    const id = identity(u.key, null);
    const pair = pairs.get(id);
    if (pair) pair.mentions.push(u.mention);
    else pairs.set(id, { key: u.key, date: null, mentions: [u.mention] });
  }

  // A cited date that differs from a catalogue date of the same number only in
  // the year is a typo in the source (`15-CTr/TU ngày 31/5/2020` for 2021).
  const catalogueByKey = new Map<string, CatalogueRow[]>();
  for (const row of catalogue.values()) {
    const list = catalogueByKey.get(row.key) ?? [];
    list.push(row);
    catalogueByKey.set(row.key, list);
  }
  for (const [id, pair] of pairs) {
    if (!pair.date || catalogue.has(id)) continue;
    const sameDayOtherYear = (catalogueByKey.get(pair.key) ?? []).find((r) => r.date.slice(5) === pair.date!.slice(5));
    if (sameDayOtherYear) {
      notes.push(
        `${pair.mentions[0].seed}: ${pair.mentions[0].raw} ngày ${pair.date} (trích dẫn) khác danh mục (${sameDayOtherYear.date}) chỉ ở năm: coi là lỗi gõ, bỏ qua`,
      );
      pairs.delete(id);
    }
  }

  const entries: DirectiveEntry[] = [];
  const stats = { catalogue: 0, cited: 0, otherSeeds: 0 };
  for (const row of catalogue.values()) {
    const mentions = pairs.get(identity(row.key, row.date))?.mentions ?? [];
    const e: DirectiveEntry = { number: row.number, key: row.key, type: row.type, date: row.date, source: 'bundled' };
    const issuer = row.issuer ?? mostFrequent(mentions.map((m) => m.issuer));
    if (issuer) e.issuer = issuer;
    if (row.subject) e.subject = row.subject;
    if (row.status) e.status = row.status;
    entries.push(e);
    stats.catalogue++;
  }
  for (const [id, pair] of pairs) {
    if (catalogue.has(id)) continue;
    const first = pair.mentions[0];
    const doc = toDocNumber(first.raw);
    const e: DirectiveEntry = {
      number: first.raw,
      key: pair.key,
      type: mostFrequent(pair.mentions.map((m) => m.type)) ?? (doc && TYPE_BY_CODE[doc.code]) ?? 'Văn bản',
      date: pair.date,
      source: 'bundled',
    };
    const issuer = mostFrequent(pair.mentions.map((m) => m.issuer));
    if (issuer) e.issuer = issuer;
    const subject = pair.mentions.find((m) => m.subject)?.subject;
    if (subject) e.subject = subject;
    entries.push(e);
    if (pair.mentions.some((m) => catalogueSeeds.has(m.seed))) stats.cited++;
    else stats.otherSeeds++;
  }
  entries.sort(compareEntries);
  return { entries, stats, notes };
}

/** The entries of the bundled index built from the seed texts. */
export function buildIndex(seeds: SeedText[]): DirectiveEntry[] {
  return buildIndexDetailed(seeds).entries;
}

/** The text of data/directives.json: stable field order, two-space indent, final newline. */
export function renderIndexJson(entries: readonly DirectiveEntry[], seedNames: readonly string[]): string {
  const out = entries.map((e) => {
    const o: Record<string, string | null> = { number: e.number, date: e.date, type: e.type };
    if (e.issuer !== undefined) o.issuer = e.issuer;
    if (e.subject !== undefined) o.subject = e.subject;
    if (e.status !== undefined) o.status = e.status;
    return o;
  });
  return `${JSON.stringify({ version: 1, generated: seedNames.join(', '), entries: out }, null, 2)}\n`;
}

const ROOT = path.join(__dirname, '..');
export const SEED_DIR = path.join(ROOT, 'test', 'seeds');
export const INDEX_FILE = path.join(ROOT, 'data', 'directives.json');

/** The seeds in test/seeds/, by file name. */
export function readSeeds(dir = SEED_DIR): SeedText[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

function main(): void {
  const seeds = readSeeds();
  const { entries, stats, notes } = buildIndexDetailed(seeds);
  fs.mkdirSync(path.dirname(INDEX_FILE), { recursive: true });
  fs.writeFileSync(INDEX_FILE, renderIndexJson(entries, seeds.map((s) => s.name)));
  console.log(`data/directives.json: ${entries.length} entries`);
  console.log(`  catalogue: ${stats.catalogue}`);
  console.log(`  cited in catalogue seeds (not in a catalogue): ${stats.cited}`);
  console.log(`  from other seeds only: ${stats.otherSeeds}`);
  if (notes.length) {
    console.log('notes:');
    for (const n of notes) console.log(`  - ${n}`);
  }
}

if (require.main === module) main();
