// missing-lead-agency: every task names the body that leads it.

import { taskInfos } from '../plan/tasks';
import { taskLabel } from '../plan/headings';
import { LeadReason, leadKinds, TaskFieldData, taskFieldFixes } from './taskFieldFix';
import type { Finding, Msg, Rule } from './types';

function message(task: string, reason: string | undefined, names: string[]): Msg {
  switch (reason) {
    case 'empty':
      return {
        vi: `Nhiệm vụ ${task}: mục cơ quan chủ trì để trống.`,
        en: `Task ${task}: the lead agency field is empty.`,
      };
    case 'no-single-lead':
      return {
        vi: `Nhiệm vụ ${task}: giao cho nhiều cơ quan (${names.join(', ')}) nhưng không nêu cơ quan nào chủ trì.`,
        en: `Task ${task}: assigned to several bodies (${names.join(', ')}) with none named to lead.`,
      };
    case 'no-advisor':
      return {
        vi: `Nhiệm vụ ${task}: có phân công theo dõi, chỉ đạo nhưng chưa giao đơn vị tham mưu.`,
        en: `Task ${task}: an overseeing leader is assigned but no advising unit (Tham mưu).`,
      };
    case 'no-oversight':
      return {
        vi: `Nhiệm vụ ${task}: có đơn vị tham mưu nhưng chưa phân công đồng chí theo dõi, chỉ đạo.`,
        en: `Task ${task}: an advising unit is named but no overseeing leader (Phân công theo dõi, chỉ đạo).`,
      };
    default:
      return {
        vi: `Nhiệm vụ ${task} chưa có cơ quan chủ trì.`,
        en: `Task ${task} names no lead agency.`,
      };
  }
}

export const missingLeadAgency: Rule<TaskFieldData<LeadReason>> = {
  id: 'missing-lead-agency',
  defaultSeverity: 'error',
  description: {
    vi: 'Mỗi nhiệm vụ phải có cơ quan (đơn vị) chủ trì, hoặc đơn vị tham mưu cùng đồng chí phụ trách theo dõi, chỉ đạo.',
    en: 'Every task names its lead agency (*Cơ quan chủ trì*), or an advising unit (*Tham mưu*) with an overseeing leader (*Phân công theo dõi, chỉ đạo*).',
  },
  docs: 'docs/rules/missing-lead-agency.md',
  check({ plan }) {
    const out: Finding<TaskFieldData<LeadReason>>[] = [];
    for (const t of taskInfos(plan)) {
      if (t.lead.status !== 'missing') continue;
      const f = t.lead.field;
      out.push({
        span: t.span,
        message: message(taskLabel(t), t.lead.reason, t.lead.names),
        related: f
          ? [{ span: f.labelSpan, message: { vi: 'Mục phân công ở đây', en: 'Assignment given here' } }]
          : undefined,
        data: { task: t, reason: t.lead.reason ?? 'none' },
      });
    }
    return out;
  },
  facts: ({ task, reason }) => ({ task: task.number, reason }),
  fixes: ({ data: { task, reason } }, ctx) => taskFieldFixes(ctx, task, leadKinds(ctx.plan, reason), true),
};
