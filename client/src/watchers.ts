// Watches the directive index files — each workspace's
// `.kehoach/directives.{json,csv}` and the files of `kehoach.index.files` —
// and tells the server (workspace/didChangeWatchedFiles) when one changes.
// The watchers are recreated when the setting or the workspace folders change.

import * as path from 'path';
import * as vscode from 'vscode';
import { DidChangeWatchedFilesNotification, FileChangeType, LanguageClient } from 'vscode-languageclient/node';

const WORKSPACE_INDEX_GLOB = '**/.kehoach/{directives.json,directives.csv,config.json}';
const BATCH_MS = 100;

/** Patterns for the configured index files: absolute, `~/…`, or relative to each workspace folder. */
export function indexFilePatterns(files: string[], folders: readonly vscode.WorkspaceFolder[]): vscode.GlobPattern[] {
  const out: vscode.GlobPattern[] = [];
  const home = process.env.HOME ?? process.env.USERPROFILE;
  for (const raw of files) {
    if (typeof raw !== 'string' || !raw.trim()) continue;
    const f = home ? raw.replace(/^~(?=$|[\\/])/, home) : raw;
    if (path.isAbsolute(f)) {
      out.push(new vscode.RelativePattern(vscode.Uri.file(path.dirname(f)), path.basename(f)));
    } else {
      const rel = f.replace(/\\/g, '/').replace(/^\.\//, '');
      for (const folder of folders) out.push(new vscode.RelativePattern(folder, rel));
    }
  }
  return out;
}

export class IndexWatchers implements vscode.Disposable {
  private watchers: vscode.FileSystemWatcher[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private pending: { uri: string; type: FileChangeType }[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('kehoach.index.files')) this.recreate();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.recreate()),
    );
    this.recreate();
  }

  private recreate(): void {
    for (const w of this.watchers) w.dispose();
    const files = vscode.workspace.getConfiguration('kehoach').get<string[]>('index.files', []);
    const patterns: vscode.GlobPattern[] = [
      WORKSPACE_INDEX_GLOB,
      ...indexFilePatterns(Array.isArray(files) ? files : [], vscode.workspace.workspaceFolders ?? []),
    ];
    this.watchers = patterns.map((p) => {
      const w = vscode.workspace.createFileSystemWatcher(p);
      w.onDidCreate((uri) => this.queue(uri, FileChangeType.Created));
      w.onDidChange((uri) => this.queue(uri, FileChangeType.Changed));
      w.onDidDelete((uri) => this.queue(uri, FileChangeType.Deleted));
      return w;
    });
    this.log.info(`Watching ${patterns.length} index file pattern(s).`);
  }

  private queue(uri: vscode.Uri, type: FileChangeType): void {
    this.pending.push({ uri: uri.toString(), type });
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const changes = this.pending;
      this.pending = [];
      void this.client.sendNotification(DidChangeWatchedFilesNotification.type, { changes }).catch((err: unknown) => {
        this.log.error(`workspace/didChangeWatchedFiles: ${err instanceof Error ? err.message : String(err)}`);
      });
    }, BATCH_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.watchers) w.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
