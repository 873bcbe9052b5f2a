// The pure pipeline: normalise → parse → rules → diagnostics on the original
// text. The language server and the command line are thin adapters over it.

import { DirectiveIndex } from './index/directiveIndex';
import { LabelTable } from './plan/labels';
import type { Plan } from './plan/model';
import { parsePlan } from './plan/parse';
import { RULES } from './rules';
import type { Level, Msg, Severity } from './rules/types';
import { LineIndex, Range } from './text/lineIndex';
import { mapRange, OffsetRange } from './text/normalize';
import { disabledRules } from './suppress';

/** Above this size a file is not analysed (the editor stays responsive). */
export const MAX_TEXT_LENGTH = 5_000_000;

export interface LintOptions {
  index?: DirectiveIndex;
  /** Rule id → level; missing ids keep their default. */
  levels?: Record<string, Level>;
  labels?: LabelTable;
}

export interface RelatedDiagnostic {
  range: Range;
  offsets: OffsetRange;
  message: Msg;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: Msg;
  range: Range;
  /** Offsets in the original text. */
  offsets: OffsetRange;
  related: RelatedDiagnostic[];
  data?: Record<string, unknown>;
}

export interface LintResult {
  plan?: Plan;
  lineIndex: LineIndex;
  diagnostics: Diagnostic[];
}

/** Why a text is not analysed, if it is not. */
export function unreadable(text: string): Msg | undefined {
  if (text.length > MAX_TEXT_LENGTH) {
    const mb = (text.length / 1_000_000).toFixed(1);
    return {
      vi: `Tệp quá lớn (${mb} triệu ký tự, giới hạn 5 triệu): không kiểm tra.`,
      en: `File too large (${mb} M characters, limit 5 M): not checked.`,
    };
  }
  if (text.includes('\u0000')) {
    return { vi: 'Tệp không phải văn bản (có ký tự NUL): không kiểm tra.', en: 'Not a text file (contains NUL characters): not checked.' };
  }
  return undefined;
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  const lineIndex = new LineIndex(text);
  const why = unreadable(text);
  if (why) {
    return {
      lineIndex,
      diagnostics: [
        {
          code: 'unreadable-file',
          severity: 'information',
          message: why,
          range: lineIndex.range(0, 0),
          offsets: { start: 0, end: 0 },
          related: [],
        },
      ],
    };
  }
  const plan = parsePlan(text, { labels: options.labels });
  return { plan, lineIndex, diagnostics: lintPlan(plan, lineIndex, options) };
}

export function lintPlan(plan: Plan, lineIndex: LineIndex, options: LintOptions = {}): Diagnostic[] {
  const index = options.index ?? DirectiveIndex.empty();
  const disabled = disabledRules(plan);
  const out: Diagnostic[] = [];
  for (const rule of RULES) {
    const level = options.levels?.[rule.id] ?? rule.defaultSeverity;
    if (level === 'off') continue;
    for (const f of rule.check({ plan, index })) {
      const offsets = mapRange(plan.nt, f.span.start, f.span.end);
      const range = lineIndex.range(offsets.start, offsets.end);
      if (disabled(rule.id, range.start.line)) continue;
      out.push({
        code: rule.id,
        severity: level,
        message: f.message,
        range,
        offsets,
        related: (f.related ?? []).map((r) => {
          const o = mapRange(plan.nt, r.span.start, r.span.end);
          return { range: lineIndex.range(o.start, o.end), offsets: o, message: r.message };
        }),
        data: f.data,
      });
    }
  }
  out.sort((a, b) => a.offsets.start - b.offsets.start || a.code.localeCompare(b.code));
  return out;
}
