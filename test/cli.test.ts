// The command line as a user runs it: dist/cli.js, exit codes, formats.

import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../server/src/cli/main';
import { ROOT, SEEDS } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const seedPath = (name: string) => path.join('test', 'seeds', name);

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same command line in this process (main() of server/src/cli/main.ts): for the many short calls. */
async function call(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, (s) => stdout.push(`${s}\n`), (s) => stderr.push(`${s}\n`));
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

describe('kehoach check (CLI)', () => {
  let tmp: string;
  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is built (npm run build)');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('says how many .md/.txt files of a folder it left out as no plan, and checks one when it is named', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'notes-'));
    fs.writeFileSync(path.join(dir, 'notes.md'), '# Ghi chú họp\n\n1. Gọi điện cho Văn phòng.\n1. Gửi tài liệu.\n');
    fs.copyFileSync(path.join(ROOT, seedPath(SEEDS.plan000)), path.join(dir, 'plan.txt'));
    const folder = await call('check', dir);
    assert.equal(folder.code, 1);
    assert.match(folder.stdout, /plan\.txt:77:1/);
    assert.doesNotMatch(folder.stdout, /notes\.md/);
    assert.match(folder.stderr, /bỏ qua 1 tệp \.md\/\.txt trong thư mục không có dạng một kế hoạch/);
    assert.match((await call('check', dir, '--lang', 'en')).stderr, /left out 1 \.md\/\.txt file in the folders that does not look like a plan/);
    const json = await call('check', dir, '--format', 'json');
    assert.equal(json.stderr, '', 'JSON output says nothing more');
    const named = await call('check', path.join(dir, 'notes.md'));
    assert.match(named.stdout, /notes\.md:4:1/);
    assert.doesNotMatch(named.stderr, /bỏ qua/);
  });

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

  it('says a missing file is not found, still checks the others, and exits 2 at the end', () => {
    const vi = run('check', 'no/such/file.txt', seedPath(SEEDS.plan000));
    assert.equal(vi.code, 2);
    assert.equal(vi.stderr, 'kehoach: không tìm thấy tệp "no/such/file.txt"\n');
    assert.match(vi.stdout, /000_089bb949c9e0a859\.txt:77:1 {2}error/);
    assert.match(vi.stdout, /trong 1 tệp\n$/);
    const en = run('check', '--lang', 'en', '--format', 'json', seedPath(SEEDS.plan002), 'no/such/file.txt');
    assert.equal(en.code, 2);
    assert.equal(en.stderr, 'kehoach: file not found: "no/such/file.txt"\n');
    assert.deepEqual(JSON.parse(en.stdout).map((r: { file: string }) => r.file), [seedPath(SEEDS.plan002)]);
  });

  it('says an unreadable file cannot be read, in the language asked', function () {
    if (process.getuid?.() === 0) {
      // root reads every file: a directory given where a file is expected stands in for it.
      const vi = run('table', 'test');
      assert.equal(vi.code, 2);
      assert.equal(vi.stderr, 'kehoach: "test" là thư mục, không phải tệp\n');
      assert.equal(run('table', '--lang', 'en', 'test').stderr, 'kehoach: "test" is a directory, not a file\n');
      return;
    }
    const locked = path.join(tmp, 'locked.kh');
    fs.writeFileSync(locked, 'KẾ HOẠCH\n');
    fs.chmodSync(locked, 0);
    assert.match(run('check', locked).stderr, /^kehoach: không có quyền đọc tệp /);
    assert.match(run('check', '--lang', 'en', locked).stderr, /^kehoach: no permission to read /);
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

  it('says "1 file" and "1 problem" in English, and plurals above one', () => {
    assert.match(run('check', '--lang', 'en', seedPath(SEEDS.plan002)).stdout, /^✔ No problems in 1 file\n$/);
    assert.match(run('check', '--lang', 'en', seedPath(SEEDS.plan002), seedPath(SEEDS.letter001)).stdout, /in 2 files\n$/);
    const one = path.join(tmp, 'one.kh');
    fs.writeFileSync(one, 'KẾ HOẠCH\n\nCăn cứ Nghị quyết số 77-NQ/ĐU ngày 31/4/2026 của Đảng ủy;\n');
    assert.match(run('check', '--lang', 'en', one).stdout, /✖ 1 problem \(0 errors, 1 warning, 0 infos\) in 1 file\n$/);
    assert.match(run('check', seedPath(SEEDS.plan000)).stdout, /✖ 4 vấn đề \(2 lỗi, 2 cảnh báo, 0 thông tin\) trong 1 tệp\n$/);
  });
});

describe('kehoach help, --version and usage errors (CLI)', () => {
  it('exits 2 with one line on stderr from dist/cli.js too', () => {
    const r = run('check', '--bogus', 'x');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'kehoach: lệnh check không có tùy chọn --bogus (xem: kehoach check --help)\n');
  });

  it('prints the version of package.json (dist/cli.js)', () => {
    const r = run('--version');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `kehoach ${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`);
  });

  it('lists the commands with kehoach help, in the language asked', async () => {
    const vi = await call('help');
    assert.equal(vi.code, 0);
    assert.match(vi.stdout, /Cách dùng: kehoach LỆNH/);
    assert.match(vi.stdout, /kehoach check TỆP\|THƯ_MỤC… +kiểm tra kế hoạch/);
    assert.match(vi.stdout, /kehoach --version +in phiên bản/);
    const en = await call('help', '--lang', 'en');
    assert.match(en.stdout, /Usage: kehoach COMMAND/);
    assert.match(en.stdout, /kehoach table FILE +prints a plan's assignment table/);
    assert.equal((await call('--help')).stdout, vi.stdout);
  });

  it('prints each option and the exit codes with check --help and table --help', async () => {
    const check = await call('check', '--help');
    assert.equal(check.code, 0);
    assert.equal(check.stderr, '');
    for (const option of ['--format text|json', '--index FILE', '--rule ID=LEVEL', '--max-file-size MB', '--jobs N', '--lang vi|en', '--help']) assert.ok(check.stdout.includes(option), option);
    assert.match(check.stdout, /Mã thoát:\n {2}0 {2}không có lỗi[^\n]*\n {2}1 [^\n]*\n {2}2 {2}sai cách gọi/);
    const en = await call('check', '--help', '--lang', 'en');
    assert.match(en.stdout, /^Usage: kehoach check \[options\] FILE\|DIR…/);
    assert.match(en.stdout, /Exit codes:\n {2}0 {2}no finding of level error/);
    assert.equal((await call('help', 'check', '--lang', 'en')).stdout, en.stdout);
    const table = await call('table', '--help', '--lang', 'en');
    assert.equal(table.code, 0);
    assert.match(table.stdout, /--format md\|csv\|json/);
    assert.match(table.stdout, /Exit codes:\n {2}0 {2}the table was printed\n {2}2 /);
    assert.match((await call('table', '--help')).stdout, /Mã thoát:\n {2}0 {2}đã in bảng/);
  });

  // Each mistake: exit 2, nothing on stdout, exactly one line on stderr, in Vietnamese and in English.
  const mistakes: [args: string[], vi: RegExp, en: RegExp][] = [
    [[], /^kehoach: thiếu lệnh \(check, table, export, import, help\) \(xem: kehoach --help\)$/, /^kehoach: no command given \(check, table, export, import, help\) \(see: kehoach --help --lang en\)$/],
    [['lint', 'x'], /^kehoach: không có lệnh "lint"/, /^kehoach: no command "lint" \(commands: check, table, export, import, help\)/],
    [['check'], /^kehoach: chưa chỉ ra tệp cần kiểm tra \(xem: kehoach check --help\)$/, /^kehoach: no file to check given/],
    [['check', '--bogus', 'x'], /^kehoach: lệnh check không có tùy chọn --bogus \(xem: kehoach check --help\)$/, /^kehoach: check has no option --bogus \(see: kehoach check --help --lang en\)$/],
    [['check', '--format'], /^kehoach: --format cần một giá trị \(text\|json\)/, /^kehoach: --format needs a value \(text\|json\)/],
    [['check', '--format', 'xml', 'x'], /^kehoach: --format nhận text hoặc json, không nhận "xml"/, /^kehoach: --format takes text or json, not "xml"/],
    [['check', '--rule', 'nope=off', 'x'], /^kehoach: không có quy tắc "nope"/, /^kehoach: no rule "nope"/],
    [['check', '--rule', 'section-order=loud', 'x'], /^kehoach: mức "loud" không hợp lệ cho section-order/, /^kehoach: "loud" is not a level for section-order/],
    [['check', '--rule', 'section-order', 'x'], /^kehoach: --rule cần dạng ID=LEVEL/, /^kehoach: --rule takes ID=LEVEL/],
    [['check', '--jobs', 'two', 'x'], /^kehoach: --jobs cần một số nguyên dương, nhận được "two"/, /^kehoach: --jobs takes a positive whole number, not "two"/],
    [['check', '--max-file-size', '-1', 'x'], /^kehoach: --max-file-size cần một số MB dương, nhận được "-1"/, /^kehoach: --max-file-size takes a positive number of MB, not "-1"/],
    [['check', '--max-file-size=abc', 'x'], /^kehoach: --max-file-size cần một số MB dương, nhận được "abc"/, /^kehoach: --max-file-size takes a positive number of MB, not "abc"/],
    [['check', '--index', 'no/such.json', 'x'], /^kehoach: không tìm thấy tệp "no\/such\.json"$/, /^kehoach: file not found: "no\/such\.json"$/],
    [['table'], /^kehoach: lệnh table cần đúng một tệp \(nhận 0\)/, /^kehoach: table takes exactly one file \(got 0\)/],
    [['table', '--format', 'pdf', 'x'], /^kehoach: --format nhận md, csv hoặc json, không nhận "pdf"/, /^kehoach: --format takes md, csv or json, not "pdf"/],
    [['table', 'no/such.kh'], /^kehoach: không tìm thấy tệp "no\/such\.kh"$/, /^kehoach: file not found: "no\/such\.kh"$/],
    [['help', 'lint'], /^kehoach: không có lệnh "lint"/, /^kehoach: no command "lint"/],
  ];
  for (const [args, vi, en] of mistakes) {
    it(`kehoach ${args.join(' ') || '(nothing)'}: one line, exit 2, in both languages`, async () => {
      for (const [lang, expected] of [[[], vi], [['--lang', 'en'], en]] as const) {
        const r = await call(...args, ...lang);
        assert.equal(r.code, 2, `${args.join(' ')} ${lang.join(' ')}`);
        assert.equal(r.stdout, '');
        const lines = r.stderr.split('\n').filter(Boolean);
        assert.equal(lines.length, 1, r.stderr);
        assert.match(lines[0], expected);
        assert.doesNotMatch(lines[0], /argument|ambiguous|ERR_|TypeError|Unknown option/);
      }
    });
  }

  it('refuses an unknown --lang in both languages', async () => {
    for (const args of [['check', '--lang', 'fr', 'x'], ['--lang=fr', 'help'], ['table', '--lang', '', 'x']]) {
      const r = await call(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^kehoach: --lang nhận vi hoặc en, không nhận .* \/ --lang takes vi or en, not .*\n$/);
    }
  });

  it('names --max-file-size, not the editor setting, when a file is too large', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-cli-size-'));
    try {
      const big = path.join(tmp, 'big.kh');
      fs.writeFileSync(big, 'KẾ HOẠCH\n' + 'Nội dung. '.repeat(20_000));
      const vi = (await call('check', '--max-file-size', '0.1', big)).stdout;
      assert.match(vi, /giới hạn 0\.1 MB theo tùy chọn --max-file-size\)/);
      assert.doesNotMatch(vi, /kehoach\.maxFileSize/);
      assert.match((await call('check', '--max-file-size', '0.1', '--lang', 'en', big)).stdout, /limit 0\.1 MB set by --max-file-size\)/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
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
