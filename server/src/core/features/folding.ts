// Folding ranges: parts and numbered sections from their heading line to
// their last non-blank line, labelled fields with a body (002's `* Giải pháp
// thực hiện:` and its bullets), tables, and the Nơi nhận block. Lines are
// lines of the original text.

import type { LintResult } from '../lint';
import type { Span } from '../plan/model';

export interface FoldRange {
  startLine: number;
  endLine: number;
  kind?: 'region';
}

const RECIPIENTS = /^\s*(?:#{1,6}\s+)?Nơi nhận\s*:?/i;

export function foldingRanges(result: LintResult): FoldRange[] {
  const plan = result.plan;
  if (!plan) return [];
  const out: FoldRange[] = [];
  const seen = new Set<string>();
  const lineAt = (offset: number) => result.lineIndex.positionAt(plan.nt.toOriginal(offset)).line;
  // Spans end at the end of their last line of text, so the end line is the last non-blank one.
  const add = (span: Span, kind?: 'region') => {
    const startLine = lineAt(span.start);
    const endLine = lineAt(Math.max(span.start, span.end - 1));
    const key = `${startLine}:${endLine}`;
    if (endLine > startLine && !seen.has(key)) {
      seen.add(key);
      out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
    }
  };
  for (const p of plan.parts) if (!p.implicit) add({ start: p.headingSpan.start, end: p.span.end });
  for (const s of plan.sections) {
    add(s.span);
    for (const f of s.fields) if (!f.section) add({ start: f.labelSpan.start, end: f.valueSpan.end });
  }
  for (const t of plan.tables) add(t.span);
  // Nơi nhận: the label line and the skipped recipient lines after it.
  const skipped = [...plan.skipped].sort((a, b) => a - b);
  for (let i = 0; i < skipped.length; i++) {
    const line = plan.lines[skipped[i]];
    if (!RECIPIENTS.test(line.text)) continue;
    let last = line;
    for (let j = i + 1; j < skipped.length; j++) {
      const next = plan.lines[skipped[j]];
      const between = plan.lines.slice(last.index + 1, next.index);
      if (between.some((l) => l.text.trim())) break;
      last = next;
    }
    add({ start: line.start, end: last.end }, 'region');
  }
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return out;
}
