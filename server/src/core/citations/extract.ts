// Citations: a type word, optional `số`, a document number, an optional date
// and an optional issuer (NĐ 30/2020, Phụ lục I, 6b). Found by scanning for
// numbers first (cheap, distinctive) and then reading around each one.

import { isoDate } from './dates';
import { DocNumber, documentNumbers, parseDocNumber } from './docNumber';
import { DOCUMENT_TYPES, NOT_DIRECTIVES, TYPE_BY_CODE } from './documentTypes';

export { DOCUMENT_TYPES, TYPE_BY_CODE };

export interface Span {
  /** Offsets in the normalised text, end exclusive. */
  start: number;
  end: number;
}

export interface CitationDate extends Span {
  /** ISO date `2026-04-07`. */
  iso: string;
  day: number;
  month: number;
  year: number;
  /** The date as the draft writes it: `07/4/2026`, `07 tháng 4 năm 2026`. */
  written: string;
}

export interface Citation extends Span {
  /** Canonical type word (`Nghị quyết`), when the text names one. */
  type?: string;
  typeSpan?: Span;
  number: DocNumber;
  numberSpan: Span;
  date?: CitationDate;
  /** A date written after the number that no calendar has (31/4, 29/02/2025). */
  badDate?: Span & { written: string };
  issuer?: { text: string } & Span;
  /** The document's own number in its header (`Số 15-KH/BTCTU`): not a citation of another document. */
  own: boolean;
  /**
   * For a later short mention (`Kết luận số 21-KL/TW` alone), the earlier
   * citation of the same number that gave its date: the same document.
   */
  antecedent?: Citation;
}

/**
 * Whether the rules check a citation against the index: not the plan's own
 * number, not a licence or contract, and not a bare administrative number
 * (`12/UBND-VX` with no type word may be anything; Party and legal numbers
 * are distinctive enough alone).
 */
export function checkedAgainstIndex(c: Citation): boolean {
  if (c.own || (c.type && NOT_DIRECTIVES.has(c.type))) return false;
  return !!c.typeSpan || c.number.form !== 'administrative';
}

const TYPE_BEFORE = new RegExp(
  `(?<![\\p{L}])(${DOCUMENT_TYPES.join('|')})(?:\\s+(?:số|so))?\\s*:?\\s*$`,
  'iu',
);
const SO_BEFORE = /(?<![\p{L}])(?:số|Số|SỐ)\s*:?\s*$/u;

const DATE_NUMERIC = /^\s*,?\s*(?:ban hành\s+)?(?:ngày|ngay)\s+(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)/iu;
const DATE_WORDS = /^\s*,?\s*(?:ban hành\s+)?(?:ngày|ngay)\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?!\d)/iu;
const ISSUER = /^\s*,?\s*của\s+/u;
/**
 * Words after which an issuer's name has ended (`của Tỉnh ủy về việc…`,
 * `của UBND tỉnh đối với…`); the generated grammar ends its colouring there too.
 */
export const ISSUER_STOP_WORDS = ['về', 'v/v', 'V/v', 'để', 'nhằm', 'theo', 'tại', 'ngày', 'trong', 'đã', 'thì', 'trên', 'với', 'gắn', 'ban hành', 'đối với', 'và các'];
const ISSUER_STOP = new RegExp(
  `\\s+(?:${ISSUER_STOP_WORDS.join('|')})\\s|[;,:.()\\n\\t"“”]|\\s-\\s|\\s+và\\s+(?=${DOCUMENT_TYPES.join('|')})`,
  'u',
);


/** The date after a number: a real one, or one no calendar has (`bad`). */
function readDate(text: string, from: number): { date?: CitationDate; bad?: Span & { written: string } } {
  const tail = text.slice(from, from + 60);
  let m = DATE_NUMERIC.exec(tail);
  let day: number, month: number, year: number;
  if (m) {
    day = Number(m[1]);
    month = Number(m[3]);
    year = Number(m[4]);
  } else {
    m = DATE_WORDS.exec(tail);
    if (!m) return {};
    day = Number(m[1]);
    month = Number(m[2]);
    year = Number(m[3]);
  }
  const iso = isoDate(day, month, year);
  const lead = /^\s*,?\s*/.exec(tail)![0].length;
  const written = m[0].replace(/^\s*,?\s*(?:ban hành\s+)?(?:ngày|ngay)\s+/iu, '');
  const span = { start: from + lead, end: from + m[0].length };
  if (!iso) return { bad: { ...span, written } };
  return { date: { ...span, iso, day, month, year, written } };
}

function readIssuer(text: string, from: number): ({ text: string } & Span) | undefined {
  const tail = text.slice(from, from + 160);
  const m = ISSUER.exec(tail);
  if (!m) return undefined;
  const rest = tail.slice(m[0].length);
  const stop = ISSUER_STOP.exec(rest);
  let name = (stop ? rest.slice(0, stop.index) : rest).trimEnd();
  const words = name.split(/\s+/);
  if (words.length > 12 || !/^\p{Lu}/u.test(name)) {
    if (!/^\p{Lu}/u.test(name)) return undefined;
    name = words.slice(0, 12).join(' ');
  }
  if (!name) return undefined;
  const start = from + m[0].length;
  return { text: name, start, end: start + name.length };
}

/** The type word as the list spells it (`nghị quyết` → `Nghị quyết`). */
export function canonicalType(word: string): string {
  return TYPE_BY_LOWER.get(word.toLowerCase()) ?? word;
}

/** Lower-cased type word → the list's spelling, built once (index files call this per entry). */
const TYPE_BY_LOWER = new Map<string, string>();
for (const t of DOCUMENT_TYPES) if (!TYPE_BY_LOWER.has(t.toLowerCase())) TYPE_BY_LOWER.set(t.toLowerCase(), t);

const SPACE = /\s/u;

/**
 * Whether `text[lineStart, at)` is `[\s#>]*(Số|SỐ)\s*:?\s*` (the document's
 * own number), read backwards from `at` so that it stops at the first
 * character that cannot belong: no copy of the line before every number.
 */
function isOwnNumberLine(text: string, lineStart: number, at: number): boolean {
  let k = at;
  while (k > lineStart && SPACE.test(text[k - 1])) k--;
  if (k > lineStart && text[k - 1] === ':') k--;
  while (k > lineStart && SPACE.test(text[k - 1])) k--;
  if (k - 2 < lineStart || text[k - 2] !== 'S' || (text[k - 1] !== 'ố' && text[k - 1] !== 'Ố')) return false;
  for (k -= 2; k > lineStart; k--) {
    const c = text[k - 1];
    if (c !== '#' && c !== '>' && !SPACE.test(c)) return false;
  }
  return true;
}

/** All citations in the normalised text, in order. */
export function extractCitations(text: string): Citation[] {
  const out: Citation[] = [];
  // Matches come in order: the line start moves forward only, so a paragraph
  // of thousands of citations costs linear time, not a scan back per match.
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  if (nextBreak < 0) nextBreak = text.length;
  for (const m of documentNumbers(text)) {
    while (nextBreak < m.index) {
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
      if (nextBreak < 0) nextBreak = text.length;
    }
    out.push(citationAt(text, m, lineStart));
  }
  linkShortMentions(out);
  return out;
}

/**
 * The citation around the number match `m`, whose line starts at `lineStart`.
 * Reads the text from `lineStart` (at most 48 units before the number for the
 * type word) to 220 units after the number (60 for the date, 160 for the issuer).
 */
export function citationAt(text: string, m: RegExpExecArray, lineStart: number): Citation {
  const g = m.groups!;
  const form = g.party ? 'party' : g.legal ? 'legal' : 'administrative';
  const matched = g.party ?? g.legal ?? g.admin!;
  const number = parseDocNumber(matched, form);
  const numberSpan = { start: m.index, end: m.index + m[0].length };
  const before = text.slice(Math.max(lineStart, m.index - 48), m.index);
  let start = m.index;
  let type: string | undefined;
  let typeSpan: Span | undefined;
  const t = TYPE_BEFORE.exec(before);
  if (t) {
    type = canonicalType(t[1]);
    const typeStart = m.index - before.length + t.index;
    typeSpan = { start: typeStart, end: typeStart + t[1].length };
    start = typeStart;
  } else {
    const so = SO_BEFORE.exec(before);
    if (so) start = m.index - before.length + so.index;
  }
  const own = !type && isOwnNumberLine(text, lineStart, m.index);
  let end = numberSpan.end;
  const { date, bad: badDate } = readDate(text, end);
  if (date) end = date.end;
  else if (badDate) end = badDate.end;
  const issuer = readIssuer(text, end);
  if (issuer) end = issuer.end;
  return {
    start,
    end,
    type: type ?? TYPE_BY_CODE[number.code],
    typeSpan,
    number,
    numberSpan,
    date,
    ...(badDate ? { badDate } : {}),
    issuer,
    own,
  };
}

/** Units after a number's end that its date and issuer may read (60 + 160). */
export const CITATION_REACH = 220;

/** Links each short mention to the first dated citation of its number (sets `antecedent`). */
export function linkShortMentions(list: Citation[]): void {
  const dated = new Map<string, Citation>();
  for (const c of list) {
    if (c.own) continue;
    if (c.date) {
      if (!dated.has(c.number.key)) dated.set(c.number.key, c);
    } else {
      c.antecedent = dated.get(c.number.key);
    }
  }
}
