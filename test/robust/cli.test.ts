// The command line on files that are not plans or are too large: said per
// file, the other files still checked, no crash.

import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, SEEDS } from '../helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kehoach check on odd files (CLI)', function () {
  this.timeout(60_000);
  let tmp: string;
  const plan = path.join(ROOT, 'test', 'seeds', SEEDS.plan000);
  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is built (npm run build)');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-robust-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('skips a file over --max-file-size with one line for that file and checks the others', () => {
    const big = path.join(tmp, 'big.kh');
    fs.writeFileSync(big, 'KẾ HOẠCH\n' + 'Nội dung. '.repeat(20_000));
    const r = run('check', '--format', 'json', '--max-file-size', '0.1', big, plan);
    assert.equal(r.code, 1, r.stderr); // seed 000 has errors; the big file is only information
    const json = JSON.parse(r.stdout);
    assert.equal(json[0].file, big);
    assert.deepEqual(json[0].diagnostics.map((d: { code: string }) => d.code), ['unreadable-file']);
    assert.match(json[0].diagnostics[0].message, /quá lớn.*giới hạn 0\.1 MB/);
    assert.ok(json[1].diagnostics.length > 3);
    const text = run('check', '--max-file-size', '0.1', '--lang', 'en', big);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /big\.kh:1:1 {2}information {2}File too large .*not checked\. {2}unreadable-file/);
  });

  it('checks the same file under the default limit', () => {
    const big = path.join(tmp, 'big.kh');
    const r = run('check', '--format', 'json', big);
    assert.ok(!JSON.parse(r.stdout)[0].diagnostics.some((d: { code: string }) => d.code === 'unreadable-file'));
  });

  it('rejects a --max-file-size that is not a positive number', () => {
    for (const bad of ['0', '-1', 'abc']) {
      const r = run('check', '--max-file-size', bad, plan);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--max-file-size/);
    }
  });

  it('says nothing about an empty file or a file of whitespace', () => {
    const empty = path.join(tmp, 'empty.kh');
    const blank = path.join(tmp, 'blank.kh');
    fs.writeFileSync(empty, '');
    fs.writeFileSync(blank, ' \n\t\r\n   \n');
    const r = run('check', '--format', 'json', empty, blank);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout).map((f: { diagnostics: unknown[] }) => f.diagnostics.length), [0, 0]);
  });

  it('reads invalid UTF-8 without crashing and without a flood', () => {
    const bad = path.join(tmp, 'bad.kh');
    fs.writeFileSync(bad, Buffer.concat([Buffer.from('KẾ HOẠCH\n1. Việc '), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xfd, 0x80]), Buffer.from('\n')]));
    const r = run('check', '--format', 'json', bad);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.ok(JSON.parse(r.stdout)[0].diagnostics.length <= 3);
  });

  it('skips a binary file with a message and goes on', () => {
    const bin = path.join(tmp, 'image.kh');
    fs.writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const r = run('check', bin, plan);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /image\.kh:1:1 {2}information {2}Tệp không phải văn bản/);
    assert.match(r.stdout, /000_089bb949c9e0a859\.txt:\d+:\d+ {2}error/);
  });
});
