// Vietnamese syllable helpers: tone-placement folding and accent-free keys.
// Old style puts the tone on the second vowel of a final oa/oe/uy (hoà, thuỷ,
// Uỷ), new style on the first (hòa, thủy, Ủy). Both occur in one draft, so
// matching folds every such syllable to the first-vowel form. The fold is
// character-for-character, which keeps offsets unchanged.

const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

const splitCache = new Map<string, { base: string; tone: string }>();

function splitTone(ch: string): { base: string; tone: string } {
  let hit = splitCache.get(ch);
  if (!hit) {
    hit = splitToneUncached(ch);
    splitCache.set(ch, hit);
  }
  return hit;
}

function splitToneUncached(ch: string): { base: string; tone: string } {
  const d = ch.normalize('NFD');
  let base = '';
  let tone = '';
  for (const c of d) {
    if (TONE_MARKS.has(c)) tone = c;
    else base += c;
  }
  return { base: base.normalize('NFC'), tone };
}

const LETTER = /[\p{L}]/u;

function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(ch);
}

/** The pairs whose tone moves: first vowel, second vowel (lower case, toneless). */
const PAIRS: Record<string, string> = { o: 'ae', u: 'y' };

/**
 * The only pairs that can move, as NFC writes them: o/O before a toned a or e,
 * u/U before a toned y. Prose is full of o/u before other non-ASCII letters
 * (uố, ườ, ọ…): naming the toned letters keeps the scan native.
 */
const CANDIDATE = /[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ]/g;

/**
 * Folds old tone placement to new in place, one UTF-16 unit for one.
 * Only syllables ending in oa/oe/uy with no final consonant are touched, and
 * not after q (quý keeps its tone on y in both styles).
 */
export function foldTonePlacement(text: string): string {
  const parts: string[] = [];
  let last = 0;
  // Candidates only, found by a native scan (plain ASCII carries no tone).
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(text))) {
    const i = m.index + 1;
    const second = text[i];
    const firstCh = text[i - 1];
    const firstLower = firstCh.toLowerCase();
    if (firstLower !== 'o' && firstLower !== 'u') continue;
    if (isLetter(text[i + 1])) continue; // syllable goes on: tone stays
    const { base: secondBase, tone } = splitTone(second);
    if (!tone) continue;
    const allowed = PAIRS[firstLower];
    if (!allowed || !allowed.includes(secondBase.toLowerCase())) continue;
    const before = text[i - 2];
    if (before !== undefined && (before === 'q' || before === 'Q')) continue;
    // "oa"/"uy" must open the vowel cluster: "khoa" yes, "ươa" no such case.
    parts.push(text.slice(last, i - 1), (firstCh + tone).normalize('NFC'), secondBase);
    last = i + 1;
  }
  if (last === 0) return text;
  parts.push(text.slice(last));
  return parts.join('');
}

/** Lower case, tone-folded, diacritics kept: the key labels are matched on. */
export function labelKey(s: string): string {
  return foldTonePlacement(s.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Lower case without any diacritics (đ → d): for filtering as the user types. */
export function asciiKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .toLowerCase();
}
