// Incremental re-analysis of plans whose tasks sit in flattened appendix
// tables: a table the edit leaves alone is taken over from the previous
// analysis (plan/tableReuse.ts), the header too (carryHeader). Edits inside a
// table, at a row boundary, and a header row added or taken away must give
// what a fresh analysis gives, task rows included.

import * as assert from 'assert';
import fc from 'fast-check';
import { lint, lintAfterEdit, LintResult } from '../../server/src/core/lint';
import type { Plan } from '../../server/src/core/plan/model';
import { taskInfos } from '../../server/src/core/plan/tasks';
import { coverChange, type TextChange } from '../../server/src/core/text/change';
import { params, timeout } from '../fuzz/arbitraries';
import { bundledIndex, corpusPlan } from '../helpers';
import { planData } from './lint.test';

const PLANS = ['nq109-cp-chuong-trinh-hanh-dong.txt', 'qd844-ttg-ke-hoach-hanh-dong.txt'];

/** Tasks as plain data: form, place, lead and deadline as read. */
function tasksData(plan: Plan): unknown {
  return taskInfos(plan).map((t) => ({
    form: t.form,
    number: t.number,
    title: t.title,
    line: t.line,
    span: t.span,
    extent: t.extent,
    lead: { status: t.lead.status, names: t.lead.names, reason: t.lead.reason },
    deadline: { given: t.deadline.given, text: t.deadline.text },
    coordination: t.coordination,
    scope: t.row?.scope?.label,
    rowLine: t.row?.row.line,
  }));
}

function same(got: LintResult, want: LintResult): void {
  assert.deepEqual(got.diagnostics, want.diagnostics);
  assert.deepEqual(planData(got.plan!), planData(want.plan!));
  assert.deepEqual(tasksData(got.plan!), tasksData(want.plan!));
}

type Kind = 'inside' | 'row' | 'header';
interface TableEdit {
  kind: Kind;
  /** Which table, row and place, as fractions: any plan's tables fit. */
  table: number;
  at: number;
  variant: number;
  insert: string;
}

const tableEdit: fc.Arbitrary<TableEdit> = fc.record({
  kind: fc.constantFrom<Kind>('inside', 'inside', 'row', 'header'),
  table: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  variant: fc.integer({ min: 0, max: 3 }),
  insert: fc.constantFrom('', 'a', '1', '\n', '12.', '3 ', 'STT', 'Cơ quan chủ trì', 'Quý II/2026', 'Bộ Tư pháp', 'II', '\n7\n', 'Tháng 12/'),
});

/** The start of line `k` and the start of the line after it. */
function lineRange(plan: Plan, k: number): { start: number; next: number } {
  const line = plan.lines[k];
  return { start: line.start, next: k + 1 < plan.lines.length ? plan.lines[k + 1].start : line.end };
}

/** The edit of `e` on `text`, placed by the flattened tables of its fresh analysis (normalised offsets = original ones: these plans are NFC, LF). */
function place(text: string, plan: Plan, e: TableEdit): { text: string; change: TextChange } | undefined {
  const tables = plan.tables.filter((t) => t.format === 'flat');
  if (!tables.length) return undefined;
  const t = tables[Math.floor(e.table * tables.length)];
  const splice = (start: number, end: number, insert: string) => ({
    text: text.slice(0, start) + insert + text.slice(end),
    change: { start, oldEnd: end, newEnd: start + insert.length },
  });
  if (e.kind === 'inside') {
    const at = t.span.start + Math.floor(e.at * (t.span.end - t.span.start));
    return splice(at, Math.min(text.length, at + e.variant), e.insert);
  }
  if (e.kind === 'row') {
    if (!t.rows.length) return undefined;
    const row = t.rows[Math.floor(e.at * t.rows.length)];
    const { start, next } = lineRange(plan, row.line);
    // 0: a new row number before it; 1: its number line deleted; 2: joined to the line before; 3: its number changed.
    if (e.variant === 0) return splice(start, start, `${row.key ?? 1}\n`);
    if (e.variant === 1) return splice(start, next, '');
    if (e.variant === 2) return start > 0 ? splice(start - 1, start, ' ') : undefined;
    return splice(start, plan.lines[row.line].end, String(Number(row.key ?? 0) + 1));
  }
  // Header rows: the first line (`STT`, `TT`) taken away, or the header repeated before a row (a page break).
  const header = lineRange(plan, t.startLine);
  if (e.variant === 0) return splice(header.start, header.next, '');
  const headerText = text.slice(t.span.start, t.rows.length ? plan.lines[t.rows[0].line].start : t.span.end);
  const row = t.rows.length ? t.rows[Math.floor(e.at * t.rows.length)] : undefined;
  const at = row ? plan.lines[row.line].start : header.start;
  if (e.variant === 1) return splice(at, at, headerText);
  // A header line of the table changed (a column name lost or added).
  const k = t.startLine + 1 + Math.floor(e.at * Math.max(1, t.header.length - 1));
  const line = lineRange(plan, Math.min(k, t.endLine));
  return e.variant === 2 ? splice(line.start, line.next, '') : splice(line.start, line.start, 'Cơ quan chủ trì\n');
}

describe('lintAfterEdit on flattened task tables (nq109, qd844)', function () {
  this.timeout(timeout());
  const options = { index: bundledIndex() };
  const plans = PLANS.map((name) => ({ name, text: corpusPlan(name) }));
  const first = plans.map((p) => lint(p.text, options));

  it('edits inside a table, at row boundaries and of header rows give the fresh analysis, task rows included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: plans.length - 1 }), fc.array(fc.array(tableEdit, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 }), (which, rounds) => {
        let text = plans[which].text;
        let result = first[which];
        let fresh = result;
        for (const edits of rounds) {
          // Several edits between two analyses: the change covering them all.
          let change: TextChange | undefined;
          let plan = fresh.plan!;
          for (const e of edits) {
            const next = place(text, plan, e);
            if (!next) continue;
            text = next.text;
            change = coverChange(change, next.change);
            plan = lint(text, options).plan!;
          }
          if (!change) continue;
          result = lintAfterEdit(result, text, change, options);
          fresh = lint(text, options);
          same(result, fresh);
        }
      }),
      params(30),
    );
  });

  it('takes over the tables and task rows an edit leaves alone', () => {
    const text = plans[0].text;
    const plan = first[0].plan!;
    const tables = plan.tables.filter((t) => t.format === 'flat');
    assert.ok(tables.length >= 3, `${tables.length} flattened tables`);
    // One character typed in the second table: the first is the same object, the others are moved copies.
    const at = tables[1].rows[3].span.start + 2;
    const next = text.slice(0, at) + 'x' + text.slice(at);
    const again = lintAfterEdit(first[0], next, { start: at, oldEnd: at, newEnd: at + 1 }, options);
    same(again, lint(next, options));
    const flat = again.plan!.tables.filter((t) => t.format === 'flat');
    assert.strictEqual(flat[0], tables[0], 'the table before the edit is taken over as it is');
    assert.notStrictEqual(flat[2], tables[2]);
    assert.equal(flat[2].span.start, tables[2].span.start + 1, 'a table after the edit is moved');
    // The edited table: rows before the edit kept, rows after it moved, only the edited row read again.
    const kept = flat[1].rows.filter((r, k) => r === tables[1].rows[k]).length;
    const moved = flat[1].rows.filter((r, k) => r !== tables[1].rows[k] && r.span.start === tables[1].rows[k].span.start + 1).length;
    assert.ok(kept >= 2 && kept + moved >= flat[1].rows.length - 2, `${kept} rows kept, ${moved} moved of ${flat[1].rows.length}`);
  });

  it('reads a table again when a line it looked at is no longer held by another table', () => {
    // The flattened table stops at the first of two tab rows; the edit after it
    // takes the tabs out of the second, so the first is a table of one row, no table: the flattened one runs on.
    const rows = Array.from({ length: 4 }, (_, k) => `${k + 1}\nRà soát văn bản số ${k + 1}\nSở Nội vụ\nQuý II/2026\n`).join('');
    const text = `KẾ HOẠCH\nII. NHIỆM VỤ\nPHỤ LỤC\nSTT\nNội dung\nCơ quan chủ trì\nThời gian hoàn thành\n${rows}5\tRà soát\tSở Tư pháp\n6\tRa soat cac van ban quy pham\tSở Y tế\nSở Xây dựng\nQuý III/2026\n`;
    const before = lint(text, options);
    // The second tab of the last row becomes a space (far enough into the line that only it is read again).
    const at = text.indexOf('\tSở Y tế');
    const next = text.slice(0, at) + ' ' + text.slice(at + 1);
    const change = { start: at, oldEnd: at + 1, newEnd: at + 1 };
    const fresh = lint(next, options);
    assert.notDeepEqual(fresh.plan!.tables.map((t) => t.endLine), before.plan!.tables.map((t) => t.endLine), 'the edit changes where the table ends');
    same(lintAfterEdit(before, next, change, options), fresh);
  });
});
