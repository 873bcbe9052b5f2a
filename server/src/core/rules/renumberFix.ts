// The fixes of the numbering rules (duplicate-section-number, section-order):
// renumber the whole part by position (1, 1.1, 1.2…) in one edit set, so one
// undo takes it back. Only the number characters change: `**1.2.4.**` keeps
// its bold, `### 1.2.4.` its heading mark. A second, smaller fix moves just
// this one number (and its children's prefixes) to the number its place
// calls for. `source.fixAll` renumbers every part with a numbering finding.

import type { Part, Section } from '../plan/model';
import { checkOrder, renumbering } from '../plan/numbering';
import { mapRange } from '../text/normalize';
import type { Fix, TextEdit } from '../fixes/types';
import type { FixAll, FixContext, Msg } from './types';

/** What a numbering finding is about: a numbered section (a table row has none to renumber). */
export interface NumberingData {
  section?: Section;
}

/** A number written the way the old one was: `1\.2\.3` stays escaped. */
export function writeNumber(old: string, number: string): string {
  return /\\\./.test(old) ? number.replace(/\./g, '\\.') : number;
}

/** Edits that renumber `s` (and its descendants' prefixes) to `number`. */
export function renumberEdits(ctx: FixContext, s: Section, number: string, out: TextEdit[]): void {
  const { plan, result } = ctx;
  if (s.number !== number) {
    const o = mapRange(plan.nt, s.numberSpan.start, s.numberSpan.end);
    out.push({ range: result.lineIndex.range(o.start, o.end), newText: writeNumber(plan.nt.original.slice(o.start, o.end), number) });
  }
  for (const c of s.children) {
    const rest = c.number.startsWith(s.number + '.') ? c.number.slice(s.number.length) : '.' + c.components[c.components.length - 1];
    renumberEdits(ctx, c, number + rest, out);
  }
}

function partName(part: Part): Msg {
  return part.numeral ? { vi: `phần ${part.numeral}`, en: `part ${part.numeral}` } : { vi: 'các mục', en: 'the sections' };
}

/** Edits of a full positional renumbering of the part; empty when it is in order. */
function renumberPartEdits(ctx: FixContext, part: Part): TextEdit[] {
  const { plan, result } = ctx;
  const edits: TextEdit[] = [];
  for (const [s, number] of renumbering(part)) {
    if (s.number === number) continue;
    const o = mapRange(plan.nt, s.numberSpan.start, s.numberSpan.end);
    edits.push({ range: result.lineIndex.range(o.start, o.end), newText: writeNumber(plan.nt.original.slice(o.start, o.end), number) });
  }
  return edits;
}

function sameEdits(a: TextEdit[], b: TextEdit[]): boolean {
  const key = (e: TextEdit) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character}=${e.newText}`;
  return a.length === b.length && a.map(key).sort().join('|') === b.map(key).sort().join('|');
}

/**
 * The fixes of a numbering finding on `s`. `expected` is the number its place
 * calls for, undefined when it is in order (a duplicate may be in order
 * where it stands).
 */
export function renumberFixes(ctx: FixContext, s: Section, expected: string | undefined): Fix[] {
  const out: Fix[] = [];
  const edits = renumberPartEdits(ctx, s.part);
  if (edits.length) {
    const name = partName(s.part);
    out.push({ title: { vi: `Đánh số lại ${name.vi}`, en: `Renumber ${name.en}` }, edits, preferred: true });
  }
  if (expected !== undefined && expected !== s.number) {
    const one: TextEdit[] = [];
    renumberEdits(ctx, s, expected, one);
    // Not offered when it is the whole renumbering over again.
    if (one.length && !sameEdits(one, edits)) {
      out.push({ title: { vi: `Sửa số mục ${s.number} thành ${expected}`, en: `Change section number ${s.number} to ${expected}` }, edits: one });
    }
  }
  return out;
}

/** The number the place of `s` calls for, when it is out of order. */
export function expectedNumber(ctx: FixContext, s: Section): string | undefined {
  const check = checkOrder(ctx.plan).find((c) => c.section === s);
  return check && !check.inOrder ? check.expected : undefined;
}

/** `source.fixAll` of both numbering rules: every part that has a numbering finding, renumbered. */
export const RENUMBER_ALL: FixAll<NumberingData> = {
  title: { vi: 'Đánh số lại các phần có số mục trùng hoặc sai thứ tự', en: 'Renumber every part with numbering errors' },
  edits(found, ctx) {
    const parts = new Set<Part>();
    for (const f of found) if (f.data.section) parts.add(f.data.section.part);
    return [...parts].flatMap((p) => renumberPartEdits(ctx, p));
  },
};
