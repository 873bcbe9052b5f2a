// The tree view and the status bar, run against a fake `vscode` module and the
// real task list from the server's core (VS Code itself cannot run here).

import assert from 'node:assert/strict';
import Module from 'module';
import * as path from 'path';
import { taskList, TaskListResult } from '../../server/src/core/features/taskList';
import { lint } from '../../server/src/core/lint';
import { seed, SEEDS } from '../helpers';
import * as fakeVscode from './fakeVscode';

// Route `import 'vscode'` in the client to the fake.
const resolver = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const original = resolver._resolveFilename;
resolver._resolveFilename = function (request: string, ...rest: unknown[]) {
  if (request === 'vscode') return path.join(__dirname, 'fakeVscode.ts');
  return original.call(this, request, ...rest);
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tree: typeof import('../../client/src/taskTree') = require('../../client/src/taskTree');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const status: typeof import('../../client/src/statusBar') = require('../../client/src/statusBar');

type Listener = (plan: unknown) => void;

function fakeTracker(result: TaskListResult | undefined) {
  const listeners: Listener[] = [];
  const document = { uri: { toString: () => 'file:///plan.kh', path: '/drafts/plan.kh' } };
  const tracker = {
    current: result ? { document, result } : undefined,
    onDidChange: (l: Listener) => {
      listeners.push(l);
      return { dispose() {} };
    },
    set(next: TaskListResult | undefined) {
      tracker.current = next ? { document, result: next } : undefined;
      for (const l of listeners) l(tracker.current);
    },
  };
  return tracker;
}

function without002ThamMuu(): string {
  const lines = seed(SEEDS.plan002).split('\n');
  const five = lines.findIndex((l) => l.startsWith('5. '));
  lines.splice(lines.findIndex((l, i) => i > five && /Tham mưu/.test(l)), 1);
  return lines.join('\n');
}

describe('client views (fake vscode)', () => {
  after(() => {
    resolver._resolveFilename = original;
  });

  it('shows each task with its lead and deadline, in Vietnamese', () => {
    fakeVscode.fake.language = 'vi';
    const result = taskList(lint(seed(SEEDS.plan000)));
    const provider = new tree.TaskTreeProvider(fakeTracker(result) as never);
    const roots = provider.getChildren();
    assert.equal(roots.length, 8);
    const item = provider.getTreeItem(roots[0]) as unknown as fakeVscode.TreeItem;
    assert.equal(item.label, '1.1. Công tác tổ chức xây dựng Đảng');
    assert.equal((item.iconPath as fakeVscode.ThemeIcon).id, 'pass');
    const cmd = item.command as { command: string; arguments: unknown[] };
    assert.equal(cmd.command, 'kehoach.revealTask');
    assert.deepEqual(cmd.arguments[1], result.tasks[0].selectionRange);
    const children = provider.getChildren(roots[0]).map((c) => (provider.getTreeItem(c) as unknown as fakeVscode.TreeItem).label);
    assert.deepEqual(children, ['Chủ trì: Ban Tổ chức Đảng ủy', 'Thời gian: Hoàn thành trong quý II/2026']);
    const collective = provider.getChildren(roots[3]).map((c) => provider.getTreeItem(c) as unknown as fakeVscode.TreeItem);
    assert.equal(collective[0].label, 'Chủ trì: Các ban, cơ quan của Đảng ủy');
    assert.equal(collective[0].description, '(tập thể)');
    // Ids are unique, so that VS Code keeps expansion state across refreshes.
    const ids = roots.flatMap((r) => [r, ...provider.getChildren(r)]).map((n) => (provider.getTreeItem(n) as unknown as fakeVscode.TreeItem).id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('marks a task without a lead with a warning and says what is missing', () => {
    const result = taskList(lint(without002ThamMuu()));
    const tracker = fakeTracker(undefined);
    const provider = new tree.TaskTreeProvider(tracker as never);
    assert.deepEqual(provider.getChildren(), []);
    let fired = 0;
    provider.onDidChangeTreeData(() => fired++);
    tracker.set(result);
    assert.equal(fired, 1);
    const roots = provider.getChildren();
    assert.equal(roots.length, 5);
    const five = provider.getTreeItem(roots[4]) as unknown as fakeVscode.TreeItem;
    assert.equal((five.iconPath as fakeVscode.ThemeIcon).id, 'warning');
    assert.equal(five.collapsibleState, fakeVscode.TreeItemCollapsibleState.Expanded);
    const lead = provider.getTreeItem(provider.getChildren(roots[4])[0]) as unknown as fakeVscode.TreeItem;
    assert.equal(lead.label, 'Chưa có cơ quan chủ trì');
    assert.equal((provider.getTreeItem(roots[0]) as unknown as fakeVscode.TreeItem).collapsibleState, fakeVscode.TreeItemCollapsibleState.Collapsed);
  });

  it('says "Chưa có thời gian" for a task without a deadline, and speaks English too', () => {
    const text = ['KẾ HOẠCH', '', 'II. NHIỆM VỤ', '1. Công tác cán bộ', '- Cơ quan chủ trì: Ban Tổ chức.', ''].join('\n');
    const provider = new tree.TaskTreeProvider(fakeTracker(taskList(lint(text), true)) as never);
    const [task] = provider.getChildren();
    const labels = () => provider.getChildren(task).map((c) => (provider.getTreeItem(c) as unknown as fakeVscode.TreeItem).label);
    assert.deepEqual(labels(), ['Chủ trì: Ban Tổ chức', 'Chưa có thời gian']);
    fakeVscode.fake.language = 'en';
    try {
      assert.deepEqual(labels(), ['Lead: Ban Tổ chức', 'No deadline']);
    } finally {
      fakeVscode.fake.language = 'vi';
    }
  });

  it('shows the counts in the status bar on plans and hides it otherwise', () => {
    const tracker = fakeTracker(taskList(lint(without002ThamMuu())));
    const disposable = status.createStatusBar(tracker as never);
    const item = fakeVscode.fake.statusItems.at(-1)!;
    assert.equal(item.visible, true);
    assert.equal(item.text, '$(checklist) 5 nhiệm vụ · 1 thiếu chủ trì · 0 thiếu thời hạn');
    assert.equal(item.command, 'workbench.actions.view.problems');
    assert.match((item.tooltip as fakeVscode.MarkdownString).value, /chưa có cơ quan chủ trì/);
    tracker.set(undefined);
    assert.equal(item.visible, false);
    disposable.dispose();
    assert.equal(
      status.statusText({ tasks: 9, missingLead: 1, missingDeadline: 0 }),
      '$(checklist) 9 nhiệm vụ · 1 thiếu chủ trì · 0 thiếu thời hạn',
    );
  });
});
