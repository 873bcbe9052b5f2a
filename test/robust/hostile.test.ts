// Hostile and odd input for the core: pathological structure is analysed
// (the mocha timeout is the generous bound; speed itself is measured by the
// benchmark), findings are capped, and files that are not plans produce no
// flood and no crash.

import assert from 'node:assert/strict';
import { DEFAULT_MAX_FILE_SIZE_MB, lint, MAX_DIAGNOSTICS, skipReason, tooLarge, utf8Length } from '../../server/src/core/lint';
import { parsePlan } from '../../server/src/core/plan/parse';
import { bundledIndex } from '../helpers';
import { assertSound } from '../fuzz/sound';
import { deepNumbering, hugeLine, manyCitations, repeatedNumbering, unterminatedMarkdown } from './pathological';

describe('hostile input: pathological structure', function () {
  // Generous: each case runs in about a second on a 2-core CI machine; a
  // quadratic path (minutes) fails here.
  this.timeout(60_000);
  const index = bundledIndex();

  it('a 1 MB line', () => {
    const text = hugeLine();
    const r = lint(text, { index });
    assert.ok(r.plan);
    assertSound(text, r.diagnostics);
  });

  it('100,000 lines of 1.1.1.1.1.: findings capped with one line saying how many more', () => {
    const text = repeatedNumbering();
    const r = lint(text, { index });
    assertSound(text, r.diagnostics);
    assert.equal(r.diagnostics.length, MAX_DIAGNOSTICS + 1);
    const last = r.diagnostics[MAX_DIAGNOSTICS];
    assert.equal(last.code, 'too-many-findings');
    assert.match(last.message.vi, /^Còn \d+ vấn đề nữa/);
    // The dropped ones lie after the kept ones.
    assert.ok(r.diagnostics.slice(0, MAX_DIAGNOSTICS).every((d) => d.offsets.start <= last.offsets.start));
  });

  it('numbers 40 levels deep', () => {
    const text = deepNumbering(40);
    const r = lint(text, { index });
    assertSound(text, r.diagnostics);
    // Every task has its fields: a deep number is no reason for a finding.
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), []);
  });

  it('50,000 citations in one paragraph', () => {
    const text = manyCitations();
    const plan = parsePlan(text);
    assert.equal(plan.citations.length, 50_000);
    const r = lint(text, { index });
    assertSound(text, r.diagnostics);
    assert.ok(r.diagnostics.length <= MAX_DIAGNOSTICS + 1);
  });

  it('unterminated Markdown tables and emphasis', () => {
    const text = unterminatedMarkdown();
    const r = lint(text, { index });
    assertSound(text, r.diagnostics);
    assert.ok(r.diagnostics.length <= MAX_DIAGNOSTICS + 1);
  });
});

describe('hostile input: files that are not plans', () => {
  const index = bundledIndex();

  it('an empty file and a file of whitespace: nothing to report', () => {
    for (const text of ['', ' ', '\n', '\r\n\r\n', '\t \u00a0\u3000\n'.repeat(10_000)]) {
      assert.deepEqual(lint(text, { index }).diagnostics, [], JSON.stringify(text.slice(0, 20)));
    }
  });

  it('binary data: skipped with one information line', () => {
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const text = bytes.toString('latin1');
    const r = lint(text, { index });
    assert.equal(r.skipped, 'notText');
    assert.equal(r.plan, undefined);
    assert.equal(r.diagnostics.length, 1);
    assert.equal(r.diagnostics[0].code, 'unreadable-file');
    assert.equal(r.diagnostics[0].severity, 'information');
  });

  it('invalid UTF-8 (decoded to U+FFFD as the editor does): no crash, no flood', () => {
    const bytes = Buffer.concat([Buffer.from('KẾ HOẠCH\n1. Việc '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe]), Buffer.from('\nCơ quan chủ trì: Sở\n')]);
    const text = bytes.toString('utf8').repeat(200);
    assert.ok(text.includes('\ufffd'));
    const r = lint(text, { index });
    assertSound(text, r.diagnostics);
    assert.ok(r.diagnostics.length <= MAX_DIAGNOSTICS + 1);
  });
});

describe('kehoach.maxFileSize in the core', () => {
  it('counts UTF-8 bytes as they are stored', () => {
    assert.equal(utf8Length('a'), 1);
    assert.equal(utf8Length('đ'), 2);
    assert.equal(utf8Length('ệ'), 3);
    assert.equal(utf8Length('𝐀'), 4);
    assert.equal(utf8Length('\ud835'), 3); // a lone surrogate is written as U+FFFD
    assert.equal(utf8Length('Ủy ban'), Buffer.byteLength('Ủy ban'));
  });

  it('skips a text over the limit with one information line naming the limit', () => {
    const text = 'Kế hoạch '.repeat(2000); // about 23 KB in UTF-8
    assert.equal(skipReason(text, 1), undefined);
    const r = lint(text, { maxFileSizeMb: 0.01 });
    assert.equal(r.skipped, 'tooLarge');
    assert.equal(r.plan, undefined);
    assert.equal(r.diagnostics.length, 1);
    assert.match(r.diagnostics[0].message.vi, /giới hạn 0\.01 MB theo cài đặt kehoach\.maxFileSize/);
    assert.match(r.diagnostics[0].message.en, /limit 0\.01 MB/);
  });

  it('measures the UTF-8 size, not the number of characters', () => {
    const text = 'ệ'.repeat(4000); // 4,000 characters, 12,000 bytes
    assert.equal(lint(text, { maxFileSizeMb: 0.011 }).skipped, 'tooLarge');
    assert.equal(lint(text, { maxFileSizeMb: 0.013 }).skipped, undefined);
  });

  it('falls back to the default for a limit that is not a positive number', () => {
    assert.equal(tooLarge(DEFAULT_MAX_FILE_SIZE_MB * 1_000_000, -1), undefined);
    assert.ok(tooLarge(DEFAULT_MAX_FILE_SIZE_MB * 1_000_000 + 1, Number.NaN));
    assert.equal(DEFAULT_MAX_FILE_SIZE_MB, 5);
  });
});
