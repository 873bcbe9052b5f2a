// Where the labels a workspace adds (`kehoach.labels.*`) stand, for semantic
// tokens. The generated TextMate grammars colour the built-in labels; a label
// only this workspace reads is known from the analysed plan alone.

import type { LintResult } from '../lint';
import { DEFAULT_LABEL_TABLE } from '../plan/labels';
import type { Field, FieldKind } from '../plan/model';
import { mapRange } from '../text/normalize';

export interface LabelToken {
  /** Position in the original text (0-based line, UTF-16 character). */
  line: number;
  character: number;
  length: number;
  kind: FieldKind;
}

/** Each field once: a numbered field is also its own section's title. */
function fieldsOf(result: LintResult): Field[] {
  const seen = new Set<number>();
  return result.plan!.sections.flatMap((s) => s.fields).filter((f) => !seen.has(f.labelSpan.start) && seen.add(f.labelSpan.start));
}

/** The labels read through the workspace's own label lists, in document order. */
export function addedLabelTokens(result: LintResult): LabelToken[] {
  if (!result.plan) return [];
  const plan = result.plan;
  const tokens: LabelToken[] = [];
  for (const f of fieldsOf(result)) {
    if (DEFAULT_LABEL_TABLE.kindOf(f.label)) continue;
    const { start, end } = mapRange(plan.nt, f.labelSpan.start, f.labelSpan.end);
    const pos = result.lineIndex.positionAt(start);
    tokens.push({ line: pos.line, character: pos.character, length: end - start, kind: f.kind });
  }
  return tokens.sort((a, b) => a.line - b.line || a.character - b.character);
}
