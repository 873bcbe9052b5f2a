// `kehoach check` on Word files, as a user runs it: dist/cli.js.

import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, seed, SEEDS, FORM_OFF_ARGS } from '../helpers';
import { docxOfLines } from './build';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(...args: string[]) {
  return runWith({}, ...args);
}

function runWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kehoach check on .docx (CLI)', function () {
  this.timeout(60_000);
  let tmp: string;
  let plan: string;
  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is built (npm run build)');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-docx-cli-'));
    plan = path.join(tmp, 'ke-hoach.docx');
    fs.writeFileSync(plan, docxOfLines(seed(SEEDS.plan000)));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints each finding with its paragraph and a quoted fragment', () => {
    const r = run('check', plan);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.split('\n').filter((l) => l.includes('ke-hoach.docx'));
    assert.equal(lines.length, 4);
    assert.match(lines[0], /ke-hoach\.docx \(đoạn 77\) {2}error {2}Số mục 1\.2\.4 bị trùng.* {2}duplicate-section-number {2}«1\.2\.4\. Cơ quan phối hợp: /);
    assert.match(run('check', '--lang', 'en', plan).stdout, /ke-hoach\.docx \(paragraph 79\) {2}warning/);
  });

  it('gives the same locations in JSON', () => {
    const json = JSON.parse(run('check', '--format', 'json', plan).stdout);
    // JSON lists hints too (citations the index cannot vouch for): the defects are the others.
    json[0].diagnostics = json[0].diagnostics.filter((x: { severity: string }) => x.severity !== 'hint');
    const d = json[0].diagnostics[0];
    assert.deepEqual(d.location, { kind: 'paragraph', paragraph: 77, quote: d.location.quote });
    assert.match(d.location.quote, /^1\.2\.4\. Cơ quan phối hợp/);
    assert.deepEqual(json[0].diagnostics.map((x: { location: { paragraph: number } }) => x.location.paragraph), [77, 77, 79, 79]);
  });

  it('finds .docx files in a directory, without Word lock files', () => {
    fs.writeFileSync(path.join(tmp, '~$ke-hoach.docx'), 'lock');
    const json = JSON.parse(run('check', '--format', 'json', tmp).stdout);
    assert.deepEqual(json.map((f: { file: string }) => path.basename(f.file)), ['ke-hoach.docx']);
  });

  it('says a broken or fake .docx is not checked, and checks the other files', () => {
    const fake = path.join(tmp, 'fake.docx');
    fs.writeFileSync(fake, 'KẾ HOẠCH\n1. Việc');
    const cut = path.join(tmp, 'cut.docx');
    fs.writeFileSync(cut, fs.readFileSync(plan).subarray(0, 300));
    const r = run('check', '--format', 'json', fake, cut, plan);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(json[0].diagnostics.map((d: { code: string }) => d.code), ['unreadable-file']);
    assert.match(json[0].diagnostics[0].message, /không phải gói zip/);
    assert.match(json[1].diagnostics[0].message, /\.docx hỏng/);
    assert.equal(json[2].diagnostics.filter((d: { severity: string }) => d.severity !== 'hint').length, 4);
  });

  it('--annotate writes a commented copy and leaves the original as it was', () => {
    const before = fs.readFileSync(plan);
    const copy = path.join(tmp, 'ke-hoach.nhan-xet.docx');
    const r = run('check', '--annotate', copy, plan);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /đã ghi 4 nhận xét vào .*ke-hoach\.nhan-xet\.docx/);
    assert.ok(fs.readFileSync(plan).equals(before));
    assert.equal(JSON.parse(run('check', '--format', 'json', copy).stdout)[0].diagnostics.filter((d: { severity: string }) => d.severity !== 'hint').length, 4);
    assert.match(run('check', '--annotate', plan, plan).stderr, /không ghi đè tệp gốc/);
    assert.match(run('check', '--annotate', copy, plan, plan).stderr, /cần đúng một tệp/);
    const txt = path.join(tmp, 'plan.txt');
    fs.writeFileSync(txt, seed(SEEDS.plan000));
    assert.match(run('check', '--annotate', copy, txt).stderr, /chỉ dùng cho tệp Word/);
  });

  it('reads a .docx for kehoach table too', () => {
    const r = run('table', '--format', 'json', plan);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(JSON.parse(r.stdout).length > 5);
  });
});

describe('kehoach export and import (CLI)', function () {
  this.timeout(60_000);
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-docx-export-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('exports a plan to .docx beside it or to -o, and the export checks as the text does', () => {
    const plan = path.join(tmp, 'ke-hoach.kh');
    fs.writeFileSync(plan, seed(SEEDS.plan000));
    const r = run('export', plan);
    assert.equal(r.code, 0, r.stderr);
    const docx = path.join(tmp, 'ke-hoach.docx');
    assert.equal(r.stdout.trim(), docx);
    const json = JSON.parse(run('check', '--format', 'json', ...FORM_OFF_ARGS, docx).stdout);
    assert.deepEqual(json[0].diagnostics.filter((d: { severity: string }) => d.severity !== 'hint').map((d: { code: string }) => d.code), ['duplicate-section-number', 'section-order', 'duplicate-section-number', 'section-order']);
    const other = path.join(tmp, 'khac.docx');
    assert.equal(run('export', '--to', 'docx', '-o', other, plan).code, 0);
    assert.ok(fs.statSync(other).size > 5000);
  });

  it('refuses to write over its input, a Word file as input, and a second form flag', () => {
    const plan = path.join(tmp, 'a.kh');
    fs.writeFileSync(plan, seed(SEEDS.plan002));
    assert.match(run('export', '-o', plan, plan).stderr, /trùng tệp vào/);
    assert.equal(run('export', '--to', 'odt', plan).code, 2);
    assert.equal(run('export', '--party', '--state', plan).code, 2);
    run('export', plan);
    assert.match(run('export', path.join(tmp, 'a.docx')).stderr, /đã là tệp Word/);
  });

  it('says what to install when --to pdf finds no LibreOffice', () => {
    const plan = path.join(tmp, 'b.kh');
    fs.writeFileSync(plan, seed(SEEDS.plan002));
    const r = runWith({ KEHOACH_SOFFICE: path.join(tmp, 'no-soffice') }, 'export', '--to', 'pdf', plan);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Không tìm thấy LibreOffice.*libreoffice-writer-nogui/);
  });

  it('imports a .docx as text on stdout or into a .kh/.md file', () => {
    const docx = path.join(tmp, 'c.docx');
    fs.writeFileSync(docx, docxOfLines(seed(SEEDS.plan000)));
    const r = run('import', docx);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^KẾ HOẠCH$/m);
    const md = path.join(tmp, 'c.md');
    assert.equal(run('import', '-o', md, docx).code, 0);
    assert.equal(JSON.parse(run('check', '--format', 'json', md).stdout)[0].diagnostics.filter((d: { severity: string }) => d.severity !== 'hint').length, 4);
    assert.equal(run('import', '-o', path.join(tmp, 'c.pdf'), docx).code, 2);
    assert.match(run('import', md).stderr, /không phải tệp Word/);
  });
});

describe('kehoach export and import in the command table', () => {
  const { main } = require('../../server/src/cli/main');
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, (s: string) => out.push(s), (s: string) => err.push(s));
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  it('help lists them, and each has its own --help in both languages', async () => {
    const help = await run(['help']);
    assert.match(help.out, /kehoach export TỆP/);
    assert.match(help.out, /kehoach import TỆP\.docx/);
    assert.match((await run(['export', '--help', '--lang', 'en'])).out, /-o, --output OUT/);
    assert.match((await run(['import', '--help'])).out, /Mã thoát/);
  });
  it('a usage error is one line in the chosen language', async () => {
    const r = await run(['export', '--to', 'odt', 'x.kh', '--lang', 'en']);
    assert.deepStrictEqual([r.code, r.err], [2, 'kehoach: --to takes docx or pdf, not "odt" (see: kehoach export --help --lang en)']);
    const vi = await run(['import']);
    assert.deepStrictEqual([vi.code, vi.err], [2, 'kehoach: lệnh import cần đúng một tệp .docx (nhận 0) (xem: kehoach import --help)']);
  });
});
