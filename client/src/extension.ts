// The VS Code extension: starts the kehoach language server and wires the
// editor-side pieces (watchers, commands, views) to it.

import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { ActivePlanTracker } from './activePlan';
import { registerCommands } from './commands';
import { PLAN_LANGUAGES, PLAN_SCHEMES, WorkspaceTrustedNotification } from './protocol';
import { SERVER_EXEC_ARGV } from './serverFlags';
import { createStatusBar } from './statusBar';
import { createTaskTree } from './taskTree';
import { IndexWatchers } from './watchers';

let client: LanguageClient | undefined;

/**
 * What activate() returns: enough for the in-editor test suite (test/suite/) to
 * time the cold start and to kill the server and see the client restart it.
 */
export interface KehoachApi {
  /** Date.now() when activation began. */
  readonly activatedAt: number;
  /** Process id of the running language server, if any. */
  serverPid(): number | undefined;
  /** Fires when the client stops, starts or restarts the server. */
  readonly onDidChangeState: vscode.Event<unknown>;
}

export async function activate(context: vscode.ExtensionContext): Promise<KehoachApi> {
  const activatedAt = Date.now();
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('Kế hoạch', { log: true });
  context.subscriptions.push(output);
  void vscode.commands.executeCommand('setContext', 'kehoach.tasks.state', 'none');

  const clientOptions: LanguageClientOptions = {
    documentSelector: PLAN_SCHEMES.flatMap((scheme) => PLAN_LANGUAGES.map((language) => ({ scheme, language }))),
    outputChannel: output,
    // In Restricted Mode the server reads no workspace index file (see README, Reliability).
    initializationOptions: { language: vscode.env.language.startsWith('en') ? 'en' : 'vi', workspaceTrusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('kehoach', 'Kế hoạch', serverOptions, clientOptions);
  const started = client;
  const api: KehoachApi = {
    activatedAt,
    serverPid: () => started.serverProcess?.pid,
    onDidChangeState: started.onDidChangeState,
  };
  const tracker = new ActivePlanTracker(client, output);
  // Commands first: they must exist even if the server fails to start.
  context.subscriptions.push(
    tracker,
    ...registerCommands({ context, client, output, tracker }),
    createTaskTree(tracker),
    createStatusBar(tracker),
  );
  try {
    await client.start();
  } catch (err) {
    output.error(`Không khởi động được máy chủ kehoach: ${err instanceof Error ? err.message : String(err)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The Kế hoạch language server could not start. See the output for details.'));
    return api;
  }
  context.subscriptions.push(new IndexWatchers(client, output));
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(WorkspaceTrustedNotification)));
  tracker.schedule(0);
  return api;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
