// The language server under stress over stdio: a thousand edits as fast as
// the protocol carries them, and files too large to check.

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/core/lint';
import { bundledIndex, seed, SEEDS } from '../helpers';
import { SERVER, startServer, TestClient } from './lspClient';

/** Resident memory of a process in MB (Linux /proc). */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/**
 * A deterministic edit: type a number or a citation, delete a line, add a
 * task line, so findings change as edits go while the size stays about the same.
 */
function editAt(doc: TextDocument, i: number): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const line = (i * 7919) % doc.lineCount;
  const start = { line, character: 0 };
  switch (i % 4) {
    case 0:
      return { range: { start, end: start }, text: `${(i % 9) + 1}.${(i % 5) + 1}. ` };
    case 1:
      return { range: { start, end: { line: line + 1, character: 0 } }, text: '' };
    case 2:
      return { range: { start, end: start }, text: `1.${i % 3}. Nhiệm vụ ${i}\n` };
    default:
      return { range: { start, end: start }, text: 'Nghị quyết số 109-NQ/TU ngày 08/6/2021 ' };
  }
}

describe('language server: 1,000 edits as fast as the protocol allows', function () {
  this.timeout(120_000);
  let client: TestClient;
  const uri = 'file:///tmp/kehoach-test/rapid.kh';
  let doc: TextDocument;
  let version = 1;

  before(async () => {
    assert.ok(fs.existsSync(SERVER), 'dist/server.js is built (npm run build)');
    client = await startServer({ spawn: true }); // memory is measured on the process
    doc = TextDocument.create(uri, 'kehoach', 1, seed(SEEDS.plan000));
    client.open(uri, doc.getText(), 'kehoach', 1);
    await client.waitForDiagnostics(uri, (_d, v) => v === 1);
  });
  after(async () => client?.close());

  /** Sends `count` edits without waiting, then waits for the final version's diagnostics. */
  async function burst(count: number) {
    for (let i = 0; i < count; i++) {
      const change = editAt(doc, version);
      version++;
      doc = TextDocument.update(doc, [change], version);
      client.change(uri, version, [change]);
    }
    return client.waitForDiagnostics(uri, (_d, v) => v === version, 60_000);
  }

  it('publishes the diagnostics of the final text, never a stale version, with bounded memory', async () => {
    const final1 = await burst(1000);
    // Let the server settle, then measure.
    await new Promise((r) => setTimeout(r, 300));
    const rssAfter1000 = rssMb(client.process!.pid!);

    // The diagnostics shown are those of a fresh analysis of the final text.
    const fresh = lint(doc.getText(), { index: bundledIndex() }).diagnostics;
    assert.deepEqual(
      final1.diagnostics.map((d) => [d.code, d.range, d.message]),
      fresh.map((d) => [d.code, d.range, d.message.vi]),
    );
    assert.ok(fresh.length > 10, 'the edits leave findings to compare');

    // Then in bursts with pauses around the server's debounce, so it publishes
    // while later versions are arriving: the race a stale publish would lose.
    for (let k = 0; k < 20; k++) {
      const pending = burst(100);
      await new Promise((r) => setTimeout(r, (k * 37) % 150));
      if (k % 5 === 4) await pending;
    }
    await client.waitForDiagnostics(uri, (_d, v) => v === version, 60_000);
    await new Promise((r) => setTimeout(r, 300));
    const rssAfter3000 = rssMb(client.process!.pid!);

    // Versions only ever grow, and the last one published is the final one.
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `version ${versions[i]} published after ${versions[i - 1]}`);
    assert.equal(versions[versions.length - 1], version);
    assert.equal(version, 3001);
    // Debounced: far fewer publishes than edits, but several during the bursts.
    assert.ok(versions.length < 300, `${versions.length} publishes`);
    assert.ok(versions.length >= 5, `${versions.length} publishes`);

    // Twice the edits on a similar text: memory stays within a generous margin
    // (a leak of one analysis per version would add hundreds of MB).
    assert.ok(rssAfter3000 < rssAfter1000 * 1.5 + 50, `RSS ${rssAfter1000.toFixed(0)} MB after 1,000 edits, ${rssAfter3000.toFixed(0)} MB after 3,000`);
    console.log(`      server RSS: ${rssAfter1000.toFixed(0)} MB after 1,000 edits, ${rssAfter3000.toFixed(0)} MB after 3,000; ${versions.length} publishes`);
  });
});

describe('language server: kehoach.maxFileSize', function () {
  this.timeout(30_000);
  let client: TestClient;
  const uri = 'file:///tmp/kehoach-test/big.kh';

  before(async () => {
    client = await startServer({ configuration: { maxFileSize: 0.05 } });
  });
  after(async () => client?.close());

  it('tells the user once, checks nothing, and checks again when the file shrinks', async () => {
    const big = seed(SEEDS.plan000).repeat(3); // ~90 KB, over 0.05 MB
    client.open(uri, big, 'kehoach', 1);
    const d1 = await client.waitForDiagnostics(uri, (_d, v) => v === 1);
    assert.deepEqual(d1.diagnostics.map((d) => d.code), ['unreadable-file']);
    assert.match(String(d1.diagnostics[0].message), /quá lớn.*kehoach\.maxFileSize/);
    // Typing in the big file does not repeat the message.
    client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await client.waitForDiagnostics(uri, (_d, v) => v === 2);
    const warnings = client.messages.filter((m) => m.type === 2 && /big\.kh/.test(m.message));
    assert.equal(warnings.length, 1, JSON.stringify(client.messages));
    assert.match(warnings[0].message, /quá lớn/);
    assert.ok(client.logs.some((l) => /big\.kh: Tệp quá lớn/.test(l)));
    // No editor feature analyses it either.
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols === null || (Array.isArray(symbols) && symbols.length === 0), JSON.stringify(symbols));
    // Cut down below the limit: checked again.
    client.change(uri, 3, [{ text: seed(SEEDS.plan000) }]);
    const d3 = await client.waitForDiagnostics(uri, (_d, v) => v === 3);
    assert.ok(d3.diagnostics.some((d) => d.code === 'duplicate-section-number'));
  });

  it('publishes nothing for an empty file or a file of whitespace', async () => {
    for (const [i, text] of ['', '   \n\n\t\n'].entries()) {
      const u = `file:///tmp/kehoach-test/blank-${i}.kh`;
      client.open(u, text, 'kehoach', 1);
      const d = await client.waitForDiagnostics(u, (_d, v) => v === 1);
      assert.deepEqual(d.diagnostics, []);
    }
  });
});

describe('language server: index files and workspace trust', function () {
  this.timeout(30_000);
  let dir: string;
  let client: TestClient | undefined;
  const plan = 'KẾ HOẠCH\n\nCăn cứ Nghị quyết số 77-NQ/ĐU ngày 01/02/2026.\n';
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-trust-')));
    fs.mkdirSync(path.join(dir, 'ws', '.kehoach'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'ws', '.kehoach', 'directives.json'), JSON.stringify([{ number: '77-NQ/ĐU', date: '2026-02-01' }]));
    fs.writeFileSync(path.join(dir, 'outside.json'), JSON.stringify([{ number: '78-NQ/ĐU', date: '2026-02-01' }]));
  });
  afterEach(async () => client?.close());
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a configured index file outside the workspace, once on screen and in the log', async () => {
    client = await startServer({ rootUri: pathToFileURL(path.join(dir, 'ws')).toString(), configuration: { index: { files: ['../outside.json'] } } });
    const uri = pathToFileURL(path.join(dir, 'ws', 'plan.kh')).toString();
    client.open(uri, plan + 'Căn cứ Nghị quyết số 78-NQ/ĐU ngày 01/02/2026.\n');
    const d = await client.waitForDiagnostics(uri);
    // 77 comes from the workspace file; 78 from the refused one stays unknown.
    assert.deepEqual(d.diagnostics.map((x) => [x.code, x.range.start.line]), [['unknown-directive', 3]]);
    assert.ok(client.logs.some((l) => /outside\.json.*nằm ngoài thư mục làm việc/.test(l)), client.logs.join('\n'));
    const shown = client.messages.filter((m) => /outside\.json/.test(m.message));
    assert.equal(shown.length, 1);
  });

  it('reads no workspace index file until the workspace is trusted', async () => {
    client = await startServer({ rootUri: pathToFileURL(path.join(dir, 'ws')).toString(), initializationOptions: { workspaceTrusted: false } });
    const uri = pathToFileURL(path.join(dir, 'ws', 'plan.kh')).toString();
    client.open(uri, plan);
    const before = await client.waitForDiagnostics(uri);
    assert.deepEqual(before.diagnostics.map((x) => x.code), ['unknown-directive']);
    assert.ok(client.logs.some((l) => /Restricted Mode/.test(l)));
    await client.connection.sendNotification('kehoach/workspaceTrusted');
    await client.waitForDiagnostics(uri, (x) => x.length === 0);
  });
});

describe('language server: kehoach/convertLegacyEncoding', function () {
  this.timeout(30_000);
  let client: TestClient;
  before(async () => {
    client = await startServer();
  });
  after(async () => client?.close());

  it('reports the run and returns the edits converting every run of the document', async () => {
    const uri = 'file:///tmp/kehoach-test/legacy.kh';
    const text = 'KẾ HOẠCH\nCăn cứ Uû ban nh©n d©n tØnh;\nThôøi gian thöïc hieän: Quý I/2026.\n';
    client.open(uri, text);
    const d = await client.waitForDiagnostics(uri);
    assert.deepEqual(d.diagnostics.map((x) => [x.code, x.range.start.line]), [['legacy-encoding', 1], ['legacy-encoding', 2]]);
    const actions = await client.connection.sendRequest<{ title: string; isPreferred?: boolean }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.diagnostics[0].range,
      context: { diagnostics: [d.diagnostics[0]] },
    });
    assert.equal(actions[0].title, 'Chuyển sang Unicode: "Ủy ban nhân dân tỉnh"');
    assert.equal(actions[0].isPreferred, true);
    const r = await client.connection.sendRequest<{ version: number; edits: { range: unknown; newText: string }[] }>('kehoach/convertLegacyEncoding', { uri });
    assert.equal(r.version, 1);
    assert.deepEqual(r.edits.map((e) => e.newText), ['Ủy ban nhân dân tỉnh', 'Thời gian thực hiện']);
    const none = await client.connection.sendRequest<{ edits: unknown[] }>('kehoach/convertLegacyEncoding', { uri: 'file:///not/open.kh' });
    assert.deepEqual(none.edits, []);
  });
});
