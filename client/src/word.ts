// Word files in the editor. A .docx cannot be shown as text, so: checking it
// lists its findings in the Problems view (each with its paragraph or cell
// and a quoted fragment), with an offer to write them as comments into a copy
// or to import the file as a draft; opening a .docx offers the same. Export
// writes the active plan as a .docx (or PDF, where LibreOffice is installed).
// The work is the server's (kehoach/checkWord, …): one reader, one index.

import * as path from 'path';
import * as vscode from 'vscode';
import { COMMANDS, Deps, planDocument } from './commands';
import { AnnotateWordRequest, CheckWordRequest, ExportWordRequest, ImportWordRequest, WordFinding } from './protocol';

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function isDocx(uri: vscode.Uri | undefined): uri is vscode.Uri {
  return !!uri && uri.scheme === 'file' && /\.docx$/i.test(uri.path);
}

/** The URI of the active tab, whatever editor shows it (a .docx opens in the binary editor). */
function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: unknown } | undefined;
  return input?.uri instanceof vscode.Uri ? input.uri : undefined;
}

/** The Word file to act on: the one given (Explorer menu), the active tab, else one picked in a dialog. */
async function wordFile(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri && isDocx(arg)) return arg;
  const active = activeTabUri();
  if (isDocx(active)) return active;
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Word: ['docx'] }, openLabel: vscode.l10n.t('Choose a Word document') });
  return picked?.[0];
}

function sibling(uri: vscode.Uri, suffix: string): vscode.Uri {
  const name = path.posix.basename(uri.path).replace(/\.[^.]+$/, '');
  return vscode.Uri.joinPath(uri, '..', `${name}${suffix}`);
}

function failed(deps: Deps, command: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  deps.output.error(`${command}: ${message}`);
  void vscode.window.showErrorMessage(vscode.l10n.t('Kế hoạch: {0}', message));
}

function toDiagnostic(f: WordFinding): vscode.Diagnostic {
  // No text to point into: every finding stands at the top, its place and quote in the message.
  const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `[${f.place}] ${f.message} «${f.quote}»`, SEVERITY[f.severity] ?? vscode.DiagnosticSeverity.Warning);
  d.code = f.code;
  d.source = 'kehoach';
  return d;
}

async function checkWord(deps: Deps, problems: vscode.DiagnosticCollection, arg: unknown): Promise<void> {
  const uri = await wordFile(arg);
  if (!uri) return;
  try {
    const { findings } = await deps.client.sendRequest(CheckWordRequest, { uri: uri.toString() });
    problems.set(uri, findings.map(toDiagnostic));
    const name = path.posix.basename(uri.path);
    if (!findings.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0}: no problems found.', name));
      return;
    }
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    const annotateLabel = vscode.l10n.t('Write comments into a copy');
    const importLabel = vscode.l10n.t('Import as draft');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('{0}: {1} problems, listed in the Problems view.', name, findings.length), annotateLabel, importLabel);
    if (choice === annotateLabel) await annotateWord(deps, uri);
    if (choice === importLabel) await importWord(deps, uri);
  } catch (err) {
    failed(deps, COMMANDS.checkWord, err);
  }
}

async function annotateWord(deps: Deps, arg: unknown): Promise<void> {
  const uri = await wordFile(arg);
  if (!uri) return;
  const target = await vscode.window.showSaveDialog({ defaultUri: sibling(uri, '.nhan-xet.docx'), filters: { Word: ['docx'] }, saveLabel: vscode.l10n.t('Write the commented copy') });
  if (!target) return;
  if (target.toString() === uri.toString()) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Choose another file: the original is left untouched.'));
    return;
  }
  try {
    const { comments } = await deps.client.sendRequest(AnnotateWordRequest, { uri: uri.toString(), target: target.toString() });
    const open = vscode.l10n.t('Open');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Wrote {0} comments to {1}.', comments, path.posix.basename(target.path)), open);
    if (choice === open) void vscode.env.openExternal(target);
  } catch (err) {
    failed(deps, COMMANDS.annotateWord, err);
  }
}

async function importWord(deps: Deps, arg: unknown): Promise<void> {
  const uri = await wordFile(arg);
  if (!uri) return;
  try {
    const { text } = await deps.client.sendRequest(ImportWordRequest, { uri: uri.toString() });
    // An untitled draft in the kehoach language: the user saves it where and as what they like (.kh, .md).
    const doc = await vscode.workspace.openTextDocument({ content: text, language: 'kehoach' });
    await vscode.window.showTextDocument(doc, { preview: false });
  } catch (err) {
    failed(deps, COMMANDS.importWord, err);
  }
}

async function exportWord(deps: Deps, arg: unknown, format: 'docx' | 'pdf'): Promise<void> {
  const uri = planDocument(deps.tracker, arg);
  if (!uri) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a plan to export it.'));
    return;
  }
  const defaultUri = uri.scheme === 'file' ? sibling(uri, `.${format}`) : undefined;
  const target = await vscode.window.showSaveDialog({ defaultUri, filters: format === 'pdf' ? { PDF: ['pdf'] } : { Word: ['docx'] } });
  if (!target) return;
  try {
    await vscode.workspace.openTextDocument(uri);
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0}…', path.posix.basename(target.path)) }, () =>
      deps.client.sendRequest(ExportWordRequest, { uri: uri.toString(), target: target.toString(), format }),
    );
    const open = vscode.l10n.t('Open');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}.', path.posix.basename(target.path)), open);
    if (choice === open) void vscode.env.openExternal(target);
  } catch (err) {
    failed(deps, format === 'pdf' ? COMMANDS.exportPdf : COMMANDS.exportWord, err);
  }
}

/** Once per file and session: a .docx opened in a tab gets the offer to check or import it. */
function offerOnOpen(deps: Deps, problems: vscode.DiagnosticCollection): vscode.Disposable {
  const offered = new Set<string>();
  return vscode.window.tabGroups.onDidChangeTabs((e) => {
    for (const tab of e.opened) {
      const uri = (tab.input as { uri?: unknown } | undefined)?.uri;
      if (!(uri instanceof vscode.Uri) || !isDocx(uri) || offered.has(uri.toString())) continue;
      offered.add(uri.toString());
      const check = vscode.l10n.t('Check');
      const imp = vscode.l10n.t('Import as draft');
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is a Word document. Check it or import it as a draft?', path.posix.basename(uri.path)), check, imp).then((choice) => {
        if (choice === check) void checkWord(deps, problems, uri);
        if (choice === imp) void importWord(deps, uri);
      });
    }
  });
}

export function registerWordCommands(deps: Deps): vscode.Disposable[] {
  const problems = vscode.languages.createDiagnosticCollection('kehoach-word');
  return [
    problems,
    offerOnOpen(deps, problems),
    vscode.commands.registerCommand(COMMANDS.checkWord, (arg: unknown) => checkWord(deps, problems, arg)),
    vscode.commands.registerCommand(COMMANDS.annotateWord, (arg: unknown) => annotateWord(deps, arg)),
    vscode.commands.registerCommand(COMMANDS.importWord, (arg: unknown) => importWord(deps, arg)),
    vscode.commands.registerCommand(COMMANDS.exportWord, (arg: unknown) => exportWord(deps, arg, 'docx')),
    vscode.commands.registerCommand(COMMANDS.exportPdf, (arg: unknown) => exportWord(deps, arg, 'pdf')),
  ];
}
