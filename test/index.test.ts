// The directive index: the bundled data/directives.tsv (built from the
// corpus and the seeds by scripts/build-index.ts), the DirectiveIndex queries, and the
// readers of the index files a workspace adds (.json, .csv).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { numberKey } from '../server/src/core/citations/docNumber';
import { DirectiveEntry, DirectiveIndex, compareNatural } from '../server/src/core/index/directiveIndex';
import { parseIndexCsv, parseIndexJson } from '../server/src/core/index/parseIndex';
import { bundledIndexProblems, loadBundledIndex, resetBundledIndex } from '../server/src/node/bundledIndex';
import { readIndexFile as loadIndexFile } from '../server/src/node/indexFiles';
import { INDEX_FILE, SOURCES, agreedDate, buildIndexDetailed, readCorpus, renderIndex } from '../scripts/build-index';
import { toDocNumber } from '../server/src/core/citations/docNumber';
import { numberScope } from '../server/src/core/index/scope';

const ROOT = path.join(__dirname, '..');
const SEED_004 = path.join(ROOT, 'test', 'seeds', '004_845be7d462c89c00.txt');

function entry(number: string, date: string | null, extra: Partial<DirectiveEntry> = {}): DirectiveEntry {
  return { number, key: numberKey(number)!, type: 'Nghị quyết', date, source: 'test', ...extra };
}

/** Catalogue rows of seed 004, read independently of the build script: `N<TAB>… số X ngày d/m/yyyy`. */
function catalogueOfSeed004(): Map<string, string> {
  const raw = fs.readFileSync(SEED_004, 'utf8').normalize('NFC');
  const out = new Map<string, string>();
  for (const line of raw.split(/\r?\n/)) {
    const m = /^\d+\t[^\t]*?(\d+-[A-Za-zĐđ]+\/TU) ngày (\d+)\/(\d+)\/(\d{4})[^\t]*\tVề/u.exec(line);
    if (!m) continue;
    const iso = `${m[4]}-${m[3].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
    out.set(`${numberKey(m[1])} ${iso}`, m[1]);
  }
  return out;
}

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-index-'));
});
after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});
function tmpFile(name: string, content: string | Buffer): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
}

describe('bundled index (data/directives.tsv)', () => {
  beforeEach(() => resetBundledIndex());

  it('loads without problems, every entry with a source and a scope', () => {
    const index = loadBundledIndex();
    assert.deepEqual(bundledIndexProblems(), []);
    assert.ok(index.size >= 8900, `only ${index.size} entries`);
    const labels = new Set(SOURCES.map((s) => s.label));
    for (const e of index.all()) {
      assert.ok(labels.has(e.source), `${e.number}: source ${e.source}`);
      const doc = toDocNumber(e.number)!;
      assert.equal(numberScope(doc).level === 'local', !!e.locality, `${e.number}: scope ${numberScope(doc).level}, locality ${e.locality}`);
    }
  });

  it('declares the coverage of every source, none of them complete', () => {
    const coverage = loadBundledIndex().coverage();
    assert.equal(coverage.length, SOURCES.length);
    assert.ok(coverage.every((c) => c.description && c.complete === false));
    assert.deepEqual(coverage.filter((c) => c.level === 'local').map((c) => c.locality), ['Bắc Giang']);
  });

  it('holds all 41 catalogue documents of seed 004 with their dates, scoped to Tỉnh ủy Bắc Giang', () => {
    const catalogue = catalogueOfSeed004();
    assert.equal(catalogue.size, 41);
    const index = loadBundledIndex();
    for (const [id, number] of catalogue) {
      const [key, date] = id.split(' ');
      const e = index.find(key, date);
      assert.ok(e, `${number} ngày ${date} missing`);
      assert.ok(e.subject?.startsWith('Về '), `${number}: no trích yếu`);
      assert.ok(e.issuer === 'Tỉnh ủy' || e.issuer === 'Ban Thường vụ Tỉnh ủy', `${number}: issuer ${e.issuer}`);
      assert.equal(e.locality, 'Bắc Giang');
    }
  });

  it('keeps both documents numbered 109-NQ/TU', () => {
    const dates = loadBundledIndex()
      .byKey('109-NQ/TU')
      .map((e) => e.date)
      .sort();
    assert.deepEqual(dates, ['2016-07-04', '2021-06-08']);
  });

  it('has central documents from the Pháp điển, the Gazette and the texts that cite them', () => {
    const index = loadBundledIndex();
    const nd = index.find('13/2023/NĐ-CP', '2023-04-17')!;
    assert.equal(nd.type, 'Nghị định');
    assert.equal(nd.subject, 'Bảo vệ dữ liệu cá nhân');
    assert.match(nd.source, /Pháp điển/);
    const nq = index.byKey('57-NQ/TW').find((e) => e.date === '2024-12-22');
    assert.ok(nq, '57-NQ/TW ngày 22/12/2024');
    assert.ok(nq.cited! >= 2, `cited by ${nq.cited}`);
    assert.ok(!nq.locality);
    // A normative number without a date still names its document.
    assert.ok(index.byKey('91/2015/QH13').length);
    // The seed's year typo is not a document.
    assert.ok(index.has('15-CTr/TU', '2021-05-31'));
    assert.ok(!index.has('15-CTr/TU', '2020-05-31'));
  });

  it('scopes the local documents of another province that seed 004 names', () => {
    const e = loadBundledIndex().find('03-CT/TU', '2025-08-28')!;
    assert.equal(e.issuer, 'Ban Thường vụ Tỉnh ủy Bắc Ninh');
    assert.equal(e.locality, 'Bắc Ninh');
  });

  it('leaves out local documents whose locality no text states (seed 000)', () => {
    const index = loadBundledIndex();
    assert.equal(index.byKey('57-BC/ĐU').length, 0);
    assert.equal(index.byKey('904-CV/TU').length, 0);
    // The plan's own number is not a cited document.
    assert.equal(index.byKey('15-KH/BTCTU').length, 0);
  });

  it('is reproduced exactly by the build script', () => {
    const built = renderIndex(buildIndexDetailed(readCorpus()).entries);
    assert.equal(built, fs.readFileSync(INDEX_FILE, 'utf8'));
  });

  it('is sorted by number', () => {
    const keys = fs.readFileSync(INDEX_FILE, 'utf8').split('\n').slice(1, -1).map((l) => l.split('\t')[0]);
    for (let i = 1; i < keys.length; i++) assert.ok(compareNatural(keys[i - 1], keys[i]) <= 0, `${keys[i - 1]} before ${keys[i]}`);
  });
});

describe('harvest agreement rule', () => {
  it('keeps a date the texts agree on, with how many give it', () => {
    assert.deepEqual(agreedDate(new Map([['2024-12-22', 3]])), { date: '2024-12-22', texts: 3 });
  });
  it('keeps a clearly dominant date and drops a real conflict', () => {
    assert.deepEqual(agreedDate(new Map([['2025-02-18', 6], ['2025-01-01', 2]])), { date: '2025-02-18', texts: 6 });
    assert.equal(agreedDate(new Map([['2025-02-18', 5], ['2025-01-01', 2]])), undefined);
    assert.equal(agreedDate(new Map([['2013-02-19', 4], ['2013-12-19', 4]])), undefined);
    // One text against nothing is agreement; one against one is not.
    assert.equal(agreedDate(new Map([['2020-01-01', 1], ['2020-01-02', 1]])), undefined);
  });
});

describe('DirectiveIndex', () => {
  const index = new DirectiveIndex([
    entry('109-NQ/TU', '2021-06-08', { issuer: 'Tỉnh ủy' }),
    entry('109-NQ/TU', '2016-07-04'),
    entry('111-NQ/TU', '2021-06-11'),
    entry('05-NQ/TW', '2026-04-07'),
    entry('03-CT/TU', '2021-01-19', { type: 'Chỉ thị' }),
    entry('66/NQ-CP', null),
  ]);

  it('identifies a document by number and date', () => {
    assert.equal(index.size, 6);
    assert.ok(index.has('109-NQ/TU', '2021-06-08'));
    assert.ok(index.has('109-NQ/TU', '2016-07-04'));
    assert.ok(!index.has('109-NQ/TU', '2021-06-09'));
    assert.ok(!index.has('110-NQ/TU', '2021-06-08'));
    // Leading zeros and spacing do not matter.
    assert.ok(index.has('5-NQ/TW', '2026-04-07'));
    assert.ok(index.has('05 - NQ/TW', '2026-04-07'));
  });

  it('byKey returns every document with that number, newest first', () => {
    assert.deepEqual(index.byKey('109-NQ/TU').map((e) => e.date), ['2021-06-08', '2016-07-04']);
    assert.equal(index.byKey('3-CT/TU').length, 1);
    assert.deepEqual(index.byKey('999-NQ/TU'), []);
  });

  it('nearest suggests numbers of the same series first', () => {
    const near = index.nearest('190-NQ/TU', 3).map((e) => e.key);
    assert.deepEqual(near.slice(0, 2), ['109-NQ/TU', '109-NQ/TU']);
    assert.ok(near.every((k) => k.endsWith('-NQ/TU')));
    assert.equal(index.nearest('112-NQ/TU', 1)[0].key, '111-NQ/TU');
    // A number of an unrelated series gets no far-off suggestions.
    assert.deepEqual(index.nearest('1234/QĐ-TTg'), []);
    assert.deepEqual(DirectiveIndex.empty().nearest('109-NQ/TU'), []);
    assert.equal(index.nearest('109-NQ/TU', 0).length, 0);
  });

  it('ofType lists newest first, undated last', () => {
    assert.deepEqual(index.ofType('nghị quyết').map((e) => `${e.key} ${e.date}`), [
      '5-NQ/TW 2026-04-07',
      '111-NQ/TU 2021-06-11',
      '109-NQ/TU 2021-06-08',
      '109-NQ/TU 2016-07-04',
      '66/NQ-CP null',
    ]);
    assert.deepEqual(index.ofType('Chỉ thị').map((e) => e.key), ['3-CT/TU']);
    assert.deepEqual(index.ofType('Kết luận'), []);
  });

  it('merge adds documents, keeps the first of a duplicate and fills its gaps', () => {
    const workspace = new DirectiveIndex([
      entry('109-NQ/TU', '2021-06-08', { issuer: 'Ban Thường vụ', subject: 'Về kiểm tra, giám sát', source: 'ws.json' }),
      entry('20-KH/TU', '2021-06-09', { type: 'Kế hoạch', source: 'ws.json' }),
    ]);
    const merged = index.merge(workspace);
    assert.equal(merged.size, 7);
    const e = merged.find('109-NQ/TU', '2021-06-08')!;
    assert.equal(e.issuer, 'Tỉnh ủy'); // first kept
    assert.equal(e.subject, 'Về kiểm tra, giám sát'); // gap filled
    assert.equal(e.source, 'test');
    assert.ok(merged.has('20-KH/TU', '2021-06-09'));
    // The sources are not changed.
    assert.equal(index.find('109-NQ/TU', '2021-06-08')!.subject, undefined);
    assert.equal(index.size, 6);
    assert.equal(DirectiveIndex.empty().merge().size, 0);
  });
});

describe('parseIndexJson', () => {
  it('reads a versioned file with English and Vietnamese keys', () => {
    const text = JSON.stringify(
      {
        version: 1,
        entries: [
          { number: '109-NQ/TU', date: '2021-06-08', issuer: 'Tỉnh ủy', subject: 'Về kiểm tra' },
          { so: '20-KH/TU', ngay: '9/6/2021', loai: 'kế hoạch', co_quan_ban_hanh: 'Tỉnh ủy', trich_yeu: 'Về đào tạo', trang_thai: 'Còn hiệu lực' },
          { number: '66/NQ-CP' },
        ],
      },
      null,
      2,
    );
    const { index, problems } = parseIndexJson(text, 'a.json');
    assert.deepEqual(problems, []);
    assert.equal(index.size, 3);
    const kh = index.find('20-KH/TU', '2021-06-09')!;
    assert.equal(kh.type, 'Kế hoạch');
    assert.equal(kh.issuer, 'Tỉnh ủy');
    assert.equal(kh.status, 'Còn hiệu lực');
    assert.equal(kh.source, 'a.json');
    assert.equal(index.find('109-NQ/TU', '2021-06-08')!.type, 'Nghị quyết'); // from the code NQ
    assert.equal(index.find('66/NQ-CP', null)!.date, null);
  });

  it('reads a bare array and the date forms d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy', () => {
    const text = '[{"number":"1-CT/TU","date":"05/5/2021"},{"number":"2-CT/TU","date":"05-05-2021"},{"number":"3-CT/TU","date":"5.5.2021"},{"number":"4-CT/TU","date":"2021-5-5"}]';
    const { index, problems } = parseIndexJson(text, 'b.json');
    assert.deepEqual(problems, []);
    for (const n of ['1-CT/TU', '2-CT/TU', '3-CT/TU', '4-CT/TU']) assert.ok(index.has(n, '2021-05-05'), n);
  });

  it('reports a syntax error at its line', () => {
    const text = ['[', '  {"number": "109-NQ/TU", "date": "2021-06-08"},', '  {"number": "111-NQ/TU" "date": "2021-06-11"}', ']'].join('\n');
    const { index, problems } = parseIndexJson(text, 'c.json');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 3);
    assert.equal(problems[0].file, 'c.json');
    assert.match(problems[0].message.vi, /^Dòng 3: lỗi cú pháp JSON/);
    assert.ok(index.has('109-NQ/TU', '2021-06-08'));
  });

  it('reports an unterminated file at the line where it ends', () => {
    const { problems } = parseIndexJson('{\n  "entries": [\n    {"number": "1-NQ/TU"}\n', 'd.json');
    assert.ok(problems.length >= 1);
    assert.ok(problems.every((p) => p.line >= 3));
  });

  it('skips an entry without a number, reporting its line, and keeps the good ones', () => {
    const text = [
      '{',
      '  "version": 1,',
      '  "entries": [',
      '    {"number": "109-NQ/TU", "date": "2021-06-08"},',
      '    {"date": "2021-06-11", "subject": "Về chuyển đổi số"},',
      '    {"number": "112-NQ/TU", "date": "2021-06-15"}',
      '  ]',
      '}',
    ].join('\n');
    const { index, problems } = parseIndexJson(text, 'e.json');
    assert.equal(index.size, 2);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 5);
    assert.match(problems[0].message.vi, /^Dòng 5: thiếu số, ký hiệu văn bản/);
    assert.match(problems[0].message.en, /^Line 5: missing document number/);
  });

  it('skips bad numbers, bad dates and non-objects with their lines', () => {
    const text = [
      '[',
      '  {"number": "abc"},',
      '  {"number": "109-NQ/TU", "date": "31/2/2021"},',
      '  "109-NQ/TU",',
      '  {"number": 109},',
      '  {"number": "110-NQ/TU", "date": "2021-06-09", "issuer": 5}',
      ']',
    ].join('\n');
    const { index, problems } = parseIndexJson(text, 'f.json');
    assert.deepEqual(problems.map((p) => p.line), [2, 3, 4, 5, 6]);
    assert.equal(index.size, 1);
    assert.equal(index.find('110-NQ/TU', '2021-06-09')!.issuer, undefined);
  });

  it('rejects a root that is not a list of entries', () => {
    assert.equal(parseIndexJson('{"items": []}', 'g.json').problems.length, 1);
    assert.equal(parseIndexJson('42', 'h.json').problems.length, 1);
    assert.equal(parseIndexJson('', 'i.json').problems.length, 1);
  });

  it('accepts a BOM, comments and trailing commas', () => {
    const { index, problems } = parseIndexJson('\ufeff[\n// danh mục\n{"number":"109-NQ/TU","date":"2021-06-08",},\n]', 'j.json');
    assert.deepEqual(problems, []);
    assert.equal(index.size, 1);
  });
});

describe('parseIndexCsv', () => {
  it('reads a comma-separated file', () => {
    const text = 'number,date,type,issuer,subject\n109-NQ/TU,2021-06-08,Nghị quyết,Tỉnh ủy,Về kiểm tra\n111-NQ/TU,11/6/2021,,,\n';
    const { index, problems } = parseIndexCsv(text, 'a.csv');
    assert.deepEqual(problems, []);
    assert.equal(index.size, 2);
    assert.equal(index.find('109-NQ/TU', '2021-06-08')!.subject, 'Về kiểm tra');
    assert.equal(index.find('111-NQ/TU', '2021-06-11')!.type, 'Nghị quyết');
  });

  it('reads a Vietnamese Excel export: BOM, semicolons, CRLF, Vietnamese headers', () => {
    const text = '\ufeffSố;Ngày;Loại;Cơ quan ban hành;Trích yếu;Trạng thái\r\n20-KH/TU;09/6/2021;Kế hoạch;Tỉnh ủy;Về đào tạo, nâng cao chất lượng;Còn hiệu lực\r\n';
    const { index, problems } = parseIndexCsv(text, 'b.csv');
    assert.deepEqual(problems, []);
    const e = index.find('20-KH/TU', '2021-06-09')!;
    assert.equal(e.subject, 'Về đào tạo, nâng cao chất lượng');
    assert.equal(e.issuer, 'Tỉnh ủy');
    assert.equal(e.status, 'Còn hiệu lực');
  });

  it('accepts headers without diacritics and in any case', () => {
    const { index, problems } = parseIndexCsv('SO,NGAY,trich yeu\n109-NQ/TU,08/6/2021,x\n', 'c.csv');
    assert.deepEqual(problems, []);
    assert.ok(index.has('109-NQ/TU', '2021-06-08'));
  });

  it('reads quoted fields with commas, "" escapes and line breaks, keeping line numbers', () => {
    const text = [
      'number,date,subject',
      '109-NQ/TU,2021-06-08,"Về kiểm tra, giám sát ""và"" kỷ luật',
      'trong Đảng bộ tỉnh"',
      ',2021-06-11,thiếu số',
    ].join('\n');
    const { index, problems } = parseIndexCsv(text, 'd.csv');
    assert.equal(index.find('109-NQ/TU', '2021-06-08')!.subject, 'Về kiểm tra, giám sát "và" kỷ luật trong Đảng bộ tỉnh');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 4); // the row after the two-line record
    assert.equal(problems[0].column, 1);
  });

  it('reports an unterminated quote with its line, without throwing, and reads on', () => {
    const text = ['number;date;subject', '109-NQ/TU;08/6/2021;"Về kiểm tra', '111-NQ/TU;11/6/2021;Về chuyển đổi số'].join('\n');
    const { index, problems } = parseIndexCsv(text, 'e.csv');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 2);
    assert.match(problems[0].message.vi, /^Dòng 2: dấu nháy kép/);
    assert.ok(index.has('111-NQ/TU', '2021-06-11'));
    assert.ok(!index.has('109-NQ/TU', '2021-06-08'));
  });

  it('reports a header without a number column and a bad date', () => {
    assert.equal(parseIndexCsv('ngày,trích yếu\n08/6/2021,x\n', 'f.csv').problems[0].line, 1);
    const bad = parseIndexCsv('số,ngày\n109-NQ/TU,32/6/2021\n', 'g.csv');
    assert.equal(bad.index.size, 0);
    assert.equal(bad.problems[0].line, 2);
    assert.equal(bad.problems[0].column, 11);
  });
});

describe('loadIndexFile', () => {
  it('loads .json and .csv files', () => {
    const j = loadIndexFile(tmpFile('x.json', '[{"number":"109-NQ/TU","date":"2021-06-08"}]'));
    assert.deepEqual(j.problems, []);
    assert.equal(j.index.size, 1);
    const c = loadIndexFile(tmpFile('x.CSV', 'số;ngày\n109-NQ/TU;08/6/2021\n'));
    assert.deepEqual(c.problems, []);
    assert.equal(c.index.all()[0].source, path.join(tmp, 'x.CSV'));
  });

  it('reports a missing file', () => {
    const r = loadIndexFile(path.join(tmp, 'khong-co.json'));
    assert.equal(r.index.size, 0);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].message.vi, /Không tìm thấy/);
  });

  it('reports a binary file', () => {
    const r = loadIndexFile(tmpFile('bin.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01])));
    assert.equal(r.index.size, 0);
    assert.match(r.problems[0].message.en, /not plain text/);
  });

  it('reports a wrong extension and a directory', () => {
    assert.match(loadIndexFile(tmpFile('x.xlsx', 'abc')).problems[0].message.vi, /\.json hoặc \.csv/);
    fs.mkdirSync(path.join(tmp, 'dir.json'), { recursive: true });
    assert.equal(loadIndexFile(path.join(tmp, 'dir.json')).problems.length, 1);
  });

  it('reports a file over 5 MB', () => {
    const r = loadIndexFile(tmpFile('big.csv', Buffer.alloc(5 * 1024 * 1024 + 1, 0x41)));
    assert.match(r.problems[0].message.vi, /quá lớn/);
  });

  it('reads UTF-16 and Windows-1258 CSV exports', () => {
    const text = 'số,ngày,cơ quan ban hành\n109-NQ/TU,08/6/2021,Tỉnh ủy\n';
    const u16 = loadIndexFile(tmpFile('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
    assert.deepEqual(u16.problems, []);
    assert.equal(u16.index.find('109-NQ/TU', '2021-06-08')!.issuer, 'Tỉnh ủy');
    // "số" in Windows-1258: s, o with circumflex (0xF4), acute as combining mark (0xEC).
    const cp = loadIndexFile(tmpFile('cp.csv', Buffer.from([0x73, 0xf4, 0xec, 0x0a, 0x31, 0x30, 0x39, 0x2d, 0x4e, 0x51, 0x2f, 0x54, 0x55, 0x0a])));
    assert.equal(cp.index.size, 1);
    assert.match(cp.problems[0].message.vi, /Windows-1258/);
  });
});

// A sound file is read by a fast path (JSON.parse, records streamed) and
// anything to report by the positional reader: both must read files alike.
describe('index files read alike on the fast and the positional path', () => {
  const read = (r: { index: DirectiveIndex; problems: { line: number; message: { en: string } }[] }) => ({
    entries: r.index.all().map((e) => [e.number, e.date]),
    problems: r.problems.map((p) => [p.line, p.message.en]),
  });

  it('a field given under two names keeps the last one written, as the positional reader does', () => {
    // JSON.parse would keep "number" in its first place with its last value: 06 would win.
    const r = read(parseIndexJson('[{"number":"05-NQ/TW","so":"06-NQ/TW","number":"07-NQ/TW"}]', 'a.json'));
    assert.deepEqual(r, { entries: [['07-NQ/TW', null]], problems: [] });
  });

  it('a repeated "version" is checked each time it is given', () => {
    const r = read(parseIndexJson('{"version":2,"version":1,"entries":[{"number":"05-NQ/TW"}]}', 'a.json'));
    assert.deepEqual(r.entries, [['05-NQ/TW', null]]);
    assert.deepEqual(r.problems, [[1, 'Line 1: index version is not 1; reading anyway']]);
  });

  it('one bad entry among good ones is reported at its line and the rest still load', () => {
    const json = read(parseIndexJson('[{"number":"05-NQ/TW"},\n{"number":"06-NQ/TW","date":"31/2/2021"},\n{"number":"07-NQ/TW"}]', 'a.json'));
    assert.deepEqual(json.entries, [['05-NQ/TW', null], ['07-NQ/TW', null]]);
    assert.deepEqual(json.problems.map((p) => p[0]), [2]);
    const csv = read(parseIndexCsv('number,date\n05-NQ/TW,2021-06-08\n"06-NQ/TW,2021\n07-NQ/TW,31/2/2021\n08-NQ/TW,\n', 'a.csv'));
    assert.deepEqual(csv.entries, [['05-NQ/TW', '2021-06-08'], ['08-NQ/TW', null]]);
    assert.deepEqual(csv.problems.map((p) => p[0]), [3, 4]);
  });
});
