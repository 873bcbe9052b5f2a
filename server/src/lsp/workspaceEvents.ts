// What changes the workspace under the server: its folders, the editor's
// settings, watched `.kehoach/` and index files, workspace trust. Each reads
// the settings again, then the indexes, then checks every open document.

import type { WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { pullSettings, rediscover } from './configuration';
import { reloadIndex } from './indexReload';
import { NOTIFICATIONS } from './requests';
import { log, ServerState } from './serverState';
import { revalidateAll } from './validation';

/** Settings, then indexes, then every open document, again. */
export async function resync(state: ServerState, pushed?: unknown): Promise<void> {
  await pullSettings(state, pushed);
  reloadIndex(state);
  revalidateAll(state);
}

/** Workspace folders added or removed (registered once the client is initialized). */
export async function foldersChanged(state: ServerState, e: WorkspaceFoldersChangeEvent): Promise<void> {
  state.roots = state.roots.filter((r) => !e.removed.some((f) => URI.parse(f.uri).fsPath === r));
  state.roots.push(...e.added.map((f) => URI.parse(f.uri).fsPath));
  rediscover(state);
  await resync(state);
}

export function watchWorkspace(state: ServerState): void {
  const { connection } = state;
  connection.onDidChangeConfiguration((change) => resync(state, change.settings?.kehoach));

  // The client watches `.kehoach/directives.*` and the configured index files:
  // only the files it reports are read again.
  connection.onDidChangeWatchedFiles(async (params) => {
    for (const change of params.changes) state.indexFiles.forget(URI.parse(change.uri).fsPath);
    rediscover(state);
    await resync(state);
  });

  // The user trusted the workspace (the client's onDidGrantWorkspaceTrust): read its index files now.
  connection.onNotification(NOTIFICATIONS.workspaceTrusted, () => {
    if (state.workspaceTrusted) return;
    state.workspaceTrusted = true;
    log(state, {
      vi: 'Thư mục làm việc đã được tin cậy: đọc các tệp danh mục văn bản của thư mục.',
      en: 'The workspace is trusted now: reading its directive index files.',
    }[state.language]);
    void resync(state);
  });
}
