// --annotate: each finding a real Word comment on its paragraph, signed
// kehoach, in a copy; the original bytes untouched.

import assert from 'node:assert/strict';
import type { Document as XmlDocument } from '@xmldom/xmldom';
import { annotate } from '../../server/src/docx/annotate';
import { checkDocx } from '../../server/src/docx/check';
import { exportDocx } from '../../server/src/docx/export';
import { bundledIndex, seed, SEEDS } from '../helpers';
import { docxOfLines } from './build';
import { all, attr, parts, textOf, xml } from './xml';

/** Comment id → text of the paragraphs its range covers (start to end). */
function commentedText(doc: XmlDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const start of all(doc, 'commentRangeStart')) {
    const id = attr(start, 'id')!;
    let p = start.parentNode as unknown as Parameters<typeof textOf>[0];
    let text = '';
    for (;;) {
      text += textOf(p);
      if (all(p, 'commentRangeEnd').some((e) => attr(e, 'id') === id)) break;
      p = p.nextSibling as unknown as typeof p;
    }
    out.set(id, text);
  }
  return out;
}

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
      const checked = checkDocx(original, { index: bundledIndex() });
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
      assert.match(ranges.get('0')!, /^1\.2\.4\. Cơ quan phối hợp/);
      assert.match(ranges.get('1')!, /^1\.2\.4\. Cơ quan phối hợp/);
      assert.match(ranges.get('2')!, /^1\.2\.5\. Thời gian thực hiện/);
      assert.match(ranges.get('3')!, /^1\.2\.5\. Thời gian thực hiện/);
      assert.equal(all(xml(p['word/document.xml']), 'commentReference').length, 4);
      assert.match(p['[Content_Types].xml'], /PartName="\/word\/comments\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.comments\+xml"/);
      assert.match(p['word/_rels/document.xml.rels'], /relationships\/comments" Target="comments\.xml"/);
      // The comments change no text: the copy checks as the original does.
      assert.deepEqual(checkDocx(bytes, { index: bundledIndex() }).diagnostics.map((d) => d.message.vi), checked.diagnostics.map((d) => d.message.vi));
    });
  }

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
