// What a rule is and what it finds. Rules read the parsed plan and the index;
// they return spans in the normalised text, which lint() maps back.

import type { DirectiveIndex } from '../index/directiveIndex';
import type { Plan, Span } from '../plan/model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Level = Severity | 'off';

/** A message in both languages; the adapter picks one. */
export interface Msg {
  vi: string;
  en: string;
}

export interface RelatedFinding {
  span: Span;
  message: Msg;
}

export interface Finding {
  span: Span;
  message: Msg;
  related?: RelatedFinding[];
  /** What a quick fix needs (expected number, indexed date…). */
  data?: Record<string, unknown>;
  /** This finding's severity when the user has not set the rule's level (a contradicted citation among hints). */
  severity?: Severity;
}

export interface RuleContext {
  plan: Plan;
  index: DirectiveIndex;
  /** The plan's locality: its header, else the `locality` setting. */
  locality?: string;
  /** The plan's own date (ISO), from its header. */
  planDate?: string;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /**
   * One-line description of what the rule checks: the only copy. npm run
   * build:manifest puts it in the settings (package.nls*.json) and the rules
   * tables of README.md and docs/rules/README.md, so it may use Markdown.
   */
  description: Msg;
  /** Relative path of the rule's documentation page. */
  docs: string;
  check(ctx: RuleContext): Finding[];
}

export function parseLevel(s: string): Level | undefined {
  switch (s.trim().toLowerCase()) {
    case 'off':
    case 'none':
      return 'off';
    case 'error':
      return 'error';
    case 'warning':
    case 'warn':
      return 'warning';
    case 'info':
    case 'information':
      return 'information';
    case 'hint':
      return 'hint';
    default:
      return undefined;
  }
}
