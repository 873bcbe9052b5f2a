// Reading the directive indexes into the server's state: the bundled one
// outside any folder, each configuration root's own files on top; then the
// log, and diagnostics on broken config and index files (cleared once fixed).

import type { Diagnostic } from 'vscode-languageserver';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { indexFilesFor, indexStateOf } from './indexManager';
import { configRoots, log, logError, ServerState } from './serverState';

export function reloadIndex(state: ServerState): void {
  try {
    loadIndexes(state);
  } catch (err) {
    logError(state, { vi: 'Không đọc được danh mục văn bản', en: 'Cannot read the directive index' }[state.language], err);
    return;
  }
  const perFolder = configRoots(state).map((r) => `${path.basename(r)}: ${state.folderIndexes.get(r)?.size ?? 0}`).join(', ');
  const { indexState } = state;
  log(state, {
    vi: `Danh mục văn bản: ${indexState.index.size} văn bản có sẵn; ${perFolder || 'chưa mở thư mục'} (${indexState.files.size} tệp bổ sung).`,
    en: `Directive index: ${indexState.index.size} bundled documents; ${perFolder || 'no folder open'} (${indexState.files.size} extra files).`,
  }[state.language]);
  const nowReported = new Set<string>();
  publishConfigProblems(state, nowReported);
  publishIndexProblems(state, nowReported);
  clearFixedFiles(state, nowReported);
  state.reportedIndexFiles = nowReported;
}

/** Outside any folder: the bundled index alone. Each folder: its own files too. */
function loadIndexes(state: ServerState): void {
  const { indexFiles, language, workspaceTrusted } = state;
  state.indexState = indexStateOf(indexFiles.indexOf([]));
  const refused: ReturnType<typeof indexFilesFor>['refused'] = [];
  state.folderIndexes = new Map();
  for (const root of configRoots(state)) {
    const configured = (state.folders.get(root)?.settings ?? state.settings).indexFiles;
    const own = indexFilesFor([root], configured, workspaceTrusted, [state.nested.get(root) ?? root]);
    const loaded = indexStateOf(indexFiles.indexOf(own.files));
    state.folderIndexes.set(root, loaded.index);
    for (const [file, problems] of loaded.files) state.indexState.files.set(file, problems);
    refused.push(...own.refused);
  }
  for (const r of refused) {
    logError(state, r.message[language]);
    if (!state.announcedRefusals.has(r.path)) {
      state.announcedRefusals.add(r.path);
      if (workspaceTrusted) void state.connection.window.showWarningMessage(`Kế hoạch: ${r.message[language]}`);
    }
  }
  if (!workspaceTrusted) {
    log(state, {
      vi: 'Chế độ hạn chế (Restricted Mode): chỉ dùng danh mục văn bản có sẵn, không đọc tệp danh mục của thư mục làm việc.',
      en: 'Restricted Mode: only the bundled directive index is used; no index file of the workspace is read.',
    }[language]);
  }
}

/** An error on a whole line of a config or index file. */
function lineError(line: number, character: number, code: string, message: string): Diagnostic {
  return { range: { start: { line, character }, end: { line, character: Number.MAX_SAFE_INTEGER } }, severity: 1, source: 'kehoach', code, message };
}

function publishConfigProblems(state: ServerState, nowReported: Set<string>): void {
  const { language } = state;
  for (const f of state.folders.values()) {
    if (!f.file) continue;
    for (const p of f.problems) logError(state, `${p.file}:${p.line}:${p.column}: ${p.message[language]}`);
    const uri = URI.file(f.file).toString();
    if (f.problems.length) nowReported.add(uri);
    void state.connection.sendDiagnostics({
      uri,
      diagnostics: f.problems.map((p) => lineError(p.line - 1, p.column - 1, 'config-file', p.message[language])),
    });
  }
}

function publishIndexProblems(state: ServerState, nowReported: Set<string>): void {
  const { language } = state;
  for (const [file, problems] of state.indexState.files) {
    for (const p of problems) logError(state, `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}: ${p.message[language]}`);
    const uri = URI.file(file).toString();
    if (problems.length) nowReported.add(uri);
    void state.connection.sendDiagnostics({
      uri,
      diagnostics: problems.map((p) => lineError(Math.max(0, p.line - 1), Math.max(0, (p.column ?? 1) - 1), 'index-file', p.message[language])),
    });
  }
}

/** Clears diagnostics of index files that are fine again or no longer read. */
function clearFixedFiles(state: ServerState, nowReported: Set<string>): void {
  for (const uri of state.reportedIndexFiles) {
    const file = URI.parse(uri).fsPath;
    if (!nowReported.has(uri) && !state.indexState.files.has(file) && ![...state.folders.values()].some((f) => f.file === file)) {
      void state.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }
}
