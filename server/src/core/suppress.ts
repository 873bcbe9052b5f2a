// Inline suppression comments, as markdownlint has them:
//   <!-- kehoach-disable-next-line rule-id other-id -->
//   <!-- kehoach-disable rule-id -->  …  <!-- kehoach-enable rule-id -->
// Without ids they apply to every rule. Lines are those of the draft.

import { HTML_COMMENT, lineFlags } from './plan/lineFlags';
import type { Plan } from './plan/model';
import { lastAtOrBefore } from './text/search';

const DIRECTIVE = /<!--\s*kehoach-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

type Check = (ruleId: string, line: number) => boolean;

export function disabledRules(plan: Plan): Check {
  // Lines were read for `<!--` already: most drafts have none, and the whole text is not needed.
  if (!lineFlags(plan.readings).some((f) => (f & HTML_COMMENT) !== 0)) return () => false;
  const text = plan.nt.text;
  if (!text.includes('kehoach-')) return () => false;
  // Per rule (or '*'): sorted [from, to) line ranges where it is off.
  const ranges: { rule: string; from: number; to: number }[] = [];
  const open = new Map<string, number>();
  const lineOf = (offset: number) => Math.max(0, lastAtOrBefore(plan.lines.length, (k) => plan.lines[k].start, offset));
  DIRECTIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE.exec(text))) {
    const line = lineOf(m.index);
    const ids = m[2].trim().split(/[\s,]+/).filter(Boolean);
    const rules = ids.length ? ids : ['*'];
    for (const rule of rules) {
      switch (m[1]) {
        case 'disable-next-line':
          ranges.push({ rule, from: line + 1, to: line + 2 });
          break;
        case 'disable-line':
          ranges.push({ rule, from: line, to: line + 1 });
          break;
        case 'disable':
          if (!open.has(rule)) open.set(rule, line);
          break;
        case 'enable':
          // A bare `kehoach-enable` ends every disabled stretch, as markdownlint's does.
          for (const closing of rule === '*' ? [...open.keys()] : [rule]) {
            if (!open.has(closing)) continue;
            ranges.push({ rule: closing, from: open.get(closing)!, to: line + 1 });
            open.delete(closing);
          }
          break;
      }
    }
  }
  for (const [rule, from] of open) ranges.push({ rule, from, to: Number.MAX_SAFE_INTEGER });
  return (ruleId, line) => ranges.some((r) => (r.rule === ruleId || r.rule === '*') && line >= r.from && line < r.to);
}
