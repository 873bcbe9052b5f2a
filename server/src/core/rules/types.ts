// What a rule is, what it finds and how it fixes it. Rules read the parsed
// plan and the index; they return spans in the normalised text, which lint()
// maps back.

import type { Fix, TextEdit } from '../fixes/types';
import type { DirectiveIndex } from '../index/directiveIndex';
import type { Diagnostic, LintResult } from '../lint';
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

interface FindingBase {
  span: Span;
  message: Msg;
  related?: RelatedFinding[];
  /** This finding's severity when the user has not set the rule's level (a contradicted citation among hints). */
  severity?: Severity;
}

/**
 * What a rule found. `data` is typed by the rule (the task, section, row or
 * citation it is about, the expected number, the indexed dates…) and may hold
 * the plan's own objects: the rule's fixes receive exactly this, with no
 * lookup and no shape check. A rule with data gives it on every finding; a
 * finding without it gets no fix. (Optional rather than required by a
 * conditional type: that would make Rule<D> invariant, and RULES could not
 * list rules of different data.)
 */
export interface Finding<D = undefined> extends FindingBase {
  data?: D;
}

/** A finding as lint() reported it: the diagnostic (original-text offsets, LSP range) and the rule's data. */
export interface Found<D> {
  diagnostic: Diagnostic;
  data: D;
}

/** What a fix reads besides its finding: the analysis it was found in. */
export interface FixContext {
  result: LintResult;
  plan: Plan;
}

/** A JSON value: what may cross a process or protocol boundary. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/**
 * A command-style action, declared as data: the adapter offers it as an
 * editor command (the server runs `command` with the document's uri and
 * `arguments`) where the command is available.
 */
export interface RuleCommand {
  /** The action's title in the quick fix menu. */
  title: Msg;
  /** The command's own title (some clients show it). */
  commandTitle: Msg;
  /** The command id (`kehoach.addToIndex`). */
  command: string;
  /** JSON arguments; the adapter adds `uri`, the document the finding is in. */
  arguments: { [key: string]: Json };
}

/**
 * Fixing every finding of a rule at once (`source.fixAll`). Rules that share
 * one FixAll object (renumbering answers both numbering rules) are fixed
 * together, in one edit set.
 */
export interface FixAll<D> {
  title: Msg;
  /** Edits for every given finding; empty when there is nothing to fix. */
  edits(found: Found<D>[], ctx: FixContext): TextEdit[];
}

export interface RuleContext {
  plan: Plan;
  index: DirectiveIndex;
  /** The plan's locality: its header, else the `locality` setting. */
  locality?: string;
  /** The plan's own date (ISO), from its header. */
  planDate?: string;
}

/**
 * A rule, generic in the data of its findings. A rule that can fix its
 * findings declares it here (`fixes`, `commands`, `fixAll`); the fix
 * dispatcher and the editor adapter only look the rule up.
 */
export interface Rule<D = undefined> {
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
  check(ctx: RuleContext): Finding<D>[];
  /**
   * A finding's facts as JSON, for the diagnostic's `data` (the command
   * line's `--format json`, the LSP diagnostic). Without it the finding's
   * data is used as it is, and must then be JSON (a test checks it).
   */
  facts?(data: D): Record<string, Json>;
  /** Text fixes of one finding, in the order they are offered. */
  fixes?(found: Found<D>, ctx: FixContext): Fix[];
  /** Command-style actions of one finding. */
  commands?(found: Found<D>, ctx: FixContext): RuleCommand[];
  fixAll?: FixAll<D>;
}

/** Does the rule offer quick fixes (text fixes or commands)? Its docs say so. */
export function isFixable(rule: Rule<unknown>): boolean {
  return !!(rule.fixes || rule.commands);
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
