import * as assert from 'assert';
import fc from 'fast-check';
import type { Citation } from '../../server/src/core/citations/extract';
import { lint, lintAfterEdit, LintResult } from '../../server/src/core/lint';
import type { Plan, Section } from '../../server/src/core/plan/model';
import { params, timeout } from '../fuzz/arbitraries';
import { bundledIndex, seed, SEEDS } from '../helpers';
import { applyEdit, applyEdits, document, edit } from './edits';

/** Everything a plan holds, as plain data (sections and citations refer to others by index). */
export function planData(plan: Plan): unknown {
  const sectionIx = new Map<Section, number>(plan.sections.map((s, k) => [s, k]));
  const citationIx = new Map<Citation, number>(plan.citations.map((c, k) => [c, k]));
  const section = (s: Section) => ({
    ...s,
    parent: s.parent && sectionIx.get(s.parent),
    children: s.children.map((c) => sectionIx.get(c)),
    part: plan.parts.indexOf(s.part),
    fields: s.fields.map((f) => ({ ...f, section: f.section && sectionIx.get(f.section), activity: f.activity && f.activity.letter })),
    activities: s.activities.map((a) => ({ ...a, section: sectionIx.get(a.section), fields: a.fields.map((f) => s.fields.indexOf(f)) })),
  });
  return {
    text: plan.nt.text,
    lines: plan.lines,
    readings: plan.readings,
    parts: plan.parts.map((p) => ({ ...p, sections: p.sections.map((s) => sectionIx.get(s)) })),
    sections: plan.sections.map(section),
    citations: plan.citations.map((c) => ({ ...c, antecedent: c.antecedent && citationIx.get(c.antecedent) })),
    tables: plan.tables,
    scopes: plan.scopes,
    skipped: [...plan.skipped].sort((a, b) => a - b),
    looksLikePlan: plan.looksLikePlan,
    ownNumber: plan.ownNumber && citationIx.get(plan.ownNumber),
    title: plan.title,
    legacyRuns: plan.legacyRuns,
  };
}

function sameAnalysis(got: LintResult, want: LintResult): void {
  assert.deepEqual(got.diagnostics, want.diagnostics);
  const lineStarts = (r: LintResult) => Array.from({ length: r.lineIndex.lineCount }, (_, line) => r.lineIndex.offsetAt({ line, character: 0 }));
  assert.deepEqual(lineStarts(got), lineStarts(want));
  assert.equal(!!got.plan, !!want.plan);
  if (got.plan && want.plan) assert.deepEqual(planData(got.plan), planData(want.plan));
}

describe('lintAfterEdit: re-analysis of the edited lines only', function () {
  this.timeout(timeout());
  const options = { index: bundledIndex() };

  it('gives the plan and findings lint() gives for the whole text, over chains of edits', () => {
    fc.assert(
      fc.property(document, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (doc, rounds) => {
        let result = lint(doc, options);
        let text = doc;
        for (const edits of rounds) {
          const next = applyEdits(text, edits);
          text = next.text;
          result = lintAfterEdit(result, text, next.change, options);
          sameAnalysis(result, lint(text, options));
        }
      }),
      params(80),
    );
  });

  it('keeps up with a draft typed character by character and with lines deleted', () => {
    const base = lint('', options);
    let result = base;
    let text = '';
    const typed = 'KẾ HOẠCH\nThực hiện Nghị quyết số 05-NQ/TW ngày 01/11/2016 của Bộ Chính trị\nI. MỤC ĐÍCH\nII. NHIỆM VỤ\n1. Rà soát\n- Cơ quan chủ trì: Sở Nội vụ\n- Thời gian thực hiện: Quý II/2026\n';
    for (const ch of typed) {
      const r = applyEdit(text, { at: 0.999999, remove: 0, insert: ch });
      text = r.text;
      result = lintAfterEdit(result, text, r.change, options);
    }
    assert.equal(text, typed);
    sameAnalysis(result, lint(text, options));
    // Delete the lead line: the finding appears.
    const at = text.indexOf('- Cơ quan chủ trì');
    const end = text.indexOf('\n', at) + 1;
    const next = text.slice(0, at) + text.slice(end);
    result = lintAfterEdit(result, next, { start: at, oldEnd: end, newEnd: at }, options);
    sameAnalysis(result, lint(next, options));
    assert.ok(result.diagnostics.some((d) => d.code === 'missing-lead-agency'));
  });

  it('re-reads only the edited lines of seed 004 and reuses the others', () => {
    const text = seed(SEEDS.compilation004);
    const first = lint(text, options);
    const at = Math.floor(text.length / 2);
    const next = text.slice(0, at) + 'x' + text.slice(at);
    const again = lintAfterEdit(first, next, { start: at, oldEnd: at, newEnd: at + 1 }, options);
    sameAnalysis(again, lint(next, options));
    const reused = again.plan!.readings.filter((r, k) => r === first.plan!.readings[k] || r === first.plan!.readings[k - 1]).length;
    assert.ok(reused >= again.plan!.readings.length - 3, `${reused} of ${again.plan!.readings.length} lines reused`);
  });
});
