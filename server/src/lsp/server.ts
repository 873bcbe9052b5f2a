// The language server as a factory: every piece of state lives in the one
// ServerState a call of createServer makes, so a test can run a server
// in-process over in-memory streams and main.ts only wires stdio or IPC to it.
// Each handler group is a module over that state: initialize.ts (the
// handshake), workspaceEvents.ts (folders, settings, watched files, trust),
// validation.ts (document checks with debounce), configuration.ts (settings
// and nested roots), indexReload.ts (the indexes), featureContext.ts (features/).

import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IndexFiles } from '../node/indexCache';
import { bundledIndex } from '../node/bundledIndex';
import { registerServerFeatures } from './featureContext';
import { handleHandshake } from './initialize';
import { createState, log, logError } from './serverState';
import { watchDocuments } from './validation';
import { watchWorkspace } from './workspaceEvents';

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
  const state = createState(connection, host.indexFiles);
  handleHandshake(state);
  watchWorkspace(state);
  watchDocuments(state);
  registerServerFeatures(state);
  const { documents } = state;
  return {
    documents,
    listen() {
      documents.listen(connection);
      connection.listen();
    },
    log: (message) => log(state, message),
    logError: (message, err) => logError(state, message, err),
  };
}
