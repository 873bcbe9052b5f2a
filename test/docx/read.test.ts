// Reading a .docx as text: numbering rendered, emphasis marked, tables with
// borders as Markdown and layout tables as lines, footnotes at the end; each
// finding of lint() placed back on its paragraph or cell.

import assert from 'node:assert/strict';
import { checkWord as checkDocx } from './build';
import { DocxError } from '../../server/src/docx/package';
import { readDocx } from '../../server/src/docx/read';
import { bundledIndex, check, seed, SEEDS } from '../helpers';
import { strToU8, zipSync } from 'fflate';
import { docxOfLines, minimalDocx, p, table } from './build';

const LIST = `<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
const num = (ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr>`;

describe('docx reader', () => {
  it('renders Word numbering as typed numbers, restarting lower levels', () => {
    const body = [p('MỤC ĐÍCH', num(0)), p('Mục đích', num(1)), p('Nội dung', num(2)), p('Việc một', num(3)), p('Nội dung khác', num(2)), p('NHIỆM VỤ', num(0)), p('Giải pháp', num(1)), p('Việc hai', num(2))].join('');
    const doc = readDocx(minimalDocx({ body, numbering: LIST }));
    assert.deepEqual(doc.text.split('\n'), ['I. MỤC ĐÍCH', '1. Mục đích', '1.1. Nội dung', '- Việc một', '1.2. Nội dung khác', 'II. NHIỆM VỤ', '1. Giải pháp', '1.1. Việc hai']);
  });

  it('marks bold and italic runs as Markdown emphasis around their words', () => {
    // The bold run ends with a space: the marks go around its words, the space after them.
    const body = `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">1. Cơ quan chủ trì: </w:t></w:r><w:r><w:t xml:space="preserve">Sở Nội vụ; </w:t></w:r><w:r><w:rPr><w:i w:val="1"/></w:rPr><w:t>Thời hạn:</w:t></w:r><w:r><w:rPr><w:i w:val="0"/></w:rPr><w:t xml:space="preserve"> quý II</w:t></w:r></w:p>`;
    const doc = readDocx(minimalDocx({ body }));
    assert.equal(doc.text, '**1. Cơ quan chủ trì:** Sở Nội vụ; *Thời hạn:* quý II');
  });

  it('reads a table with borders as a Markdown table and locates its cells', () => {
    const body = p('Biểu phân công') + table([['TT', 'Nhiệm vụ', 'Cơ quan chủ trì'], ['1', 'Rà soát | sắp xếp', 'Sở Nội vụ'], ['2', 'Báo cáo\nđịnh kỳ', 'Văn phòng']]);
    const doc = readDocx(minimalDocx({ body }));
    assert.deepEqual(doc.text.split('\n'), [
      'Biểu phân công',
      '| TT | Nhiệm vụ | Cơ quan chủ trì |',
      '| --- | --- | --- |',
      '| 1 | Rà soát \\| sắp xếp | Sở Nội vụ |',
      '| 2 | Báo cáo định kỳ | Văn phòng |',
    ]);
    const at = doc.text.indexOf('Văn phòng');
    const block = doc.blocks.find((b) => b.start <= at && at < b.end)!;
    assert.deepEqual(block.location, { kind: 'cell', table: 1, row: 3, cell: 3 });
  });

  it('reads a borderless table (a header, a signature beside Nơi nhận) as the lines of its cells', () => {
    const body = table([['ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc']], false) + p('KẾ HOẠCH');
    const doc = readDocx(minimalDocx({ body }));
    assert.deepEqual(doc.text.split('\n'), ['ỦY BAN NHÂN DÂN', 'TỈNH TUYÊN QUANG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'KẾ HOẠCH']);
    assert.deepEqual(doc.blocks[2].location, { kind: 'cell', table: 1, row: 1, cell: 2 });
    assert.deepEqual(doc.blocks[4].location, { kind: 'paragraph', paragraph: 1 });
  });

  it('writes footnote marks as superscript digits and the notes at the end', () => {
    const body = `<w:p><w:r><w:t>theo kế hoạch</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> của Ban.</w:t></w:r></w:p>`;
    const footnotes = `<w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> (1) Điều tra khảo sát.</w:t></w:r></w:p></w:footnote>`;
    const doc = readDocx(minimalDocx({ body, footnotes }));
    assert.deepEqual(doc.text.split('\n'), ['theo kế hoạch¹ của Ban.', '¹ (1) Điều tra khảo sát.']);
    assert.deepEqual(doc.blocks[1].location, { kind: 'footnote', footnote: 1 });
  });

  it('leaves out deleted text of tracked changes and keeps inserted text', () => {
    const body = `<w:p><w:r><w:t xml:space="preserve">Thời hạn: </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>quý I</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>quý II</w:t></w:r></w:ins></w:p>`;
    assert.equal(readDocx(minimalDocx({ body })).text, 'Thời hạn: quý II');
  });

  it('takes bold from a paragraph style, through basedOn', () => {
    const styles = `<w:style w:type="paragraph" w:styleId="Base"><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Base"/></w:style>`;
    const body = p('I. MỤC ĐÍCH', '<w:pStyle w:val="Heading1"/>') + p('Nội dung');
    assert.equal(readDocx(minimalDocx({ body, styles })).text, '**I. MỤC ĐÍCH**\nNội dung');
  });

  it('refuses hostile XML with a message: entity expansion, nesting that exhausts the stack', () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const laughs = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>`;
    assert.throws(() => readDocx(zipSync({ 'word/document.xml': strToU8(laughs) })), DocxError);
    const deep = `<w:document xmlns:w="${W}"><w:body>${'<w:sdt><w:sdtContent>'.repeat(60_000)}<w:p/>${'</w:sdtContent></w:sdt>'.repeat(60_000)}</w:body></w:document>`;
    assert.throws(() => readDocx(zipSync({ 'word/document.xml': strToU8(deep) })), (e: unknown) => e instanceof DocxError && /lồng nhau quá sâu/.test(e.message));
  });

  it('refuses a file that is not a Word package with a message, not a crash', () => {
    assert.throws(() => readDocx(new TextEncoder().encode('KẾ HOẠCH')), (e: unknown) => e instanceof DocxError && /không phải gói zip/.test(e.message));
    const broken = minimalDocx({ body: p('x') });
    assert.throws(() => readDocx(broken.subarray(0, 200)), DocxError);
  });
});

describe('docx check: seed 000 pasted into Word, one paragraph per line', () => {
  const text = seed(SEEDS.plan000);
  const result = checkDocx(docxOfLines(text), { index: bundledIndex() });

  it('reports the same four findings as the text, by paragraph with a quote', () => {
    // One paragraph per line: the line a message points at is the paragraph of that number.
    const onText = check(text).map((d) => `${d.code}:${d.message.vi.replace(/dòng (\d+)/, 'đoạn $1')}`);
    assert.deepEqual(result.diagnostics.map((d) => `${d.code}:${d.message.vi}`), onText);
    assert.deepEqual(
      result.diagnostics.map((d) => [d.code, d.location!.location, d.location!.quote.slice(0, 26)]),
      [
        ['duplicate-section-number', { kind: 'paragraph', paragraph: 77 }, '1.2.4. Cơ quan phối hợp: C'],
        ['section-order', { kind: 'paragraph', paragraph: 77 }, '1.2.4. Cơ quan phối hợp: C'],
        ['duplicate-section-number', { kind: 'paragraph', paragraph: 79 }, '1.2.5. Thời gian thực hiện'],
        ['section-order', { kind: 'paragraph', paragraph: 79 }, '1.2.5. Thời gian thực hiện'],
      ],
    );
    // A long quote is cut after a whole word.
    assert.match(result.diagnostics[0].location!.quote, / các…$/);
  });

  it('places a finding in a Word table cell by table, row and cell', () => {
    const body = p('KẾ HOẠCH') + p('II. NHIỆM VỤ') + table([['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'], ['1', 'Rà soát quy hoạch', 'Sở Xây dựng', 'Quý IV/2026'], ['2', 'Triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2025 của Bộ Chính trị', 'Sở Khoa học và Công nghệ', 'Năm 2026']]);
    const found = checkDocx(minimalDocx({ body }), { index: bundledIndex() }).diagnostics;
    assert.deepEqual(found.map((d) => [d.code, d.location!.location, d.location!.quote]), [
      ['citation-date-mismatch', { kind: 'cell', table: 1, row: 3, cell: 2 }, 'ngày 22/12/2025 của Bộ Chính trị'],
    ]);
  });
});
