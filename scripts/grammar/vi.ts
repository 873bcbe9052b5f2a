// Oniguruma patterns for Vietnamese phrases. Every keyword must match in NFC
// and NFD (also half-composed forms), in old and new tone placement (Uỷ/Ủy,
// hoà/hòa) and, for most keywords, in any letter case: the parser folds all
// of these, so the grammar must accept all of them too.

const TONE = '\u0300\u0301\u0303\u0309\u0323';
const reTone = `[${TONE}]`;

/** Escape one literal character for an Oniguruma pattern. */
export function escChar(c: string): string {
  const cp = c.codePointAt(0)!;
  if (cp >= 0x300 && cp <= 0x36f) return `\\x{${cp.toString(16).toUpperCase().padStart(4, '0')}}`;
  if (/[\\^$.|?*+()[\]{}/-]/.test(c)) return '\\' + c;
  return c;
}
const escStr = (s: string) => [...s].map(escChar).join('');

/** All spellings of one NFC character: NFC, NFD and half-composed forms. */
function spellings(c: string): string[] {
  const out = new Set([c]);
  const d = c.normalize('NFD');
  if (d !== c) {
    out.add(d);
    const [base, ...marks] = [...d];
    if (marks.length === 2) {
      for (const [m1, m2] of [[marks[0], marks[1]], [marks[1], marks[0]]]) {
        const p = (base + m1).normalize('NFC');
        if ([...p].length === 1) out.add(p + m2);
      }
    }
  }
  return [...out];
}

const charClass = (singles: string[]) => (singles.length === 1 ? escChar(singles[0]) : `[${singles.map(escChar).join('')}]`);

/** Regex for one character, optionally case-insensitive. */
function charRe(c: string, ci: boolean): string {
  const cases = ci ? [...new Set([c.toLowerCase(), c.toUpperCase()])] : [c];
  const forms = [...new Set(cases.flatMap(spellings))];
  const singles = forms.filter((f) => [...f].length === 1);
  const multis = forms.filter((f) => [...f].length > 1);
  if (multis.length === 0) return charClass(singles);
  const parts = singles.length ? [charClass(singles)] : [];
  for (const m of multis) parts.push(escStr(m));
  return `(?:${parts.join('|')})`;
}

const TONE_SWAPS: [RegExp, string][] = [
  // o + tone + a/e  <->  o + a/e + tone   (hòa/hoà, hòe/hoè)
  [new RegExp(`(^|[^qQ])([oO])(${reTone})([aAeE])(?![\\p{L}\\p{M}])`, 'u'), '$1$2$4$3'],
  [new RegExp(`(^|[^qQ])([oO])([aAeE])(${reTone})(?![\\p{L}\\p{M}])`, 'u'), '$1$2$4$3'],
  // u + tone + y  <->  u + y + tone       (ủy/uỷ, thủy/thuỷ)
  [new RegExp(`(^|[^qQ])([uU])(${reTone})([yY])(?![\\p{L}\\p{M}])`, 'u'), '$1$2$4$3'],
  [new RegExp(`(^|[^qQ])([uU])([yY])(${reTone})(?![\\p{L}\\p{M}])`, 'u'), '$1$2$4$3'],
];

/** Old/new tone placement variants of one word (NFC in, NFC out). */
function toneVariants(word: string): string[] {
  const d = word.normalize('NFD');
  const out = new Set([word.normalize('NFC')]);
  for (const [re, rep] of TONE_SWAPS) if (re.test(d)) out.add(d.replace(re, rep).normalize('NFC'));
  return [...out];
}

export const S = '[ \\t\\x{00A0}]+'; // one or more blanks between words
export const SO = '[ \\t\\x{00A0}]*'; // optional blanks
export const WB = '(?<![\\p{L}\\p{M}\\p{N}])'; // not preceded by a word character
export const WE = '(?![\\p{L}\\p{M}\\p{N}])'; // not followed by a word character
export const EMPH = '(?:\\*\\*|\\*|__|_)';

export interface ViOptions {
  /** Case-insensitive (the default). */
  ci?: boolean;
}

/**
 * Regex for a Vietnamese phrase: words joined by blanks, every letter in
 * NFC/NFD, tone placement variants, case-insensitive unless ci === false.
 */
export function vi(phrase: string, { ci = true }: ViOptions = {}): string {
  return phrase
    .split(' ')
    .map((w) => {
      const vs = toneVariants(w).map((v) => [...v].map((c) => charRe(c, ci)).join(''));
      return vs.length === 1 ? vs[0] : `(?:${vs.join('|')})`;
    })
    .join(S);
}

/** Alternation of phrases, longest first so that `Thời gian thực hiện` wins over `Thời gian`. */
export const alt = (phrases: readonly string[], opts?: ViOptions): string =>
  '(?:' + [...phrases].sort((a, b) => b.length - a.length).map((p) => vi(p, opts)).join('|') + ')';
