import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/core/lint';
import { Analyses } from '../../server/src/lsp/analyses';
import { bundledIndex, seed, SEEDS } from '../helpers';

describe('Analyses: the server re-reads only what was edited', () => {
  const options = { index: bundledIndex() };

  it('applies the editor changes, and the next analysis reuses the unedited lines and equals a fresh one', () => {
    const analyses = new Analyses(() => options);
    let doc = TextDocument.create('file:///a.kh', 'kehoach', 1, seed(SEEDS.plan000));
    const first = analyses.get(doc);
    const at = doc.getText().indexOf('Cơ quan chủ trì');
    const pos = doc.positionAt(at);
    // Two changes in one notification: offsets of the second are in the text after the first.
    doc = analyses.update(doc, [
      { range: { start: pos, end: { line: pos.line, character: pos.character + 3 } }, text: 'Cơ' },
      { range: { start: { line: pos.line + 2, character: 0 }, end: { line: pos.line + 2, character: 0 } }, text: 'Thêm một dòng\n' },
    ], 2);
    const second = analyses.get(doc);
    assert.deepEqual(second.diagnostics, lint(doc.getText(), options).diagnostics);
    assert.strictEqual(second.plan!.readings[0], first.plan!.readings[0], 'the first line was not read again');
    assert.strictEqual(analyses.get(doc), second, 'one analysis per version');
  });

  it('reads the whole text again after a full-text change', () => {
    const analyses = new Analyses(() => options);
    let doc = TextDocument.create('file:///b.kh', 'kehoach', 1, seed(SEEDS.plan002));
    const first = analyses.get(doc);
    doc = analyses.update(doc, [{ text: seed(SEEDS.plan002) }], 2);
    const second = analyses.get(doc);
    assert.notStrictEqual(second.plan!.readings[0], first.plan!.readings[0]);
    assert.deepEqual(second.diagnostics, first.diagnostics);
  });
});
