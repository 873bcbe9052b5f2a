// The drafting style of a plan, read from its own fields, so that inserted
// lines and completed tasks look like their neighbours: which wording each
// label has, and whether work is assigned as a Party board does (002).

import { DEFAULT_LABELS } from './labels';
import type { FieldKind, Plan } from './model';

/** The usual wording, where the plan uses none of its own. */
export const PREFERRED_LABEL: Record<FieldKind, string> = {
  content: 'Nội dung cần khắc phục',
  solution: 'Giải pháp khắc phục',
  lead: 'Cơ quan chủ trì',
  coordination: 'Cơ quan phối hợp',
  executor: 'Cơ quan thực hiện',
  deadline: 'Thời gian thực hiện',
  oversight: 'Phân công theo dõi, chỉ đạo',
  advisor: 'Tham mưu',
};

/** The plan's most used wording of each field kind (ties: first seen). */
export function planLabels(plan: Plan): Record<FieldKind, string> {
  const counts = new Map<FieldKind, Map<string, number>>();
  for (const s of plan.sections) {
    for (const f of s.fields) {
      const byLabel = counts.get(f.kind) ?? new Map<string, number>();
      // Canonical capitalisation: the default list's spelling when it is one of them.
      const label = DEFAULT_LABELS[f.kind].find((d) => d.toLowerCase() === f.label.toLowerCase()) ?? f.label;
      byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
      counts.set(f.kind, byLabel);
    }
  }
  const out = { ...PREFERRED_LABEL };
  for (const [kind, byLabel] of counts) {
    let best = 0;
    for (const [label, n] of byLabel) if (n > best) [best, out[kind]] = [n, label];
  }
  return out;
}

/**
 * Work is assigned as a Party board does (002): more tasks name an overseeing
 * leader or an advising unit than a lead or executing agency.
 */
export function boardStyle(plan: Plan): boolean {
  let board = 0;
  let agency = 0;
  for (const s of plan.sections) {
    if (s.role !== 'task') continue;
    if (s.fields.some((f) => f.kind === 'oversight' || f.kind === 'advisor')) board++;
    else if (s.fields.some((f) => f.kind === 'lead' || f.kind === 'executor')) agency++;
  }
  return board > agency;
}
