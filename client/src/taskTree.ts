// The *Nhiệm vụ* view in the Explorer: the tasks of the active plan, each with
// who leads it and by when. Fed by the server's `kehoach/tasks`; no parsing here.

import * as vscode from 'vscode';
import type { ActivePlan, ActivePlanTracker } from './activePlan';
import type { TaskEntry } from './protocol';

export const TASKS_VIEW_ID = 'kehoach.tasks';
export const REVEAL_TASK_COMMAND = 'kehoach.revealTask';

type Node =
  | { kind: 'task'; uri: vscode.Uri; task: TaskEntry; index: number }
  | { kind: 'lead' | 'deadline'; uri: vscode.Uri; task: TaskEntry; index: number };

export function taskLabel(task: TaskEntry): string {
  return `${task.number}. ${task.title}`.trim();
}

function taskComplete(task: TaskEntry): boolean {
  return task.leadStatus !== 'missing' && task.deadlineGiven;
}

function leadText(task: TaskEntry): string {
  if (task.leadStatus === 'missing' || !task.lead) return vscode.l10n.t('No lead agency');
  return vscode.l10n.t('Lead: {0}', task.lead);
}

function deadlineText(task: TaskEntry): string {
  if (!task.deadline) return vscode.l10n.t('No deadline');
  if (!task.deadlineGiven) return vscode.l10n.t('Deadline: {0} (some items have none)', task.deadline);
  return vscode.l10n.t('Deadline: {0}', task.deadline);
}

function taskTooltip(task: TaskEntry): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**');
  md.appendText(taskLabel(task));
  md.appendMarkdown('**\n\n- ');
  md.appendText(leadText(task));
  if (task.leadStatus === 'collective') md.appendText(` ${vscode.l10n.t('(collective)')}`);
  md.appendMarkdown('\n- ');
  md.appendText(deadlineText(task));
  return md;
}

export class TaskTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined | void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;
  private plan: ActivePlan | undefined;

  constructor(tracker: ActivePlanTracker) {
    this.plan = tracker.current;
    this.subscription = tracker.onDidChange((plan) => {
      this.plan = plan;
      this.emitter.fire();
    });
  }

  getChildren(node?: Node): Node[] {
    const plan = this.plan;
    if (!plan) return [];
    const uri = plan.document.uri;
    if (!node) return plan.result.tasks.map((task, index) => ({ kind: 'task', uri, task, index }));
    if (node.kind !== 'task') return [];
    return [
      { kind: 'lead', uri: node.uri, task: node.task, index: node.index },
      { kind: 'deadline', uri: node.uri, task: node.task, index: node.index },
    ];
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'task' ? undefined : { kind: 'task', uri: node.uri, task: node.task, index: node.index };
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const { task } = node;
    const reveal: vscode.Command = {
      command: REVEAL_TASK_COMMAND,
      title: vscode.l10n.t('Go to task'),
      arguments: [node.uri, task.selectionRange],
    };
    // Stable across refreshes so that expansion state survives typing.
    const id = `${node.uri.toString()}#${node.index}:${task.number}`;
    if (node.kind === 'task') {
      const complete = taskComplete(task);
      const item = new vscode.TreeItem(
        taskLabel(task),
        complete ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = id;
      item.iconPath = complete
        ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
        : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      item.tooltip = taskTooltip(task);
      item.command = reveal;
      item.contextValue = complete ? 'kehoach.task' : 'kehoach.task.incomplete';
      return item;
    }
    if (node.kind === 'lead') {
      const missing = task.leadStatus === 'missing' || !task.lead;
      const item = new vscode.TreeItem(leadText(task), vscode.TreeItemCollapsibleState.None);
      item.id = `${id}/lead`;
      item.iconPath = missing
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
        : new vscode.ThemeIcon('organization');
      if (task.leadStatus === 'collective') item.description = vscode.l10n.t('(collective)');
      item.tooltip = leadText(task);
      item.command = reveal;
      return item;
    }
    const item = new vscode.TreeItem(deadlineText(task), vscode.TreeItemCollapsibleState.None);
    item.id = `${id}/deadline`;
    item.iconPath = task.deadlineGiven
      ? new vscode.ThemeIcon('calendar')
      : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.tooltip = deadlineText(task);
    item.command = reveal;
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** Creates the view; its description names the document shown. */
export function createTaskTree(tracker: ActivePlanTracker): vscode.Disposable {
  const provider = new TaskTreeProvider(tracker);
  const view = vscode.window.createTreeView(TASKS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const describe = (plan: ActivePlan | undefined) => {
    view.description = plan ? plan.document.uri.path.split('/').pop() : undefined;
  };
  describe(tracker.current);
  const sub = tracker.onDidChange(describe);
  return vscode.Disposable.from(sub, view, provider);
}
