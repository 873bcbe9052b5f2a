// The header is carried over an edit that starts after every line its reading
// looked at (carryHeader); an edit of any line it read must read it again.

import * as assert from 'assert';
import { lint, lintAfterEdit } from '../../server/src/core/lint';
import { headerOf } from '../../server/src/core/plan/header';
import { bundledIndex, corpusPlan, seed, SEEDS } from '../helpers';

describe('lintAfterEdit and the header of the plan', function () {
  this.timeout(120_000);
  const options = { index: bundledIndex() };
  const plans = { 'seed 000': seed(SEEDS.plan000), 'seed 002': seed(SEEDS.plan002), 'hanoi-kh173': corpusPlan('hanoi-kh173-ubnd-2026.txt'), qd844: corpusPlan('qd844-ttg-ke-hoach-hanh-dong.txt') };

  for (const [name, text] of Object.entries(plans)) {
    it(`${name}: edits of the signature, the recipients and the lines around them give the fresh header and findings`, () => {
      const first = lint(text, options);
      const header = headerOf(first.plan!);
      const lines = first.plan!.lines;
      const at = [header.signature?.line, header.recipients?.label.line, header.recipients?.entries.at(-1)?.lastLine, header.type?.line].filter((k): k is number => k !== undefined);
      assert.ok(at.length >= 2, `${name}: the title and the signature or recipients found`);
      let edits = 0;
      for (const k of new Set(at.flatMap((k) => [k - 2, k - 1, k, k + 1, k + 2]))) {
        if (k < 0 || k >= lines.length) continue;
        // The original offsets of the line: these texts are NFC with LF breaks, so they are the normalised ones.
        const start = lines[k].start;
        const end = lines[k].end;
        for (const [from, to, insert] of [[start, start, 'x'], [start, Math.min(text.length, end + 1), ''], [end, end, ' Lưu: VT.']] as const) {
          const next = text.slice(0, from) + insert + text.slice(to);
          const again = lintAfterEdit(first, next, { start: from, oldEnd: to, newEnd: from + insert.length }, options);
          const fresh = lint(next, options);
          assert.deepEqual(again.diagnostics, fresh.diagnostics, `${name}: edit at line ${k + 1}`);
          assert.deepEqual(JSON.parse(JSON.stringify(headerOf(again.plan!))), JSON.parse(JSON.stringify(headerOf(fresh.plan!))), `${name}: header after an edit at line ${k + 1}`);
          edits++;
        }
      }
      assert.ok(edits >= 9);
    });
  }

  it('carries the header over an edit after it', () => {
    const text = corpusPlan('nq109-cp-chuong-trinh-hanh-dong.txt');
    const first = lint(text, options);
    const at = Math.floor(text.length * 0.6);
    const again = lintAfterEdit(first, text.slice(0, at) + 'x' + text.slice(at), { start: at, oldEnd: at, newEnd: at + 1 }, options);
    assert.strictEqual(headerOf(again.plan!), headerOf(first.plan!));
  });
});
