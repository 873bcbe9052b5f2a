// Bad input never throws: random damage to real drafts (deterministic), and
// every range the core returns stays inside the text.

import assert from 'node:assert/strict';
import { completions } from '../../server/src/core/features/completion';
import { foldingRanges } from '../../server/src/core/features/folding';
import { hover } from '../../server/src/core/features/hover';
import { documentSymbols } from '../../server/src/core/features/symbols';
import { fixesFor } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import { assignmentLines, toCsv, toMarkdown } from '../../server/src/core/plan/assignmentTable';
import type { Range } from '../../server/src/core/text/lineIndex';
import { bundledIndex, seed, SEEDS } from '../helpers';

/** A small deterministic PRNG (mulberry32), so a failure reproduces. */
function rng(seedValue: number): () => number {
  let a = seedValue;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRICKY = ['\r', '\n', '\r\n', '*', '**', '|', '\u0301', '\u0323', '\u200b', '\ufeff', '1.', '1.2.', 'II-', '- ', '(', ')', ':', '/', '-', 'số ', 'ngày 31/2/2026', '<!-- kehoach-disable -->', '¹', '\t', 'Cơ quan chủ trì:', 'Thời gian thực hiện:', '| a | b |', '𝐀'];

function mutate(text: string, random: () => number, edits: number): string {
  let out = text;
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1));
    const r = random();
    if (r < 0.4) out = out.slice(0, at) + TRICKY[Math.floor(random() * TRICKY.length)] + out.slice(at);
    else if (r < 0.8) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 40));
    else {
      // Cut in the middle of a UTF-16 pair or a combining sequence on purpose.
      out = out.slice(0, at);
    }
  }
  return out;
}

function inside(r: Range, lines: number): void {
  assert.ok(r.start.line >= 0 && r.end.line < lines, JSON.stringify(r));
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), JSON.stringify(r));
}

describe('robustness on damaged drafts', function () {
  this.timeout(60000);
  const index = bundledIndex();
  const sources = [seed(SEEDS.plan000), seed(SEEDS.plan002)];
  for (let round = 0; round < 120; round++) {
    it(`round ${round}`, () => {
      const random = rng(round + 1);
      const text = mutate(sources[round % 2], random, 1 + Math.floor(random() * 25));
      const result = lint(text, { index });
      const lines = result.lineIndex.lineCount;
      for (const d of result.diagnostics) {
        inside(d.range, lines);
        assert.ok(d.offsets.start >= 0 && d.offsets.end <= text.length);
        for (const r of d.related) inside(r.range, lines);
        for (const fix of fixesFor(result, d)) assert.ok(fix);
      }
      for (const s of documentSymbols(result)) inside(s.range, lines);
      for (const f of foldingRanges(result)) assert.ok(f.startLine <= f.endLine && f.endLine < lines);
      const pos = result.lineIndex.positionAt(Math.floor(random() * text.length));
      hover(result, pos, index);
      completions(result, pos, index);
      if (result.plan) {
        const rows = assignmentLines(result.plan);
        toMarkdown(rows);
        toCsv(rows);
      }
    });
  }
});
