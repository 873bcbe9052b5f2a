// Document numbers (số và ký hiệu) of Party and state documents.
// Grammars from Hướng dẫn 36-HD/VPTW and Nghị định 30/2020/NĐ-CP; tried in the
// order Party → legal normative → administrative, as in docs/domain.md.

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
const PARTY_CODE_RE = 'QĐi|QDi|CTr|QTr|TTr|NQ|CT|KL|QĐ|QD|QC|HD|KH|TB|BC|CV|TT|BB|ĐA|DA|BS';

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
const D_FOR_DJ: Record<string, string> = {
  ND: 'NĐ', QD: 'QĐ', QDi: 'QĐi', DA: 'ĐA', DU: 'ĐU', DUK: 'ĐUK', HDND: 'HĐND', BCD: 'BCĐ', DCS: 'ĐCS',
};

function fixSegment(seg: string): string {
  return D_FOR_DJ[seg] ?? seg;
}

/** Builds the canonical key of a number string already matched by DOC_NUMBER_SOURCE. */
export function parseDocNumber(matched: string, form: NumberForm): DocNumber {
  const raw = matched.replace(/\s*([-/])\s*/g, '$1');
  let key: string;
  let code: string;
  if (form === 'party') {
    const m = /^(\d+)-([^/]+)\/(.+)$/.exec(raw)!;
    code = fixSegment(m[2]);
    key = `${Number(m[1])}-${code}/${m[3].split('-').map(fixSegment).join('-')}`;
  } else if (form === 'legal') {
    const m = /^(\d+)\/(\d{4})\/(.+)$/.exec(raw)!;
    const segs = m[3].split('-').map(fixSegment);
    code = segs[0];
    key = `${Number(m[1])}/${m[2]}/${segs.join('-')}`;
  } else {
    const m = /^(\d+)\/(.+)$/.exec(raw)!;
    const segs = m[2].split('-').map(fixSegment);
    code = segs[0];
    key = `${Number(m[1])}/${segs.join('-')}`;
  }
  return { raw, key, form, code };
}

let cached: RegExp | undefined;
/** A fresh global regex (callers set lastIndex). */
export function docNumberRegex(): RegExp {
  cached ??= new RegExp(DOC_NUMBER_SOURCE, 'gu');
  return new RegExp(cached.source, 'gu');
}

let whole: RegExp | undefined;

/** Parses a whole string as one document number, or undefined. */
export function toDocNumber(s: string): DocNumber | undefined {
  const text = s.trim().replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\u00d0/g, 'Đ').normalize('NFC');
  // Compiled once: index look-ups call this for every entry.
  whole ??= new RegExp(`^(?:${DOC_NUMBER_SOURCE})$`, 'u');
  const m = whole.exec(text);
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
