// Checking open documents: at once when opened, DEBOUNCE_MS after the last
// edit, all again after a settings or index change; results of an older
// version are never published over a newer one.

import * as path from 'path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { looksLikePlanText } from '../core/plan/parse';
import { noteRoot } from './configuration';
import { toLspDiagnostic } from './convert';
import { DEBOUNCE_MS } from './debounce';
import { reloadIndex } from './indexReload';
import { log, logError, ServerState, settingsFor } from './serverState';

/** Plain text and Markdown are checked only when they look like a plan. */
export function shouldCheck(state: ServerState, doc: TextDocument): boolean {
  if (doc.languageId === 'kehoach') return true;
  if (!settingsFor(state, doc.uri).detectPlans) return false;
  // Only the head is read: Markdown that is not a plan is never analysed.
  return looksLikePlanText(doc.getText());
}

async function validate(state: ServerState, doc: TextDocument): Promise<void> {
  const { language } = state;
  try {
    const version = doc.version;
    const result = shouldCheck(state, doc) ? state.analyses.get(doc) : undefined;
    const diagnostics = result?.diagnostics ?? [];
    if (result?.skipped) announceSkip(state, doc.uri, result.skipped, diagnostics[0]?.message[language] ?? '');
    // Never publish results of an older version over a newer one.
    const current = state.documents.get(doc.uri);
    if (!current || current.version !== version) return;
    await state.connection.sendDiagnostics({
      uri: doc.uri,
      version,
      diagnostics: diagnostics.map((d) => toLspDiagnostic(d, language, doc.uri)),
    });
  } catch (err) {
    logError(state, { vi: `Lỗi khi kiểm tra ${doc.uri}`, en: `Error while checking ${doc.uri}` }[language], err);
  }
}

/** Tells the user once per document why it is not checked; the diagnostic stays. */
function announceSkip(state: ServerState, uri: string, kind: 'tooLarge' | 'notText', message: string): void {
  const key = `${kind} ${uri}`;
  if (state.announcedSkips.has(key)) return;
  state.announcedSkips.add(key);
  log(state, `${URI.parse(uri).fsPath}: ${message}`);
  if (kind === 'tooLarge') void state.connection.window.showWarningMessage(`Kế hoạch: ${path.basename(URI.parse(uri).fsPath)}: ${message}`);
}

function schedule(state: ServerState, doc: TextDocument, delay: number): void {
  const { timers } = state;
  const pending = timers.get(doc.uri);
  if (pending) clearTimeout(pending);
  timers.set(
    doc.uri,
    setTimeout(() => {
      timers.delete(doc.uri);
      const current = state.documents.get(doc.uri);
      if (current) void validate(state, current);
    }, delay),
  );
}

export function revalidateAll(state: ServerState): void {
  state.analyses.clear();
  for (const doc of state.documents.all()) schedule(state, doc, 0);
}

/** Checks documents as they are opened and edited; forgets them when closed. */
export function watchDocuments(state: ServerState): void {
  const { documents } = state;
  documents.onDidOpen((e) => {
    if (noteRoot(state, e.document.uri)) reloadIndex(state);
    schedule(state, e.document, 0);
  });
  documents.onDidChangeContent((e) => schedule(state, e.document, DEBOUNCE_MS));
  documents.onDidClose((e) => {
    const pending = state.timers.get(e.document.uri);
    if (pending) clearTimeout(pending);
    state.timers.delete(e.document.uri);
    state.analyses.forget(e.document.uri);
    state.announcedSkips.delete(`tooLarge ${e.document.uri}`);
    state.announcedSkips.delete(`notText ${e.document.uri}`);
    void state.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
}
