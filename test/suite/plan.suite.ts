// The extension in a real VS Code, asserted through the `vscode` API only:
// activation, diagnostics, outline, folding, hover, completion, snippet, quick
// fix, the assignment table and the grammar. Each test works on its own copy of
// seed 000 in the (initially empty) workspace, so none depends on another's edits.

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  codeOf,
  duplicateLines,
  extension,
  hoverText,
  kehoachDiagnostics,
  ROOT,
  SEED_000,
  seedText,
  waitForDiagnostics,
  waitForEvent,
  workspaceFile,
} from './helpers';

const PLAN = seedText(SEED_000);
/** Seed 000 repeats 1.2.4 and 1.2.5 inside 1.3 (lines 77 and 79). */
const DUPLICATES = [76, 78];
const hasDuplicates = (d: vscode.Diagnostic[]) => duplicateLines(d).join() === DUPLICATES.join();

/** Opens a fresh copy of seed 000 and waits for its first diagnostics. */
async function openPlan(name: string, text = PLAN): Promise<vscode.TextDocument> {
  const uri = await workspaceFile(name, text);
  const doc = await vscode.workspace.openTextDocument(uri);
  await waitForDiagnostics(uri, `the duplicates of ${name}`, hasDuplicates);
  return doc;
}

/**
 * Which extension runs (KEHOACH_SUITE_PASS, set by the runner): `vsix` is the packaged
 * one installed in the editor; anything else the development folder. The first plan
 * opened activates the extension: a .kh file for the VSIX (its cold start is the figure
 * kept in cold-start.json), a Markdown plan for the development folder, so each way of
 * activating is seen from cold once per run.
 */
/** Marks a failure of the window, not of the extension: the runner retries the pass once (test/e2e/suite.e2e.ts). */
const PRECONDITION = 'PRECONDITION NOT MET:';
const PASS = process.env.KEHOACH_SUITE_PASS === 'vsix' ? 'installed' : 'development';
const FIRST = PASS === 'installed' ? 'kehoach' : 'markdown';
const FILES = { kehoach: 'ke-hoach-000.kh', markdown: 'ke-hoach-000.md' } as const;
const SECOND = FIRST === 'markdown' ? 'kehoach' : 'markdown';

describe('Kế hoạch in VS Code', function () {
  describe(`activation (first a ${FIRST === 'kehoach' ? '.kh file' : 'Markdown plan'})`, () => {
    it(`activates on opening ${FILES[FIRST]} and publishes its diagnostics (cold start timed)`, async () => {
      const ext = extension();
      const fromRepository = path.relative(ROOT, ext.extensionPath) === '';
      assert.equal(fromRepository ? 'development' : 'installed', PASS, `the extension under test is the ${PASS} one (${ext.extensionPath})`);
      // VS Code now and then creates a plain-text model of its own at startup,
      // which activates the extension (onLanguage:plaintext) before any plan
      // is opened: the runner starts this pass again in a new window once.
      if (ext.isActive) console.error(`${PRECONDITION} the extension was active before any plan was opened (a document the workbench created at startup)`);
      assert.equal(ext.isActive, false, 'the extension is not active before a plan is opened (the workspace starts empty)');
      const uri = await workspaceFile(FILES[FIRST], PLAN);
      const opened = Date.now();
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.equal(doc.languageId, FIRST);
      const diagnostics = await waitForDiagnostics(uri, 'the first diagnostics', hasDuplicates, 60_000);
      const firstDiagnostics = Date.now();
      assert.equal(ext.isActive, true);
      assert.ok(diagnostics.length > 0);

      const api = ext.exports;
      const coldStartMs = firstDiagnostics - api.activatedAt;
      const result = {
        coldStartMs,
        openToDiagnosticsMs: firstDiagnostics - opened,
        vscodeVersion: vscode.version,
        date: new Date().toISOString(),
        extension: PASS,
        file: FILES[FIRST],
      };
      const out = path.join(ROOT, '.vscode-test', 'results', 'cold-start.json');
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
      console.log(`      cold start: ${coldStartMs} ms from activation to first diagnostics (${result.openToDiagnosticsMs} ms from opening), VS Code ${vscode.version}, ${result.extension} extension → ${path.relative(ROOT, out)}`);
    });

    it(`checks a ${SECOND === 'markdown' ? 'Markdown plan' : '.kh file'} too`, async () => {
      const doc = await openPlan(FILES[SECOND]);
      assert.equal(doc.languageId, SECOND);
    });
  });

  describe('diagnostics', () => {
    it('seed 000: the two duplicate section numbers, with their codes, as errors', async () => {
      const doc = await openPlan('diagnostics-000.kh');
      const duplicates = kehoachDiagnostics(doc.uri).filter((d) => codeOf(d) === 'duplicate-section-number');
      assert.deepEqual(duplicates.map((d) => d.range.start.line), DUPLICATES);
      for (const d of duplicates) {
        assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
        assert.equal(d.source, 'kehoach');
        assert.ok(typeof d.code === 'object' && /duplicate-section-number\.md$/.test(String(d.code.target)), 'the code links to its rule page');
      }
      assert.match(duplicates[0].message, /1\.2\.4/);
      assert.match(duplicates[1].message, /1\.2\.5/);
    });

    it('an edit that removes a "Cơ quan chủ trì" line brings missing-lead-agency', async () => {
      const doc = await openPlan('edit-000.kh');
      const line = doc.lineAt(34);
      assert.match(line.text, /^1\.1\.3\. Cơ quan chủ trì:/);
      assert.ok(!kehoachDiagnostics(doc.uri).some((d) => codeOf(d) === 'missing-lead-agency'));
      const edit = new vscode.WorkspaceEdit();
      edit.delete(doc.uri, line.rangeIncludingLineBreak);
      assert.ok(await vscode.workspace.applyEdit(edit));
      const after = await waitForDiagnostics(doc.uri, 'missing-lead-agency after the edit', (d) => d.some((x) => codeOf(x) === 'missing-lead-agency'));
      const missing = after.find((d) => codeOf(d) === 'missing-lead-agency')!;
      // The task is 1.1, whose heading is line 23.
      assert.equal(missing.range.start.line, 22);
    });
  });

  describe('editor features', () => {
    let doc: vscode.TextDocument;
    before(async () => {
      doc = await openPlan('features-000.kh');
    });

    it('outline: parts I–III, with the tasks under part II', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      assert.deepEqual(symbols.map((s) => s.name), ['I- MỤC ĐÍCH, YÊU CẦU', 'II- NỘI DUNG VÀ GIẢI PHÁP KHẮC PHỤC', 'III- TỔ CHỨC THỰC HIỆN']);
      const groups = symbols[1].children;
      assert.equal(groups[0].name, '1. Về công tác xây dựng Đảng');
      const task = groups[0].children[0];
      assert.equal(task.name, '1.1. Công tác tổ chức xây dựng Đảng');
      assert.equal(task.kind, vscode.SymbolKind.Event);
      assert.match(task.detail, /Ban Tổ chức Đảng ủy/);
      const tasks = groups.flatMap((g) => g.children.filter((c) => c.kind === vscode.SymbolKind.Event));
      assert.ok(tasks.length >= 5, `tasks under part II: ${tasks.map((t) => t.name).join(' | ')}`);
    });

    it('folding ranges: parts, a task and Nơi nhận', async () => {
      const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
      const has = (s: number, e: number) => folds.some((f) => f.start === s && f.end === e);
      assert.ok(has(16, 214), 'part II folds');
      assert.ok(has(22, 38), 'task 1.1 folds');
      assert.ok(has(226, 236), 'Nơi nhận folds');
    });

    it('hover on a known citation shows its trích yếu from the index', async () => {
      const line = doc.lineAt(66).text;
      const at = line.indexOf('05-NQ/TW');
      assert.ok(at >= 0, 'line 67 cites 05-NQ/TW');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(66, at + 2));
      assert.match(hoverText(hovers), /Về đổi mới, nâng cao hiệu lực công tác kiểm tra/);
    });

    it('completion after "Nghị quyết số " offers resolutions from the index', async () => {
      const typing = await openPlan('completion-000.kh');
      assert.equal(typing.lineAt(103).text, '');
      const text = 'Thực hiện Nghị quyết số ';
      const edit = new vscode.WorkspaceEdit();
      edit.insert(typing.uri, new vscode.Position(103, 0), text);
      assert.ok(await vscode.workspace.applyEdit(edit));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        typing.uri,
        new vscode.Position(103, text.length),
      );
      const inserted = list.items.map((i) => {
        const t = i.textEdit?.newText ?? i.insertText ?? '';
        return typeof t === 'string' ? t : t.value;
      });
      // Central resolutions, written as drafts cite them (the plan names no province, so no Tỉnh ủy's own are scoped to it).
      assert.ok(inserted.some((t) => /^\d+-NQ\/TW ngày \d{2}\/\d{1,2}\/\d{4} của /.test(t)), `items: ${inserted.slice(0, 8).join(' | ')}`);
      assert.ok(!inserted.includes('111-NQ/TU ngày 11/6/2021 của Tỉnh ủy'), 'a Bắc Giang resolution is not offered to a plan of no known province');
      const resolutions = list.items.filter((i) => /-NQ\//.test(String(i.filterText ?? (typeof i.label === 'string' ? i.label : i.label.label))));
      assert.ok(resolutions.length >= 2);
    });

    it('the task snippet inserts a whole task with its lead agency and deadline', async () => {
      const uri = await workspaceFile('snippet.kh', 'KẾ HOẠCH\n\nII- NỘI DUNG\n\n');
      const editor = await vscode.window.showTextDocument(uri);
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      const changed = waitForEvent(vscode.workspace.onDidChangeTextDocument, 'the snippet text', () =>
        editor.document.getText().includes('Cơ quan chủ trì') ? true : undefined,
      );
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'kehoach', name: 'Nhiệm vụ (khối 5 mục)' });
      await changed;
      const text = editor.document.getText();
      assert.match(text, /^1\.1\. Tên nhiệm vụ$/m);
      assert.match(text, /^1\.1\.3\. Cơ quan chủ trì: …\.$/m);
      assert.match(text, /^1\.1\.5\. Thời gian thực hiện: /m);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('a quick fix from executeCodeActionProvider, applied with applyEdit, removes its diagnostic', async () => {
      const fix = await openPlan('quickfix-000.kh');
      const target = kehoachDiagnostics(fix.uri).find((d) => codeOf(d) === 'duplicate-section-number' && d.range.start.line === 76)!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', fix.uri, target.range);
      const titles = actions.map((a) => a.title);
      const action = actions.find((a) => /1\.2\.4.*1\.3\.4/.test(a.title));
      assert.ok(action?.edit, `an action changing 1.2.4 to 1.3.4 among: ${titles.join(' | ')}`);
      assert.ok(action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind));
      assert.ok(await vscode.workspace.applyEdit(action.edit));
      const after = await waitForDiagnostics(fix.uri, 'the 1.2.4 duplicate to go', (d) => !duplicateLines(d).includes(76));
      assert.deepEqual(duplicateLines(after), [78], 'only the 1.2.5 duplicate is left');
      assert.match(fix.lineAt(76).text, /^1\.3\.4\./);
    });

    it('"Xuất bảng phân công" opens the assignment table', async () => {
      await vscode.commands.executeCommand('kehoach.exportAssignmentTable', doc.uri, 'md');
      const table = vscode.window.activeTextEditor?.document;
      assert.ok(table, 'an editor is open');
      assert.equal(table.uri.scheme, 'untitled');
      assert.equal(table.languageId, 'markdown');
      const text = table.getText();
      assert.match(text, /^\|.*\|$/m);
      assert.match(text, /Công tác tổ chức xây dựng Đảng/);
      assert.match(text, /Ban Tổ chức Đảng ủy/);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('the grammar gives a citation its scope', async function () {
      const commands = await vscode.commands.getCommands(true);
      if (commands.includes('_workbench.captureSyntaxTokens')) {
        type Token = { c: string; t: string };
        const tokens = await vscode.commands.executeCommand<Token[]>('_workbench.captureSyntaxTokens', doc.uri);
        const citation = tokens.filter((t) => t.c.includes('05-NQ/TW'));
        assert.ok(citation.length > 0, 'a token holds 05-NQ/TW');
        assert.ok(citation.every((t) => /meta\.citation\.kehoach/.test(t.t)), citation.map((t) => t.t).join(' | '));
        return;
      }
      // VS Code for the browser has no _workbench.captureSyntaxTokens. What the editor
      // can still tell: the grammar it loaded for the language, from the extension.
      console.log('      (_workbench.captureSyntaxTokens is not in this VS Code build: the scopes are asserted by npm run test:grammar and the colours by test/e2e/editor.e2e.ts)');
      const ext = extension();
      const grammars = ext.packageJSON.contributes.grammars as { language?: string; scopeName: string; path: string }[];
      const kh = grammars.find((g) => g.language === 'kehoach');
      assert.equal(kh?.scopeName, 'text.kehoach');
      const grammar = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, kh.path));
      assert.match(Buffer.from(grammar).toString('utf8'), /meta\.citation\.kehoach/);
    });
  });
});
