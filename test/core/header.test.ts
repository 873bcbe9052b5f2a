import * as assert from 'assert';
import { parsePlan } from '../../server/src/core/plan/parse';
import { localityKey, localityOfBody, readHeader } from '../../server/src/core/plan/header';
import { corpus, seed, SEEDS } from '../helpers';

const header = (text: string) => readHeader(parsePlan(text));
const brief = (text: string) => {
  const h = header(text);
  return { system: h.system, central: h.central, locality: h.locality, number: h.number?.text, place: h.place?.text, date: h.date?.iso, type: h.type?.text };
};

describe('header', () => {
  describe('real documents', () => {
    it('Hà Nội plan 173/KH-UBND: two columns of pdftotext -layout on one line', () => {
      assert.deepStrictEqual(brief(corpus('plans/hanoi-kh173-ubnd-2026.txt')), {
        system: 'state', central: false, locality: 'Hà Nội', number: 'Số:173 /KH-UBND', place: 'Hà Nội', date: '2026-04-28', type: 'KẾ HOẠCH',
      });
    });
    it('Government resolutions: central, so the date line place is no locality', () => {
      for (const [file, date, num] of [
        ['plans/nq109-cp-chuong-trinh-hanh-dong.txt', '2026-04-16', 'Số: 109/NQ-CP'],
        ['plans/nq97-cp-sua-doi-chuong-trinh.txt', '2026-04-06', 'Số: 97/NQ-CP'],
        ['plans/nq175-cp-de-an.txt', '2023-10-30', 'Số: 175/NQ-CP'],
        ['plans/qd844-ttg-ke-hoach-hanh-dong.txt', '2026-05-13', 'Số: 844/QĐ-TTg'],
      ]) {
        const h = brief(corpus(file));
        assert.deepStrictEqual([h.central, h.locality, h.date, h.number, h.system], [true, undefined, date, num, 'state'], file);
      }
    });
    it('Markdown header with the body glued to the Quốc hiệu (nq03)', () => {
      const h = header(corpus('plans/nq03-cp-2025-chuong-trinh-hanh-dong.md'));
      assert.deepStrictEqual([h.bodies.map((b) => b.text), h.central, h.date?.iso, h.type?.text], [['CHÍNH PHỦ'], true, '2025-01-09', 'NGHỊ QUYẾT']);
    });
    it('an appendix alone has no header', () => {
      const h = header(corpus('plans/nq03-cp-2025-phu-luc-ii-nhiem-vu.md'));
      assert.deepStrictEqual([h.bodies.length, h.locality, h.date], [0, undefined, undefined]);
    });
    it('seeds: 000 has none, 002 a Party number, 001 a draft date with blanks, 004 Tỉnh ủy Bắc Giang', () => {
      assert.deepStrictEqual(brief(seed(SEEDS.plan000)), { system: undefined, central: false, locality: undefined, number: undefined, place: undefined, date: undefined, type: 'KẾ HOẠCH' });
      assert.deepStrictEqual([brief(seed(SEEDS.plan002)).system, brief(seed(SEEDS.plan002)).number], ['party', 'Số 15-KH/BTCTU']);
      assert.deepStrictEqual([brief(seed(SEEDS.letter001)).place, brief(seed(SEEDS.letter001)).date, brief(seed(SEEDS.letter001)).locality], ['Bắc Ninh', undefined, 'Bắc Ninh']);
      assert.strictEqual(brief(seed(SEEDS.compilation004)).locality, 'Bắc Giang');
    });
  });

  describe('fixtures', () => {
    it('a Party header in two columns (Word saved as text, tab between)', () => {
      const text = 'TỈNH ỦY TUYÊN QUANG\tĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 123-KH/TU\tTuyên Quang, ngày 05 tháng 01 năm 2022\n\nKẾ HOẠCH\nkhắc phục hạn chế\n';
      assert.deepStrictEqual(brief(text), { system: 'party', central: false, locality: 'Tuyên Quang', number: 'Số 123-KH/TU', place: 'Tuyên Quang', date: '2022-01-05', type: 'KẾ HOẠCH' });
    });
    it('a district committee takes the province from its superior body, not its own name', () => {
      const text = 'ĐẢNG BỘ TỈNH BẮC GIANG\nHUYỆN ỦY YÊN DŨNG\n*\nSố 45-KH/HU\n\nYên Dũng, ngày 10 tháng 3 năm 2024\n\nKẾ HOẠCH\n';
      assert.strictEqual(header(text).locality, 'Bắc Giang');
      const alone = 'HUYỆN ỦY YÊN DŨNG\nSố 45-KH/HU\nKẾ HOẠCH\n';
      assert.strictEqual(header(alone).locality, undefined);
    });
    it('a department under a provincial People\'s Committee', () => {
      const text = 'UBND TỈNH SƠN LA\nSỞ Y TẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 12/KH-SYT\nSơn La, ngày 02 tháng 02 năm 2026\n\nKẾ HOẠCH\n';
      assert.deepStrictEqual(brief(text), { system: 'state', central: false, locality: 'Sơn La', number: 'Số: 12/KH-SYT', place: 'Sơn La', date: '2026-02-02', type: 'KẾ HOẠCH' });
    });
    it('a ministry is central even with Hà Nội in the date line', () => {
      const text = 'BỘ Y TẾ\nSố: 100/KH-BYT\nHà Nội, ngày 01 tháng 6 năm 2026\nKẾ HOẠCH\n';
      assert.deepStrictEqual([header(text).central, header(text).locality], [true, undefined]);
    });
    it('an impossible or incomplete date line gives no date but keeps its place', () => {
      const h = header('UBND TỈNH BẮC NINH\nBắc Ninh, ngày 31 tháng 4 năm 2026\nKẾ HOẠCH\n');
      assert.deepStrictEqual([h.date, h.place?.text, h.dateLine?.text], [undefined, 'Bắc Ninh', 'Bắc Ninh, ngày 31 tháng 4 năm 2026']);
    });
    it('the date line is read only in the header: a date in the body is not the plan\'s', () => {
      const text = 'KẾ HOẠCH\nthực hiện\n\nI. MỤC ĐÍCH\nHà Nội, ngày 01 tháng 6 năm 2026 là ngày khai mạc\n';
      assert.strictEqual(header(text).date, undefined);
    });
    it('spans point at the text in the normalised document', () => {
      const text = 'TỈNH ỦY TUYÊN QUANG\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 123-KH/TU\tTuyên Quang, ngày 05 tháng 01 năm 2022\nKẾ HOẠCH\n';
      const plan = parsePlan(text);
      const h = readHeader(plan);
      assert.strictEqual(plan.nt.text.slice(h.number!.span.start, h.number!.span.end), 'Số 123-KH/TU');
      assert.strictEqual(plan.nt.text.slice(h.date!.span.start, h.date!.span.end), 'ngày 05 tháng 01 năm 2022');
      assert.strictEqual(h.date!.line, 1);
    });
  });

  it('localityOfBody and localityKey', () => {
    assert.strictEqual(localityOfBody('THÀNH ỦY HÀ NỘI'), 'Hà Nội');
    assert.strictEqual(localityOfBody('ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH'), 'Hồ Chí Minh');
    assert.strictEqual(localityOfBody('ỦY BAN NHÂN DÂN HUYỆN YÊN DŨNG'), undefined);
    assert.strictEqual(localityOfBody('BAN TỔ CHỨC'), undefined);
    assert.strictEqual(localityKey('Tỉnh Bắc Giang'), localityKey('BẮC GIANG'));
    assert.strictEqual(localityKey('TP. Hồ Chí Minh'), localityKey('Hồ Chí Minh'));
    assert.notStrictEqual(localityKey('Hà Nam'), localityKey('Hà Nội'));
  });
});
