// Quick fixes over stdio, as an editor applies them: ask for the actions of a
// diagnostic, apply the returned WorkspaceEdit locally, send it back as a
// didChange (or a watched-file change for the index file), and see the
// diagnostics go.

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/fixes';
import { seed, SEEDS } from '../helpers';
import { SERVER, startServer, TestClient } from './lspClient';

/** The text edits of a WorkspaceEdit for one document, in either form. */
function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.changes?.[uri]) return edit.changes[uri];
  const out: TextEdit[] = [];
  for (const c of edit.documentChanges ?? []) {
    if ('textDocument' in c && c.textDocument.uri === uri) out.push(...(c.edits as TextEdit[]));
  }
  return out;
}

/** Edits as incremental didChange events: from the end of the text backwards, so positions hold. */
function asChanges(edits: TextEdit[]) {
  return [...edits]
    .sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
    .map((e) => ({ range: e.range, text: e.newText }));
}

async function actions(client: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics, only },
  });
}

/** LSP DiagnosticSeverity.Hint: a citation the index cannot vouch for, no defect. */
const HINT = 4;

const PLAN = [
  'KẾ HOẠCH',
  'thực hiện chuyển đổi số năm 2026',
  '',
  'Căn cứ Nghị định số 301/2019/NĐ-CP ngày 14/9/2019 của Chính phủ;',
  '',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '',
  '1. Triển khai kịp thời.',
  '',
].join('\n');

describe('language server: quick fixes over stdio', function () {
  this.timeout(30000);

  before(() => assert.ok(fs.existsSync(SERVER), 'dist/server.js is built (npm run build)'));

  describe('numbering and generic actions', () => {
    let client: TestClient;
    before(async () => {
      client = await startServer();
    });
    after(async () => client?.close());

    it('renumbers part II of seed 000 in one WorkspaceEdit; after applying it the diagnostics are gone', async () => {
      const uri = 'file:///tmp/kehoach-fixes/ke-hoach-000.kh';
      client.open(uri, seed(SEEDS.plan000), 'kehoach', 1);
      const first = await client.waitForDiagnostics(uri, (_d, v) => v === 1);
      const dup = first.diagnostics.find((d) => d.code === 'duplicate-section-number' && d.range.start.line === 76)!;
      assert.ok(dup);
      const list = await actions(client, uri, [dup]);
      const titles = list.map((a) => a.title);
      assert.ok(titles.includes('Đánh số lại phần II'), titles.join(' | '));
      assert.ok(titles.includes('Sửa số mục 1.2.4 thành 1.3.4'));
      assert.ok(!titles.some((t) => t.startsWith('Bỏ qua')), 'no comment action outside Markdown');
      const disable = list.find((a) => a.title === 'Tắt quy tắc duplicate-section-number cho cả thư mục làm việc');
      assert.deepEqual(disable?.command, { title: 'Tắt quy tắc', command: 'kehoach.disableRule', arguments: ['duplicate-section-number'] });
      const doc = list.find((a) => a.title === 'Mở trang mô tả quy tắc duplicate-section-number');
      assert.deepEqual(doc?.command?.command, 'kehoach.openRuleDoc');
      assert.deepEqual(doc?.command?.arguments, ['duplicate-section-number']);

      const renumber = list.find((a) => a.title === 'Đánh số lại phần II')!;
      assert.equal(renumber.kind, 'quickfix');
      assert.equal(renumber.isPreferred, true);
      const edits = editsFor(renumber.edit!, uri);
      assert.deepEqual(edits.map((e) => e.newText), ['1.3.4', '1.3.5']);
      client.change(uri, 2, asChanges(edits));
      const fixed = await client.waitForDiagnostics(uri, (_d, v) => v === 2);
      assert.deepEqual(fixed.diagnostics.filter((x) => x.severity !== HINT), []);
    });

    it('a diagnostic whose data is stale or unreadable gets no fix, only the editor actions; the server goes on', async () => {
      const uri = 'file:///tmp/kehoach-fixes/ke-hoach-000-c.kh';
      client.open(uri, seed(SEEDS.plan000), 'kehoach', 1);
      const first = await client.waitForDiagnostics(uri, (_d, v) => v === 1);
      const dup = first.diagnostics.find((d) => d.code === 'duplicate-section-number' && d.range.start.line === 76)!;
      for (const data of [{ v: 99 }, 'garbage', { ...(dup.data as object), key: 'stale' }]) {
        const list = await actions(client, uri, [{ ...dup, data }]);
        assert.deepEqual(list.map((a) => a.command?.command), ['kehoach.disableRule', 'kehoach.openRuleDoc'], JSON.stringify(data));
      }
      const again = await actions(client, uri, [dup]);
      assert.ok(again.some((a) => a.title === 'Đánh số lại phần II'));
    });

    it('two diagnostics on one line share one renumbering action', async () => {
      const uri = 'file:///tmp/kehoach-fixes/ke-hoach-000-b.kh';
      client.open(uri, seed(SEEDS.plan000), 'kehoach', 1);
      const first = await client.waitForDiagnostics(uri, (_d, v) => v === 1);
      const onLine = first.diagnostics.filter((d) => d.range.start.line === 76);
      assert.equal(onLine.length, 2);
      const list = await actions(client, uri, onLine);
      const renumber = list.filter((a) => a.title === 'Đánh số lại phần II');
      assert.equal(renumber.length, 1);
      assert.equal(renumber[0].diagnostics?.length, 2);
    });

    it('Markdown drafts also get “Bỏ qua … ở dòng này”; source.fixAll renumbers', async () => {
      const uri = 'file:///tmp/kehoach-fixes/ke-hoach-000.md';
      const text = seed(SEEDS.plan000);
      client.open(uri, text, 'markdown', 1);
      const first = await client.waitForDiagnostics(uri, (_d, v) => v === 1);
      const dup = first.diagnostics.find((d) => d.code === 'duplicate-section-number' && d.range.start.line === 76)!;
      const list = await actions(client, uri, [dup]);
      const ignore = list.find((a) => a.title === 'Bỏ qua quy tắc duplicate-section-number ở dòng này');
      assert.ok(ignore);
      const out = applyEdits(text, editsFor(ignore.edit!, uri));
      assert.equal(out.split('\n')[76], '<!-- kehoach-disable-next-line duplicate-section-number -->');

      const all = await actions(client, uri, [], ['source.fixAll']);
      assert.deepEqual(all.map((a) => a.kind), ['source.fixAll.kehoach']);
      client.change(uri, 2, asChanges(editsFor(all[0].edit!, uri)));
      const fixed = await client.waitForDiagnostics(uri, (_d, v) => v === 2);
      assert.deepEqual(fixed.diagnostics.filter((x) => x.severity !== HINT), []);
      // Nothing to fix any more: no fix-all action.
      assert.deepEqual(await actions(client, uri, [], ['source.fixAll']), []);
    });
  });

  describe('add to the directive index', () => {
    let dir: string;
    let client: TestClient | undefined;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-index-'));
    });
    afterEach(async () => {
      await client?.close();
      client = undefined;
      fs.rmSync(dir, { recursive: true, force: true });
    });

    async function openPlan(mode?: 'apply' | 'refuse' | 'unsupported') {
      client = await startServer({ rootUri: pathToFileURL(dir).toString(), applyEdit: mode });
      const uri = pathToFileURL(path.join(dir, 'ke-hoach.kh')).toString();
      client.open(uri, PLAN, 'kehoach', 1);
      const first = await client.waitForDiagnostics(uri, (d, v) => v === 1 && d.some((x) => x.code === 'unknown-directive'));
      const d = first.diagnostics.find((x) => x.code === 'unknown-directive')!;
      const list = await actions(client, uri, [d]);
      const add = list.find((a) => a.title === 'Thêm Nghị định số 301/2019/NĐ-CP vào danh mục văn bản');
      assert.ok(add, list.map((a) => a.title).join(' | '));
      assert.equal(add.command?.command, 'kehoach.addToIndex');
      return { uri, add, client };
    }

    const indexFile = () => path.join(dir, '.kehoach', 'directives.json');

    it('sends a CreateFile + text WorkspaceEdit; once applied and the watcher reports it, the diagnostic goes', async () => {
      const { uri, add, client: c } = await openPlan('apply');
      await c.connection.sendRequest('workspace/executeCommand', add.command);
      assert.equal(c.applyEdits.length, 1);
      const applied = c.applyEdits[0] as { edit: WorkspaceEdit; metadata?: { isRefactoring?: boolean } };
      assert.deepEqual(applied.metadata, { isRefactoring: true });
      const changes = applied.edit.documentChanges!;
      const fileUri = pathToFileURL(indexFile()).toString();
      assert.deepEqual(changes[0], { kind: 'create', uri: fileUri, options: { ignoreIfExists: true } });
      // The server has not written the file itself.
      assert.equal(fs.existsSync(indexFile()), false);
      // Apply as the editor would, then report the change.
      fs.mkdirSync(path.dirname(indexFile()), { recursive: true });
      fs.writeFileSync(indexFile(), applyEdits('', editsFor(applied.edit, fileUri)));
      const written = JSON.parse(fs.readFileSync(indexFile(), 'utf8'));
      assert.deepEqual(written, { version: 1, entries: [{ number: '301/2019/NĐ-CP', type: 'Nghị định', date: '2019-09-14', issuer: 'Chính phủ' }] });
      await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 1 }] });
      const after = await c.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'unknown-directive'));
      assert.deepEqual(after.diagnostics.filter((x) => x.severity !== HINT), []);
    });

    it('appends to an existing file with a text edit only', async () => {
      fs.mkdirSync(path.dirname(indexFile()), { recursive: true });
      const before = '{\n  "version": 1,\n  "entries": [\n    { "number": "1-NQ/TU", "type": "Nghị quyết" }\n  ]\n}\n';
      fs.writeFileSync(indexFile(), before);
      const { uri, add, client: c } = await openPlan('apply');
      await c.connection.sendRequest('workspace/executeCommand', add.command);
      const edit = (c.applyEdits[0] as { edit: WorkspaceEdit }).edit;
      assert.equal(edit.documentChanges!.length, 1);
      const fileUri = pathToFileURL(indexFile()).toString();
      fs.writeFileSync(indexFile(), applyEdits(before, editsFor(edit, fileUri)));
      const written = JSON.parse(fs.readFileSync(indexFile(), 'utf8'));
      assert.equal(written.entries.length, 2);
      assert.ok(fs.readFileSync(indexFile(), 'utf8').includes('    { "number": "1-NQ/TU", "type": "Nghị quyết" },\n'));
      await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 2 }] });
      await c.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'unknown-directive'));
    });

    it('a client that cannot apply the edit: the server writes the file and reloads the index', async () => {
      const { uri, add, client: c } = await openPlan('unsupported');
      await c.connection.sendRequest('workspace/executeCommand', add.command);
      const written = JSON.parse(fs.readFileSync(indexFile(), 'utf8'));
      assert.equal(written.entries[0].number, '301/2019/NĐ-CP');
      await c.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'unknown-directive'));
      assert.ok(c.messages.some((m) => m.type === 3 && /Đã thêm Nghị định số 301\/2019\/NĐ-CP/.test(m.message)));
    });

    it('a broken index file is left alone and the drafter is told', async () => {
      fs.mkdirSync(path.dirname(indexFile()), { recursive: true });
      const broken = '{ "version": 1, "entries": [ { "number": "1-NQ/TU" ';
      fs.writeFileSync(indexFile(), broken);
      const { add, client: c } = await openPlan('apply');
      await c.connection.sendRequest('workspace/executeCommand', add.command);
      assert.equal(fs.readFileSync(indexFile(), 'utf8'), broken);
      assert.equal(c.applyEdits.length, 0);
      const error = c.messages.find((m) => m.type === 1);
      assert.match(error?.message ?? '', /có lỗi \(dòng 1/);
    });

    it('no workspace folder: no add-to-index action', async () => {
      client = await startServer();
      const uri = 'file:///tmp/kehoach-fixes/no-root.kh';
      client.open(uri, PLAN, 'kehoach', 1);
      const first = await client.waitForDiagnostics(uri, (d, v) => v === 1 && d.some((x) => x.code === 'unknown-directive'));
      const d = first.diagnostics.find((x) => x.code === 'unknown-directive')!;
      const list = await actions(client, uri, [d]);
      assert.ok(!list.some((a) => a.command?.command === 'kehoach.addToIndex'));
      assert.ok(list.some((a) => a.command?.command === 'kehoach.disableRule'));
    });
  });
});
