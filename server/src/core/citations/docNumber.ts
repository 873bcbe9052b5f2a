// Document numbers (số và ký hiệu) of Party and state documents.
// Grammars from Hướng dẫn 36-HD/VPTW and Nghị định 30/2020/NĐ-CP; tried in the
// order Party → legal normative → administrative, as in docs/domain.md.

import { PARTY_CODES } from './documentTypes';

export type NumberForm = 'party' | 'legal' | 'administrative';

export interface DocNumber {
  /** As written (after normalisation), e.g. `05-NQ/TW`. */
  raw: string;
  /** Canonical key used for look-ups: no leading zeros, Đ restored. */
  key: string;
  form: NumberForm;
  /** The type code: `NQ`, `QĐi`, `NĐ-CP` → `NĐ`, `QĐ-TTg` → `QĐ`. */
  code: string;
}

const SEG = '[A-ZĐ][A-Za-zĐđ0-9]*';
const PARTY_CODE_RE = PARTY_CODES.join('|');

/**
 * One regex for all three forms. Spaces around `-` and `/` inside a number are
 * tolerated (`16/CT - TTg`); the caller has already mapped dashes to `-`.
 */
export const DOC_NUMBER_SOURCE =
  // Not inside a word or another number; `số31-QĐ/TW` (glued to số) is allowed.
  `(?<![\\p{N}/.-])(?<!\\p{L}(?<![Ss]ố))` +
  `(?:` +
  `(?<party>\\d{1,4}\\s?-\\s?(?:${PARTY_CODE_RE})\\s?/\\s?${SEG}(?:-${SEG})*)` +
  `|(?<legal>\\d{1,4}\\s?/\\s?(?:19|20)\\d{2}\\s?/\\s?${SEG}(?:\\s?-\\s?${SEG})*)` +
  `|(?<admin>\\d{1,5}\\s?/\\s?${SEG}(?:\\s?-\\s?${SEG})+)` +
  `)(?![\\p{L}\\p{N}])`;

/** Letters typed as D where the code has Đ (ND-CP, QD-TTg, DU). */
const D_FOR_DJ = new Map<string, string>(
  // `TTG` for `TTg` as Gazette extractions write it.
  Object.entries({ ND: 'NĐ', QD: 'QĐ', QDi: 'QĐi', DA: 'ĐA', DU: 'ĐU', DUK: 'ĐUK', HDND: 'HĐND', BCD: 'BCĐ', DCS: 'ĐCS', TTG: 'TTg' }),
);

function fixSegment(seg: string): string {
  return D_FOR_DJ.get(seg) ?? seg;
}

/** `-`-joined segments with D restored to Đ; only a segment holding a D can change (index files hold 100,000 numbers). */
function fixSegments(segs: string): string {
  return segs.includes('D') || segs.includes('TTG') ? segs.split('-').map(fixSegment).join('-') : segs;
}

function firstSegment(segs: string): string {
  const dash = segs.indexOf('-');
  return dash < 0 ? segs : segs.slice(0, dash);
}

/** The serial without leading zeros (`05` → `5`), as a string. */
function serial(digits: string): string {
  return digits.length > 1 && digits.charCodeAt(0) === 48 ? String(Number(digits)) : digits;
}

/** A Party number from its parts (`109`, `NQ`, `TU`); the key is the number itself when nothing needs restoring. */
function partyNumber(raw: string, digits: string, writtenCode: string, writtenIssuer: string): DocNumber {
  const code = fixSegment(writtenCode);
  // Party issuer codes hold no digits: `66-NQ/TW1` is 66-NQ/TW and its footnote mark.
  const issuer = fixSegments(/\d$/.test(writtenIssuer) ? writtenIssuer.replace(/(?<=[A-Za-zĐđ])\d{1,2}$/, '') : writtenIssuer);
  const s = serial(digits);
  const same = s === digits && code === writtenCode && issuer === writtenIssuer;
  return { raw, key: same ? raw : `${s}-${code}/${issuer}`, form: 'party', code };
}

/** Builds the canonical key of a number string already matched by DOC_NUMBER_SOURCE. */
export function parseDocNumber(matched: string, form: NumberForm): DocNumber {
  const raw = /\s/.test(matched) ? matched.replace(/\s*([-/])\s*/g, '$1') : matched;
  let key: string;
  let code: string;
  if (form === 'party') {
    const m = /^(\d+)-([^/]+)\/(.+)$/.exec(raw)!;
    return partyNumber(raw, m[1], m[2], m[3]);
  } else if (form === 'legal') {
    const m = /^(\d+)\/(\d{4})\/(.+)$/.exec(raw)!;
    const segs = fixSegments(m[3]);
    code = firstSegment(segs);
    key = `${serial(m[1])}/${m[2]}/${segs}`;
  } else {
    const m = /^(\d+)\/(.+)$/.exec(raw)!;
    const segs = fixSegments(m[2]);
    code = firstSegment(segs);
    key = `${serial(m[1])}/${segs}`;
  }
  return { raw, key, form, code };
}

/**
 * Units a number can run before its first `/`: `1234 - QĐi /` (party form,
 * 11), more than `1234 /` (legal) and `12345 /` (administrative). Every form
 * has a `/`, so a scan can look for slashes and try only this far before each.
 */
const MAX_BEFORE_SLASH = 16;

/** The number regex, sticky: tried at one position. */
const NUMBER_AT = new RegExp(DOC_NUMBER_SOURCE, 'uy');

/**
 * The document numbers of `text` in order, exactly as a global scan of the
 * number regex finds them, but tried only at digits shortly before a `/`
 * (every form has one): a native search for `/` skips the prose, where the
 * regex would test its lookbehinds at every character. With `start`, the
 * matches of a global scan begun there (the regex still reads the text before).
 */
export function* documentNumbers(text: string, start = 0): Generator<RegExpExecArray> {
  const re = NUMBER_AT;
  let from = start; // no match starts before this
  for (let slash = text.indexOf('/', start); slash >= 0; slash = text.indexOf('/', Math.max(from, slash + 1))) {
    let p = Math.max(from, slash - MAX_BEFORE_SLASH);
    for (; p < slash; p++) {
      const c = text.charCodeAt(p);
      if (c < 48 || c > 57) continue; // every form starts with a digit
      re.lastIndex = p;
      const m = re.exec(text);
      if (m) {
        yield m;
        from = p + m[0].length;
        break;
      }
    }
    if (p >= slash) from = Math.max(from, slash);
  }
}

/**
 * `109-NQ/TU`, `05-CT/TW`: the Party form in ASCII without spaces, as most
 * entries of a large index are written. A string of this shape is matched by
 * the whole-number regex as a Party number, so the regex (Unicode classes,
 * lookbehinds, three alternatives) need not run; anything else goes to it.
 * Scanned by hand: no match array or substrings for the usual number.
 */
function asciiParty(text: string): DocNumber | undefined {
  const n = text.length;
  let i = 0;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i < 1 || i > 4 || text.charCodeAt(i) !== DASH_CODE) return undefined;
  const dash = i;
  for (i++; i < n && isAsciiLetter(text.charCodeAt(i)); i++);
  const slash = i;
  if (slash - dash - 1 < 2 || slash - dash - 1 > 3 || text.charCodeAt(slash) !== SLASH_CODE) return undefined;
  // The issuer: `[A-Z][A-Za-z0-9]*` segments joined by `-`.
  for (i = slash + 1; ; ) {
    if (!isAsciiUpper(text.charCodeAt(i))) return undefined;
    for (i++; i < n && (isAsciiLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i))); i++);
    if (i === n) break;
    if (text.charCodeAt(i) !== DASH_CODE) return undefined;
    i++;
  }
  const code = text.slice(dash + 1, slash);
  if (!PARTY_CODE_SET.has(code)) return undefined;
  return partyNumber(text, text.slice(0, dash), code, text.slice(slash + 1));
}

const DASH_CODE = 45;
const SLASH_CODE = 47;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;
const isAsciiLetter = (c: number): boolean => isAsciiUpper(c) || (c >= 97 && c <= 122);
const PARTY_CODE_SET = new Set(PARTY_CODES);

let wholeNumber: RegExp | undefined;
/** Parses a whole string as one document number, or undefined. */
export function toDocNumber(s: string): DocNumber | undefined {
  const trimmed = s.trim();
  // An ASCII number (most of a large index) has no dash, Ð or mark to fix.
  const text = /[^\x00-\x7f]/.test(trimmed) ? trimmed.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\u00d0/g, 'Đ').normalize('NFC') : trimmed;
  return asciiParty(text) ?? wholeDocNumber(text);
}

/** A whole string, normalised, read by the number regex alone (what asciiParty spares). */
export function wholeDocNumber(text: string): DocNumber | undefined {
  // Compiled once: this runs for every index entry and every lookup.
  wholeNumber ??= new RegExp(`^(?:${DOC_NUMBER_SOURCE})$`, 'u');
  const m = wholeNumber.exec(text);
  if (!m?.groups) return undefined;
  const g = m.groups;
  if (g.party) return parseDocNumber(g.party, 'party');
  if (g.legal) return parseDocNumber(g.legal, 'legal');
  if (g.admin) return parseDocNumber(g.admin, 'administrative');
  return undefined;
}

/** Canonical key of a number as typed anywhere (index files, settings). */
export function numberKey(s: string): string | undefined {
  return toDocNumber(s)?.key;
}
