// The command line as a user runs it: dist/cli.js, exit codes, formats.

import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, SEEDS } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const seedPath = (name: string) => path.join('test', 'seeds', name);

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kehoach check (CLI)', () => {
  let tmp: string;
  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is built (npm run build)');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('starts with a shebang', () => {
    assert.match(fs.readFileSync(CLI, 'utf8'), /^#!\/usr\/bin\/env node/);
  });

  it('exits 1 on seed 000 and prints ESLint-like lines', () => {
    const r = run('check', seedPath(SEEDS.plan000));
    assert.equal(r.code, 1);
    assert.match(r.stdout, /000_089bb949c9e0a859\.txt:77:1 {2}error {2}Số mục 1\.2\.4 bị trùng.* {2}duplicate-section-number/);
  });

  it('exits 0 on seed 002 and the letter 001', () => {
    assert.equal(run('check', seedPath(SEEDS.plan002), seedPath(SEEDS.letter001)).code, 0);
  });

  it('prints exactly one JSON array with 0-based LSP ranges', () => {
    const r = run('check', '--format', 'json', seedPath(SEEDS.plan000), seedPath(SEEDS.plan002));
    const json = JSON.parse(r.stdout);
    assert.equal(json.length, 2);
    assert.equal(json[0].file, seedPath(SEEDS.plan000));
    const d = json[0].diagnostics.find((x: { severity: string }) => x.severity !== 'hint');
    assert.deepEqual(Object.keys(d).sort(), ['code', 'message', 'range', 'severity']);
    assert.equal(d.code, 'duplicate-section-number');
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.range, { start: { line: 76, character: 0 }, end: { line: 76, character: 5 } });
    // Every finding is listed with its severity, hints too; a citation's says its scope and outcome.
    const hints = json[1].diagnostics;
    assert.ok(hints.length > 0);
    for (const h of hints) {
      assert.equal(h.severity, 'hint');
      assert.equal(h.code, 'unknown-directive');
      assert.equal(h.outcome, 'unverifiable');
      assert.ok(h.citation.number && h.citation.scope, JSON.stringify(h));
    }
  });

  it('hides hints in text mode unless --hints, and reads the plan\'s locality from --locality', () => {
    const plan = path.join(tmp, 'local.kh');
    fs.writeFileSync(plan, 'KẾ HOẠCH\n\nThực hiện Nghị quyết số 109-NQ/TU ngày 08/6/2021 của Tỉnh ủy, Kế hoạch số 99-KH/TU ngày 01/02/2026;\n');
    const plain = run('check', plan);
    assert.equal(plain.code, 0);
    assert.doesNotMatch(plain.stdout, /unknown-directive/);
    const hinted = run('check', '--hints', plan);
    assert.match(hinted.stdout, /local\.kh:3:\d+ {2}hint {2}Nghị quyết số 109-NQ\/TU .*chưa rõ tỉnh/);
    // In Bắc Giang, 109-NQ/TU of 08/6/2021 is verified; 99-KH/TU stays unverifiable.
    const json = JSON.parse(run('check', '--format', 'json', '--locality', 'Bắc Giang', plan).stdout)[0].diagnostics;
    assert.deepEqual(json.map((d: { message: string }) => /số (\S+)/.exec(d.message)![1]), ['99-KH/TU']);
    assert.equal(json[0].citation.locality, 'Bắc Giang');
  });

  it('counts a CRLF as one line break', () => {
    const f = path.join(tmp, 'crlf.txt');
    fs.writeFileSync(f, fs.readFileSync(path.join(ROOT, seedPath(SEEDS.plan000)), 'utf8').replace(/\n/g, '\r\n'));
    const json = JSON.parse(run('check', '--format', 'json', f).stdout);
    assert.equal(json[0].diagnostics.find((d: { code: string }) => d.code === 'duplicate-section-number').range.start.line, 76);
  });

  it('turns rules off or down with --rule', () => {
    const r = run('check', '--rule', 'duplicate-section-number=off', '--rule', 'section-order=info', '--format', 'json', seedPath(SEEDS.plan000));
    assert.equal(r.code, 0);
    const codes = JSON.parse(r.stdout)[0].diagnostics.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`);
    assert.deepEqual(codes.filter((c: string) => !c.endsWith(':hint')), ['section-order:information', 'section-order:information']);
  });

  it('exits 2 with one line on usage errors', () => {
    for (const args of [[], ['lint', 'x'], ['check'], ['check', '--rule', 'nope=off', 'x'], ['check', '--rule', 'section-order=loud', 'x'], ['check', '--format', 'xml', 'x'], ['check', '--bogus', 'x']]) {
      const r = run(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr.split('\n')[0], /^kehoach: /);
      assert.equal(r.stdout, '');
    }
  });

  it('gives the same output, in input order, on worker threads (--jobs)', () => {
    // 120 plans, each with its duplicate number on a different line: enough
    // files for two workers (50 a worker at least), so the order is tested.
    const dir = path.join(tmp, 'many');
    fs.mkdirSync(dir);
    const base = fs.readFileSync(path.join(ROOT, seedPath(SEEDS.plan000)), 'utf8');
    for (let i = 0; i < 120; i++) fs.writeFileSync(path.join(dir, `p${String(i).padStart(3, '0')}.kh`), '\n'.repeat(i) + base);
    const one = run('check', '--jobs', '1', '--format', 'json', dir);
    const two = run('check', '--jobs', '2', '--format', 'json', dir);
    assert.equal(one.code, 1);
    assert.equal(two.code, 1);
    assert.equal(two.stdout, one.stdout);
    const json = JSON.parse(two.stdout);
    assert.equal(json.length, 120);
    json.forEach((r: { file: string; diagnostics: { code: string; range: { start: { line: number } } }[] }, i: number) => {
      assert.equal(path.basename(r.file), `p${String(i).padStart(3, '0')}.kh`);
      assert.equal(r.diagnostics.find((d) => d.code === 'duplicate-section-number')!.range.start.line, 76 + i);
    });
    for (const bad of ['0', '-1', 'two']) assert.equal(run('check', '--jobs', bad, dir).code, 2, bad);
  });

  it('exits 2 on a missing file', () => {
    const r = run('check', 'no/such/file.txt');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^kehoach: không đọc được "no\/such\/file\.txt": ENOENT/);
  });

  it('uses an extra index given with --index, and exits 2 on a broken one', () => {
    const plan = path.join(tmp, 'plan.kh');
    fs.writeFileSync(plan, 'KẾ HOẠCH\n\nCăn cứ Nghị quyết số 77-NQ/ĐU ngày 01/02/2026 của Đảng ủy;\n');
    const before = JSON.parse(run('check', '--format', 'json', plan).stdout);
    assert.deepEqual(before[0].diagnostics.map((d: { code: string }) => d.code), ['unknown-directive']);
    const index = path.join(tmp, 'extra.json');
    fs.writeFileSync(index, JSON.stringify({ version: 1, entries: [{ number: '77-NQ/ĐU', date: '2026-02-01', type: 'Nghị quyết' }] }));
    assert.deepEqual(JSON.parse(run('check', '--format', 'json', '--index', index, plan).stdout)[0].diagnostics, []);
    const broken = path.join(tmp, 'broken.json');
    fs.writeFileSync(broken, '{ "entries": [ { "number": "1-NQ/TU", } ');
    const r = run('check', '--index', broken, plan);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /broken\.json:1/);
  });

  it('reports a binary file as unreadable without crashing', () => {
    const bin = path.join(tmp, 'x.docx');
    fs.writeFileSync(bin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    const r = run('check', '--format', 'json', bin);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.stdout)[0].diagnostics[0].code, 'unreadable-file');
  });

  it('checks the plan files inside a directory', () => {
    fs.mkdirSync(path.join(tmp, 'dir'));
    fs.copyFileSync(path.join(ROOT, seedPath(SEEDS.plan000)), path.join(tmp, 'dir', 'a.txt'));
    fs.writeFileSync(path.join(tmp, 'dir', 'skip.bin'), 'x');
    const json = JSON.parse(run('check', '--format', 'json', path.join(tmp, 'dir')).stdout);
    assert.equal(json.length, 1);
    assert.equal(json[0].diagnostics.filter((d: { severity: string }) => d.severity !== 'hint').length, 4);
  });

  it('prints English messages with --lang en', () => {
    assert.match(run('check', '--lang', 'en', seedPath(SEEDS.plan000)).stdout, /Section number 1\.2\.4 is used twice/);
  });
});

describe('kehoach table (CLI)', () => {
  it('prints the assignment table of seed 000 as Markdown', () => {
    const r = run('table', seedPath(SEEDS.plan000));
    assert.equal(r.code, 0);
    assert.match(r.stdout, /\| 1\.1 \| Công tác tổ chức xây dựng Đảng \| Ban Tổ chức Đảng ủy \| Các ban, cơ quan của Đảng ủy, các đảng ủy cơ sở \| Hoàn thành trong quý II\/2026 \|/);
    assert.match(r.stdout, /\| 2\.2 \| .* \| Sở Nông nghiệp và Môi trường \|/);
  });
  it('prints CSV and JSON', () => {
    const csv = run('table', '--format', 'csv', seedPath(SEEDS.plan002)).stdout;
    assert.equal(csv.trim().split('\n').length, 6);
    const json = JSON.parse(run('table', '--format', 'json', seedPath(SEEDS.plan002)).stdout);
    assert.equal(json.length, 5);
    assert.equal(json[4].lead, 'Các phòng và Văn phòng thuộc Ban');
  });
  it('exits 2 without exactly one file', () => {
    assert.equal(run('table').code, 2);
  });
});
