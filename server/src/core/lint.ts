// The pure pipeline: normalise → parse → rules → diagnostics on the original
// text. The language server and the command line are thin adapters over it.

import { DirectiveIndex } from './index/directiveIndex';
import { LabelTable } from './plan/labels';
import type { Plan } from './plan/model';
import { carryHeader, headerOf } from './plan/header';
import { parsePlan, reparse } from './plan/parse';
import { RULES } from './rules';
import { factsOf, keepFound } from './rules/found';
import type { Level, Msg, Severity } from './rules/types';
import type { TextChange } from './text/change';
import { LineIndex, Range } from './text/lineIndex';
import { mapRange, OffsetRange } from './text/normalize';
import { renormalize } from './text/renormalize';
import { disabledRules } from './suppress';

/** Default of `kehoach.maxFileSize` (MB): above it a file is not analysed, so the editor stays responsive. */
export const DEFAULT_MAX_FILE_SIZE_MB = 5;

/**
 * Findings kept per file. Beyond it the editor's Problems list is no help and
 * its protocol traffic would slow typing; one information line says how many
 * more there are.
 */
export const MAX_DIAGNOSTICS = 1000;

export interface LintOptions {
  index?: DirectiveIndex;
  /** Rule id → level; missing ids keep their default. */
  levels?: Record<string, Level>;
  labels?: LabelTable;
  /** `kehoach.maxFileSize` in MB (UTF-8 size); default DEFAULT_MAX_FILE_SIZE_MB. */
  maxFileSizeMb?: number;
  /** How the size limit is named in the message (the setting, or the command line's option). */
  sizeLimitName?: Msg;
  /** `kehoach.locality` / `--locality`: the locality of plans whose header names none. */
  locality?: string;
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
  /** The finding's facts as JSON (Rule.facts); its fixes read the rule's typed data instead (rules/found.ts). */
  data?: Record<string, unknown>;
}

export interface LintResult {
  plan?: Plan;
  /** Why the text was not analysed, when it was not. */
  skipped?: 'tooLarge' | 'notText';
  lineIndex: LineIndex;
  diagnostics: Diagnostic[];
  /** Where the plan stands for its citations (its locality, header or setting, and its date): hovers read them as the rules did. */
  place?: PlanPlace;
}

export interface PlanPlace {
  locality?: string;
  planDate?: string;
}

/** Size of a text in UTF-8 bytes, as it is stored on disk. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A usable limit in MB: a positive number, else the default. */
export function maxFileSizeMb(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : DEFAULT_MAX_FILE_SIZE_MB;
}

/** The editor's name for the size limit; the command line names its option instead. */
export const SETTING_SIZE_LIMIT: Msg = { vi: 'cài đặt kehoach.maxFileSize', en: 'kehoach.maxFileSize' };

/** The message for a file of `bytes` over the limit, or undefined when it is within it. */
export function tooLarge(bytes: number, limitMb: number = DEFAULT_MAX_FILE_SIZE_MB, limitName: Msg = SETTING_SIZE_LIMIT): Msg | undefined {
  const limit = maxFileSizeMb(limitMb);
  if (bytes <= limit * 1_000_000) return undefined;
  const mb = (bytes / 1_000_000).toFixed(1);
  return {
    vi: `Tệp quá lớn (${mb} MB, giới hạn ${limit} MB theo ${limitName.vi}): không kiểm tra.`,
    en: `File too large (${mb} MB, limit ${limit} MB set by ${limitName.en}): not checked.`,
  };
}

/** Why a text is not analysed, if it is not: too large, or not text (NUL characters). */
export function skipReason(text: string, limitMb: number = DEFAULT_MAX_FILE_SIZE_MB, limitName?: Msg): { kind: 'tooLarge' | 'notText'; message: Msg } | undefined {
  // UTF-8 takes at least one byte per UTF-16 unit and at most three: count only near the limit.
  const limit = maxFileSizeMb(limitMb) * 1_000_000;
  if (text.length * 3 > limit) {
    const big = tooLarge(text.length > limit ? text.length : utf8Length(text), limitMb, limitName);
    if (big) return { kind: 'tooLarge', message: big };
  }
  if (text.includes('\u0000')) {
    return { kind: 'notText', message: { vi: 'Tệp không phải văn bản (có ký tự NUL): không kiểm tra.', en: 'Not a text file (contains NUL characters): not checked.' } };
  }
  return undefined;
}

/** The message of skipReason, for callers that only show it. */
export function unreadable(text: string, limitMb: number = DEFAULT_MAX_FILE_SIZE_MB, limitName?: Msg): Msg | undefined {
  return skipReason(text, limitMb, limitName)?.message;
}

/** The one finding of a text that is not analysed: at the start, information. */
export function unreadableDiagnostic(message: Msg): Diagnostic {
  const at = { line: 0, character: 0 };
  return { code: 'unreadable-file', severity: 'information', message, range: { start: at, end: at }, offsets: { start: 0, end: 0 }, related: [] };
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  const lineIndex = new LineIndex(text);
  const why = skipReason(text, options.maxFileSizeMb, options.sizeLimitName);
  if (why) return { skipped: why.kind, lineIndex, diagnostics: [unreadableDiagnostic(why.message)] };
  const plan = parsePlan(text, { labels: options.labels });
  return { plan, lineIndex, diagnostics: lintPlan(plan, lineIndex, options), place: planPlace(plan, options) };
}

/**
 * `lint(text)` after an edit of the text `prev` was made from: the edited lines
 * are normalised and read again, the rest of the previous analysis is reused
 * (see renormalize, reparse). `edit` covers every changed character of the
 * original text (coverChange joins several edits). The same result as
 * `lint(text)` (property-tested); falls back to it when the previous analysis
 * cannot be reused.
 */
export function lintAfterEdit(prev: LintResult | undefined, text: string, edit: TextChange, options: LintOptions = {}): LintResult {
  // The previous text was read, so it held no NUL: only the inserted text can.
  const nearLimit = text.length * 3 > maxFileSizeMb(options.maxFileSizeMb) * 1_000_000;
  if (!prev?.plan || nearLimit || text.slice(edit.start, edit.newEnd).includes('\u0000')) return lint(text, options);
  const next = renormalize(prev.plan.nt, text, edit);
  if (!next) return lint(text, options);
  const plan = reparse(prev.plan, next, { labels: options.labels });
  carryHeader(prev.plan, plan);
  const lineIndex = LineIndex.afterEdit(prev.lineIndex, text, edit);
  return { plan, lineIndex, diagnostics: lintPlan(plan, lineIndex, options), place: planPlace(plan, options) };
}

export function lintPlan(plan: Plan, lineIndex: LineIndex, options: LintOptions = {}): Diagnostic[] {
  const index = options.index ?? DirectiveIndex.empty();
  const disabled = disabledRules(plan);
  const out: Diagnostic[] = [];
  const context = { plan, index, ...planPlace(plan, options) };
  for (const rule of RULES) {
    const configured = options.levels?.[rule.id];
    const level = configured ?? rule.defaultSeverity;
    if (level === 'off') continue;
    for (const f of rule.check(context)) {
      const offsets = mapRange(plan.nt, f.span.start, f.span.end);
      const range = lineIndex.range(offsets.start, offsets.end);
      if (disabled(rule.id, range.start.line)) continue;
      const d: Diagnostic = {
        code: rule.id,
        severity: (configured as Severity | undefined) ?? f.severity ?? rule.defaultSeverity,
        message: f.message,
        range,
        offsets,
        related: (f.related ?? []).map((r) => {
          const o = mapRange(plan.nt, r.span.start, r.span.end);
          return { range: lineIndex.range(o.start, o.end), offsets: o, message: r.message };
        }),
        data: factsOf(rule, f.data),
      };
      keepFound(d, rule, f.data, plan);
      out.push(d);
    }
  }
  out.sort((a, b) => a.offsets.start - b.offsets.start || a.code.localeCompare(b.code));
  return capped(out, lineIndex);
}

/** Where the plan stands, for its citations: its locality and its own date. */
export function planPlace(plan: Plan, options: LintOptions = {}): PlanPlace {
  const out: PlanPlace = {};
  const header = headerOf(plan);
  // The header's locality wins over the setting; a central body's plan has none of its own.
  const locality = header.locality ?? (header.central ? undefined : options.locality?.trim());
  if (locality) out.locality = locality;
  if (header.date) out.planDate = header.date.iso;
  return out;
}

/** The first MAX_DIAGNOSTICS findings and, if more were found, one line saying so where the first dropped one stands. */
function capped(all: Diagnostic[], lineIndex: LineIndex): Diagnostic[] {
  if (all.length <= MAX_DIAGNOSTICS) return all;
  const kept = all.slice(0, MAX_DIAGNOSTICS);
  const next = all[MAX_DIAGNOSTICS];
  const more = all.length - MAX_DIAGNOSTICS;
  kept.push({
    code: 'too-many-findings',
    severity: 'information',
    message: {
      vi: `Còn ${more} vấn đề nữa từ đây không hiển thị (chỉ hiện ${MAX_DIAGNOSTICS} vấn đề đầu tiên của một tệp).`,
      en: `${more} more problems from here on are not shown (only the first ${MAX_DIAGNOSTICS} of a file are).`,
    },
    range: lineIndex.range(next.offsets.start, next.offsets.start),
    offsets: { start: next.offsets.start, end: next.offsets.start },
    related: [],
  });
  return kept;
}
