// Word files through LibreOffice (npm run test:office): a plan converted to
// .docx by LibreOffice from its text is checked as the text is; the copy
// --annotate writes opens in LibreOffice, converts to PDF, and its comments
// survive a round trip through ODT and through LibreOffice's own .docx.
// LibreOffice is required: without soffice these tests fail, they never skip
// (install it with bash scripts/office-setup.sh).

import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { annotate } from '../../server/src/docx/annotate';
import { checkWord as checkDocx } from '../docx/build';
import { exportDocx } from '../../server/src/docx/export';
import { convertWithOffice, findSoffice } from '../../server/src/docx/office';
import { bundledIndex, corpus, ROOT, seed, SEEDS } from '../helpers';
import { all, attr, commentedText, parts, textOf, xml } from '../docx/xml';

const FOUR = ['duplicate-section-number', 'section-order', 'duplicate-section-number', 'section-order'];

/** Converts and moves the result next to the input's folder; the temporary profile folder is removed. */
function convert(input: string, format: string): string {
  const produced = convertWithOffice(input, format);
  const ext = path.extname(produced);
  const target = path.join(path.dirname(input), `${path.basename(input, path.extname(input))}.lo${ext}`);
  fs.copyFileSync(produced, target);
  fs.rmSync(path.dirname(path.dirname(produced)), { recursive: true, force: true });
  return target;
}

/** The kehoach comments of a .docx and the text of the paragraph each starts on. */
function comments(file: string): { text: string; on: string }[] {
  const p = parts(fs.readFileSync(file));
  assert.ok(p['word/comments.xml'], `${path.basename(file)} has word/comments.xml`);
  const list = all(xml(p['word/comments.xml']), 'comment').filter((c) => attr(c, 'author') === 'kehoach');
  const doc = xml(p['word/document.xml']);
  const starts = new Map(all(doc, 'commentRangeStart').map((s) => [attr(s, 'id'), textOf(s.parentNode as unknown as Parameters<typeof textOf>[0])]));
  return list.map((c) => ({ text: textOf(c), on: starts.get(attr(c, 'id')) ?? '' }));
}

describe('Word files through LibreOffice', function () {
  this.timeout(240_000);
  let tmp: string;

  before(() => {
    const soffice = findSoffice();
    assert.ok(soffice, 'LibreOffice (soffice) is required for npm run test:office: run bash scripts/office-setup.sh');
    const version = spawnSync(soffice!, ['--version'], { encoding: 'utf8' }).stdout.trim();
    console.log(`      ${version}`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-office-test-'));
  });
  after(() => tmp && fs.rmSync(tmp, { recursive: true, force: true }));

  let fromText: string;
  it('checks seed 000 converted to .docx by LibreOffice from the .txt: the four defects, by paragraph', () => {
    const txt = path.join(tmp, 'seed000.txt');
    fs.writeFileSync(txt, seed(SEEDS.plan000));
    fromText = convert(txt, 'docx');
    const r = checkDocx(fs.readFileSync(fromText), { index: bundledIndex() });
    assert.deepEqual(r.diagnostics.map((d) => d.code), FOUR);
    // LibreOffice makes each line of the text a paragraph: paragraph N is line N.
    assert.deepEqual(r.diagnostics.map((d) => d.location!.location), [77, 77, 79, 79].map((paragraph) => ({ kind: 'paragraph', paragraph })));
    assert.match(r.diagnostics[0].location!.quote, /^1\.2\.4\. Cơ quan phối hợp/);
  });

  let annotated: string;
  it('annotates that file: four comments on the words of the right paragraphs, and LibreOffice converts the copy to PDF', () => {
    const r = checkDocx(fs.readFileSync(fromText), { index: bundledIndex() });
    annotated = path.join(tmp, 'seed000.nhan-xet.docx');
    const { bytes, comments: n } = annotate(r.doc, r.diagnostics);
    fs.writeFileSync(annotated, bytes);
    assert.equal(n, 4);
    const pdf = convert(annotated, 'pdf');
    assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
    assert.ok(fs.statSync(pdf).size > 20_000);
  });

  for (const via of ['odt', 'docx:MS Word 2007 XML']) {
    it(`keeps the four comments through a round trip via ${via.split(':')[0]}`, () => {
      let file = annotated;
      if (via === 'odt') {
        const odt = convert(annotated, 'odt');
        file = convert(odt, 'docx:MS Word 2007 XML');
      } else file = convert(annotated, via);
      const found = comments(file);
      assert.equal(found.length, 4);
      // Still on the words of each finding: the duplicated number.
      const ranges = commentedText(xml(parts(fs.readFileSync(file))['word/document.xml']));
      assert.deepEqual([...ranges.values()].sort(), ['1.2.4', '1.2.4', '1.2.5', '1.2.5']);
      assert.deepEqual(found.map((c) => c.on.slice(0, 6)), ['1.2.4.', '1.2.4.', '1.2.5.', '1.2.5.']);
      assert.match(found[0].text, /Số mục 1\.2\.4 bị trùng.*duplicate-section-number/);
      // And the re-saved file still checks the same.
      assert.deepEqual(checkDocx(fs.readFileSync(file), { index: bundledIndex() }).diagnostics.map((d) => d.code), FOUR);
    });
  }

  it('opens the exported plans (Party and state forms) and converts them to PDF; a re-saved export checks the same', async () => {
    for (const [name, text] of [['seed000', seed(SEEDS.plan000)], ['hanoi', corpus('plans/hanoi-kh173-ubnd-2026.txt')]]) {
      const docx = path.join(tmp, `${name}.export.docx`);
      fs.writeFileSync(docx, await exportDocx(text));
      const pdf = convert(docx, 'pdf');
      assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
      const resaved = convert(docx, 'docx:MS Word 2007 XML');
      const before = checkDocx(fs.readFileSync(docx), { index: bundledIndex() }).diagnostics.map((d) => d.code);
      assert.deepEqual(checkDocx(fs.readFileSync(resaved), { index: bundledIndex() }).diagnostics.map((d) => d.code), before);
    }
  });

  it('kehoach export --to pdf writes a PDF', () => {
    const plan = path.join(tmp, 'ke-hoach.kh');
    fs.writeFileSync(plan, seed(SEEDS.plan002));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'export', '--to', 'pdf', plan], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const pdf = path.join(tmp, 'ke-hoach.pdf');
    assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
    assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.startsWith('.kehoach-export-')), [], 'no temporary folder left');
  });
});
