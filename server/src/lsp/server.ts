// The language server as a factory: every piece of state lives in one call of
// createServer, so a test can run a server in-process over in-memory streams
// and main.ts only wires stdio or IPC to it.

import {
  ClientCapabilities,
  Connection,
  DidChangeConfigurationNotification,
  InitializeParams,
  InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { looksLikePlanText } from '../core/plan/parse';
import { Analyses } from './analyses';
import { DEBOUNCE_MS } from './debounce';
import { toLspDiagnostic } from './convert';
import { IndexState, indexFilesFor, indexStateOf } from './indexManager';
import { IndexFiles } from '../node/indexCache';
import { bundledIndex } from '../node/bundledIndex';
import { registerFeatures } from './features';
import { DEFAULT_SETTINGS, readSettings, Settings } from './settings';
import { configRootIn, FolderSettings, folderSettings, rootOf } from './folderConfig';
import type { DirectiveIndex } from '../core/index/directiveIndex';
import { pickLanguage, Language } from './language';
import { NOTIFICATIONS } from './requests';

export interface KehoachServer {
  documents: TextDocuments<TextDocument>;
  /** Starts reading the connection (documents first, so no open is missed). */
  listen(): void;
  log(message: string): void;
  logError(message: string, err?: unknown): void;
}

/** What the server reads through: the process's index files (the bundled index in them). */
export interface ServerHost {
  indexFiles: IndexFiles;
}

/** The host of a server process: the disk, and the bundled index read once per process. */
export function nodeHost(): ServerHost {
  return { indexFiles: new IndexFiles(bundledIndex()) };
}

/** A kehoach language server on `connection`; nothing is read until listen(). */
export function createServer(connection: Connection, host: ServerHost = nodeHost()): KehoachServer {
  const { indexFiles } = host;
  /** The editor's settings outside any workspace folder. */
  let settings: Settings = DEFAULT_SETTINGS;
  /** Each workspace folder's settings: its `.kehoach/config.json` under the editor's settings for it. */
  let folders = new Map<string, FolderSettings>();
  /** Each workspace folder's index: the bundled one and the folder's own files. */
  let folderIndexes = new Map<string, DirectiveIndex>();
  /** The settings a client without workspace/configuration last sent (initializationOptions, didChangeConfiguration). */
  let pushedSettings: unknown;
  let language: Language = 'vi';
  let roots: string[] = [];
  let hasConfiguration = false;
  let clientCapabilities: ClientCapabilities | undefined;
  let indexState: IndexState = { index: indexFiles.bundled.index, files: new Map() };
  let reportedIndexFiles = new Set<string>();
  /** Workspace trust as the client reports it; LSP clients without the notion are trusted. */
  let workspaceTrusted = true;
  /** Refused index paths already shown to the user (the log gets every reload). */
  const announcedRefusals = new Set<string>();

  const timers = new Map<string, NodeJS.Timeout>();

  /** Folders inside a workspace folder with a `.kehoach/` of their own (of open documents) → that workspace folder. */
  let nested = new Map<string, string>();
  /** Each workspace folder's editor settings, which hold in its nested roots too. */
  const editorRaw = new Map<string, unknown>();
  const configRoots = () => [...roots, ...nested.keys()];
  /** A document's configuration root: the nearest one that holds it (a nested root is longer than its folder). */
  const rootFor = (uri: string) => rootOf(URI.parse(uri).fsPath, configRoots());
  /** The settings that hold for a document: its folder's, else the editor's. */
  const settingsFor = (uri?: string): Settings => (uri && folders.get(rootFor(uri) ?? '')?.settings) || settings;
  const indexFor = (uri?: string): DirectiveIndex => (uri && folderIndexes.get(rootFor(uri) ?? '')) || indexState.index;
  const analyses = new Analyses((uri) => {
    const s = settingsFor(uri);
    return { index: indexFor(uri), levels: s.rules, labels: s.labels, maxFileSizeMb: s.maxFileSizeMb, locality: s.locality || undefined };
  });
  // The analyses see every edit as it is applied, to re-read only the edited lines.
  const documents = new TextDocuments({ create: TextDocument.create, update: analyses.update });

  /** Documents already announced as too large or not text: the user is told once. */
  const announcedSkips = new Set<string>();

  function log(message: string): void {
    connection.console.log(`[kehoach] ${message}`);
  }

  function logError(message: string, err?: unknown): void {
    const detail = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : err ? String(err) : '';
    connection.console.error(`[kehoach] ${message}${detail ? `: ${detail}` : ''}`);
  }

  /** Plain text and Markdown are checked only when they look like a plan. */
  function shouldCheck(doc: TextDocument): boolean {
    if (doc.languageId === 'kehoach') return true;
    if (!settingsFor(doc.uri).detectPlans) return false;
    // Only the head is read: Markdown that is not a plan is never analysed.
    return looksLikePlanText(doc.getText());
  }

  async function validate(doc: TextDocument): Promise<void> {
    try {
      const version = doc.version;
      const result = shouldCheck(doc) ? analyses.get(doc) : undefined;
      const diagnostics = result?.diagnostics ?? [];
      if (result?.skipped) announceSkip(doc.uri, result.skipped, diagnostics[0]?.message[language] ?? '');
      // Never publish results of an older version over a newer one.
      const current = documents.get(doc.uri);
      if (!current || current.version !== version) return;
      await connection.sendDiagnostics({
        uri: doc.uri,
        version,
        diagnostics: diagnostics.map((d) => toLspDiagnostic(d, language, doc.uri)),
      });
    } catch (err) {
      logError({ vi: `Lỗi khi kiểm tra ${doc.uri}`, en: `Error while checking ${doc.uri}` }[language], err);
    }
  }

  /** Tells the user once per document why it is not checked; the diagnostic stays. */
  function announceSkip(uri: string, kind: 'tooLarge' | 'notText', message: string): void {
    const key = `${kind} ${uri}`;
    if (announcedSkips.has(key)) return;
    announcedSkips.add(key);
    log(`${URI.parse(uri).fsPath}: ${message}`);
    if (kind === 'tooLarge') void connection.window.showWarningMessage(`Kế hoạch: ${path.basename(URI.parse(uri).fsPath)}: ${message}`);
  }

  function schedule(doc: TextDocument, delay: number): void {
    const pending = timers.get(doc.uri);
    if (pending) clearTimeout(pending);
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) void validate(current);
      }, delay),
    );
  }

  /** Notes a document's nested configuration root, if it has one not known yet; true when it is new. */
  function noteRoot(uri: string): boolean {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return false;
    const workspace = rootOf(parsed.fsPath, roots);
    if (!workspace) return false;
    const root = configRootIn(parsed.fsPath, workspace);
    if (root === workspace || nested.has(root)) return false;
    nested.set(root, workspace);
    folders.set(root, folderSettings(root, editorRaw.get(workspace) ?? pushedSettings, workspaceTrusted));
    return true;
  }

  /** The open documents' nested roots again (a `.kehoach/` was added or removed, a folder closed). */
  function rediscover(): void {
    nested = new Map();
    for (const doc of documents.all()) noteRoot(doc.uri);
  }

  function revalidateAll(): void {
    analyses.clear();
    for (const doc of documents.all()) schedule(doc, 0);
  }

  function reloadIndex(): void {
    try {
      // Outside any folder: the bundled index alone. Each folder: its own files too.
      indexState = indexStateOf(indexFiles.indexOf([]));
      const refused: ReturnType<typeof indexFilesFor>['refused'] = [];
      folderIndexes = new Map();
      for (const root of configRoots()) {
        const own = indexFilesFor([root], (folders.get(root)?.settings ?? settings).indexFiles, workspaceTrusted, [nested.get(root) ?? root]);
        const state = indexStateOf(indexFiles.indexOf(own.files));
        folderIndexes.set(root, state.index);
        for (const [file, problems] of state.files) indexState.files.set(file, problems);
        refused.push(...own.refused);
      }
      for (const r of refused) {
        logError(r.message[language]);
        if (!announcedRefusals.has(r.path)) {
          announcedRefusals.add(r.path);
          if (workspaceTrusted) void connection.window.showWarningMessage(`Kế hoạch: ${r.message[language]}`);
        }
      }
      if (!workspaceTrusted) {
        log({
          vi: 'Chế độ hạn chế (Restricted Mode): chỉ dùng danh mục văn bản có sẵn, không đọc tệp danh mục của thư mục làm việc.',
          en: 'Restricted Mode: only the bundled directive index is used; no index file of the workspace is read.',
        }[language]);
      }
    } catch (err) {
      logError({ vi: 'Không đọc được danh mục văn bản', en: 'Cannot read the directive index' }[language], err);
      return;
    }
    const perFolder = configRoots().map((r) => `${path.basename(r)}: ${folderIndexes.get(r)?.size ?? 0}`).join(', ');
    log({
      vi: `Danh mục văn bản: ${indexState.index.size} văn bản có sẵn; ${perFolder || 'chưa mở thư mục'} (${indexState.files.size} tệp bổ sung).`,
      en: `Directive index: ${indexState.index.size} bundled documents; ${perFolder || 'no folder open'} (${indexState.files.size} extra files).`,
    }[language]);
    const nowReported = new Set<string>();
    for (const f of folders.values()) {
      if (!f.file) continue;
      for (const p of f.problems) logError(`${p.file}:${p.line}:${p.column}: ${p.message[language]}`);
      const uri = URI.file(f.file).toString();
      if (f.problems.length) nowReported.add(uri);
      void connection.sendDiagnostics({
        uri,
        diagnostics: f.problems.map((p) => ({
          range: { start: { line: p.line - 1, character: p.column - 1 }, end: { line: p.line - 1, character: Number.MAX_SAFE_INTEGER } },
          severity: 1,
          source: 'kehoach',
          code: 'config-file',
          message: p.message[language],
        })),
      });
    }
    for (const [file, problems] of indexState.files) {
      for (const p of problems) logError(`${p.file}:${p.line}${p.column ? `:${p.column}` : ''}: ${p.message[language]}`);
      const uri = URI.file(file).toString();
      if (problems.length) nowReported.add(uri);
      void connection.sendDiagnostics({
        uri,
        diagnostics: problems.map((p) => ({
          range: {
            start: { line: Math.max(0, p.line - 1), character: Math.max(0, (p.column ?? 1) - 1) },
            end: { line: Math.max(0, p.line - 1), character: Number.MAX_SAFE_INTEGER },
          },
          severity: 1,
          source: 'kehoach',
          code: 'index-file',
          message: p.message[language],
        })),
      });
    }
    // Clear diagnostics of index files that are fine again or no longer read.
    for (const uri of reportedIndexFiles) {
      if (!nowReported.has(uri) && !indexState.files.has(URI.parse(uri).fsPath) && ![...folders.values()].some((f) => f.file === URI.parse(uri).fsPath)) {
        void connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
    reportedIndexFiles = nowReported;
  }

  /** The editor's settings (per folder when the client answers per scope), each folder's config file under them. */
  async function pullSettings(pushed?: unknown): Promise<void> {
    try {
      if (pushed !== undefined) pushedSettings = pushed;
      const raw = hasConfiguration ? await connection.workspace.getConfiguration('kehoach') : pushedSettings;
      if (raw !== undefined) settings = readSettings(raw);
      const next = new Map<string, FolderSettings>();
      for (const root of roots) {
        const scoped = hasConfiguration ? await connection.workspace.getConfiguration({ scopeUri: URI.file(root).toString(), section: 'kehoach' }) : raw;
        editorRaw.set(root, scoped ?? raw);
        next.set(root, folderSettings(root, scoped ?? raw, workspaceTrusted));
      }
      for (const [root, workspace] of nested) next.set(root, folderSettings(root, editorRaw.get(workspace), workspaceTrusted));
      folders = next;
      for (const p of [settings, ...[...folders.values()].map((f) => f.settings)].flatMap((s) => s.problems)) logError(p[language]);
    } catch (err) {
      logError({ vi: 'Không đọc được cài đặt kehoach', en: 'Cannot read the kehoach settings' }[language], err);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientCapabilities = params.capabilities;
    hasConfiguration = !!params.capabilities.workspace?.configuration;
    language = pickLanguage(params.locale, params.initializationOptions);
    roots = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
    if (!roots.length && params.rootUri) roots = [URI.parse(params.rootUri).fsPath];
    if (params.initializationOptions?.settings) settings = readSettings(params.initializationOptions.settings);
    // Only an explicit false restricts: other LSP clients have no workspace trust.
    workspaceTrusted = params.initializationOptions?.workspaceTrusted !== false;
    pushedSettings = params.initializationOptions?.settings;
    folders = new Map(roots.map((root) => [root, folderSettings(root, pushedSettings, workspaceTrusted)]));
    reloadIndex();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...registerFeatures.capabilities,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kehoach', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (hasConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kehoach' });
      await pullSettings();
      reloadIndex();
      revalidateAll();
    }
    connection.workspace.onDidChangeWorkspaceFolders(async (e) => {
      roots = roots.filter((r) => !e.removed.some((f) => URI.parse(f.uri).fsPath === r));
      roots.push(...e.added.map((f) => URI.parse(f.uri).fsPath));
      rediscover();
      await pullSettings();
      reloadIndex();
      revalidateAll();
    });
  });

  connection.onDidChangeConfiguration(async (change) => {
    await pullSettings(change.settings?.kehoach);
    reloadIndex();
    revalidateAll();
  });

  // The client watches `.kehoach/directives.*` and the configured index files:
  // only the files it reports are read again.
  connection.onDidChangeWatchedFiles(async (params) => {
    for (const change of params.changes) indexFiles.forget(URI.parse(change.uri).fsPath);
    rediscover();
    await pullSettings();
    reloadIndex();
    revalidateAll();
  });

  // The user trusted the workspace (the client's onDidGrantWorkspaceTrust): read its index files now.
  connection.onNotification(NOTIFICATIONS.workspaceTrusted, () => {
    if (workspaceTrusted) return;
    workspaceTrusted = true;
    log({ vi: 'Thư mục làm việc đã được tin cậy: đọc các tệp danh mục văn bản của thư mục.', en: 'The workspace is trusted now: reading its directive index files.' }[language]);
    void pullSettings().then(() => {
      reloadIndex();
      revalidateAll();
    });
  });

  documents.onDidOpen((e) => {
    if (noteRoot(e.document.uri)) reloadIndex();
    schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => schedule(e.document, DEBOUNCE_MS));
  documents.onDidClose((e) => {
    const pending = timers.get(e.document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(e.document.uri);
    analyses.forget(e.document.uri);
    announcedSkips.delete(`tooLarge ${e.document.uri}`);
    announcedSkips.delete(`notText ${e.document.uri}`);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  registerFeatures(connection, documents, {
    analyses,
    index: indexFor,
    language: () => language,
    settings: settingsFor,
    // The nearest configuration root takes an added index entry.
    roots: configRoots,
    shouldCheck,
    reloadIndex: () => {
      // Asked for (the command, or after writing a file): every file is read again.
      indexFiles.clear();
      reloadIndex();
      revalidateAll();
    },
    log,
    logError,
    clientCapabilities: () => clientCapabilities,
  });

  return {
    documents,
    listen() {
      documents.listen(connection);
      connection.listen();
    },
    log,
    logError,
  };
}
