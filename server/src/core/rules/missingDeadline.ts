// missing-deadline: every task says by when.

import { taskInfos } from '../plan/tasks';
import { taskLabel } from '../plan/headings';
import { DeadlineReason, deadlineKinds, TaskFieldData, taskFieldFixes } from './taskFieldFix';
import type { Finding, Rule } from './types';

export const missingDeadline: Rule<TaskFieldData<DeadlineReason>> = {
  id: 'missing-deadline',
  defaultSeverity: 'error',
  description: {
    vi: 'Mỗi nhiệm vụ phải có thời gian thực hiện (thời hạn hoàn thành).',
    en: 'Every task gives a deadline (*Thời gian thực hiện*).',
  },
  docs: 'docs/rules/missing-deadline.md',
  check({ plan }) {
    const out: Finding<TaskFieldData<DeadlineReason>>[] = [];
    for (const t of taskInfos(plan)) {
      const d = t.deadline;
      if (d.given) continue;
      const task = taskLabel(t);
      if (d.itemsWithout.length) {
        const n = d.itemsWithout.length;
        out.push({
          span: t.span,
          message: {
            vi: `Nhiệm vụ ${task}: ${n} nội dung chưa ghi thời gian hoàn thành (các nội dung khác có ghi, ví dụ “${d.text}”).`,
            en: `Task ${task}: ${n} item(s) give no deadline while the others do (e.g. “${d.text}”).`,
          },
          related: d.itemsWithout.map((it) => ({
            span: { start: it.span.start, end: Math.min(it.span.end, it.span.start + 80) },
            message: { vi: 'Nội dung chưa có thời gian', en: 'Item without a deadline' },
          })),
          data: { task: t, reason: 'items' },
        });
        continue;
      }
      out.push({
        span: t.span,
        message: d.emptyField
          ? {
              vi: `Nhiệm vụ ${task}: mục thời gian thực hiện để trống.`,
              en: `Task ${task}: the deadline field is empty.`,
            }
          : {
              vi: `Nhiệm vụ ${task} chưa có thời gian thực hiện.`,
              en: `Task ${task} gives no deadline.`,
            },
        related: d.emptyField
          ? [{ span: d.emptyField.labelSpan, message: { vi: 'Mục để trống', en: 'Empty field' } }]
          : undefined,
        data: { task: t, reason: d.emptyField ? 'empty' : 'none' },
      });
    }
    return out;
  },
  facts: ({ task, reason }) => ({ task: task.number, reason }),
  fixes: ({ data: { task, reason } }, ctx) => taskFieldFixes(ctx, task, deadlineKinds(reason), false),
};
