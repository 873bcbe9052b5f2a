// duplicate-section-number / section-order: “Đánh số lại phần II” renumbers
// the part by position in one edit set, touching only number characters.

import assert from 'node:assert/strict';
import { fixAllFor } from '../../server/src/core/fixes';
import type { LintResult } from '../../server/src/core/lint';
import { crlf, fixture, seed, SEEDS } from '../helpers';
import { analyse, applyFix, fixesOf, lineBreaks } from './util';

/** The edits of source.fixAll (only the numbering rules declare one). */
const renumberAllEdits = (result: LintResult) => fixAllFor(result).flatMap((a) => a.edits);

const S000 = seed(SEEDS.plan000);

function changedLines(a: string, b: string): number[] {
  const x = a.split(/\r?\n/);
  const y = b.split(/\r?\n/);
  assert.equal(x.length, y.length, 'same number of lines');
  return x.flatMap((l, i) => (l === y[i] ? [] : [i + 1]));
}

describe('fix: renumber a part', () => {
  it('000: “Đánh số lại phần II” fixes 1.2.4/1.2.5 under 1.3 and changes nothing else', () => {
    for (const code of ['duplicate-section-number', 'section-order']) {
      const { fixes } = fixesOf(S000, code, 77);
      assert.equal(fixes[0].title.vi, 'Đánh số lại phần II');
      assert.equal(fixes[0].title.en, 'Renumber part II');
      assert.equal(fixes[0].preferred, true);
      const out = applyFix(S000, fixes[0]);
      assert.deepEqual(changedLines(S000, out), [77, 79]);
      assert.match(out.split('\n')[76], /^1\.3\.4\. Cơ quan phối hợp/);
      assert.match(out.split('\n')[78], /^1\.3\.5\. Thời gian thực hiện/);
      assert.deepEqual(analyse(out).diagnostics, []);
    }
  });

  it('000: the one-number fix “Sửa số mục 1.2.4 thành 1.3.4”', () => {
    const { fixes } = fixesOf(S000, 'section-order', 77);
    const one = fixes.find((f) => f.title.vi === 'Sửa số mục 1.2.4 thành 1.3.4');
    assert.ok(one);
    assert.equal(one.edits.length, 1);
    const out = applyFix(S000, one);
    assert.deepEqual(analyse(out).diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`), ['79:duplicate-section-number', '79:section-order']);
  });

  it('CRLF stays CRLF', () => {
    const text = crlf(S000);
    const { fixes } = fixesOf(text, 'duplicate-section-number', 77);
    const out = applyFix(text, fixes[0]);
    assert.equal(lineBreaks(out).lf, 0);
    assert.equal(out, crlf(applyFix(S000, fixesOf(S000, 'duplicate-section-number', 77).fixes[0])));
    assert.deepEqual(analyse(out).diagnostics, []);
  });

  it('Markdown: keeps `### **1.**` and `**1.1.**` markup, and children follow their parent (1.x → 2.x)', () => {
    const text = fixture('fixes/numbering.md');
    const { fixes } = fixesOf(text, 'duplicate-section-number', 21);
    assert.equal(fixes[0].title.vi, 'Đánh số lại phần II');
    const out = applyFix(text, fixes[0]);
    assert.deepEqual(changedLines(text, out), [21, 23, 27]);
    const lines = out.split('\n');
    assert.equal(lines[20], '### **2.** Công tác tuyên giáo');
    assert.match(lines[22], /^\*\*2\.1\.\*\* Tuyên truyền/);
    assert.match(lines[26], /^\*\*2\.2\.\*\* Nắm bắt/);
    assert.ok(out.includes('1\\. Các cơ quan tổ chức thực hiện.'), 'part III untouched');
    assert.deepEqual(analyse(out).diagnostics, []);
  });

  it('source.fixAll: every part with numbering findings, same edits', () => {
    const result = analyse(S000);
    const all = renumberAllEdits(result);
    assert.deepEqual(all, fixesOf(S000, 'duplicate-section-number', 77).fixes[0].edits);
    assert.deepEqual(renumberAllEdits(analyse(seed(SEEDS.plan002))), []);
  });

  it('no numbering fix where the numbers run in order', () => {
    const fixed = applyFix(S000, fixesOf(S000, 'duplicate-section-number', 77).fixes[0]);
    const result = analyse(fixed);
    assert.deepEqual(renumberAllEdits(result), []);
  });
});
