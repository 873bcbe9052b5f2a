// The editor and the command line agree (issue 13): two workspace folders, each
// with its own `.kehoach/` (rule levels, an added label, a locality, an index
// file) and a nested folder with a `.kehoach/` of its own, hold the same real
// plans. The server (in-process, both folders open at once) and `kehoach check`
// (the built bundle, and its in-process entry) must give every file the same
// findings, and the two folders must differ where their configurations do.

import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { pathToFileURL } from 'url';
import { main } from '../../server/src/cli/main';
import { corpusPlan, fixture, seed, SEEDS } from '../helpers';
import { ROOT, SERVER, startServer, TestClient } from './lspClient';

interface Finding {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const LOCAL_PLAN = fixture('agreement/lead-label-local-citation.kh');
/** The same plans in every folder; a Markdown note that is no plan besides them. */
const FILES: Record<string, string> = {
  'seed-000.kh': seed(SEEDS.plan000),
  'seed-002.kh': seed(SEEDS.plan002),
  'qd844.txt': corpusPlan('qd844-ttg-ke-hoach-hanh-dong.txt'),
  'local.kh': LOCAL_PLAN,
  'notes.md': '# Ghi chú họp\n\nNhững việc cần làm trong tuần:\n\n1. Gọi điện cho Văn phòng.\n1. Gửi tài liệu.\n',
  'nested/seed-000.kh': seed(SEEDS.plan000),
  'nested/local.kh': LOCAL_PLAN,
};

/** Each folder's `.kehoach/` files, by path inside the folder. */
const CONFIGS: Record<'a' | 'b', Record<string, string>> = {
  a: {
    '.kehoach/config.json': [
      '{',
      '  // comments and trailing commas, as VS Code writes settings',
      '  "rules": { "section-order": "off", "missing-deadline": "warning", "unknown-directive": "information" },',
      '  "labels": { "lead": ["Đơn vị đầu mối"] },',
      '  "locality": "Tuyên Quang",',
      '}',
    ].join('\n'),
    '.kehoach/directives.json': JSON.stringify({
      version: 1,
      entries: [
        { number: '12-NQ/TU', date: '2026-03-02', type: 'Nghị quyết', issuer: 'Tỉnh ủy', subject: 'Về chuyển đổi số' },
        { number: '61-KH/TU', date: '2026-04-14', type: 'Kế hoạch', issuer: 'Ban Thường vụ Tỉnh ủy' },
      ],
    }),
    'nested/.kehoach/config.json': '{ "rules": { "duplicate-section-number": "off", "section-order": "error" } }',
  },
  b: {
    '.kehoach/config.json': '{ "rules": { "duplicate-section-number": "warning", "citation-date-mismatch": "error" }, "locality": "Bắc Ninh" }',
    '.kehoach/directives.csv': 'number,date,type,issuer\n12-NQ/TU,2026-03-05,Nghị quyết,Tỉnh ủy\n',
    'nested/.kehoach/config.json': '{ "rules": { "missing-lead-agency": "off" }, "labels": { "lead": ["Đơn vị đầu mối"] } }',
  },
};

const LSP_SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
const key = (d: Finding) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`;
const keys = (list: Finding[]) => list.map(key).sort();

function writeFolder(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

/** `kehoach check DIR --format json` as a map from file (relative to DIR) to findings. */
function byFile(dir: string, json: string): Map<string, Finding[]> {
  const results = JSON.parse(json) as { file: string; diagnostics: Finding[] }[];
  return new Map(results.map((r) => [path.relative(dir, path.resolve(r.file)), r.diagnostics]));
}

describe('editor and command line agree on a folder with .kehoach/ (two workspace folders, a nested configuration)', function () {
  this.timeout(60000);
  let tmp: string;
  const dirs: Record<'a' | 'b', string> = { a: '', b: '' };
  /** What each side found: folder → file → findings. */
  const server: Record<'a' | 'b', Map<string, Finding[]>> = { a: new Map(), b: new Map() };
  let client: TestClient;

  before(async () => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-agree-')));
    for (const name of ['a', 'b'] as const) {
      dirs[name] = path.join(tmp, `folder-${name}`);
      writeFolder(dirs[name], { ...FILES, ...CONFIGS[name] });
    }
    client = await startServer({ workspaceFolders: (['a', 'b'] as const).map((n) => ({ uri: pathToFileURL(dirs[n]).toString(), name: n })) });
    for (const name of ['a', 'b'] as const) {
      for (const rel of Object.keys(FILES)) {
        const uri = pathToFileURL(path.join(dirs[name], rel)).toString();
        const languageId = rel.endsWith('.kh') ? 'kehoach' : rel.endsWith('.md') ? 'markdown' : 'plaintext';
        client.open(uri, FILES[rel], languageId, 1);
        const published = await client.waitForDiagnostics(uri, (_d, v) => v === 1, 20000);
        server[name].set(rel, published.diagnostics.map((d) => ({ code: String(d.code), severity: LSP_SEVERITY[d.severity ?? 1], message: typeof d.message === 'string' ? d.message : d.message.value, range: d.range })));
      }
    }
  });
  after(async () => {
    await client?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  for (const name of ['a', 'b'] as const) {
    it(`folder ${name}: dist/cli.js check gives each file the server's findings (code, range, severity, message)`, async () => {
      assert.ok(fs.existsSync(SERVER), 'dist/ is built (node esbuild.js)');
      const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', dirs[name], '--format', 'json'], { maxBuffer: 1 << 26 }).catch(
        (e: { stdout?: string; code?: number }) => (e.code === 1 && e.stdout ? { stdout: e.stdout } : Promise.reject(e)), // exit 1: errors found
      );
      assertAgree(server[name], byFile(dirs[name], stdout));
    });

    it(`folder ${name}: the command line's in-process entry gives the same`, async () => {
      const out: string[] = [];
      const code = await main(['check', dirs[name], '--format', 'json', '--jobs', '1'], (s) => out.push(s), () => undefined);
      assert.ok(code === 0 || code === 1, `exit ${code}`);
      assertAgree(server[name], byFile(dirs[name], out.join('\n')));
    });
  }

  /** Every file the server checked is in the CLI's output with the same findings (a file the editor does not check has none). */
  function assertAgree(editor: Map<string, Finding[]>, cli: Map<string, Finding[]>): void {
    for (const [rel, findings] of editor) assert.deepEqual(keys(cli.get(rel) ?? []), keys(findings), `${rel}: CLI (actual) and server (expected) differ`);
    for (const rel of cli.keys()) assert.ok(editor.has(rel), `the CLI checked ${rel}, which the test did not open`);
  }

  it('a note that is no plan is left out of a folder, as the editor leaves it; named on the command line, it is checked as asked', async () => {
    const out: string[] = [];
    await main(['check', path.join(dirs.b, 'notes.md'), '--format', 'json'], (s) => out.push(s), () => undefined);
    assert.deepEqual(byFile(dirs.b, out.join('\n')).get('notes.md')?.map((d) => d.code), ['duplicate-section-number', 'section-order']);
  });

  it('a .kehoach/ added in a subfolder while its plan is open takes over once the client reports the file', async () => {
    const plan = path.join(dirs.b, 'later', 'seed-000.kh');
    fs.mkdirSync(path.dirname(plan), { recursive: true });
    fs.writeFileSync(plan, FILES['seed-000.kh']);
    const uri = pathToFileURL(plan).toString();
    client.open(uri, FILES['seed-000.kh'], 'kehoach', 1);
    const before = await client.waitForDiagnostics(uri, (_d, v) => v === 1);
    assert.equal(before.diagnostics.filter((d) => d.code === 'duplicate-section-number').length, 2, "b's own configuration at first");
    const config = path.join(dirs.b, 'later', '.kehoach', 'config.json');
    fs.mkdirSync(path.dirname(config));
    fs.writeFileSync(config, '{ "rules": { "duplicate-section-number": "off" } }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).toString(), type: 1 }] });
    await client.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'duplicate-section-number') && d.some((x) => x.code === 'section-order'));
  });

  const codes = (name: 'a' | 'b', rel: string, code: string) => server[name].get(rel)!.filter((d) => d.code === code);

  it('the folders differ where their configurations do: levels, a rule off, the added label, the index file, the locality', () => {
    // Levels: duplicate-section-number error in a, warning in b; section-order off in a.
    assert.deepEqual(codes('a', 'seed-000.kh', 'duplicate-section-number').map((d) => d.severity), ['error', 'error']);
    assert.deepEqual(codes('b', 'seed-000.kh', 'duplicate-section-number').map((d) => d.severity), ['warning', 'warning']);
    assert.equal(codes('a', 'seed-000.kh', 'section-order').length, 0);
    assert.equal(codes('b', 'seed-000.kh', 'section-order').length, 2);
    assert.ok(codes('a', 'seed-000.kh', 'unknown-directive').every((d) => d.severity === 'information'));
    assert.ok(codes('b', 'seed-000.kh', 'unknown-directive').every((d) => d.severity === 'hint'));
    // The label "Đơn vị đầu mối:" names the lead agency in a only.
    assert.equal(codes('a', 'local.kh', 'missing-lead-agency').length, 0);
    assert.deepEqual(codes('b', 'local.kh', 'missing-lead-agency').map((d) => d.range.start.line), [18, 22]);
    // The local resolution 12-NQ/TU: verified by a's index (same date), contradicted by b's CSV (at b's level error).
    assert.equal(codes('a', 'local.kh', 'citation-date-mismatch').length, 0);
    assert.equal(codes('a', 'local.kh', 'unknown-directive').length, 0);
    assert.ok(codes('b', 'local.kh', 'citation-date-mismatch').length >= 1);
    assert.ok(codes('b', 'local.kh', 'citation-date-mismatch').every((d) => d.severity === 'error' && /5\/3\/2026|05\/03\/2026/.test(d.message)));
    // Seed 002's 61-KH/TU of the Tỉnh ủy: a's locality places it, a's index dates it 14/4.
    assert.equal(codes('a', 'seed-002.kh', 'citation-date-mismatch').length, 1);
    assert.equal(codes('b', 'seed-002.kh', 'citation-date-mismatch').length, 0);
    // A plan with no finding in either, and a note that is no plan: nothing.
    for (const name of ['a', 'b'] as const) {
      assert.deepEqual(server[name].get('qd844.txt')!.filter((d) => d.severity !== 'hint'), []);
      assert.deepEqual(server[name].get('notes.md'), []);
    }
  });

  it('the nearest .kehoach/ wins: a nested folder has its own levels and labels, not its parent\'s index', () => {
    assert.equal(codes('a', 'nested/seed-000.kh', 'duplicate-section-number').length, 0);
    assert.deepEqual(codes('a', 'nested/seed-000.kh', 'section-order').map((d) => d.severity), ['error', 'error']);
    // No locality and no index of a's in a/nested: the citation is one the index cannot check.
    assert.deepEqual(codes('a', 'nested/local.kh', 'unknown-directive').map((d) => d.severity), ['hint']);
    // b/nested turns missing-lead-agency off and reads the label: neither the rule nor b's CSV apply.
    assert.equal(codes('b', 'nested/local.kh', 'missing-lead-agency').length, 0);
    assert.equal(codes('b', 'nested/local.kh', 'citation-date-mismatch').length, 0);
  });
});
