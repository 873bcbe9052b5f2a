import assert from 'node:assert/strict';
import { toDocNumber } from '../../server/src/core/citations/docNumber';
import { extractCitations } from '../../server/src/core/citations/extract';
import { normalize } from '../../server/src/core/text/normalize';

const cite = (s: string) => extractCitations(normalize(s).text);

describe('document numbers', () => {
  const cases: [string, string, string][] = [
    ['05-NQ/TW', 'party', '5-NQ/TW'],
    ['15-KH/BTCTU', 'party', '15-KH/BTCTU'],
    ['08-QĐi/TW', 'party', '8-QĐi/TW'],
    ['05-QC/BTCTU-BDVTU', 'party', '5-QC/BTCTU-BDVTU'],
    ['43/2022/QH15', 'legal', '43/2022/QH15'],
    ['44/2015/NĐ-CP', 'legal', '44/2015/NĐ-CP'],
    ['44/2015/ND-CP', 'legal', '44/2015/NĐ-CP'],
    ['11/NQ-CP', 'administrative', '11/NQ-CP'],
    ['174/QĐ-TTg', 'administrative', '174/QĐ-TTg'],
    ['12/UBND-VX', 'administrative', '12/UBND-VX'],
    ['16/CT–TTg', 'administrative', '16/CT-TTg'],
  ];
  for (const [raw, form, key] of cases) {
    it(`reads ${raw} as ${form}`, () => {
      const n = toDocNumber(raw);
      assert.ok(n, raw);
      assert.equal(n.form, form);
      assert.equal(n.key, key);
    });
  }
  it('keeps codes case-sensitive: QĐ is not QĐi, CT is not CTr', () => {
    assert.notEqual(toDocNumber('08-QĐ/TW')!.key, toDocNumber('08-QĐi/TW')!.key);
    assert.notEqual(toDocNumber('03-CT/TU')!.key, toDocNumber('03-CTr/TU')!.key);
  });
  it('rejects what is not a number', () => {
    for (const s of ['Độc lập - Tự do - Hạnh phúc', '5/2026', '2026-2031', 'quý II/2026', '05-XYZ/TW']) assert.equal(toDocNumber(s), undefined, s);
  });
});

describe('citations', () => {
  it('reads type, number, date and issuer', () => {
    const [c] = cite('theo Nghị quyết số 05-NQ/TW ngày 07/4/2026 của BCH Trung ương khóa XIV về đổi mới');
    assert.equal(c.type, 'Nghị quyết');
    assert.equal(c.number.raw, '05-NQ/TW');
    assert.equal(c.date?.iso, '2026-04-07');
    assert.equal(c.issuer?.text, 'BCH Trung ương khóa XIV');
  });
  it('reads the three date forms and a comma before ngày', () => {
    assert.equal(cite('Chỉ thị số 03-CT/TU ngày 07-4-2026')[0].date?.iso, '2026-04-07');
    assert.equal(cite('Chỉ thị số 03-CT/TU ngày 07 tháng 4 năm 2026')[0].date?.iso, '2026-04-07');
    assert.equal(cite('Kế hoạch số 61-KH/TU, ngày 15/4/2026 của Ban Thường vụ Tỉnh ủy')[0].date?.iso, '2026-04-15');
  });
  it('rejects an impossible date', () => {
    assert.equal(cite('Chỉ thị số 03-CT/TU ngày 31/2/2026')[0].date, undefined);
  });
  it('reads a number glued to số, and a number without a type word', () => {
    assert.equal(cite('Quy định số31-QĐ/TW')[0].number.key, '31-QĐ/TW');
    const [c] = cite('theo 66/NQ-CP của Chính phủ');
    assert.equal(c.typeSpan, undefined);
    assert.equal(c.type, 'Nghị quyết'); // inferred from the NQ code
    assert.equal(c.issuer?.text, 'Chính phủ');
  });
  it('stops the issuer before the next citation', () => {
    const cs = cite('Hướng dẫn số 42-HD/BTCTW, ngày 28/10/2025 của Ban Tổ chức Trung ương và Hướng dẫn số 05-HD/BTCTU');
    assert.equal(cs[0].issuer?.text, 'Ban Tổ chức Trung ương');
    assert.equal(cs.length, 2);
  });
  it("marks the plan's own number as own, not a citation", () => {
    const cs = cite('Số 15-KH/BTCTU\n\nKẾ HOẠCH\nThực hiện Kế hoạch số 61-KH/TU');
    assert.equal(cs[0].own, true);
    assert.equal(cs[1].own, false);
  });
});

describe('short mentions', () => {
  it('link a later mention without a date to the earlier dated citation', () => {
    const cs = cite('Căn cứ Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương; thực hiện Kết luận số 21-KL/TW, các cấp ủy…');
    assert.equal(cs.length, 2);
    assert.equal(cs[1].date, undefined);
    assert.equal(cs[1].antecedent, cs[0]);
  });
  it('do not link to a later citation or another number', () => {
    const cs = cite('Kết luận số 21-KL/TW; Kết luận số 22-KL/TW ngày 01/01/2022; Kết luận số 21-KL/TW ngày 25/10/2021');
    assert.equal(cs[0].antecedent, undefined);
  });
});
