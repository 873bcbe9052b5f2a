// Export to Word: the XML of the generated file has the parts of the form
// in their places, with the fonts, sizes and margins of Phụ lục I; checking
// the file finds what checking the text finds.

import assert from 'node:assert/strict';
import { checkWord as checkDocx } from './build';
import { checkDocx as checkDocxWithHints } from '../../server/src/docx/check';
import { exportDocx } from '../../server/src/docx/export';
import { readDocx } from '../../server/src/docx/read';
import { bundledIndex, check, corpus, seed, SEEDS, FORM_OFF, checkWithHints } from '../helpers';
import { all, allBold, attr, findingKeys, paragraph, parts, textOf, xml } from './xml';

const MM = 56.7;
const mm = (twips: string | undefined) => Number(twips) / MM;


describe('docx export: the form of Phụ lục I', function () {
  this.timeout(30_000);
  let party: Record<string, string>;
  let state: Record<string, string>;
  before(async () => {
    party = parts(await exportDocx(seed(SEEDS.plan000)));
    state = parts(await exportDocx(corpus('plans/hanoi-kh173-ubnd-2026.txt')));
  });

  it('sets an A4 page with margins in the ranges of Phụ lục I', () => {
    for (const p of [party, state]) {
      const doc = xml(p['word/document.xml']);
      const size = all(doc, 'pgSz')[0];
      assert.equal(Math.round(mm(attr(size, 'w'))), 210);
      assert.equal(Math.round(mm(attr(size, 'h'))), 297);
      const m = all(doc, 'pgMar')[0];
      const inRange = (v: string | undefined, lo: number, hi: number) => mm(v) >= lo - 0.1 && mm(v) <= hi + 0.1;
      assert.ok(inRange(attr(m, 'top'), 20, 25) && inRange(attr(m, 'bottom'), 20, 25), 'top and bottom 20–25 mm');
      assert.ok(inRange(attr(m, 'left'), 30, 35), 'left 30–35 mm');
      assert.ok(inRange(attr(m, 'right'), 15, 20), 'right 15–20 mm');
    }
  });

  it('writes every run in Times New Roman, the body at 13–14 pt', () => {
    const doc = xml(state['word/document.xml']);
    const fonts = new Set(all(doc, 'rFonts').map((f) => attr(f, 'ascii')));
    assert.deepEqual([...fonts], ['Times New Roman']);
    const styles = xml(state['word/styles.xml']);
    const defaults = all(styles, 'rPrDefault')[0];
    assert.equal(attr(all(defaults, 'rFonts')[0], 'ascii'), 'Times New Roman');
    const body = paragraph(doc, '1. Mục đích')!;
    const size = Number(attr(all(body, 'sz')[0], 'val')) / 2;
    assert.ok(size >= 13 && size <= 14, `body ${size} pt`);
  });

  it('lays the state header out as a borderless two-column table with its ruling lines', () => {
    const doc = xml(state['word/document.xml']);
    const table = all(doc, 'tbl')[0];
    assert.equal(all(table, 'gridCol').length, 2);
    const [left, right] = all(all(table, 'tr')[0], 'tc');
    assert.deepEqual(all(left, 'p').map(textOf).filter(Boolean), ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ NỘI']);
    assert.deepEqual(all(right, 'p').map(textOf).filter(Boolean), ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    assert.ok(all(right, 'p').every((p) => !textOf(p) || allBold(p)), 'national heading and motto bold');
    // The ruling lines are bottom borders of empty paragraphs, one under the issuer, one under the motto.
    assert.equal(all(left, 'p').filter((p) => !textOf(p) && all(p, 'bottom').length).length, 1);
    assert.equal(all(right, 'p').filter((p) => !textOf(p) && all(p, 'bottom').length).length, 1);
    const [numberCell, dateCell] = all(all(table, 'tr')[1], 'tc');
    assert.equal(textOf(numberCell), 'Số:173/KH-UBND');
    assert.equal(textOf(dateCell), 'Hà Nội, ngày 28 tháng 4 năm 2026');
    assert.ok(all(dateCell, 'i').length > 0, 'date line italic');
    const borders = all(all(table, 'tblBorders')[0], 'top')[0];
    assert.equal(attr(borders, 'val'), 'none');
  });

  it('centres the type in bold with the trích yếu under it', () => {
    const doc = xml(state['word/document.xml']);
    const type = paragraph(doc, 'KẾ HOẠCH')!;
    assert.ok(allBold(type));
    assert.equal(attr(all(type, 'jc')[0], 'val'), 'center');
    const summary = type.nextSibling as unknown as Parameters<typeof textOf>[0];
    assert.equal(textOf(summary).normalize('NFC'), 'Tổ chức “Festival Thăng Long - Hà Nội lần thứ II, năm 2026”'.normalize('NFC'));
    assert.ok(allBold(summary));
  });

  it('puts Nơi nhận beside the signature block', () => {
    const doc = xml(state['word/document.xml']);
    const closing = all(doc, 'tbl').find((t) => textOf(t).includes('Nơi nhận'))!;
    const [left, right] = all(all(closing, 'tr')[0], 'tc');
    assert.ok(textOf(left).startsWith('Nơi nhận:- Thường trực Ban Bí thư TW Đảng;'));
    assert.ok(textOf(left).endsWith('- Lưu: VT, KGVX.'));
    assert.deepEqual(all(right, 'p').map(textOf).filter(Boolean), ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Vũ Đại Thắng']);
  });

  it('writes the Party form of Hướng dẫn 36: ĐẢNG CỘNG SẢN VIỆT NAM, T/M signature, no state motto', () => {
    const doc = xml(party['word/document.xml']);
    const header = all(doc, 'tbl')[0];
    assert.ok(textOf(header).includes('ĐẢNG CỘNG SẢN VIỆT NAM'));
    assert.ok(!textOf(doc.documentElement!).includes('Độc lập - Tự do - Hạnh phúc'));
    assert.ok(allBold(paragraph(doc, 'ĐẢNG CỘNG SẢN VIỆT NAM')!));
    const closing = all(doc, 'tbl').find((t) => textOf(t).includes('T/M BAN THƯỜNG VỤ'))!;
    assert.ok(textOf(closing).includes('Phạm Hoàng Sơn'));
  });

  it('keeps the numbering as typed and bolds the headings', () => {
    const doc = xml(party['word/document.xml']);
    assert.ok(allBold(paragraph(doc, 'I- MỤC ĐÍCH, YÊU CẦU')!));
    assert.ok(allBold(paragraph(doc, '1.1. Công tác tổ chức xây dựng Đảng')!));
    assert.ok(!allBold(paragraph(doc, '1.2.5. Thời gian thực hiện: Thực hiện thường xuyên trong năm.')!));
    assert.equal(all(doc, 'numPr').length, 0, 'no automatic numbering: the numbers are text');
  });

  it('writes Markdown tables as real tables with a repeated header row', async () => {
    const text = corpus('plans/nq03-cp-2025-phu-luc-ii-nhiem-vu.md');
    const doc = xml(parts(await exportDocx(text))['word/document.xml']);
    const tables = all(doc, 'tbl');
    assert.ok(tables.length >= 1);
    const rows = all(tables[0], 'tr');
    assert.ok(all(rows[0], 'tblHeader').length === 1);
    const markdownRows = text.split('\n').filter((l) => /^\s*\|/.test(l)).length;
    assert.equal(all(doc, 'tr').length, markdownRows - tables.length, 'every row but the separators');
  });

  it('fills the header from the settings only where the text names nothing', async () => {
    const letterhead = { superior: 'Đảng bộ tỉnh Bắc Ninh', issuer: 'Đảng ủy UBND tỉnh', locality: 'Bắc Ninh' };
    const filled = xml(parts(await exportDocx(seed(SEEDS.plan000), { letterhead }))['word/document.xml']);
    const [left, right] = all(all(all(filled, 'tbl')[0], 'tr')[0], 'tc');
    assert.deepEqual(all(left, 'p').map(textOf).filter((t) => t && t !== '*'), ['ĐẢNG BỘ TỈNH BẮC NINH', 'ĐẢNG ỦY UBND TỈNH']);
    assert.ok(allBold(all(left, 'p').find((p) => textOf(p) === 'ĐẢNG ỦY UBND TỈNH')!));
    assert.ok(!allBold(all(left, 'p').find((p) => textOf(p) === 'ĐẢNG BỘ TỈNH BẮC NINH')!));
    assert.ok(textOf(right).includes('ĐẢNG CỘNG SẢN VIỆT NAM'));
    assert.match(textOf(all(all(all(filled, 'tbl')[0], 'tr')[1], 'tc')[1]), /^Bắc Ninh, ngày\s+tháng\s+năm \d{4}$/);
    // The Hà Nội plan names its issuer and date: the settings change nothing.
    const own = xml(parts(await exportDocx(corpus('plans/hanoi-kh173-ubnd-2026.txt'), { letterhead }))['word/document.xml']);
    assert.ok(textOf(all(own, 'tbl')[0]).startsWith('ỦY BAN NHÂN DÂNTHÀNH PHỐ HÀ NỘI'));
    assert.ok(!textOf(all(own, 'tbl')[0]).includes('BẮC NINH'));
  });

  it('turns typed footnotes into Word footnotes', async () => {
    const p = parts(await exportDocx(seed(SEEDS.plan000)));
    assert.match(p['word/footnotes.xml'], /Điều tra khảo sát về sự quan tâm của người dân/);
    assert.equal(all(xml(p['word/document.xml']), 'footnoteReference').length, 1);
  });
});

describe('docx export then check', function () {
  this.timeout(60_000);

  it('finds the four defects of seed 000 in the exported file, by paragraph', async () => {
    const r = checkDocx(await exportDocx(seed(SEEDS.plan000)), { index: bundledIndex(), levels: FORM_OFF });
    assert.deepEqual(
      r.diagnostics.map((d) => `${d.code} ${d.location!.location.kind} ${d.location!.quote.slice(0, 6)}`),
      ['duplicate-section-number paragraph 1.2.4.', 'section-order paragraph 1.2.4.', 'duplicate-section-number paragraph 1.2.5.', 'section-order paragraph 1.2.5.'],
    );
    const doc = readDocx(await exportDocx(seed(SEEDS.plan000)));
    const first = r.diagnostics[0].location!.location as { paragraph: number };
    assert.match(r.diagnostics[0].message.vi, /đã dùng ở đoạn \d+/);
    assert.ok(doc.blocks.some((b) => b.location.kind === 'paragraph' && b.location.paragraph === first.paragraph && doc.text.slice(b.start, b.end).startsWith('1.2.4. Cơ quan phối hợp')));
  });

  for (const rel of ['plans/nq03-cp-2025-chuong-trinh-hanh-dong.md', 'plans/nq03-cp-2025-phu-luc-ii-nhiem-vu.md', 'plans/qd844-ttg-ke-hoach-hanh-dong.txt']) {
    it(`gives the findings of the text on ${rel}`, async () => {
      const text = corpus(rel);
      // Hints included: a real plan has few defects, and every citation must be read alike.
      const r = checkDocxWithHints(await exportDocx(text), { index: bundledIndex() });
      assert.ok(r.diagnostics.length >= 1);
      assert.deepEqual(findingKeys(r.doc.text, r.diagnostics), findingKeys(text, checkWithHints(text)));
    });
  }

  for (const name of [SEEDS.plan000, SEEDS.plan002, SEEDS.letter001]) {
    it(`gives the findings of the text on seed ${name.slice(0, 3)}, line for line with --keep-lines too`, async () => {
      const text = seed(name);
      for (const keepLines of [false, true]) {
        const r = checkDocx(await exportDocx(text, { keepLines }), { index: bundledIndex() });
        assert.deepEqual(findingKeys(r.doc.text, r.diagnostics), findingKeys(text, check(text)));
      }
    });
  }
});
