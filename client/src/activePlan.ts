// The tasks of the active editor's document, asked of the server and kept up
// to date: when the active editor changes, as its text changes (debounced),
// and when its diagnostics change. The tree view and the status bar listen.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isCandidate, PLAN_SCHEMES, TaskListResult, TasksRequest } from './protocol';

export type PlanState = 'none' | 'notPlan' | 'empty' | 'plan';

export interface ActivePlan {
  document: vscode.TextDocument;
  result: TaskListResult;
}

const DEBOUNCE_MS = 200;

export class ActivePlanTracker implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ActivePlan | undefined>();
  /** Fires with the tasks of the active document, or undefined when it is not a plan. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private timer: NodeJS.Timeout | undefined;
  private sequence = 0;
  private _current: ActivePlan | undefined;
  private _state: PlanState = 'none';

  constructor(
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && e.document === vscode.window.activeTextEditor?.document) this.schedule(DEBOUNCE_MS);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        // The language of the active document may change (plaintext → kehoach).
        if (d.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.schedule(DEBOUNCE_MS);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule(DEBOUNCE_MS);
      }),
    );
  }

  get current(): ActivePlan | undefined {
    return this._current;
  }

  get state(): PlanState {
    return this._state;
  }

  /** Asks again at once (or after `delay` ms, coalescing calls). */
  schedule(delay = 0): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  async refresh(): Promise<void> {
    const seq = ++this.sequence;
    const editor = vscode.window.activeTextEditor;
    // No editor, or one that is not a document (Output panel, diff, settings):
    // keep showing the last plan while it is still visible, so that moving the
    // focus to the tree or a panel does not empty the view.
    if (!editor || !PLAN_SCHEMES.includes(editor.document.uri.scheme)) {
      const last = this._current?.document;
      if (last && !last.isClosed && vscode.window.visibleTextEditors.some((e) => e.document === last)) return;
      return this.publish(undefined, editor ? 'notPlan' : 'none');
    }
    const document = editor.document;
    if (!isCandidate(document)) return this.publish(undefined, 'notPlan');
    // Asked again once the server has started.
    if (!this.client.isRunning()) return;
    let result: TaskListResult;
    try {
      result = await this.client.sendRequest(TasksRequest, { uri: document.uri.toString() });
    } catch (err) {
      if (seq !== this.sequence) return;
      this.log.error(`kehoach/tasks ${document.uri.toString()}: ${err instanceof Error ? err.message : String(err)}`);
      return this.publish(undefined, 'notPlan');
    }
    // A newer request has been sent meanwhile: its answer wins.
    if (seq !== this.sequence) return;
    if (!result.isPlan) return this.publish(undefined, 'notPlan');
    this.publish({ document, result }, result.tasks.length ? 'plan' : 'empty');
  }

  private publish(plan: ActivePlan | undefined, state: PlanState): void {
    this._current = plan;
    if (state !== this._state) {
      this._state = state;
      void vscode.commands.executeCommand('setContext', 'kehoach.tasks.state', state);
    }
    this.emitter.fire(plan);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
