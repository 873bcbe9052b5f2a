// The extension's commands: export the assignment table, switch a rule off,
// open a rule's documentation, go to a task, show the log, reload the index;
// Word files (check, comment, import, export) in word.ts.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ActivePlanTracker } from './activePlan';
import { registerWordCommands } from './word';
import { AssignmentTableFormat, AssignmentTableRequest, ConvertLegacyEncodingRequest, isCandidate, ReloadIndexNotification, TaskEntry } from './protocol';

export const COMMANDS = {
  exportAssignmentTable: 'kehoach.exportAssignmentTable',
  disableRule: 'kehoach.disableRule',
  openRuleDoc: 'kehoach.openRuleDoc',
  revealTask: 'kehoach.revealTask',
  showOutput: 'kehoach.showOutput',
  reloadIndex: 'kehoach.reloadIndex',
  convertLegacyEncoding: 'kehoach.convertLegacyEncoding',
  checkWord: 'kehoach.checkWord',
  annotateWord: 'kehoach.annotateWord',
  importWord: 'kehoach.importWord',
  exportWord: 'kehoach.exportWord',
  exportPdf: 'kehoach.exportPdf',
} as const;

export interface Deps {
  context: vscode.ExtensionContext;
  client: LanguageClient;
  output: vscode.LogOutputChannel;
  tracker: ActivePlanTracker;
}

const RULE_ID = /^[a-z][a-z0-9-]*$/;

/** Rule ids as the manifest lists them under `kehoach.rules`. */
function knownRules(context: vscode.ExtensionContext): string[] {
  const props = context.extension.packageJSON?.contributes?.configuration?.properties?.['kehoach.rules']?.properties;
  return props && typeof props === 'object' ? Object.keys(props) : [];
}

/** A rule id from a command argument: `'missing-deadline'`, `{ ruleId }`, `{ id }` or `{ code }`. */
function ruleArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'object' && arg !== null) {
    const o = arg as Record<string, unknown>;
    for (const k of ['ruleId', 'id', 'code']) if (typeof o[k] === 'string') return o[k] as string;
  }
  return undefined;
}

async function pickRule(context: vscode.ExtensionContext, arg: unknown, placeHolder: string): Promise<string | undefined> {
  const given = ruleArg(arg);
  if (given) return RULE_ID.test(given) ? given : undefined;
  return vscode.window.showQuickPick(knownRules(context), { placeHolder });
}

/** The plan to act on: the URI given, the active editor, or the last plan shown. */
export function planDocument(tracker: ActivePlanTracker, arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document;
  if (active && isCandidate(active)) return active.uri;
  return tracker.current?.document.uri;
}

/** `format` given (by a caller, not the palette) skips the question. */
async function exportAssignmentTable({ client, tracker, output }: Deps, arg: unknown, format: unknown): Promise<void> {
  const uri = planDocument(tracker, arg);
  if (!uri) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a plan to export its assignment table.'));
    return;
  }
  const given = format === 'md' || format === 'csv' ? { format: format as AssignmentTableFormat } : undefined;
  const picked = given ?? (await vscode.window.showQuickPick(
    [
      { label: 'Markdown', description: vscode.l10n.t('Table for documents and previews'), format: 'md' as AssignmentTableFormat },
      { label: 'CSV', description: vscode.l10n.t('For Excel and other spreadsheets'), format: 'csv' as AssignmentTableFormat },
    ],
    { placeHolder: vscode.l10n.t('Export the assignment table as') },
  ));
  if (!picked) return;
  try {
    // Make sure the server holds the document (it may not be the active one).
    await vscode.workspace.openTextDocument(uri);
    const { content } = await client.sendRequest(AssignmentTableRequest, { uri: uri.toString(), format: picked.format });
    let language = 'markdown';
    if (picked.format === 'csv') language = (await vscode.languages.getLanguages()).includes('csv') ? 'csv' : 'plaintext';
    const doc = await vscode.workspace.openTextDocument({ content, language });
    await vscode.window.showTextDocument(doc, { preview: false });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    output.error(`${COMMANDS.exportAssignmentTable}: ${message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the assignment table: {0}', message));
  }
}

async function disableRule({ context }: Deps, arg: unknown): Promise<void> {
  const id = await pickRule(context, arg, vscode.l10n.t('Rule to turn off in this workspace'));
  if (!id) return;
  const config = vscode.workspace.getConfiguration('kehoach');
  const hasWorkspace = !!vscode.workspace.workspaceFolders?.length || !!vscode.workspace.workspaceFile;
  const target = hasWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<Record<string, string>>('rules');
  const current = (hasWorkspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
  await config.update('rules', { ...current, [id]: 'off' }, target);
  void vscode.window.showInformationMessage(
    hasWorkspace
      ? vscode.l10n.t('Rule {0} is off in this workspace (kehoach.rules).', id)
      : vscode.l10n.t('No folder is open: rule {0} is off in the user settings (kehoach.rules).', id),
  );
}

async function openRuleDoc({ context }: Deps, arg: unknown): Promise<void> {
  const id = await pickRule(context, arg, vscode.l10n.t('Rule to read about'));
  if (!id) return;
  const uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    void vscode.window.showWarningMessage(vscode.l10n.t('No documentation for rule {0}.', id));
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}

async function revealTask(arg: unknown, range: unknown): Promise<void> {
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : undefined;
  if (!uri) return;
  const r = range as TaskEntry['selectionRange'] | undefined;
  const selection = r
    ? new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character)
    : undefined;
  // Reuse the editor already showing the document, wherever it is.
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const document = shown?.document ?? (await vscode.workspace.openTextDocument(uri));
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: shown?.viewColumn,
    preserveFocus: false,
    preview: false,
  });
  if (selection) {
    editor.selection = new vscode.Selection(selection.start, selection.end);
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

function reloadIndex({ client, output }: Deps): void {
  void client.sendNotification(ReloadIndexNotification).then(
    () => void vscode.window.setStatusBarMessage(vscode.l10n.t('Reloading the directive index…'), 3000),
    (err: unknown) => output.error(`${COMMANDS.reloadIndex}: ${err instanceof Error ? err.message : String(err)}`),
  );
}

/** Converts every TCVN3/VNI run of the active document to Unicode, as one undo step. */
async function convertLegacyEncoding({ client, output }: Deps): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || !isCandidate(doc)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a draft to convert its legacy-encoded text.'));
    return;
  }
  try {
    const { version, edits } = await client.sendRequest(ConvertLegacyEncodingRequest, { uri: doc.uri.toString() });
    if (!edits.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No text in a legacy encoding (TCVN3, VNI) was found.'));
      return;
    }
    // Edits computed for an older version would land in the wrong place.
    if (version !== doc.version) throw new Error(vscode.l10n.t('the document changed meanwhile; try again'));
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) {
      edit.replace(doc.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    }
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('the editor refused the edit'));
    void vscode.window.showInformationMessage(vscode.l10n.t('Converted {0} passages to Unicode.', edits.length));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    output.error(`${COMMANDS.convertLegacyEncoding}: ${message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not convert the legacy encoding: {0}', message));
  }
}

export function registerCommands(deps: Deps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.exportAssignmentTable, (arg: unknown, format: unknown) => exportAssignmentTable(deps, arg, format)),
    vscode.commands.registerCommand(COMMANDS.disableRule, (arg: unknown) => disableRule(deps, arg)),
    vscode.commands.registerCommand(COMMANDS.openRuleDoc, (arg: unknown) => openRuleDoc(deps, arg)),
    vscode.commands.registerCommand(COMMANDS.revealTask, (uri: unknown, range: unknown) => revealTask(uri, range)),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => deps.output.show(true)),
    vscode.commands.registerCommand(COMMANDS.reloadIndex, () => reloadIndex(deps)),
    vscode.commands.registerCommand(COMMANDS.convertLegacyEncoding, () => convertLegacyEncoding(deps)),
    ...registerWordCommands(deps),
  ];
}
