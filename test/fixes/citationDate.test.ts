// citation-date-mismatch: the indexed date replaces the cited one, written
// the way the draft writes dates.

import assert from 'node:assert/strict';
import { DirectiveIndex } from '../../server/src/core/index/directiveIndex';
import { crlf, seed, SEEDS } from '../helpers';
import { analyse, applyFix, findingsByMessage, fixesOf, lineBreaks } from './util';

const INDEX = new DirectiveIndex([
  { number: '109-NQ/TU', key: '109-NQ/TU', type: 'Nghị quyết', date: '2016-07-04', source: 'test' },
  { number: '109-NQ/TU', key: '109-NQ/TU', type: 'Nghị quyết', date: '2021-06-08', source: 'test' },
  { number: '15-CT/TU', key: '15-CT/TU', type: 'Chỉ thị', date: '2022-12-01', source: 'test' },
]);

function plan(sentence: string): string {
  return `KẾ HOẠCH\nthực hiện nghị quyết\n\nThực hiện ${sentence}, Ban Thường vụ ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Quán triệt đầy đủ.\n`;
}

describe('fix: citation date', () => {
  it('004: the inconsistency offers “Sửa ngày thành 31/5/2021” (the catalogued date), and goes', () => {
    const text = seed(SEEDS.compilation004);
    const { fixes, result } = fixesOf(text, 'inconsistent-citation', 503);
    assert.deepEqual(fixes.map((f) => f.title.vi), ['Sửa ngày thành 31/5/2021']);
    assert.equal(fixes[0].preferred, true);
    const out = applyFix(text, fixes[0]);
    const line = out.split('\n')[502];
    assert.match(line, /15-CTr\/TU ngày 31\/5\/2021/);
    const expected = findingsByMessage(result).filter((m) => !/^(?:citation-date-mismatch|inconsistent-citation)\|.*15-CTr\/TU/.test(m));
    assert.deepEqual(findingsByMessage(analyse(out)), expected);
  });

  it('offers the indexed date of the same term only, in words when the draft writes words', () => {
    // 109-NQ/TU of 2016 and of 2021 are two documents of two terms: a date in 2016 can only mean the first.
    const text = plan('Nghị quyết số 109-NQ/TU ngày 05 tháng 7 năm 2016 của Tỉnh ủy');
    const { fixes } = fixesOf(text, 'citation-date-mismatch', undefined, { index: INDEX });
    assert.deepEqual(fixes.map((f) => f.title.vi), ['Sửa ngày thành 04 tháng 7 năm 2016']);
    assert.equal(fixes[0].preferred, true);
    for (const f of fixes) {
      const out = applyFix(text, f);
      assert.deepEqual(analyse(out, { index: INDEX }).diagnostics, []);
    }
  });

  it('keeps the zero style of the draft: `5/7/2016` → `4/7/2016`, `05/07/2016` → `04/07/2016`', () => {
    for (const [cited, want] of [['5/7/2016', '4/7/2016'], ['05/07/2016', '04/07/2016'], ['15/12/2022', '01/12/2022'], ['1-12-2022', '1-12-2022']] as const) {
      const number = cited.endsWith('2016') ? '109-NQ/TU' : '15-CT/TU';
      const text = plan(`Nghị quyết số ${number} ngày ${cited} của Tỉnh ủy`);
      const result = analyse(text, { index: INDEX });
      const d = result.diagnostics.find((x) => x.code === 'citation-date-mismatch');
      if (cited === '1-12-2022') {
        assert.equal(d, undefined, 'the indexed date: no finding');
        continue;
      }
      const { fixes } = fixesOf(text, 'citation-date-mismatch', undefined, { index: INDEX });
      assert.ok(fixes.some((f) => f.title.vi === `Sửa ngày thành ${want}`), `${cited} → ${want}: ${fixes.map((f) => f.title.vi)}`);
    }
  });

  it('CRLF stays CRLF', () => {
    const text = crlf(plan('Nghị quyết số 109-NQ/TU ngày 05/7/2016 của Tỉnh ủy'));
    const { fixes } = fixesOf(text, 'citation-date-mismatch', undefined, { index: INDEX });
    const out = applyFix(text, fixes[0]);
    assert.equal(lineBreaks(out).lf, 0);
    assert.deepEqual(analyse(out, { index: INDEX }).diagnostics, []);
  });
});
