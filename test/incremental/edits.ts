// Generators for the incremental-analysis properties: a document (a seed,
// possibly in NFD, CRLF or Markdown, or any fuzz input) and a series of edits
// typed into it, each given as the editor reports it.

import fc from 'fast-check';
import { coverChange, TextChange } from '../../server/src/core/text/change';
import { anyInput, TOKENS } from '../fuzz/arbitraries';
import { corpusPlan, seed, SEEDS } from '../helpers';

export interface Edit {
  /** Fractions of the text's length, so an edit fits any text. */
  at: number;
  remove: number;
  insert: string;
}

/** Text typed or pasted: plan tokens, digits, line breaks, markup, marks. */
const typed = fc.oneof(
  fc.constantFrom(...TOKENS, 'a', 'x', '1', '/', '-', '\n', '\n\n', ' ', 'ngày 12/3/2020', 'của Ban Chấp hành Trung ương', 'Số: 12-KH/TU', '**1.2.**', '1.3.4. '),
  fc.string({ maxLength: 4 }),
);

export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  remove: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 0, max: 40 })),
  insert: fc.oneof(fc.constant(''), typed),
});

/** The text after `e`, and the change as the server is told it. */
export function applyEdit(text: string, e: Edit): { text: string; change: TextChange } {
  const start = Math.floor(e.at * (text.length + 1));
  const oldEnd = Math.min(text.length, start + e.remove);
  return { text: text.slice(0, start) + e.insert + text.slice(oldEnd), change: { start, oldEnd, newEnd: start + e.insert.length } };
}

/** Several edits between two analyses: the final text and the change covering them all. */
export function applyEdits(text: string, edits: Edit[]): { text: string; change: TextChange } {
  let change: TextChange | undefined;
  for (const e of edits) {
    const r = applyEdit(text, e);
    text = r.text;
    change = coverChange(change, r.change);
  }
  return { text, change: change ?? { start: 0, oldEnd: 0, newEnd: 0 } };
}

const SEED000 = seed(SEEDS.plan000);
const SEED002 = seed(SEEDS.plan002);
const SEED004 = seed(SEEDS.compilation004);
/** Real plans of other offices: a decision with its attached plan and flattened appendix table, a resolution with a Markdown task table, a Đề án with activity blocks. */
const CORPUS = ['qd844-ttg-ke-hoach-hanh-dong.txt', 'nq03-cp-2025-chuong-trinh-hanh-dong.md', 'nq175-cp-de-an.txt'].map(corpusPlan);

/** The same drafts as editors hand them over: NFD, CRLF, Markdown emphasis around numbers. */
function variant(text: string, v: number): string {
  if (v === 1) return text.normalize('NFD');
  if (v === 2) return text.replace(/\n/g, '\r\n');
  if (v === 3) return text.replace(/^(\d+(?:\.\d+)*\.)/gm, '**$1**');
  return text;
}

/** Documents long enough that the window around an edit is a small part of them. */
export const document = fc.oneof(
  { arbitrary: fc.record({ which: fc.constantFrom(SEED000, SEED002), v: fc.integer({ min: 0, max: 3 }) }).map(({ which, v }) => variant(which, v)), weight: 3 },
  // 40 KB of seed 004 from a random line, for its citations and its tables.
  { arbitrary: fc.record({ from: fc.integer({ min: 0, max: 4600 }), v: fc.integer({ min: 0, max: 3 }) }).map(({ from, v }) => variant(SEED004.split('\n').slice(from).join('\n').slice(0, 40_000), v)), weight: 2 },
  // 30 KB of a corpus plan from a random line: attachments, articles, task rows, activities.
  {
    arbitrary: fc
      .record({ which: fc.constantFrom(...CORPUS), from: fc.double({ min: 0, max: 0.9, noNaN: true }), v: fc.integer({ min: 0, max: 2 }) })
      .map(({ which, from, v }) => {
        const lines = which.split('\n');
        return variant(lines.slice(Math.floor(from * lines.length)).join('\n').slice(0, 30_000), v);
      }),
    weight: 2,
  },
  { arbitrary: anyInput, weight: 1 },
);
