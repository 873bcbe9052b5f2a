// Import: a Word plan as a text draft that checks as the Word file does, and
// a corpus plan exported to Word and imported back checks as the original.

import assert from 'node:assert/strict';
import { checkWord as checkDocx } from './build';
import { exportDocx } from '../../server/src/docx/export';
import { importDocx } from '../../server/src/docx/import';
import { bundledIndex, check, corpus, seed, SEEDS, checkWithHints } from '../helpers';
import { docxOfLines, minimalDocx, p, table } from './build';
import { findingKeys } from './xml';

describe('docx import', function () {
  this.timeout(60_000);

  for (const rel of ['plans/nq03-cp-2025-chuong-trinh-hanh-dong.md', 'plans/nq03-cp-2025-phu-luc-ii-nhiem-vu.md', 'plans/qd844-ttg-ke-hoach-hanh-dong.txt']) {
    it(`round trip: ${rel} exported and imported back gives the findings of the original`, async () => {
      const original = corpus(rel);
      const imported = importDocx(await exportDocx(original));
      // Hints included: a real plan has few defects, and every citation must be read alike.
      const found = checkWithHints(imported);
      assert.ok(found.length >= 1);
      assert.deepEqual(findingKeys(imported, found), findingKeys(original, checkWithHints(original)));
    });
  }

  it('gives a draft that checks as kehoach check on the .docx does', async () => {
    for (const bytes of [docxOfLines(seed(SEEDS.plan000)), await exportDocx(seed(SEEDS.plan000)), await exportDocx(corpus('plans/nq03-cp-2025-chuong-trinh-hanh-dong.md'))]) {
      const onWord = checkDocx(bytes, { index: bundledIndex() });
      const imported = importDocx(bytes);
      assert.deepEqual(findingKeys(imported, check(imported)), findingKeys(onWord.doc.text, onWord.diagnostics));
    }
  });

  it('keeps numbering, tables, bold headings and footnotes', async () => {
    const text = importDocx(await exportDocx(seed(SEEDS.plan002)));
    assert.match(text, /^\*\*KẾ HOẠCH\*\*$/m);
    assert.match(text, /^\*\*I\. MỤC ĐÍCH, YÊU CẦU\*\*$/m);
    assert.match(text, /^1\. Đề ra giải pháp/m);
    assert.match(text, /công tác cán bộ(?:\*\*)?¹$/m);
    assert.match(text, /^¹ Việc tham mưu bố trí cán bộ/m);
    const withTable = importDocx(minimalDocx({ body: p('Biểu phân công') + table([['TT', 'Nhiệm vụ'], ['1', 'Rà soát']]) }));
    assert.equal(withTable, 'Biểu phân công\n| TT | Nhiệm vụ |\n| --- | --- |\n| 1 | Rà soát |\n');
  });

  it('cuts runs of empty paragraphs down to one blank line', () => {
    const text = importDocx(minimalDocx({ body: [p(''), p('KẾ HOẠCH'), p(''), p(''), p(''), p('I. MỤC ĐÍCH')].join('') }));
    assert.equal(text, 'KẾ HOẠCH\n\nI. MỤC ĐÍCH\n');
  });
});
