import assert from 'node:assert/strict';
import { FoldRange, foldingRanges } from '../../server/src/core/features/folding';
import { crlf, fixture, seed, SEEDS } from '../helpers';
import { analyse } from './util';

function has(ranges: FoldRange[], start: number, end: number, kind?: string): void {
  const hit = ranges.find((r) => r.startLine === start && r.endLine === end);
  assert.ok(hit, `no fold ${start}–${end} in ${JSON.stringify(ranges.map((r) => [r.startLine, r.endLine]))}`);
  assert.equal(hit.kind, kind);
}

describe('folding ranges', () => {
  const text000 = seed(SEEDS.plan000);
  const lines000 = text000.split('\n');
  const folds000 = foldingRanges(analyse(text000));

  it('folds 000’s parts, groups, tasks and multi-line fields to their last non-blank line', () => {
    has(folds000, 16, 214); // II- NỘI DUNG … up to 2.4.4
    has(folds000, 20, 102); // group 1
    has(folds000, 22, 38); // task 1.1
    has(folds000, 26, 32); // 1.1.2. Giải pháp khắc phục and its bullets
    has(folds000, 216, 224); // III- TỔ CHỨC THỰC HIỆN
  });

  it('starts and ends every fold on a non-blank line, never on one line', () => {
    for (const r of folds000) {
      assert.ok(r.endLine > r.startLine);
      assert.ok(lines000[r.startLine].trim(), `blank start ${r.startLine}`);
      assert.ok(lines000[r.endLine].trim(), `blank end ${r.endLine}`);
    }
    // Single-line fields (1.1.3. Cơ quan chủ trì: …) do not fold.
    assert.ok(!folds000.some((r) => r.startLine === 34));
  });

  it('folds the Nơi nhận block as a region', () => {
    has(folds000, 226, 236, 'region');
  });

  it('folds 002’s labelled fields with their bullets', () => {
    const folds = foldingRanges(analyse(seed(SEEDS.plan002)));
    has(folds, 23, 41); // task 1
    has(folds, 25, 37); // * Giải pháp thực hiện: and its bullets
    has(folds, 107, 112, 'region');
  });

  it('folds a Markdown plan and its assignment table', () => {
    const folds = foldingRanges(analyse(fixture('markdown/plan.md')));
    has(folds, 12, 31); // ## II. NHIỆM VỤ VÀ GIẢI PHÁP
    has(folds, 16, 21); // ### 1.1.
    has(folds, 39, 41); // | TT | … table
  });

  it('gives the same folds with CRLF line breaks', () => {
    assert.deepEqual(foldingRanges(analyse(crlf(text000))), folds000);
  });
});
