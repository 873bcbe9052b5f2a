// A minimal LSP client for protocol tests: runs the server in this process
// over in-memory streams (createServer), or spawns `dist/server.js --stdio`
// where the test needs a real process (memory, a crash, the built bundle);
// initializes, and offers typed requests and a wait for diagnostics.

import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { PassThrough } from 'stream';
import { createConnection as createServerConnection } from 'vscode-languageserver/node';
import { createServer, ServerHost } from '../../server/src/lsp/server';
import {
  createMessageConnection,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface TestClient {
  connection: MessageConnection;
  /** The spawned server, when `spawn` was asked for. */
  process?: ChildProcess;
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  /** Resolves with the first publish for `uri` (at `version`, if given) matching `pred`. */
  waitForDiagnostics(uri: string, pred?: (d: Diagnostic[], version?: number) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, languageId?: string, version?: number): void;
  change(uri: string, version: number, changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): void;
  close(): Promise<void>;
  stderr: string[];
  logs: string[];
  /** Every workspace/applyEdit the server sent (answered per the `applyEdit` option). */
  applyEdits: { label?: string; edit: unknown; metadata?: unknown }[];
  /** Every window/showMessage: type 1 error, 2 warning, 3 info, 4 log. */
  messages: { type: number; message: string }[];
}

export interface ServerOptions {
  locale?: string;
  rootUri?: string | null;
  /** Workspace folders (default: rootUri alone, named "ws"). */
  workspaceFolders?: { uri: string; name: string }[];
  initializationOptions?: unknown;
  configuration?: Record<string, unknown>;
  applyEdit?: 'apply' | 'refuse' | 'unsupported';
  /** What an in-process server reads through (default: the disk). */
  host?: ServerHost;
  /** Spawn `dist/server.js` (with these Node flags) instead of running the server in-process. */
  spawn?: boolean;
  execArgv?: string[];
}

/** The client's end of a server: a child process, or a createServer over in-memory streams. */
function serverStreams(options: ServerOptions, stderr: string[]): { reader: NodeJS.ReadableStream; writer: NodeJS.WritableStream; child?: ChildProcess; stop(): void } {
  if (options.spawn || options.execArgv) {
    const child = spawn(process.execPath, [...(options.execArgv ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', (b: Buffer) => stderr.push(b.toString()));
    return { reader: child.stdout!, writer: child.stdin!, child, stop: () => child.kill() };
  }
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const connection = createServerConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  createServer(connection, options.host).listen();
  return { reader: toClient, writer: toServer, stop: () => connection.dispose() };
}

export async function startServer(options: ServerOptions = {}): Promise<TestClient> {
  const stderr: string[] = [];
  const server = serverStreams(options, stderr);
  const child = server.child;
  const connection = createMessageConnection(new StreamMessageReader(server.reader), new StreamMessageWriter(server.writer));
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const waiters: { uri: string; pred: (d: Diagnostic[], v?: number) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.pred(p.diagnostics, p.version)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
    p.items.map((i) => (i.section === 'kehoach' ? options.configuration ?? {} : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  // The test applies recorded edits itself; 'unsupported' leaves the method unanswered (MethodNotFound).
  const applyEdits: TestClient['applyEdits'] = [];
  const messages: TestClient['messages'] = [];
  if (options.applyEdit !== 'unsupported') {
    connection.onRequest('workspace/applyEdit', (p: TestClient['applyEdits'][number]): { applied: boolean; failureReason?: string } => {
      applyEdits.push(p);
      return options.applyEdit === 'refuse' ? { applied: false, failureReason: 'refused by the test' } : { applied: true };
    });
  }
  connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
    messages.push(p);
  });
  connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
    messages.push({ type: p.type, message: p.message });
    return null;
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: child ? process.pid : null,
    rootUri: options.rootUri ?? null,
    locale: options.locale ?? 'vi',
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, applyEdit: true, workspaceEdit: { documentChanges: true } },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
      },
    },
    initializationOptions: options.initializationOptions,
    workspaceFolders: options.workspaceFolders ?? (options.rootUri ? [{ uri: options.rootUri, name: 'ws' }] : null),
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    published,
    stderr,
    logs,
    applyEdits,
    messages,
    waitForDiagnostics(uri, pred = () => true, timeoutMs = 10000) {
      const already = published.find((p) => p.uri === uri && pred(p.diagnostics, p.version));
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(published.filter((p) => p.uri === uri).map((p) => [p.version, p.diagnostics.map((d) => d.code)]))}`)), timeoutMs);
        waiters.push({ uri, pred, resolve: (p) => { clearTimeout(timer); resolve(p); } });
      });
    },
    open(uri, text, languageId = 'kehoach', version = 1) {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    change(uri, version, changes) {
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    },
    async close() {
      try {
        await connection.sendRequest('shutdown');
        // `exit` ends the process it reaches: in-process, that would be the test runner.
        if (child) await connection.sendNotification('exit');
      } catch {
        /* the server may already be gone */
      }
      connection.dispose();
      server.stop();
    },
  };
}
