// duplicate-section-number / section-order: renumber the whole part by
// position (1, 1.1, 1.2…) in one edit set, so one undo takes it back. Only the
// number characters change: `**1.2.4.**` keeps its bold, `### 1.2.4.` its
// heading mark. A second, smaller fix moves just this one number (and its
// children's prefixes) to the number its place calls for.

import type { Diagnostic, LintResult } from '../lint';
import type { Part, Plan, Section } from '../plan/model';
import { checkOrder, renumbering } from '../plan/numbering';
import { mapRange } from '../text/normalize';
import { renumberEdits, writeNumber } from './insertField';
import { dataOf, Fix, TextEdit } from './types';

export const NUMBERING_RULES = ['duplicate-section-number', 'section-order'];

/** The section whose number a numbering finding sits on. */
export function sectionAt(plan: Plan, d: Diagnostic): Section | undefined {
  const number = dataOf(d).number;
  return plan.sections.find((s) => s.number === number && plan.nt.toOriginal(s.numberSpan.start) === d.offsets.start);
}

export function partName(part: Part): { vi: string; en: string } {
  return part.numeral
    ? { vi: `phần ${part.numeral}`, en: `part ${part.numeral}` }
    : { vi: 'các mục', en: 'the sections' };
}

/** Edits of a full positional renumbering of the part; empty when it is in order. */
export function renumberPartEdits(result: LintResult, part: Part): TextEdit[] {
  const plan = result.plan!;
  const edits: TextEdit[] = [];
  for (const [s, number] of renumbering(part)) {
    if (s.number === number) continue;
    const o = mapRange(plan.nt, s.numberSpan.start, s.numberSpan.end);
    edits.push({ range: result.lineIndex.range(o.start, o.end), newText: writeNumber(plan.nt.original.slice(o.start, o.end), number) });
  }
  return edits;
}

export function renumberFixes(result: LintResult, d: Diagnostic): Fix[] {
  const plan = result.plan;
  if (!plan || !NUMBERING_RULES.includes(d.code)) return [];
  const s = sectionAt(plan, d);
  if (!s) return [];
  const out: Fix[] = [];
  const edits = renumberPartEdits(result, s.part);
  if (edits.length) {
    const name = partName(s.part);
    out.push({
      title: {
        vi: `Đánh số lại ${name.vi}`,
        en: `Renumber ${name.en}`,
      },
      edits,
      preferred: true,
    });
  }
  const check = checkOrder(plan).find((c) => c.section === s);
  if (check && !check.inOrder && check.expected !== s.number) {
    const one: TextEdit[] = [];
    renumberEdits(plan, result.lineIndex, s, check.expected, one);
    // Not offered when it is the whole renumbering over again.
    if (one.length && !sameEdits(one, edits)) {
      out.push({
        title: { vi: `Sửa số mục ${s.number} thành ${check.expected}`, en: `Change section number ${s.number} to ${check.expected}` },
        edits: one,
      });
    }
  }
  return out;
}

function sameEdits(a: TextEdit[], b: TextEdit[]): boolean {
  const key = (e: TextEdit) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character}=${e.newText}`;
  return a.length === b.length && a.map(key).sort().join('|') === b.map(key).sort().join('|');
}

/** For `source.fixAll`: renumber every part that has a numbering finding. */
export function renumberAllEdits(result: LintResult): TextEdit[] {
  const plan = result.plan;
  if (!plan) return [];
  const parts = new Set<Part>();
  for (const d of result.diagnostics) {
    if (!NUMBERING_RULES.includes(d.code)) continue;
    const s = sectionAt(plan, d);
    if (s) parts.add(s.part);
  }
  return [...parts].flatMap((p) => renumberPartEdits(result, p));
}
