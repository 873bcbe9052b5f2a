// Whose a document number is, and over what its numbering runs. A number
// alone does not name one document:
// - local codes (TU, HU, ĐU, UBND, HĐND, a department's code…) name the body
//   of one locality, so `03-CT/TU` of Tuyên Quang is not Bắc Giang's;
// - Party numbers restart with each term (khóa) of the committee that issues
//   them (Hướng dẫn 36-HD/VPTW), state administrative numbers each year
//   (Nghị định 30/2020/NĐ-CP), and normative numbers carry their year.
// Identity is therefore scope + number + term, year or (normative) nothing more.
// Pure: no editor or file-system imports.

import type { DocNumber } from '../citations/docNumber';

/** How a series of numbers restarts. */
export type Numbering = 'term' | 'year' | 'fixed';

export interface NumberScope {
  /** Central bodies are one scope nationwide; local ones need a locality. */
  level: 'central' | 'local';
  numbering: Numbering;
}

/**
 * Issuer codes of central state bodies other than ministries: the Government,
 * the Prime Minister, the National Assembly and its bodies, the President,
 * the courts, the State Bank and the other central bodies.
 */
const CENTRAL_STATE = new Set([
  'CP', 'TTg', 'VPCP', 'QH', 'UBTVQH', 'CTN', 'VPQH', 'HĐDT', 'NHNN', 'TANDTC', 'VKSNDTC', 'KTNN', 'TTCP', 'UBDT', 'HĐTP',
  'HĐTĐTW', 'BHXH', 'TTXVN', 'VTV', 'VOV', 'ĐHQGHN', 'ĐHQG', 'LĐTBXH', 'TLĐ', 'MTTQ', 'UBTƯMTTQVN', 'BCĐTW', 'UBQLV',
]);

/** Codes that always name a local body, whatever else the number holds. */
const LOCAL_MARKERS = /^(?:UBND|HĐND|TU|HU|ĐU|TĐTN|ĐUK|BTCTU|BTGTU|BDVTU|UBKTTU|VPTU|BTGDVTU|ĐUCA|ĐUQS|S[A-ZĐ]{1,6}|TP|T[A-ZĐ]{0,2}U)$/;

/**
 * The segments of a number that may name its issuer: after `/` for Party
 * numbers, after the serial (and year) for state ones. A state number's type
 * code and body share the segments (`11/NQ-CP`, `3374/BKHCN-CNCNTT`), so all
 * are read.
 */
export function issuerSegments(doc: DocNumber): string[] {
  const key = doc.key;
  if (doc.form === 'party') return key.slice(key.indexOf('/') + 1).split('-');
  const tail = doc.form === 'legal' ? key.split('/').slice(2).join('/') : key.slice(key.indexOf('/') + 1);
  return tail.split(/[-/]/);
}

/** Ministries, current and former (Bộ Y tế BYT, Bộ Tài chính BTC…). */
const MINISTRIES = new Set([
  'BYT', 'BTC', 'BCA', 'BQP', 'BNG', 'BTP', 'BCT', 'BXD', 'BNV', 'BKHĐT', 'BGDĐT', 'BLĐTBXH', 'BTTTT', 'BNNPTNT', 'BTNMT',
  'BVHTTDL', 'BKHCN', 'BGTVT', 'BNNMT', 'BDTTG', 'BKH', 'BTM', 'BCN', 'BTS', 'BVHTT', 'BTDTT', 'BBCVT', 'BGD', 'BLĐ',
]);

function isCentralStateCode(seg: string): boolean {
  const base = seg.replace(/\d+$/, ''); // QH15, UBTVQH15
  // Ministries (BYT, BKHCN, old ones such as BNN…) and their general departments (Tổng cục: TCHQ, TCT…);
  // not a document type (BC báo cáo) nor a steering committee or board (BCĐ, BQL), which every level has.
  if (CENTRAL_STATE.has(base) || MINISTRIES.has(base) || /^TC[A-ZĐ]{1,6}$/.test(base)) return true;
  return /^B[A-ZĐ]{1,8}$/.test(base) && !['BC', 'BB', 'BS'].includes(base) && !/^(?:BCĐ|BQL)/.test(base) && !/U$/.test(base);
}

const scopeMemo = new Map<string, NumberScope>();

/** The scope kind and numbering of a number. */
export function numberScope(doc: DocNumber): NumberScope {
  let hit = scopeMemo.get(doc.key);
  if (!hit) {
    hit = computeScope(doc);
    if (scopeMemo.size > 100_000) scopeMemo.clear();
    scopeMemo.set(doc.key, hit);
  }
  return hit;
}

function computeScope(doc: DocNumber): NumberScope {
  const segs = issuerSegments(doc);
  if (doc.form === 'party') {
    // TW, VPTW, BTCTW, UBKTTW, ĐUQSTW…: bodies of the Central Committee.
    const central = segs.some((s) => /TW$/.test(s));
    return { level: central ? 'central' : 'local', numbering: 'term' };
  }
  const numbering: Numbering = doc.form === 'legal' ? 'fixed' : 'year';
  if (segs.some((s) => LOCAL_MARKERS.test(s))) return { level: 'local', numbering };
  // A local normative document is always of the HĐND or UBND: any other is central.
  if (doc.form === 'legal') return { level: 'central', numbering };
  const central = segs.some(isCentralStateCode);
  return { level: central ? 'central' : 'local', numbering };
}

// ---------------------------------------------------------------------------
// Terms

/**
 * National Party Congresses (first and last day): a new Central Committee and
 * new numbering start at each. A date inside a congress may belong to either
 * term, so it has none.
 */
const CENTRAL_CONGRESSES: [string, string, string][] = [
  ['IX', '2001-04-19', '2001-04-22'],
  ['X', '2006-04-18', '2006-04-25'],
  ['XI', '2011-01-12', '2011-01-19'],
  ['XII', '2016-01-20', '2016-01-28'],
  ['XIII', '2021-01-25', '2021-02-01'],
  ['XIV', '2026-01-19', '2026-01-25'],
];

/**
 * Provincial Party congresses are held across the country from July to
 * October before each National Congress; the exact day differs by province
 * (and in 2025 the merged provinces had appointed committees from 1 July). A
 * date in such a season has no certain term.
 */
const LOCAL_SEASONS: [number, string, string][] = [
  [2005, '2005-07-01', '2005-10-31'],
  [2010, '2010-07-01', '2010-10-31'],
  [2015, '2015-07-01', '2015-10-31'],
  [2020, '2020-07-01', '2020-10-31'],
  [2025, '2025-07-01', '2025-10-31'],
  [2030, '2030-07-01', '2030-10-31'],
];

/** The Central Committee term (khóa) of an ISO date, or undefined inside a congress or before 2001. */
export function centralTerm(iso: string): string | undefined {
  let term: string | undefined;
  for (const [name, first, last] of CENTRAL_CONGRESSES) {
    if (iso < first) return term;
    if (iso <= last) return undefined;
    term = name;
  }
  return term;
}

/** The provincial congress term of an ISO date (`2020-2025`), or undefined inside a congress season. */
export function localTerm(iso: string): string | undefined {
  let term: string | undefined;
  for (const [year, first, last] of LOCAL_SEASONS) {
    if (iso < first) return term;
    if (iso <= last) return undefined;
    term = `${year}-${year + 5}`;
  }
  return term;
}

/**
 * The period a dated document's number belongs to: its term, its year, or ''
 * for a normative number (the year is in the number); undefined when the date
 * does not say (a date inside a congress).
 */
export function periodOf(doc: DocNumber, iso: string): string | undefined {
  const s = numberScope(doc);
  if (s.numbering === 'fixed') return '';
  if (s.numbering === 'year') return iso.slice(0, 4);
  return s.level === 'central' ? centralTerm(iso) : localTerm(iso);
}

/** Human name of a period for messages: `khóa XIII`, `nhiệm kỳ 2020-2025`, `năm 2026`. */
export function periodLabel(doc: DocNumber, period: string): { vi: string; en: string } {
  const s = numberScope(doc);
  if (s.numbering === 'year') return { vi: `năm ${period}`, en: `year ${period}` };
  if (s.level === 'central') return { vi: `khóa ${period}`, en: `term ${period}` };
  return { vi: `nhiệm kỳ ${period}`, en: `term ${period}` };
}

// ---------------------------------------------------------------------------
// Localities

const LOCALITY_AFTER = /(?:^|\s)(?:[Tt]ỉnh ủy|[Tt]ỉnh uỷ|[Tt]hành ủy|[Tt]hành uỷ|[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+((?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,3})/u;

/**
 * The locality an issuer names: `Tỉnh ủy Bắc Giang` → `Bắc Giang`,
 * `UBND tỉnh Sơn La` → `Sơn La`, `Thành uỷ Hà Nội` → `Hà Nội`; undefined for
 * `Tỉnh ủy` alone or a central body.
 */
export function localityOfIssuer(issuer: string): string | undefined {
  const m = LOCALITY_AFTER.exec(issuer.normalize('NFC'));
  return m ? m[1] : undefined;
}
