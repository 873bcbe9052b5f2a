// Helpers of the in-editor suite: the seeds, files in the test workspace, and
// waiting on VS Code's events (never on a fixed sleep).

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { KehoachApi } from '../../client/src/extension';

export const EXTENSION_ID = 'kehoach.kehoach';
/** The repository: this file runs as dist/test/suite/*.js. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SEED_000 = 'test/seeds/000_089bb949c9e0a859.txt';

/** How long to wait for the editor before failing with a message saying what for. */
export const WAIT_MS = 30_000;

export function seedText(relative: string): string {
  return fs.readFileSync(path.join(ROOT, relative), 'utf8');
}

/** Writes `text` as `name` in the first workspace folder (the runner gives an empty one). */
export async function workspaceFile(name: string, text: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs a workspace folder: the runner opens an empty one');
  const uri = vscode.Uri.joinPath(folder.uri, name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

export function extension(): vscode.Extension<KehoachApi> {
  const ext = vscode.extensions.getExtension<KehoachApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this editor`);
  return ext;
}

/** A diagnostic's code as a string, whether VS Code holds it bare or with its link. */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function kehoachDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kehoach');
}

function describe(diagnostics: vscode.Diagnostic[]): string {
  if (!diagnostics.length) return 'none';
  return diagnostics.map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).join(', ');
}

/**
 * Resolves with the document's kehoach diagnostics once `accept` takes them: checked
 * now, then on every onDidChangeDiagnostics for that document.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeout = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const now = kehoachDiagnostics(uri);
      if (!accept(now)) return false;
      done();
      resolve(now);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${timeout / 1000} s waiting for ${what}; diagnostics now: ${describe(kehoachDiagnostics(uri))}`));
    }, timeout);
    function done(): void {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/** Resolves when `accept` holds, checked now and whenever `event` fires. */
export function waitForEvent<T>(event: vscode.Event<unknown>, what: string, accept: () => T | undefined, timeout = WAIT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const v = accept();
      if (v === undefined) return;
      done();
      resolve(v);
    };
    const sub = event(check);
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${timeout / 1000} s waiting for ${what}`));
    }, timeout);
    function done(): void {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/** Lines (0-based) of the duplicate-section-number findings. */
export function duplicateLines(diagnostics: vscode.Diagnostic[]): number[] {
  return diagnostics.filter((d) => codeOf(d) === 'duplicate-section-number').map((d) => d.range.start.line);
}

/** The text of a hover's contents, whatever form each part takes. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}
