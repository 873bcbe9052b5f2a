// The LSP handshake: initialize takes the client's capabilities, locale,
// folders and pushed settings into the state and reads the indexes;
// initialized pulls the settings where the client can answer for them.

import { DidChangeConfigurationNotification, InitializeParams, InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { registerFeatures } from './features';
import { folderSettings } from './folderConfig';
import { reloadIndex } from './indexReload';
import { pickLanguage } from './language';
import type { ServerState } from './serverState';
import { readSettings } from './settings';
import { foldersChanged, resync } from './workspaceEvents';

function initialize(state: ServerState, params: InitializeParams): InitializeResult {
  state.clientCapabilities = params.capabilities;
  state.hasConfiguration = !!params.capabilities.workspace?.configuration;
  state.language = pickLanguage(params.locale, params.initializationOptions);
  state.roots = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
  if (!state.roots.length && params.rootUri) state.roots = [URI.parse(params.rootUri).fsPath];
  if (params.initializationOptions?.settings) state.settings = readSettings(params.initializationOptions.settings);
  // Only an explicit false restricts: other LSP clients have no workspace trust.
  state.workspaceTrusted = params.initializationOptions?.workspaceTrusted !== false;
  state.pushedSettings = params.initializationOptions?.settings;
  state.folders = new Map(state.roots.map((root) => [root, folderSettings(root, state.pushedSettings, state.workspaceTrusted)]));
  reloadIndex(state);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...registerFeatures.capabilities,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'kehoach', version: '0.1.0' },
  };
}

export function handleHandshake(state: ServerState): void {
  const { connection } = state;
  connection.onInitialize((params) => initialize(state, params));
  connection.onInitialized(async () => {
    if (state.hasConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kehoach' });
      await resync(state);
    }
    connection.workspace.onDidChangeWorkspaceFolders((e) => foldersChanged(state, e));
  });
}
