// The language server over stdio, as an editor drives it: open, type, see
// diagnostics come and go, with versions, never stale.

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { seed, SEEDS } from '../helpers';
import { SERVER, startServer, TestClient } from './lspClient';

describe('language server: diagnostics over stdio', function () {
  this.timeout(30000);
  let client: TestClient;
  const uri = 'file:///tmp/kehoach-test/ke-hoach-000.kh';

  before(async () => {
    assert.ok(fs.existsSync(SERVER), 'dist/server.js is built (npm run build)');
    client = await startServer({ spawn: true }); // the one smoke test of the built dist/server.js over stdio
  });
  after(async () => client?.close());

  it('publishes the two duplicates of seed 000 on open, then drops them when fixed', async () => {
    const text = seed(SEEDS.plan000);
    client.open(uri, text, 'kehoach', 1);
    const first = await client.waitForDiagnostics(uri, (_d, v) => v === 1);
    const dups = first.diagnostics.filter((d) => d.code === 'duplicate-section-number');
    assert.deepEqual(dups.map((d) => d.range.start.line), [76, 78]);
    assert.equal(dups[0].source, 'kehoach');
    assert.equal(dups[0].relatedInformation?.[0].location.range.start.line, 54);
    assert.match(String(dups[0].codeDescription?.href), /docs\/rules\/duplicate-section-number\.md$/);
    assert.match(String(dups[0].message), /bị trùng/);

    // Fix 1.2.4 → 1.3.4 and 1.2.5 → 1.3.5 with two incremental edits.
    client.change(uri, 2, [{ range: { start: { line: 76, character: 0 }, end: { line: 76, character: 5 } }, text: '1.3.4' }]);
    client.change(uri, 3, [{ range: { start: { line: 78, character: 0 }, end: { line: 78, character: 5 } }, text: '1.3.5' }]);
    const fixed = await client.waitForDiagnostics(uri, (_d, v) => v === 3);
    assert.deepEqual(fixed.diagnostics, []);
    // Nothing older than version 3 was published after it.
    const afterFix = client.published.filter((p) => p.uri === uri);
    assert.equal(afterFix[afterFix.length - 1].version, 3);
  });

  it('keeps up with fast typing: the last version wins', async () => {
    const u = 'file:///tmp/kehoach-test/typing.kh';
    client.open(u, 'KẾ HOẠCH\n\nII- NỘI DUNG\n\n1. Nhiệm vụ\n', 'kehoach', 1);
    await client.waitForDiagnostics(u, (_d, v) => v === 1);
    const line = '- Cơ quan chủ trì: Sở Nội vụ.\n- Thời gian thực hiện: Thực hiện thường xuyên.\n';
    let pos = { line: 5, character: 0 };
    for (let i = 0; i < line.length; i++) {
      client.change(u, i + 2, [{ range: { start: pos, end: pos }, text: line[i] }]);
      pos = line[i] === '\n' ? { line: pos.line + 1, character: 0 } : { line: pos.line, character: pos.character + 1 };
    }
    const last = line.length + 1;
    const done = await client.waitForDiagnostics(u, (_d, v) => v === last);
    assert.deepEqual(done.diagnostics, []);
    const versions = client.published.filter((p) => p.uri === u).map((p) => p.version ?? 0);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions, 'versions never go backwards');
    assert.ok(versions.length < line.length, 'typing is debounced');
  });

  it('checks Markdown only when it looks like a plan', async () => {
    const plan = 'file:///tmp/kehoach-test/plan.md';
    const notes = 'file:///tmp/kehoach-test/notes.md';
    client.open(plan, '# KẾ HOẠCH\n\n## II. NHIỆM VỤ\n\n### 1. Việc một\n\n### 1. Việc hai\n', 'markdown');
    client.open(notes, '# Ghi chép\n\n1. một\n\n1. hai\n', 'markdown');
    const p = await client.waitForDiagnostics(plan);
    assert.ok(p.diagnostics.some((d) => d.code === 'duplicate-section-number'));
    const n = await client.waitForDiagnostics(notes);
    assert.deepEqual(n.diagnostics, []);
  });

  it('stays up on binary and garbage input', async () => {
    const u = 'file:///tmp/kehoach-test/garbage.kh';
    client.open(u, '\u0000\u0001PK\u0003\u0004' + 'x'.repeat(1000), 'kehoach');
    const d = await client.waitForDiagnostics(u);
    assert.equal(d.diagnostics[0].code, 'unreadable-file');
    const u2 = 'file:///tmp/kehoach-test/table.md';
    client.open(u2, 'KẾ HOẠCH\n\n| TT | Nhiệm vụ | Cơ quan chủ trì\n| 1.1 | a \\| b | c | d | e\n|', 'markdown');
    const d2 = await client.waitForDiagnostics(u2);
    assert.ok(d2.diagnostics.some((x) => x.code === 'malformed-table'));
  });
});

describe('language server: workspace index files', function () {
  this.timeout(30000);
  let client: TestClient;
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-ws-'));
    fs.mkdirSync(path.join(dir, '.kehoach'));
  });
  after(async () => {
    await client?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads .kehoach/directives.json, reports a broken one and keeps the bundled index working', async () => {
    const indexFile = path.join(dir, '.kehoach', 'directives.json');
    fs.writeFileSync(indexFile, '{ "entries": [ { "date": "2026-02-01" }, ');
    client = await startServer({ rootUri: pathToFileURL(dir).toString() });
    const indexUri = pathToFileURL(indexFile).toString();
    const problems = await client.waitForDiagnostics(indexUri, (d) => d.length > 0);
    assert.equal(problems.diagnostics[0].code, 'index-file');
    const planUri = pathToFileURL(path.join(dir, 'plan.kh')).toString();
    client.open(planUri, 'KẾ HOẠCH\n\nCăn cứ Nghị quyết số 77-NQ/ĐU ngày 01/02/2026;\nCăn cứ Nghị quyết số 111-NQ/TU ngày 11/6/2021.\n');
    const before = await client.waitForDiagnostics(planUri);
    assert.deepEqual(before.diagnostics.map((d) => d.code), ['unknown-directive']);

    // Repair the file and tell the server, as the client's watcher does.
    fs.writeFileSync(indexFile, JSON.stringify({ version: 1, entries: [{ number: '77-NQ/ĐU', date: '2026-02-01', type: 'Nghị quyết' }] }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: indexUri, type: 2 }] });
    await client.waitForDiagnostics(planUri, (d) => d.length === 0);
    await client.waitForDiagnostics(indexUri, (d) => d.length === 0);
    assert.ok(client.logs.some((l) => /directives\.json:1/.test(l)), 'the problem is logged to the output channel');
  });
});
