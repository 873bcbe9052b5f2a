// unknown-directive: the entry to add and the change to `.kehoach/directives.json`.

import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/core/fixes';
import { indexFileChange } from '../../server/src/core/rules/addToIndex';
import { indexEntryFor } from '../../server/src/core/rules/unknownDirective';
import { parseIndexJson } from '../../server/src/core/index/parseIndex';
import { lint } from '../../server/src/core/lint';
import { bundledIndex, seed, SEEDS } from '../helpers';
import { finding, lineBreaks } from './util';

/** A Bắc Giang plan citing a local document no index holds. */
const LOCAL_PLAN = 'TỈNH ỦY BẮC GIANG\n\nKẾ HOẠCH\n\nThực hiện Kế hoạch số 99-KH/TU ngày 01/02/2026 của Ban Thường vụ Tỉnh ủy và Nghị quyết số 109-NQ/TU ngày 08/6/2021;\n';

const ENTRY = { number: '107/2020/NĐ-CP', type: 'Nghị định', date: '2020-09-14' };

function textOf(change: ReturnType<typeof indexFileChange>, before?: string): string {
  if (change.kind === 'create') return change.text;
  if (change.kind === 'edit') {
    // The edits and the text they give agree.
    assert.equal(applyEdits(before!, change.edits), change.text);
    return change.text;
  }
  throw new Error(`no text: ${change.kind}`);
}

describe('fix: add to the directive index', () => {
  it('describes the cited document from the finding (number, type, date, issuer, locality)', () => {
    const result = lint(seed(SEEDS.compilation004), { index: bundledIndex() });
    const d = finding(result, 'unknown-directive', 3124);
    assert.equal(d.severity, 'hint');
    assert.deepEqual(indexEntryFor(d), { number: '133/2020/QH14', type: 'Nghị quyết', issuer: 'Quốc hội' });
    const local = finding(lint(LOCAL_PLAN, { index: bundledIndex() }), 'unknown-directive');
    assert.deepEqual(indexEntryFor(local), { number: '99-KH/TU', type: 'Kế hoạch', date: '2026-02-01', issuer: 'Ban Thường vụ Tỉnh ủy', locality: 'Bắc Giang' });
    const plain = finding(lint('KẾ HOẠCH\n\nThực hiện Chỉ thị số 99-CT/TU.\n', { index: bundledIndex() }), 'unknown-directive');
    assert.deepEqual(indexEntryFor(plain), { number: '99-CT/TU', type: 'Chỉ thị' });
    assert.equal(indexEntryFor(finding(result, 'inconsistent-citation')), undefined);
  });

  it('creates `{"version": 1, "entries": [...]}` with 2-space indentation', () => {
    const change = indexFileChange(undefined, ENTRY);
    assert.equal(change.kind, 'create');
    const text = textOf(change);
    assert.equal(text, JSON.stringify({ version: 1, entries: [ENTRY] }, null, 2) + '\n');
    assert.deepEqual(parseIndexJson(text, 'x.json').problems, []);
  });

  it('appends to an existing list, keeping the other entries and the file’s indentation and line breaks', () => {
    const before = '{\r\n    "version": 1,\r\n    "entries": [\r\n        { "number": "1-NQ/TU", "date": "2020-01-01", "type": "Nghị quyết" }\r\n    ]\r\n}\r\n';
    const text = textOf(indexFileChange(before, ENTRY), before);
    assert.equal(lineBreaks(text).lf, 0);
    assert.ok(text.includes('        { "number": "1-NQ/TU", "date": "2020-01-01", "type": "Nghị quyết" },\r\n'));
    assert.ok(text.includes('\r\n        {\r\n            "number": "107/2020/NĐ-CP",'));
    const loaded = parseIndexJson(text, 'x.json');
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.index.all().map((e) => e.number), ['1-NQ/TU', '107/2020/NĐ-CP']);
  });

  it('a bare array, an object without entries, an empty file', () => {
    for (const before of ['[\n  { "number": "1-NQ/TU" }\n]\n', '{ "version": 1 }\n', '', '  \n']) {
      const change = indexFileChange(before, ENTRY);
      const text = textOf(change, before);
      const loaded = parseIndexJson(text, 'x.json');
      assert.deepEqual(loaded.problems, [], before);
      assert.ok(loaded.index.find('107/2020/NĐ-CP', '2020-09-14'), before);
    }
  });

  it('a broken file is not touched: the change says why', () => {
    for (const before of ['{ "version": 1, "entries": [ { "number": "1-NQ/TU" ', '{ "entries": { } }', '"text"']) {
      const change = indexFileChange(before, ENTRY);
      assert.equal(change.kind, 'broken', before);
      if (change.kind === 'broken') assert.match(change.message.vi, /^Tệp danh mục \.kehoach\/directives\.json có lỗi \(dòng \d+/);
    }
  });

  it('an entry already in the file is not added twice', () => {
    const before = JSON.stringify({ version: 1, entries: [{ number: '107/2020/NĐ-CP', type: 'Nghị định', date: '14/9/2020' }] });
    assert.equal(indexFileChange(before, ENTRY).kind, 'present');
  });

  it('after adding, the finding is gone and nothing else changes', () => {
    const text = LOCAL_PLAN;
    const result = lint(text, { index: bundledIndex() });
    const d = finding(result, 'unknown-directive');
    const file = textOf(indexFileChange(undefined, indexEntryFor(d)!));
    const index = bundledIndex().merge(parseIndexJson(file, '.kehoach/directives.json').index);
    const after = lint(text, { index });
    assert.deepEqual(
      after.diagnostics.map((x) => `${x.range.start.line + 1}:${x.code}`),
      result.diagnostics.filter((x) => x !== d).map((x) => `${x.range.start.line + 1}:${x.code}`),
    );
  });
});
