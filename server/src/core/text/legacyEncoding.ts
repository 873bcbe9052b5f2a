// Text typed in the legacy Vietnamese encodings TCVN3 (ABC, `.VnTime` fonts)
// or VNI and pasted into a Unicode draft arrives as mojibake: `Uû ban nh©n
// d©n`, `UÛy ban nhaân daân`. Such runs are found word by word: a word made
// only of ASCII and Latin-1 characters that is not a Vietnamese syllable as it
// stands, but becomes one when decoded. Decoding uses `vietnamese-conversion`,
// corrected where it is wrong (VNI ơ/ư with a tone), then NFC and the new tone
// placement the project folds to (Uỷ → Ủy).

import { toUnicode } from 'vietnamese-conversion';
import { mapRange, NormalizedText } from './normalize';
import { foldTonePlacement } from './vietnamese';

export type LegacyEncoding = 'tcvn3' | 'vni';

export const ENCODING_NAMES: Record<LegacyEncoding, { vi: string; en: string }> = {
  tcvn3: { vi: 'TCVN3 (ABC, phông .VnTime)', en: 'TCVN3 (ABC, .VnTime fonts)' },
  vni: { vi: 'VNI (phông VNI-Times)', en: 'VNI (VNI-Times fonts)' },
};

/**
 * Latin-1 characters no Unicode Vietnamese word contains, but TCVN3 or VNI
 * mojibake nearly always does: a text without any is not scanned at all.
 */
const MARKERS = /[\u00A1-\u00BF\u00C4-\u00C7\u00CB\u00CE-\u00D1\u00D6-\u00D8\u00DB\u00DC\u00DE\u00DF\u00E4-\u00E7\u00EB\u00EE\u00EF\u00F1\u00F6-\u00F8\u00FB\u00FC\u00FE\u00FF]/;

const MARKER_SCAN = new RegExp(MARKERS.source, 'g');

/** Words: letters, marks, and the Latin-1 symbols TCVN3 uses as letters (© = â, × = ì, ÷ = ữ). */
const WORD = /[\p{L}\p{M}\u00A1-\u00BF\u00D7\u00F7]+/gu;

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Vowel clusters of Vietnamese syllables, without tone. */
const CLUSTERS = new Set([
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi', 'oo',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ưu', 'ươ', 'yê',
  'iêu', 'oai', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyê', 'uyu', 'ươi', 'ươu', 'yêu',
]);

const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?([aăâeêioôơuưy]{1,3})(ch|ng|nh|[cmnpt])?$/;

/** Letters of the Vietnamese alphabet, lower case, NFC (ñ, ü, ç… are not). */
const LETTERS = new Set('abcdđeghiklmnopqrstuvxyfjwzaàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵ');

/** Whether `word` (one syllable, any case) is a well-formed Vietnamese syllable with at most one tone. */
export function isVietnameseSyllable(word: string): boolean {
  const lower = word.normalize('NFC').toLowerCase();
  for (const c of lower) if (!LETTERS.has(c)) return false;
  const d = lower.normalize('NFD');
  const tones = d.match(TONES)?.length ?? 0;
  if (tones > 1) return false;
  const bare = d.replace(TONES, '').normalize('NFC');
  const m = SYLLABLE.exec(bare);
  return !!m && CLUSTERS.has(m[2]);
}

/**
 * VNI tone letters the package leaves undecoded after a vowel: after ơ/ư
 * (`Thôøi` → `Thơøi`) and after y for ỷ, ỹ (its table has `ë`, `ì` there,
 * which are ặ and ì in VNI).
 */
const VNI_TONE: Record<string, string> = {
  ø: '\u0300', Ø: '\u0300', ù: '\u0301', Ù: '\u0301', û: '\u0309', Û: '\u0309', õ: '\u0303', Õ: '\u0303', ï: '\u0323', Ï: '\u0323',
};

/** Unicode text of a TCVN3 or VNI run: decoded, corrected, NFC, new tone placement. */
export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  let out = toUnicode(text.normalize('NFC'), encoding);
  if (encoding === 'vni') out = out.replace(/([aăâeêioôơuưyAĂÂEÊIOÔƠUƯY])([øØùÙûÛõÕïÏ])/g, (_m, v: string, t: string) => v + VNI_TONE[t]);
  return foldTonePlacement(out.normalize('NFC'));
}

/**
 * ascii: the same in every encoding; unicode: a word as it should be;
 * legacy: mojibake; ambiguous: a syllable as it stands that also decodes to
 * another (`Céng` = Cộng, but `các` is các): legacy only among legacy words;
 * syllable: a Latin-1 syllable not yet decoded (most are, only inside a run).
 */
type Verdict = 'ascii' | 'unicode' | 'legacy' | 'ambiguous' | 'syllable';

interface Word {
  start: number;
  end: number;
  verdict: Verdict;
  tcvn3: boolean;
  vni: boolean;
  /** Latin-1 characters in a legacy word. */
  markers: number;
}

/** Verdicts by word: drafts repeat their words, and decoding is the costly part. */
const verdicts = new Map<string, Omit<Word, 'start' | 'end'>>();

function judge(word: string, start: number): Word {
  let v = verdicts.get(word);
  if (!v) {
    if (verdicts.size > 50_000) verdicts.clear();
    v = judgeUncached(word);
    verdicts.set(word, v);
  }
  return { ...v, start, end: start + word.length };
}

function judgeUncached(word: string): Omit<Word, 'start' | 'end'> {
  const w: Omit<Word, 'start' | 'end'> = { verdict: 'ascii', tcvn3: false, vni: false, markers: 0 };
  let nonAscii = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 0xff) {
      w.verdict = 'unicode';
      return w;
    }
    if (c >= 0x80) nonAscii++;
  }
  if (!nonAscii) return w;
  // A lone symbol (`©`, `§`) is no word of any encoding.
  if (!/[A-Za-z]/.test(word)) {
    w.verdict = 'unicode';
    return w;
  }
  if (isVietnameseSyllable(word)) {
    w.verdict = 'syllable';
    return w;
  }
  decodeBoth(word, w);
  if (!w.tcvn3 && !w.vni) w.verdict = 'unicode';
  else {
    w.verdict = 'legacy';
    w.markers = nonAscii;
  }
  return w;
}

/** Which encodings turn `word` into another Vietnamese syllable. */
function decodeBoth(word: string, w: { tcvn3: boolean; vni: boolean }): void {
  for (const enc of ['tcvn3', 'vni'] as const) {
    const decoded = decodeLegacy(word, enc);
    if (decoded !== word && isVietnameseSyllable(decoded)) w[enc] = true;
  }
}

/** Decides a syllable word met inside a run: ambiguous if it decodes, else real Unicode. */
function resolve(w: Word, text: string): void {
  if (w.verdict !== 'syllable') return;
  decodeBoth(text.slice(w.start, w.end), w);
  w.verdict = w.tcvn3 || w.vni ? 'ambiguous' : 'unicode';
}

/** A run of legacy text in the scanned text, end exclusive. */
export interface LegacyRun {
  start: number;
  end: number;
  encoding: LegacyEncoding;
}

/**
 * Runs of TCVN3 or VNI mojibake in `text` (NFC): on one line, from the first
 * to the last legacy word, with only legacy or ASCII words between, holding at
 * least two Latin-1 characters in all (one stray `µm` or `año` is no run).
 */
export function findLegacyRuns(text: string): LegacyRun[] {
  const runs: LegacyRun[] = [];
  let current: Word[] = [];
  /** Whether the line holds real Unicode Vietnamese: then ambiguous words at a run's edges stay as they are. */
  let lineHasUnicode = false;
  const flush = () => {
    if (!current.some((w) => w.verdict === 'legacy')) {
      current = [];
      return;
    }
    // A real Unicode word splits the run: each side is a run of its own.
    for (const w of current) resolve(w, text);
    const split = current.findIndex((w) => w.verdict === 'unicode');
    if (split >= 0) {
      const rest = current.slice(split + 1);
      current = current.slice(0, split);
      flush();
      current = rest;
      flush();
      return;
    }
    const edge = (w: Word) => w.verdict === 'ascii' || (lineHasUnicode && w.verdict === 'ambiguous');
    while (current.length && edge(current[current.length - 1])) current.pop();
    while (current.length && edge(current[0])) current.shift();
    const legacy = current.filter((w) => w.verdict === 'legacy');
    const markers = legacy.reduce((n, w) => n + w.markers, 0);
    if (legacy.length && markers >= 2) {
      const tcvn3 = legacy.filter((w) => w.tcvn3).length;
      const vni = legacy.filter((w) => w.vni).length;
      runs.push({ start: current[0].start, end: current[current.length - 1].end, encoding: vni > tcvn3 ? 'vni' : 'tcvn3' });
    }
    current = [];
  };
  // Only lines holding a marker character are read word by word; the same
  // scan tells a text without any (the usual case), so there is no test first.
  MARKER_SCAN.lastIndex = 0;
  const marker = MARKER_SCAN;
  let mk: RegExpExecArray | null;
  while ((mk = marker.exec(text))) {
    const lineStart = text.lastIndexOf('\n', mk.index) + 1;
    let lineEnd = text.indexOf('\n', mk.index);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    lineHasUnicode = /[^\u0000-\u00ff]/.test(line);
    WORD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WORD.exec(line))) {
      const w = judge(m[0], lineStart + m.index);
      if (w.verdict === 'unicode') flush();
      else current.push(w);
    }
    flush();
    marker.lastIndex = lineEnd;
  }
  flush();
  return runs;
}

/** A legacy run of a document, ready to convert: spans in both texts and the Unicode text. */
export interface LegacyConversion extends LegacyRun {
  /** Offsets in the original text, soft hyphens at the edges included. */
  original: { start: number; end: number };
  /** The run as the normalised text reads it (NFC, tone-folded). */
  text: string;
  /** The run in Unicode. */
  converted: string;
}

/**
 * Every legacy run of a normalised document. Found and quoted on the
 * normalised text, so NFD, CRLF and tone placement change nothing; but
 * normalisation drops U+00AD, which is ư in TCVN3 (`nh\u00ad` = như), so a run
 * holding one is converted from the original.
 */
export function legacyConversions(nt: NormalizedText, runs: LegacyRun[] = findLegacyRuns(nt.text)): LegacyConversion[] {
  const o = nt.original;
  return runs.map((run) => {
    const original = mapRange(nt, run.start, run.end);
    while (original.start > 0 && o.charCodeAt(original.start - 1) === 0xad) original.start--;
    while (original.end < o.length && o.charCodeAt(original.end) === 0xad) original.end++;
    const text = nt.text.slice(run.start, run.end);
    const typed = o.slice(original.start, original.end);
    const source = typed.includes('\u00ad') ? typed : text;
    return { ...run, original, text, converted: decodeLegacy(source, run.encoding) };
  });
}
