// “Bỏ qua … ở dòng này”: a disable-next-line comment above the finding's line.

import assert from 'node:assert/strict';
import { isMarkdown, suppressLineFix } from '../../server/src/core/fixes';
import { crlf, seed, SEEDS } from '../helpers';
import { analyse, applyFix, finding, lineBreaks } from './util';

const S000 = seed(SEEDS.plan000);

describe('fix: ignore a finding on its line', () => {
  it('inserts `<!-- kehoach-disable-next-line rule -->` above; that finding goes, the others stay', () => {
    const result = analyse(S000);
    const d = finding(result, 'duplicate-section-number', 77);
    const fix = suppressLineFix(result, d)!;
    assert.equal(fix.title.vi, 'Bỏ qua quy tắc duplicate-section-number ở dòng này');
    const out = applyFix(S000, fix);
    assert.equal(out.split('\n')[76], '<!-- kehoach-disable-next-line duplicate-section-number -->');
    assert.deepEqual(
      analyse(out).diagnostics.map((x) => `${x.range.start.line + 1}:${x.code}`),
      ['78:section-order', '80:duplicate-section-number', '80:section-order'],
    );
  });

  it('adds the rule to a comment already there instead of stacking a second one', () => {
    const r1 = analyse(S000);
    const once = applyFix(S000, suppressLineFix(r1, finding(r1, 'duplicate-section-number', 77))!);
    const r2 = analyse(once);
    const fix = suppressLineFix(r2, finding(r2, 'section-order', 78))!;
    const twice = applyFix(once, fix);
    assert.equal(twice.split('\n')[76], '<!-- kehoach-disable-next-line duplicate-section-number section-order -->');
    assert.deepEqual(analyse(twice).diagnostics.map((x) => `${x.range.start.line + 1}:${x.code}`), ['80:duplicate-section-number', '80:section-order']);
    // Nothing more to add for a rule already named.
    const r3 = analyse(twice.replace('1.3.4', '1.2.4'));
    assert.equal(r3.diagnostics.filter((x) => x.range.start.line === 77).length, 0);
  });

  it('keeps the line’s indentation and CRLF', () => {
    const text = crlf(S000.replace('\n1.2.4. Cơ quan phối hợp: Các ban, cơ quan', '\n  1.2.4. Cơ quan phối hợp: Các ban, cơ quan'));
    const result = analyse(text);
    const d = finding(result, 'duplicate-section-number', 77);
    const out = applyFix(text, suppressLineFix(result, d)!);
    assert.equal(out.split('\r\n')[76], '  <!-- kehoach-disable-next-line duplicate-section-number -->');
    assert.equal(lineBreaks(out).lf, 0);
    assert.ok(!analyse(out).diagnostics.some((x) => x.code === 'duplicate-section-number' && x.range.start.line === 77));
  });

  it('is for Markdown drafts only', () => {
    assert.equal(isMarkdown('markdown', 'file:///a/ke-hoach.md'), true);
    assert.equal(isMarkdown('plaintext', 'file:///a/ke-hoach.md'), true);
    assert.equal(isMarkdown('kehoach', 'file:///a/ke-hoach.kh'), false);
    assert.equal(isMarkdown('plaintext', 'file:///a/ke-hoach.txt'), false);
  });
});
