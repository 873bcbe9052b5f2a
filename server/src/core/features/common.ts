// Small helpers shared by the editor-feature providers: normalised spans to
// editor ranges, short labels, and finding the section around a line.

import type { LintResult } from '../lint';
import type { Plan, Section, Span } from '../plan/model';
import type { Range } from '../text/lineIndex';
import { mapRange } from '../text/normalize';
import { lastAtOrBefore } from '../text/search';

export type Lang = 'vi' | 'en';

/** A span of the normalised text as a range of the original (what the editor shows). */
export function rangeOf(result: LintResult, span: Span): Range {
  const o = mapRange(result.plan!.nt, span.start, span.end);
  return result.lineIndex.range(o.start, o.end);
}

/** The last section whose heading stands on or before `line` (sections are in document order). */
export function sectionBefore(plan: Plan, line: number): Section | undefined {
  const i = lastAtOrBefore(plan.sections.length, (k) => plan.sections[k].headingLine, line);
  return i >= 0 ? plan.sections[i] : undefined;
}

/** The line a normalised offset falls on. */
export function lineOf(plan: Plan, offset: number): number {
  return Math.max(0, lastAtOrBefore(plan.lines.length, (k) => plan.lines[k].start, offset));
}

/**
 * The normalised line holding an offset of the original text. Normalised and
 * original line numbers can differ (a bold heading glued to the line before
 * is split), so the look-up goes through offsets, which map monotonically.
 */
export function lineAtOriginal(plan: Plan, offset: number): number {
  return Math.max(0, lastAtOrBefore(plan.lines.length, (k) => plan.nt.toOriginal(plan.lines[k].start), offset));
}
