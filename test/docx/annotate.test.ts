// --annotate: each finding a real Word comment on its paragraph, signed
// kehoach, in a copy; the original bytes untouched.

import assert from 'node:assert/strict';
import { annotate } from '../../server/src/docx/annotate';
import { checkWord as checkDocx } from './build';
import { exportDocx } from '../../server/src/docx/export';
import { bundledIndex, seed, SEEDS, FORM_OFF } from '../helpers';
import { docxOfLines, minimalDocx, p } from './build';
import { all, attr, commentedText, parts, textOf, xml } from './xml';


describe('docx annotate', function () {
  this.timeout(30_000);
  const made = {
    'pasted into Word': async () => docxOfLines(seed(SEEDS.plan000)),
    'exported by kehoach': () => exportDocx(seed(SEEDS.plan000)),
  };

  for (const [how, make] of Object.entries(made)) {
    it(`writes the four findings of seed 000 ${how} as comments on their paragraphs`, async () => {
      const original = await make();
      const before = Buffer.from(original);
      const checked = checkDocx(original, { index: bundledIndex(), levels: FORM_OFF });
      const { bytes, comments } = annotate(checked.doc, checked.diagnostics, { date: '2026-12-02T06:00:00Z' });
      assert.equal(comments, 4);
      assert.ok(Buffer.from(original).equals(before), 'the original bytes are untouched');
      const p = parts(bytes);
      const c = xml(p['word/comments.xml']);
      const list = all(c, 'comment');
      assert.equal(list.length, 4);
      assert.deepEqual([...new Set(list.map((e) => attr(e, 'author')))], ['kehoach']);
      assert.match(textOf(list[0]), /^Lỗi: Số mục 1\.2\.4 bị trùng.*\(duplicate-section-number\)$/);
      assert.match(textOf(list[1]), /^Cảnh báo: Số mục 1\.2\.4 nằm trong mục 1\.3.*\(section-order\)$/);
      const ranges = commentedText(xml(p['word/document.xml']));
      assert.deepEqual([...ranges.keys()].sort(), ['0', '1', '2', '3']);
      // Each comment covers the words of its finding: the duplicated number.
      assert.deepEqual([0, 1, 2, 3].map((k) => ranges.get(String(k))), ['1.2.4', '1.2.4', '1.2.5', '1.2.5']);
      assert.equal(all(xml(p['word/document.xml']), 'commentReference').length, 4);
      assert.match(p['[Content_Types].xml'], /PartName="\/word\/comments\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.comments\+xml"/);
      assert.match(p['word/_rels/document.xml.rels'], /relationships\/comments" Target="comments\.xml"/);
      // The comments change no text: the copy checks as the original does.
      assert.deepEqual(checkDocx(bytes, { index: bundledIndex(), levels: FORM_OFF }).diagnostics.map((d) => d.message.vi), checked.diagnostics.map((d) => d.message.vi));
    });
  }

  it('puts a comment on the words of its finding across runs of different styles, leaving the text as it was', () => {
    const body = [
      p('KẾ HOẠCH'),
      p('II. NHIỆM VỤ'),
      p('1. Triển khai **Nghị quyết số 75-NQ/TW** ngày 22/12/2024 của *Bộ Chính trị*; Chỉ thị số 52-CT/TW ngày 03/10/2024.'),
    ].join('');
    const bytes = minimalDocx({ body });
    const checked = checkDocx(bytes, { index: bundledIndex() });
    // The task's missing fields cover the whole line (plain, bold and italic runs); a near miss of 57-NQ/TW in a bold run, a wrong date in a plain one.
    const found = checked.diagnostics;
    assert.deepEqual(found.map((d) => d.code), ['missing-deadline', 'missing-lead-agency', 'unknown-directive', 'citation-date-mismatch']);
    const { bytes: out } = annotate(checked.doc, found);
    const doc = xml(parts(out)['word/document.xml']);
    const ranges = commentedText(doc);
    const fragments = found.map((d) => checked.doc.text.slice(d.offsets.start, d.offsets.end).replace(/\*+/g, ''));
    assert.deepEqual([0, 1, 2, 3].map((k) => ranges.get(String(k))), fragments);
    assert.deepEqual(fragments.slice(2), ['75-NQ/TW', 'ngày 03/10/2024']);
    const before = all(xml(parts(bytes)['word/document.xml']), 'p').map(textOf);
    assert.deepEqual(all(doc, 'p').map(textOf), before, 'the split runs hold the same text');
    assert.deepEqual(checkDocx(out, { index: bundledIndex() }).diagnostics.map((d) => d.message.vi), checked.diagnostics.map((d) => d.message.vi));
  });

  it('keeps comments already in the file and numbers the new ones after them', async () => {
    const first = checkDocx(docxOfLines(seed(SEEDS.plan000)), { index: bundledIndex() });
    const once = annotate(first.doc, first.diagnostics).bytes;
    const again = checkDocx(once, { index: bundledIndex() });
    const p = parts(annotate(again.doc, again.diagnostics).bytes);
    const ids = all(xml(p['word/comments.xml']), 'comment').map((e) => attr(e, 'id'));
    assert.deepEqual(ids, ['0', '1', '2', '3', '4', '5', '6', '7']);
    assert.equal((p['word/_rels/document.xml.rels'].match(/relationships\/comments"/g) ?? []).length, 1);
    assert.equal((p['[Content_Types].xml'].match(/\/word\/comments\.xml/g) ?? []).length, 1);
  });

  it('writes no comment part entries when there is nothing to say, and the copy still opens', async () => {
    const checked = checkDocx(docxOfLines(seed(SEEDS.plan002)), { index: bundledIndex() });
    const { bytes, comments } = annotate(checked.doc, checked.diagnostics);
    assert.equal(comments, 0);
    assert.equal(checkDocx(bytes, { index: bundledIndex() }).diagnostics.length, 0);
  });
});
