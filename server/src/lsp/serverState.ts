// Everything a language server holds, in one object that createServer makes:
// the handler modules (configuration, indexReload, validation, workspaceEvents,
// initialize, featureContext) read and write it, so two servers in one process
// share nothing.

import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { DirectiveIndex } from '../core/index/directiveIndex';
import type { IndexFiles } from '../node/indexCache';
import { Analyses } from './analyses';
import { FolderSettings, rootOf } from './folderConfig';
import type { IndexState } from './indexManager';
import type { Language } from './language';
import { DEFAULT_SETTINGS, Settings } from './settings';

export interface ServerState {
  connection: Connection;
  /** The process's index files (the bundled index in them). */
  indexFiles: IndexFiles;
  /** The editor's settings outside any workspace folder. */
  settings: Settings;
  /** Each workspace folder's settings: its `.kehoach/config.json` under the editor's settings for it. */
  folders: Map<string, FolderSettings>;
  /** Each workspace folder's index: the bundled one and the folder's own files. */
  folderIndexes: Map<string, DirectiveIndex>;
  /** The settings a client without workspace/configuration last sent (initializationOptions, didChangeConfiguration). */
  pushedSettings: unknown;
  language: Language;
  /** The workspace folders. */
  roots: string[];
  hasConfiguration: boolean;
  clientCapabilities: ClientCapabilities | undefined;
  indexState: IndexState;
  /** Config and index files that have diagnostics published. */
  reportedIndexFiles: Set<string>;
  /** Workspace trust as the client reports it; LSP clients without the notion are trusted. */
  workspaceTrusted: boolean;
  /** Refused index paths already shown to the user (the log gets every reload). */
  announcedRefusals: Set<string>;
  /** Pending checks, by document. */
  timers: Map<string, NodeJS.Timeout>;
  /** Folders inside a workspace folder with a `.kehoach/` of their own (of open documents) → that workspace folder. */
  nested: Map<string, string>;
  /** Each workspace folder's editor settings, which hold in its nested roots too. */
  editorRaw: Map<string, unknown>;
  /** Documents already announced as too large or not text: the user is told once. */
  announcedSkips: Set<string>;
  analyses: Analyses;
  documents: TextDocuments<TextDocument>;
}

export function createState(connection: Connection, indexFiles: IndexFiles): ServerState {
  const analyses = new Analyses((uri) => {
    const s = settingsFor(state, uri);
    return { index: indexFor(state, uri), levels: s.rules, labels: s.labels, maxFileSizeMb: s.maxFileSizeMb, locality: s.locality || undefined };
  });
  const state: ServerState = {
    connection,
    indexFiles,
    settings: DEFAULT_SETTINGS,
    folders: new Map(),
    folderIndexes: new Map(),
    pushedSettings: undefined,
    language: 'vi',
    roots: [],
    hasConfiguration: false,
    clientCapabilities: undefined,
    indexState: { index: indexFiles.bundled.index, files: new Map() },
    reportedIndexFiles: new Set(),
    workspaceTrusted: true,
    announcedRefusals: new Set(),
    timers: new Map(),
    nested: new Map(),
    editorRaw: new Map(),
    announcedSkips: new Set(),
    analyses,
    // The analyses see every edit as it is applied, to re-read only the edited lines.
    documents: new TextDocuments({ create: TextDocument.create, update: analyses.update }),
  };
  return state;
}

/** Every configuration root: the workspace folders, then the nested roots. */
export function configRoots(state: ServerState): string[] {
  return [...state.roots, ...state.nested.keys()];
}

/** A document's configuration root: the nearest one that holds it (a nested root is longer than its folder). */
export function rootFor(state: ServerState, uri: string): string | undefined {
  return rootOf(URI.parse(uri).fsPath, configRoots(state));
}

/** The settings that hold for a document: its folder's, else the editor's. */
export function settingsFor(state: ServerState, uri?: string): Settings {
  return (uri && state.folders.get(rootFor(state, uri) ?? '')?.settings) || state.settings;
}

/** The index a document is checked against: its folder's, else the bundled one. */
export function indexFor(state: ServerState, uri?: string): DirectiveIndex {
  return (uri && state.folderIndexes.get(rootFor(state, uri) ?? '')) || state.indexState.index;
}

export function log(state: ServerState, message: string): void {
  state.connection.console.log(`[kehoach] ${message}`);
}

export function logError(state: ServerState, message: string, err?: unknown): void {
  const detail = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : err ? String(err) : '';
  state.connection.console.error(`[kehoach] ${message}${detail ? `: ${detail}` : ''}`);
}
