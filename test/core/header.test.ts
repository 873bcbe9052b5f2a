import * as assert from 'assert';
import { parsePlan } from '../../server/src/core/plan/parse';
import { localityKey, localityOfBody, readHeader } from '../../server/src/core/plan/header';
import { check, corpus, seed, SEEDS, summary } from '../helpers';

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

  describe('trích yếu, signature block and Nơi nhận', () => {
    const closing = (text: string) => {
      const h = header(text);
      const s = h.signature;
      return {
        summary: h.summary?.text,
        authorities: s?.authorities.map((a) => `${a.mark} ${a.of}`),
        position: s?.position?.text,
        name: s?.name?.text,
        system: s?.system,
        recipients: h.recipients?.entries.map((e) => e.text),
      };
    };
    it('Hà Nội 173/KH-UBND: Nơi nhận and signature side by side (pdftotext -layout), a wrapped entry joined', () => {
      const c = closing(corpus('plans/hanoi-kh173-ubnd-2026.txt'));
      assert.equal(c.summary, 'Tổ chức “Festival Thăng Long - Hà Nội lần thứ II, năm 2026”');
      assert.deepEqual([c.authorities, c.position, c.name, c.system], [['TM. ỦY BAN NHÂN DÂN'], 'CHỦ TỊCH', 'Vũ Đại Thắng', 'state']);
      assert.equal(c.recipients!.length, 10);
      assert.equal(c.recipients![0], '- Thường trực Ban Bí thư TW Đảng;');
      assert.equal(c.recipients![8], '- VPUB: CVP, các PCVP, phòng: KGVX, TH, KT, ĐT, TNMT, NC, HC-QT, TT TTDL&CNS TP;');
      assert.equal(c.recipients![9], '- Lưu: VT, KGVX.');
    });
    it('nq03 (Markdown): the resolution\'s own signature and Nơi nhận, before the attached programme', () => {
      const c = closing(corpus('plans/nq03-cp-2025-chuong-trinh-hanh-dong.md'));
      assert.deepEqual([c.authorities, c.position, c.name], [['TM. CHÍNH PHỦ', 'KT. THỦ TƯỚNG'], 'PHÓ THỦ TƯỚNG', 'Nguyễn Hòa Bình']);
      assert.equal(c.recipients!.length, 15);
      assert.match(c.recipients![13], /Trợ lý TTg, các Vụ, Cục, đơn vị trực thuộc, Công báo;$/);
    });
    it('Gazette texts: flagged as such, signature read (a military rank before the name)', () => {
      const h = header(corpus('plans/qd844-ttg-ke-hoach-hanh-dong.txt'));
      assert.deepEqual([h.gazette, h.recipients, h.signature?.position?.text, h.signature?.name?.text], [true, undefined, 'PHÓ THỦ TƯỚNG', 'Phạm Thị Thanh Trà']);
      assert.equal(header('BỘ CÔNG AN\nSố: 81/2025/TT-BCA\nHà Nội, ngày 05 tháng 01 năm 2025\nTHÔNG TƯ\nQuy định\n\nNội dung.\n\nBỘ TRƯỞNG\n\nĐại tướng Lương Tam Quang\n').signature?.name?.text, 'Đại tướng Lương Tam Quang');
    });
    it('seeds: a công văn\'s V/v (001), TL. then KT. (001), Party K/T and T/M (002, 000), Party recipients ending with commas', () => {
      const c1 = closing(seed(SEEDS.letter001));
      assert.equal(header(seed(SEEDS.letter001)).letter, true);
      assert.deepEqual([c1.summary, c1.authorities, c1.position, c1.name], ['V/v xây dựng Kế hoạch khắc phục hạn chế, khuyết điểm năm 2025', ['TL. CHỦ TỊCH', 'KT. CHÁNH VĂN PHÒNG'], 'PHÓ CHÁNH VĂN PHÒNG', 'Lê Ngọc Tú']);
      assert.deepEqual(c1.recipients, ['- Như trên;', '- Chủ tịch và các PCT UBND tỉnh;', '- VP UBND tỉnh: LĐVP; KGVX, NC, KTN, KTTH;', '- Lưu: VT, THĐT.']);
      const c2 = closing(seed(SEEDS.plan002));
      assert.deepEqual([c2.summary, c2.authorities, c2.system, c2.name], ['khắc phục một số hạn chế, khuyết điểm của tập thể lãnh đạo Ban Tổ chức Tỉnh ủy năm 2025', ['K/T TRƯỞNG BAN'], 'party', 'Phạm Hữu Toàn']);
      const c0 = closing(seed(SEEDS.plan000));
      assert.deepEqual([c0.authorities, c0.position, c0.recipients!.length, c0.recipients![8]], [['T/M BAN THƯỜNG VỤ'], 'BÍ THƯ', 9, '- Lưu Văn phòng Đảng ủy.']);
    });
    it('a Nơi nhận far from the signature belongs to an appended form, not to the document', () => {
      const filler = Array.from({ length: 70 }, (_, i) => `Đoạn nội dung thứ ${i + 1}.`).join('\n');
      const text = `CHÍNH PHỦ\nSố: 05/NĐ-CP\nHà Nội, ngày 05 tháng 01 năm 2026\nNGHỊ ĐỊNH\nQuy định\n\nNội dung.\n\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\n\nNguyễn Văn A\n\nMẫu số 01\n${filler}\nNơi nhận:\n- Như trên;\n- Lưu: VT, …\n`;
      assert.equal(header(text).recipients, undefined);
    });
    it('the Party heading glued to the date line (Word converted to Markdown) is two cells', () => {
      const h = header('TỈNH ỦY BẮC GIANG\n*\nSố 147-NQ/TU\nĐẢNG CỘNG SẢN VIỆT NAM*Bắc Giang, ngày 15 tháng 7 năm 2021*\nNGHỊ QUYẾT\nvề …\n');
      assert.deepEqual([h.heading?.text, h.place?.text, h.date?.iso, h.system], ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Bắc Giang', '2021-07-15', 'party']);
    });
    it('the heading decides the system over a number above it; a blank Party number reads as Party', () => {
      assert.equal(header('TỈNH ỦY X\nSố …-KH/TU\nKẾ HOẠCH\n').system, 'party');
      assert.equal(header('SỞ Y TẾ\nSố 15-KH/SYT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKẾ HOẠCH\n').system, 'state');
    });
    it('a brace group of recipients: the note below the list is read', () => {
      const h = header('TỈNH ỦY X\nSố 05-CT/TU\nCHỈ THỊ\nvề …\n\nNội dung.\n\nNơi nhận:\n- Ban Bí thư Trung ương Đảng\n- Văn phòng Trung ương Đảng\n- Lưu Văn phòng Tỉnh ủy.\n\n(*báo cáo*),\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn A\n');
      assert.match(h.recipients!.groupNote!.text, /báo cáo/);
      assert.deepEqual(summary(check("TỈNH ỦY X\tĐẢNG CỘNG SẢN VIỆT NAM\n" + 'Số 05-CT/TU\tX, ngày 05 tháng 01 năm 2021\nCHỈ THỊ\nvề …\n\nNội dung.\n\nNơi nhận:\n- Ban Bí thư Trung ương Đảng\n- Văn phòng Trung ương Đảng\n- Lưu Văn phòng Tỉnh ủy.\n\n(báo cáo),\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn A\n'), ['recipients-form']), []);
    });
    it('a trích yếu may open like a body (Thực hiện Chỉ thị số …); a body paragraph right under the title is none', () => {
      assert.equal(header('UBND TỈNH X\nSố: 05/KH-UBND\nKẾ HOẠCH\nThực hiện Chỉ thị số 52-CT/TW của Ban Bí thư\n\nNội dung.\n').summary?.text, 'Thực hiện Chỉ thị số 52-CT/TW của Ban Bí thư');
      assert.equal(header(`UBND TỈNH X\nSố: 05/KH-UBND\nKẾ HOẠCH\nThực hiện chỉ đạo của Tỉnh ủy tại Công văn số 904-CV/TU ngày 07/4/2026, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:\n`).summary, undefined);
      assert.equal(header('TỈNH ỦY X\nSố 05-KH/TU\nKẾ HOẠCH\nkhắc phục hạn chế năm 2025\nThực hiện Kế hoạch số 61-KH/TU, Ban Tổ chức xây dựng kế hoạch:\n').summary?.text, 'khắc phục hạn chế năm 2025');
    });
    it('the Nơi nhận label without its colon or in capitals', () => {
      for (const label of ['Nơi nhận', 'NƠI NHẬN:', '*Nơi nhận:*']) {
        const h = header(`SỞ Y TẾ\nSố: 05/KH-SYT\nKẾ HOẠCH\nvề …\n\nNội dung.\n\n${label}\n- Như trên;\n- Lưu: VT, VP.\n\nGIÁM ĐỐC\n\nNguyễn Văn An\n`);
        assert.equal(h.recipients?.entries.length, 2, label);
      }
    });
    it('no trích yếu when the body starts right under the type title', () => {
      assert.equal(header('UBND TỈNH BẮC NINH\nSố: 05/KH-UBND\nKẾ HOẠCH\nCăn cứ Luật Tổ chức chính quyền địa phương;\n').summary, undefined);
      assert.equal(header('CHÍNH PHỦ\nSố: 05/NQ-CP\nNGHỊ QUYẾT\nCHÍNH PHỦ\nCăn cứ Luật;\n').summary, undefined);
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
