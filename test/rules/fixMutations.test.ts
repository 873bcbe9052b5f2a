// Every fix undoes the slip it is for. Real texts are broken the way drafts
// are (a number copied from the section above, a lead or deadline cell left
// empty, a field line deleted, a cited date mistyped); the rule's own fix,
// applied with what the drafter types where its cursor lands, gives back a
// text without that finding — for the numbering and the cells, the very
// original text.

import assert from 'node:assert/strict';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import type { Diagnostic, LintResult } from '../../server/src/core/lint';
import type { Section } from '../../server/src/core/plan/model';
import { renumbering } from '../../server/src/core/plan/numbering';
import { taskInfos } from '../../server/src/core/plan/tasks';
import { writeNumber } from '../../server/src/core/rules/renumberFix';
import { mapRange } from '../../server/src/core/text/normalize';
import { applyFix } from '../fixes/util';
import { analyse, material, sameFindings } from './fixMaterial';

/** At most this many mutations of one kind per text: enough places, bounded time. */
const PER_TEXT = 4;

function replaceAt(text: string, start: number, end: number, by: string): string {
  return text.slice(0, start) + by + text.slice(end);
}

/** The finding of `code` that starts inside [start, end) of the original text. */
function findingAt(result: LintResult, code: string, start: number, end: number): Diagnostic | undefined {
  return result.diagnostics.find((d) => d.code === code && d.offsets.start >= start && d.offsets.start < Math.max(end, start + 1));
}

function lineBounds(text: string, at: number): { start: number; next: number } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return { start, next: end < 0 ? text.length : end + 1 };
}

interface Tally {
  tried: number;
  original: number;
}

describe('fixes undo the slips they are for', function () {
  this.timeout(300000);
  const texts = material();

  it('a section number copied from the section above: the renumbering gives the original text back', () => {
    const t: Tally = { tried: 0, original: 0 };
    for (const [name, text] of texts) {
      const result = analyse(text);
      const plan = result.plan!;
      let n = 0;
      for (const part of plan.parts) {
        const order = renumbering(part);
        // Only parts numbered by position: their renumbering is the identity.
        if ([...order].some(([s, number]) => s.number !== number)) continue;
        const siblings = part.sections.filter((s) => !s.parent && !s.children.length);
        for (let i = 1; i < siblings.length && n < PER_TEXT; i++) {
          const s: Section = siblings[i];
          const o = mapRange(plan.nt, s.numberSpan.start, s.numberSpan.end);
          const broken = replaceAt(text, o.start, o.end, writeNumber(text.slice(o.start, o.end), siblings[i - 1].number));
          const after = analyse(broken);
          const d = findingAt(after, 'duplicate-section-number', o.start, o.end);
          assert.ok(d, `${name}: ${s.number} copied from ${siblings[i - 1].number} is reported`);
          const [fix] = fixesFor(after, d);
          assert.ok(fix?.preferred, `${name}: ${s.number} has a renumbering`);
          const back = applyEdits(broken, fix.edits);
          assert.equal(back, text, `${name}: renumbering ${s.number}`);
          t.tried++;
          t.original++;
          n++;
        }
      }
    }
    assert.ok(t.tried >= 50, JSON.stringify(t));
  });

  for (const kind of ['lead', 'deadline'] as const) {
    const code = kind === 'lead' ? 'missing-lead-agency' : 'missing-deadline';
    it(`an empty ${kind} cell in a row of a task table: the fix fills that cell, and typing the value gives the original text`, () => {
      const t: Tally = { tried: 0, original: 0 };
      for (const [name, text] of texts) {
        const plan = analyse(text).plan!;
        let n = 0;
        for (const task of taskInfos(plan)) {
          const cell = kind === 'lead' ? task.row?.leadCell : task.row?.deadlineCell;
          if (!cell || !cell.text.trim() || n >= PER_TEXT) continue;
          const o = mapRange(plan.nt, cell.span.start, cell.span.end);
          const value = text.slice(o.start, o.end);
          // A cell of one line, whose text is all of its value.
          if (/[\r\n|]/.test(value) || value.trim() !== value) continue;
          const broken = replaceAt(text, o.start, o.end, '');
          const after = analyse(broken);
          const at = mapRange(plan.nt, task.span.start, task.span.end);
          const d = findingAt(after, code, at.start, at.end);
          if (!d) continue; // the task still has its lead or deadline elsewhere (an assignment table)
          const [fix] = fixesFor(after, d);
          assert.ok(fix, `${name}: row ${task.number} without its ${kind} has a fix`);
          assert.match(fix.title.vi, /^Điền ô /);
          const back = applyFix(broken, fix, value);
          assert.equal(sameFindings(analyse(back), d), 0, `${name}: row ${task.number}`);
          t.tried++;
          if (back === text) t.original++;
          n++;
        }
      }
      assert.ok(t.tried >= 8, JSON.stringify(t));
      assert.equal(t.original, t.tried, JSON.stringify(t));
    });
  }

  it('a deleted lead or deadline line of a numbered task: the inserted line, once filled in, takes the finding away', () => {
    const t: Record<string, number> = {};
    for (const [name, text] of texts) {
      const plan = analyse(text).plan!;
      let n = 0;
      for (const task of taskInfos(plan)) {
        if (task.form !== 'section' || n >= PER_TEXT) continue;
        for (const kind of ['lead', 'deadline'] as const) {
          const source = kind === 'lead' ? task.lead.source : task.deadline.source;
          if (!source || typeof source === 'string' || !('kind' in source)) continue;
          if (kind === 'lead' ? source.kind !== 'lead' && source.kind !== 'advisor' : source.kind !== 'deadline') continue;
          const field = source;
          const code = kind === 'lead' ? 'missing-lead-agency' : 'missing-deadline';
          const label = plan.nt.toOriginal(field.section ? field.section.numberSpan.start : field.labelSpan.start);
          const line = lineBounds(text, label);
          // A field on a line of its own, with nothing of it on further lines.
          const ends = [field.valueSpan.end, field.section?.span.end ?? 0, ...field.items.map((it) => it.span.end)];
          if (ends.some((e) => plan.nt.toOriginal(Math.max(0, e - 1)) >= line.next)) continue;
          if (lineBounds(text, plan.nt.toOriginal(task.span.start)).start === line.start) continue;
          const broken = text.slice(0, line.start) + text.slice(line.next);
          const after = analyse(broken);
          const at = mapRange(plan.nt, task.span.start, task.span.end);
          const d = findingAt(after, code, at.start, at.end);
          if (!d) continue; // said elsewhere too (a row of an assignment table)
          const fixes = fixesFor(after, d);
          assert.equal(fixes.length, 1, `${name}: task ${task.number} without its ${kind} line has a fix`);
          const back = applyFix(broken, fixes[0], [field.inlineValue, field.inlineValue, field.inlineValue]);
          assert.equal(sameFindings(analyse(back), d), 0, `${name}: task ${task.number}, ${kind}`);
          t[kind] = (t[kind] ?? 0) + 1;
          n++;
        }
      }
    }
    assert.ok((t.lead ?? 0) >= 20 && (t.deadline ?? 0) >= 15, JSON.stringify(t));
  });

  it('a mistyped day in an indexed citation: the date fix gives the original text back', () => {
    let tried = 0;
    for (const [name, text] of texts) {
      const result = analyse(text);
      const plan = result.plan!;
      const reported = new Set(result.diagnostics.map((d) => d.offsets.start));
      let n = 0;
      for (const c of plan.citations) {
        if (!c.date || n >= PER_TEXT) continue;
        const o = mapRange(plan.nt, c.date.start, c.date.end);
        const written = text.slice(o.start, o.end);
        const day = /\d{1,2}/.exec(written);
        if (!day || reported.has(o.start)) continue;
        const other = c.date.day < 28 ? c.date.day + 1 : c.date.day - 1;
        const at = o.start + day.index;
        const broken = replaceAt(text, at, at + day[0].length, String(other).padStart(day[0].length, '0'));
        const after = analyse(broken);
        const d = findingAt(after, 'citation-date-mismatch', o.start, o.end);
        // Only a date the index vouches for is contradicted by another one.
        if (!d || (d.data?.indexed as string[]).join() !== c.date.iso) continue;
        const fixes = fixesFor(after, d);
        assert.equal(fixes.length, 1, `${name}: ${written}`);
        assert.equal(applyEdits(broken, fixes[0].edits), text, `${name}: ${written}`);
        tried++;
        n++;
      }
    }
    assert.ok(tried >= 25, `${tried} dates`);
  });
});
