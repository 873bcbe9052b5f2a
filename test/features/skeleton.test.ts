// The plan skeleton filled from the issuer settings (kehoach.issuer.body,
// kehoach.issuer.superior, kehoach.locality): offered at the top of an empty
// plan, expanded it reads back as the configured header and passes the rules
// of form.

import assert from 'node:assert/strict';
import { completions } from '../../server/src/core/features/completion';
import { issuerSystem, skeletonSnippet, type Issuer } from '../../server/src/core/features/skeleton';
import { readHeader } from '../../server/src/core/plan/header';
import { parsePlan } from '../../server/src/core/plan/parse';
import { readSettings } from '../../server/src/lsp/settings';
import { bundledIndex, check, ROOT, summary } from '../helpers';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandSnippet, parseJsonc, validateSnippet } from '../snippets.test';
import { analyse } from './util';

const STATE: Issuer = { superior: 'UBND tỉnh Tuyên Quang', body: 'SỞ Y TẾ', locality: 'Tuyên Quang' };
const PARTY: Issuer = { superior: 'ĐẢNG BỘ TỈNH TUYÊN QUANG', body: 'HUYỆN ỦY SƠN DƯƠNG', locality: 'Sơn Dương' };
const JANUARY = new Date(2026, 0, 5);

describe('plan skeleton from the issuer settings', () => {
  it('settings: kehoach.issuer.body, kehoach.issuer.superior and kehoach.locality, trimmed; anything else is empty', () => {
    const s = readSettings({ issuer: { body: ' SỞ Y TẾ ', superior: 'UBND TỈNH TUYÊN QUANG' }, locality: 'Tuyên Quang' });
    assert.deepEqual([s.issuer, s.locality], [{ body: 'SỞ Y TẾ', superior: 'UBND TỈNH TUYÊN QUANG' }, 'Tuyên Quang']);
    const bad = readSettings({ issuer: ['x'], locality: 5 });
    assert.deepEqual([bad.issuer, bad.locality], [{ body: '', superior: '' }, '']);
  });

  it('tells a Party issuer from a state one', () => {
    assert.deepEqual([issuerSystem(STATE), issuerSystem(PARTY), issuerSystem({ body: '', superior: '', locality: 'Huế' })], ['state', 'party', undefined]);
  });

  for (const [name, issuer, system] of [['state', STATE, 'state'], ['Party', PARTY, 'party']] as const) {
    it(`${name}: a valid snippet whose expansion reads back as the configured header and passes the rules of form`, () => {
      const snippet = skeletonSnippet(system, issuer);
      validateSnippet(snippet);
      const text = expandSnippet(snippet, { now: JANUARY });
      const h = readHeader(parsePlan(text));
      assert.equal(h.system, system);
      assert.equal(h.locality, issuer.locality === 'Sơn Dương' ? 'Tuyên Quang' : issuer.locality);
      assert.equal(h.bodies.map((b) => b.text).join(' / '), `${issuer.superior.toUpperCase()} / ${issuer.body.toUpperCase()}`);
      assert.equal(h.dateLine?.text, `${issuer.locality}, ngày 05 tháng 01 năm 2026`);
      assert.ok(h.signature && h.recipients && h.summary, 'signature, Nơi nhận and trích yếu');
      assert.deepEqual(summary(check(text)), []);
    });
  }

  it('a quote or a dollar in a setting is text, not snippet syntax', () => {
    const text = expandSnippet(skeletonSnippet('state', { superior: '', body: 'BAN $A} {B}', locality: 'Hà Nội' }), { now: JANUARY });
    assert.match(text, /^BAN \$A\} \{B\}\n/);
  });

  it('the static plan snippets (kehoach, kehoachub) pass the rules of form too: Party recipients end with commas', () => {
    const snippets = parseJsonc(fs.readFileSync(path.join(ROOT, 'snippets', 'kehoach.code-snippets'), 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;
    const plans = Object.values(snippets).filter((s) => s.prefix.includes('kehoach') || s.prefix.includes('kehoachub'));
    assert.equal(plans.length, 2);
    for (const s of plans) assert.deepEqual(summary(check(expandSnippet(s.body, { now: JANUARY })), ['missing-component', 'number-form', 'date-line-form', 'recipients-form']), [], s.prefix[0]);
  });

  describe('the completion', () => {
    const at = (text: string, line: number, character: number, issuer?: Issuer) => completions(analyse(text), { line, character }, bundledIndex(), 'vi', issuer);
    it('is offered at the top of an empty plan, the issuer\'s system first, replacing the word typed', () => {
      const items = at('kehoach\n', 0, 7, PARTY);
      assert.deepEqual(items.map((i) => i.label), ['Khung kế hoạch (Đảng, theo cài đặt)', 'Khung kế hoạch (nhà nước, theo cài đặt)']);
      assert.deepEqual(items[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } });
      assert.ok(items[0].snippet && items[0].insertText.startsWith('${1:ĐẢNG BỘ TỈNH TUYÊN QUANG}'));
      assert.equal(at('\n\n', 2, 0, STATE)[0].label, 'Khung kế hoạch (nhà nước, theo cài đặt)');
    });
    it('is not offered without issuer settings (the static snippets do that), nor below any text', () => {
      assert.deepEqual(at('\n', 0, 0, { body: '', superior: '', locality: '' }), []);
      assert.deepEqual(at('\n', 0, 0), []);
      assert.deepEqual(at('UBND TỈNH TUYÊN QUANG\n\n', 1, 0, STATE), []);
    });
  });
});
