// Generators for the property tests: arbitrary text, plan-like lines, and the
// real seed drafts damaged by random insertions, deletions and swaps of lines
// and characters. FUZZ_SCALE multiplies every property's case count (npm run fuzz).

import fc from 'fast-check';
import { seed, SEEDS } from '../helpers';

/** Cases for a property: its CI share, times FUZZ_SCALE when set (npm run fuzz sets 20). */
export function runs(ci: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? '1');
  return Math.max(1, Math.round(ci * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** Time allowed for one property: generous, and scaled with the case count. */
export function timeout(): number {
  return runs(300_000);
}

/** A fixed seed per run unless FUZZ_SEED is set, so CI failures reproduce; fc prints the seed and path. */
export function params(numRuns: number): fc.Parameters<unknown> {
  const s = process.env.FUZZ_SEED;
  return { numRuns: runs(numRuns), ...(s ? { seed: Number(s) } : {}) };
}

/** Pieces a plan is made of, and the characters that broke parsers before. */
export const TOKENS = [
  '\n', '\r\n', '\r', ' ', '\t', '1.', '2.', '1.1.', '1.2.3.', 'I.', 'II-', 'III.', 'a)', 'b)', '-', '+', '*', '**', '_', '|', '| --- |',
  '#', '## ', '(', ')', ':', '/', '.', ',', ';', '"', '`', '\\', '<b>', '</b>', '<!-- kehoach-disable -->', '<!-- kehoach-disable-line missing-deadline -->',
  'Cơ quan chủ trì:', 'Cơ quan phối hợp:', 'Thời gian thực hiện:', 'Thời gian:', 'Quý I/2026', 'tháng 6/2026', 'Thường xuyên', 'Sở Nội vụ',
  'Nghị quyết số 109-NQ/TU ngày 08/6/2021', 'Chỉ thị 05-CT/TW', 'số 66/NQ-CP', '34/2019/NĐ-CP', 'ngày 31/2/2026', 'ngày 1/13/2026',
  'KẾ HOẠCH', 'Thực hiện', 'NHIỆM VỤ', 'giải pháp', 'Ủy ban nhân dân', 'Uỷ ban', 'hoà', 'thuỷ', 'quý',
  '\u0301', '\u0323', '\u0300', '\u200b', '\ufeff', '\u00a0', '\u00ad', '\u2028', '\ud835', '\udc00', '𝐀', '¹', '①', 'Ð', '–', '—', '\u0000',
  'Uû ban nh©n d©n', '§¶ng', 'Ñy ban nhaân daân',
];

/** Arbitrary strings over all of Unicode, including lone surrogates. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((xs) => xs.join('')),
);

/** Line-structured text built from plan tokens: reaches the parser's deeper paths. */
export const planLike = fc
  .array(fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { maxLength: 8 }).map((xs) => xs.join(' ')), { maxLength: 40 })
  .map((lines) => lines.join('\n'));

export const SEED_TEXTS = [seed(SEEDS.plan000), seed(SEEDS.plan002), seed(SEEDS.letter001)];

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'swapChars'; at: number; other: number }
  | { kind: 'deleteLine'; line: number }
  | { kind: 'duplicateLine'; line: number; to: number }
  | { kind: 'swapLines'; line: number; other: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 8 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('swapChars' as const), at: position, other: position }),
  fc.record({ kind: fc.constant('deleteLine' as const), line: position }),
  fc.record({ kind: fc.constant('duplicateLine' as const), line: position, to: position }),
  fc.record({ kind: fc.constant('swapLines' as const), line: position, other: position }),
) as fc.Arbitrary<Mutation>;

/** Applies one mutation; positions are fractions so they fit any length. */
export function applyMutation(text: string, m: Mutation): string {
  const at = (f: number, n: number) => Math.floor(f * (n + 1));
  switch (m.kind) {
    case 'insert': {
      const i = at(m.at, text.length);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'delete': {
      const i = at(m.at, text.length);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'swapChars': {
      if (!text.length) return text;
      const chars = text.split('');
      const i = Math.floor(m.at * chars.length);
      const j = Math.floor(m.other * chars.length);
      [chars[i], chars[j]] = [chars[j], chars[i]];
      return chars.join('');
    }
    default: {
      const lines = text.split('\n');
      const i = Math.floor(m.line * lines.length);
      if (m.kind === 'deleteLine') lines.splice(i, 1);
      else if (m.kind === 'duplicateLine') lines.splice(Math.floor(m.to * lines.length), 0, lines[i]);
      else {
        const j = Math.floor(m.other * lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      return lines.join('\n');
    }
  }
}

/** A seed (or a window of its lines, for speed) with 1–20 random mutations. */
export const mutatedSeed = fc
  .record({
    which: fc.integer({ min: 0, max: SEED_TEXTS.length - 1 }),
    from: position,
    span: fc.oneof(fc.constant(1), position),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 20 }),
  })
  .map(({ which, from, span, mutations }) => {
    const lines = SEED_TEXTS[which].split('\n');
    const start = Math.floor(from * lines.length * (1 - span));
    const base = lines.slice(start, start + Math.max(1, Math.ceil(span * lines.length))).join('\n');
    return mutations.reduce(applyMutation, base);
  });

/** Every kind of input the properties run on. */
export const anyInput = fc.oneof({ arbitrary: anyText, weight: 2 }, { arbitrary: planLike, weight: 2 }, { arbitrary: mutatedSeed, weight: 3 });
