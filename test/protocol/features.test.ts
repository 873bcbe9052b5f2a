// Editor features over stdio on seed 000 opened as `kehoach`: outline,
// folding, hover and completion, as VS Code asks for them.

import assert from 'node:assert/strict';
import * as fs from 'fs';
import type { CompletionList, DocumentSymbol, FoldingRange, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { seed, SEEDS } from '../helpers';
import { SERVER, startServer, TestClient } from './lspClient';

describe('language server: editor features over stdio', function () {
  this.timeout(30000);
  let client: TestClient;
  const uri = 'file:///tmp/kehoach-test/features-000.kh';
  const text = seed(SEEDS.plan000);

  before(async () => {
    assert.ok(fs.existsSync(SERVER), 'dist/server.js is built (node esbuild.js)');
    client = await startServer();
    client.open(uri, text, 'kehoach', 1);
    await client.waitForDiagnostics(uri, (_d, v) => v === 1);
  });
  after(async () => client?.close());

  const doc = { uri };

  it('outlines the plan: part II → group 1 → task 1.1 (Event) with its lead and deadline', async () => {
    const symbols: DocumentSymbol[] = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: doc });
    assert.deepEqual(symbols.map((s) => s.name), ['I- MỤC ĐÍCH, YÊU CẦU', 'II- NỘI DUNG VÀ GIẢI PHÁP KHẮC PHỤC', 'III- TỔ CHỨC THỰC HIỆN']);
    const task = symbols[1].children![0].children![0];
    assert.equal(task.name, '1.1. Công tác tổ chức xây dựng Đảng');
    assert.equal(task.kind, 24); // SymbolKind.Event
    assert.equal(task.detail, 'Chủ trì: Ban Tổ chức Đảng ủy · Thời gian: Hoàn thành trong quý II/2026');
    assert.equal(task.children![2].kind, 8); // SymbolKind.Field
    assert.deepEqual(task.selectionRange, { start: { line: 22, character: 0 }, end: { line: 22, character: 35 } });
  });

  it('folds parts, tasks and Nơi nhận', async () => {
    const folds: FoldingRange[] = await client.connection.sendRequest('textDocument/foldingRange', { textDocument: doc });
    const has = (s: number, e: number) => folds.some((f) => f.startLine === s && f.endLine === e);
    assert.ok(has(16, 214) && has(22, 38) && has(226, 236));
  });

  it('hovers a citation with its trích yếu, and a task heading with its lead', async () => {
    const line = text.split('\n')[66];
    const character = line.indexOf('05-NQ/TW') + 2;
    const h: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: doc, position: { line: 66, character } });
    assert.equal((h.contents as MarkupContent).kind, 'markdown');
    assert.match((h.contents as MarkupContent).value, /Trích yếu: Về đổi mới, nâng cao hiệu lực công tác kiểm tra/);
    const t: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: doc, position: { line: 22, character: 10 } });
    assert.match((t.contents as MarkupContent).value, /Chủ trì: Ban Tổ chức Đảng ủy/);
    const none = await client.connection.sendRequest('textDocument/hover', { textDocument: doc, position: { line: 18, character: 3 } });
    assert.equal(none, null);
  });

  it('completes documents after `Nghị quyết số 11` and the next task after 1.4', async () => {
    // Line 103 (blank) becomes a line being typed.
    client.change(uri, 2, [{ range: { start: { line: 103, character: 0 }, end: { line: 103, character: 0 } }, text: 'Thực hiện Nghị quyết số 11' }]);
    const docs: CompletionList = await client.connection.sendRequest('textDocument/completion', { textDocument: doc, position: { line: 103, character: 26 } });
    const nq = docs.items.find((i) => i.filterText === '111-NQ/TU')!;
    // Seed 000 names no province: a local document's insert names its own (Bắc Giang).
    assert.equal((nq.textEdit as { newText: string }).newText, '111-NQ/TU ngày 11/6/2021 của Tỉnh ủy Bắc Giang');
    assert.ok(docs.items.every((i) => i.filterText!.startsWith('11')));

    client.change(uri, 3, [{ range: { start: { line: 103, character: 0 }, end: { line: 103, character: 26 } }, text: '' }]);
    const next: CompletionList = await client.connection.sendRequest('textDocument/completion', { textDocument: doc, position: { line: 103, character: 0 } });
    assert.deepEqual(next.items.map((i) => i.label), ['1.5.']);
    assert.equal(next.items[0].insertTextFormat, 2); // snippet
    assert.match((next.items[0].textEdit as { newText: string }).newText, /^1\.5\. \$\{1:…\}\n\n1\.5\.1\. Nội dung cần khắc phục:/);
  });

  it('leaves a plain-text letter alone', async () => {
    const letter = 'file:///tmp/kehoach-test/letter-001.txt';
    client.open(letter, seed(SEEDS.letter001), 'plaintext', 1);
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: letter } });
    assert.equal(symbols, null);
  });
});
