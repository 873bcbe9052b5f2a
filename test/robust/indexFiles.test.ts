// Index files from a colleague: parsed as data only, prototype-safe,
// duplicates with conflicting data reported, and read only from inside the
// workspace (and not at all in an untrusted one).

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseIndexCsv, parseIndexJson } from '../../server/src/core/index/parseIndex';
import { indexFilesFor, insideRoots } from '../../server/src/lsp/indexManager';
import { readSettings } from '../../server/src/lsp/settings';

describe('index files: prototype-safe, data-only parsing', () => {
  it('ignores __proto__, constructor and prototype keys in JSON', () => {
    const text = JSON.stringify([
      { number: '1-NQ/TU', date: '2021-06-08', constructor: 'x', prototype: { polluted: true } },
      { __proto__: null },
    ]).replace('{}', '{"__proto__": {"polluted": true}, "number": "2-NQ/TU"}');
    const raw = '[{"__proto__": {"polluted": true}, "number": "3-NQ/TU", "constructor": {"prototype": {"polluted": true}}, "toString": "x", "hasOwnProperty": 1}]';
    for (const t of [text, raw]) {
      const r = parseIndexJson(t, 'x.json');
      for (const e of r.index.all()) {
        assert.deepEqual(Object.keys(e).sort().filter((k) => !['date', 'issuer', 'key', 'number', 'source', 'status', 'subject', 'type'].includes(k)), []);
        assert.equal(Object.getPrototypeOf(e), Object.prototype);
      }
    }
    const r = parseIndexJson(raw, 'x.json');
    assert.deepEqual(r.index.all().map((e) => e.key), ['3-NQ/TU']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  });

  it('ignores __proto__ and constructor columns in CSV', () => {
    const r = parseIndexCsv('__proto__,number,constructor,date\n{"polluted":1},5-NQ/TU,evil,08/6/2021\n', 'x.csv');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.index.all().map((e) => [e.key, e.date]), [['5-NQ/TU', '2021-06-08']]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('never evaluates anything: code in a value is just text', () => {
    const r = parseIndexJson('[{"number": "1-NQ/TU", "subject": "${process.exit(1)} `rm -rf /` require(\\"fs\\")"}]', 'x.json');
    assert.equal(r.index.all()[0].subject, '${process.exit(1)} `rm -rf /` require("fs")');
  });

  it('ignores __proto__ keys in the settings', () => {
    const s = readSettings(JSON.parse('{"labels": {"__proto__": ["Chủ trì mới"], "lead": ["Đơn vị đầu mối"]}, "rules": {"__proto__": "off"}}'));
    assert.equal(Object.getPrototypeOf(s.rules), Object.prototype);
    assert.deepEqual(Object.keys(s.rules), []);
    assert.ok(s.problems.some((p) => p.vi.includes('__proto__') && p.en.includes('__proto__')));
  });
});

describe('index files: duplicate entries', () => {
  it('reports a duplicate with conflicting data, naming both lines, and keeps the first', () => {
    const text = [
      '[',
      '  {"number": "109-NQ/TU", "date": "2021-06-08", "issuer": "Tỉnh ủy Quảng Ninh"},',
      '  {"number": "110-NQ/TU", "date": "2021-06-08"},',
      '  {"number": "109-NQ/TU", "date": "08/6/2021", "issuer": "Tỉnh ủy Bắc Ninh"},',
      '  {"number": "109-NQ/TU", "date": "2016-07-04", "issuer": "Tỉnh ủy Bắc Ninh"}',
      ']',
    ].join('\n');
    const r = parseIndexJson(text, 'dup.json');
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].line, 4);
    assert.match(r.problems[0].message.vi, /^Dòng 4: văn bản 109-NQ\/TU ngày 2021-06-08 đã có ở dòng 2 với cơ quan ban hành khác \("Tỉnh ủy Quảng Ninh" và "Tỉnh ủy Bắc Ninh"\)/);
    assert.match(r.problems[0].message.en, /already listed on line 2 with a different issuer/);
    // Same number, other date: another document (numbers restart every term).
    assert.deepEqual(r.index.byKey('109-NQ/TU').map((e) => [e.date, e.issuer]), [['2021-06-08', 'Tỉnh ủy Quảng Ninh'], ['2016-07-04', 'Tỉnh ủy Bắc Ninh']]);
  });

  it('accepts an exact repeat silently and fills the gaps of the first', () => {
    const r = parseIndexCsv('Số;Ngày;Trích yếu\n5-CT/TW;01/02/2021;\n5-CT/TW;01/02/2021;Về tăng cường\n', 'dup.csv');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.index.all().map((e) => e.subject), ['Về tăng cường']);
  });
});

describe('index files: only inside the workspace', () => {
  let tmp: string;
  let ws: string;
  let elsewhere: string;
  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-paths-')));
    ws = path.join(tmp, 'ws');
    elsewhere = path.join(tmp, 'elsewhere');
    fs.mkdirSync(path.join(ws, '.kehoach'), { recursive: true });
    fs.mkdirSync(path.join(ws, 'data'));
    fs.mkdirSync(elsewhere);
    fs.writeFileSync(path.join(ws, '.kehoach', 'directives.json'), '[]');
    fs.writeFileSync(path.join(ws, 'data', 'extra.csv'), 'number\n1-NQ/TU\n');
    fs.writeFileSync(path.join(elsewhere, 'x.json'), '[]');
    fs.symlinkSync(path.join(elsewhere, 'x.json'), path.join(ws, 'data', 'link.json'));
    fs.symlinkSync(elsewhere, path.join(ws, 'linkdir'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('reads the workspace file and configured files inside the workspace', () => {
    const r = indexFilesFor([ws], ['data/extra.csv', path.join(ws, 'data', 'extra.csv'), 'data/./missing.json']);
    assert.deepEqual(r.files, [path.join(ws, '.kehoach', 'directives.json'), path.join(ws, 'data', 'extra.csv'), path.join(ws, 'data', 'missing.json')]);
    assert.deepEqual(r.refused, []);
  });

  it('refuses ../, absolute paths elsewhere and symbolic links out, with a message', () => {
    const r = indexFilesFor([ws], ['../elsewhere/x.json', path.join(elsewhere, 'x.json'), 'data/link.json', 'linkdir/x.json', '/etc/passwd.json', 'data/../../elsewhere/x.json']);
    assert.deepEqual(r.files, [path.join(ws, '.kehoach', 'directives.json')]);
    assert.deepEqual(r.refused.map((x) => x.path), ['../elsewhere/x.json', path.join(elsewhere, 'x.json'), 'data/link.json', 'linkdir/x.json', '/etc/passwd.json', 'data/../../elsewhere/x.json']);
    assert.match(r.refused[0].message.vi, /nằm ngoài thư mục làm việc/);
    assert.match(r.refused[0].message.en, /outside the workspace folder/);
  });

  it('refuses every configured file when no folder is open', () => {
    const r = indexFilesFor([], ['x.json', path.join(ws, 'data', 'extra.csv')]);
    assert.deepEqual(r.files, []);
    assert.equal(r.refused.length, 2);
    assert.match(r.refused[0].message.vi, /chưa mở thư mục làm việc/);
  });

  it('reads nothing from an untrusted workspace', () => {
    const r = indexFilesFor([ws], ['data/extra.csv'], false);
    assert.deepEqual(r.files, []);
    assert.match(r.refused[0].message.vi, /chưa được tin cậy/);
  });

  it('insideRoots: the root itself and its parent are not inside', () => {
    assert.equal(insideRoots(ws, [ws]), false);
    assert.equal(insideRoots(tmp, [ws]), false);
    assert.equal(insideRoots(path.join(ws, 'a', 'b', 'c.json'), [ws]), true);
    assert.equal(insideRoots(path.join(ws + '-sibling', 'c.json'), [ws]), false);
  });
});
