// The status bar item on plan files: how many tasks, how many lack a lead
// agency or a deadline. Clicking it opens the Problems view.

import * as vscode from 'vscode';
import type { ActivePlan, ActivePlanTracker } from './activePlan';
import type { TaskListResult } from './protocol';

export function statusText(counts: TaskListResult['counts']): string {
  return vscode.l10n.t(
    '$(checklist) {0} tasks · {1} without lead · {2} without deadline',
    counts.tasks,
    counts.missingLead,
    counts.missingDeadline,
  );
}

export function createStatusBar(tracker: ActivePlanTracker): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('kehoach.tasks', vscode.StatusBarAlignment.Left, 100);
  item.name = vscode.l10n.t('Plan tasks');
  item.command = 'workbench.actions.view.problems';
  const update = (plan: ActivePlan | undefined) => {
    if (!plan) {
      item.hide();
      return;
    }
    const { counts } = plan.result;
    item.text = statusText(counts);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(
      vscode.l10n.t(
        'This plan has {0} tasks: {1} name no lead agency and {2} give no deadline.',
        counts.tasks,
        counts.missingLead,
        counts.missingDeadline,
      ),
    );
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('Click to open the Problems view.'));
    item.tooltip = tooltip;
    item.show();
  };
  update(tracker.current);
  const sub = tracker.onDidChange(update);
  return vscode.Disposable.from(sub, item);
}
