// The VS Code extension: starts the kehoach language server and wires the
// editor-side pieces (watchers, commands, views) to it.

import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('Kế hoạch', { log: true });
  const configuredIndexFiles = (): string[] => vscode.workspace.getConfiguration('kehoach').get<string[]>('index.files', []);
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/.kehoach/directives.{json,csv}'),
    ...configuredIndexFiles().map((f) => vscode.workspace.createFileSystemWatcher(f)),
  ];
  context.subscriptions.push(output, ...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'kehoach' },
      { scheme: 'untitled', language: 'kehoach' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
    synchronize: { fileEvents: watchers },
    outputChannel: output,
    initializationOptions: { language: vscode.env.language.startsWith('en') ? 'en' : 'vi' },
  };
  client = new LanguageClient('kehoach', 'Kế hoạch', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
