// The settings of the server's state: the editor's (pulled per folder when the
// client answers per scope, else as pushed), each configuration root's
// `.kehoach/config.json` under them, and the nested roots of open documents.

import { URI } from 'vscode-uri';
import { configRootIn, FolderSettings, folderSettings, rootOf } from './folderConfig';
import { logError, ServerState } from './serverState';
import { readSettings } from './settings';

/** The editor's settings (per folder when the client answers per scope), each folder's config file under them. */
export async function pullSettings(state: ServerState, pushed?: unknown): Promise<void> {
  const { connection } = state;
  try {
    if (pushed !== undefined) state.pushedSettings = pushed;
    const raw = state.hasConfiguration ? await connection.workspace.getConfiguration('kehoach') : state.pushedSettings;
    if (raw !== undefined) state.settings = readSettings(raw);
    const next = new Map<string, FolderSettings>();
    for (const root of state.roots) {
      const scoped = state.hasConfiguration ? await connection.workspace.getConfiguration({ scopeUri: URI.file(root).toString(), section: 'kehoach' }) : raw;
      state.editorRaw.set(root, scoped ?? raw);
      next.set(root, folderSettings(root, scoped ?? raw, state.workspaceTrusted));
    }
    for (const [root, workspace] of state.nested) next.set(root, folderSettings(root, state.editorRaw.get(workspace), state.workspaceTrusted));
    state.folders = next;
    for (const p of [state.settings, ...[...state.folders.values()].map((f) => f.settings)].flatMap((s) => s.problems)) logError(state, p[state.language]);
  } catch (err) {
    logError(state, { vi: 'Không đọc được cài đặt kehoach', en: 'Cannot read the kehoach settings' }[state.language], err);
  }
}

/** Notes a document's nested configuration root, if it has one not known yet; true when it is new. */
export function noteRoot(state: ServerState, uri: string): boolean {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') return false;
  const workspace = rootOf(parsed.fsPath, state.roots);
  if (!workspace) return false;
  const root = configRootIn(parsed.fsPath, workspace);
  if (root === workspace || state.nested.has(root)) return false;
  state.nested.set(root, workspace);
  state.folders.set(root, folderSettings(root, state.editorRaw.get(workspace) ?? state.pushedSettings, state.workspaceTrusted));
  return true;
}

/** The open documents' nested roots again (a `.kehoach/` was added or removed, a folder closed). */
export function rediscover(state: ServerState): void {
  state.nested = new Map();
  for (const doc of state.documents.all()) noteRoot(state, doc.uri);
}
