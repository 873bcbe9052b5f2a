// The real plans of ../shared/corpus/plans: the tasks found in each, by form,
// and the exact structure findings a reviewer would make (the hand labels of
// /work/wt/labels, read against each plan). Then defects injected into them:
// each is found at that task or row, and nothing else changes.

import assert from 'node:assert/strict';
import { parsePlan } from '../../server/src/core/plan/parse';
import { taskInfos } from '../../server/src/core/plan/tasks';
import { check, corpusPlan, seed, SEEDS, summary } from '../helpers';

const STRUCTURE = ['missing-lead-agency', 'missing-deadline', 'duplicate-section-number', 'section-order', 'deadline-before-plan'];

function findings(text: string): string[] {
  return summary(check(text), STRUCTURE);
}

function forms(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of taskInfos(parsePlan(text))) out[t.form] = (out[t.form] ?? 0) + 1;
  return out;
}

/** The text with 1-based line `line` replaced by `by` (undefined: removed). */
function withLine(text: string, line: number, by?: string): string {
  const lines = text.split('\n');
  if (by === undefined) lines.splice(line - 1, 1);
  else lines[line - 1] = by;
  return lines.join('\n');
}

function lineText(text: string, line: number): string {
  return text.split('\n')[line - 1];
}

/** Findings after removing line `removed`: those below it move up one line. */
function shifted(list: string[], removed: number): string[] {
  return list.map((f) => {
    const [l, code] = f.split(':');
    return Number(l) > removed ? `${Number(l) - 1}:${code}` : f;
  });
}

function sortedFindings(list: string[]): string[] {
  return [...list].sort((a, b) => Number(a.split(':')[0]) - Number(b.split(':')[0]) || a.localeCompare(b));
}

interface Expected {
  file: string;
  forms: Record<string, number>;
  findings: string[];
}

const PLANS: Expected[] = [
  // 10 activities numbered 2.1–2.6, 3.1–3.3 and 4, each with its lead and time lines; part V assigns per agency.
  { file: 'hanoi-kh173-ubnd-2026.txt', forms: { section: 10 }, findings: [] },
  // Phụ lục II rows 1–140; row 42 has empty result and deadline cells (a real omission).
  { file: 'nq03-cp-2025-chuong-trinh-hanh-dong.md', forms: { row: 140 }, findings: ['435:missing-deadline'] },
  { file: 'nq03-cp-2025-phu-luc-ii-nhiem-vu.md', forms: { row: 140 }, findings: ['52:missing-deadline'] },
  // Phụ lục III (135 rows) and IV (91 rows), flattened, each restarting at 1.
  { file: 'nq109-cp-chuong-trinh-hanh-dong.txt', forms: { row: 226 }, findings: [] },
  // The Đề án's part V: 11 lettered activities with `Đơn vị chủ trì:` and a time line.
  { file: 'nq175-cp-de-an.txt', forms: { activity: 11 }, findings: [] },
  // Signed 06/4/2026: rows 7 and 14 due Tháng 3/2026 and row 16's first deadline Tháng 02/2026 had passed.
  {
    file: 'nq97-cp-sua-doi-chuong-trinh.txt',
    forms: { row: 29 },
    findings: ['228:deadline-before-plan', '422:deadline-before-plan', '514:deadline-before-plan'],
  },
  { file: 'qd844-ttg-ke-hoach-hanh-dong.txt', forms: { row: 29 }, findings: [] },
];

describe('corpus plans: tasks by form and their real findings', () => {
  for (const p of PLANS) {
    it(`${p.file}: ${JSON.stringify(p.forms)}, findings ${p.findings.join(', ') || 'none'}`, () => {
      const text = corpusPlan(p.file);
      assert.deepEqual(forms(text), p.forms);
      assert.deepEqual(findings(text), p.findings);
    });
  }
});

describe('corpus plans: injected defects are found where they are, and nothing else changes', () => {
  const nq03 = corpusPlan('nq03-cp-2025-phu-luc-ii-nhiem-vu.md');
  const base03 = findings(nq03);

  /** nq03 with cell `cell` of the row on `line` (numbered `number`) emptied. */
  const emptied = (line: number, number: string, cell: number) => {
    const row = lineText(nq03, line);
    assert.ok(row.startsWith(`| ${number}. |`), row);
    const cells = row.split('|');
    cells[cell] = ' ';
    return withLine(nq03, line, cells.join('|'));
  };

  it('an emptied lead cell of a Markdown table row', () => {
    assert.deepEqual(findings(emptied(13, '4', 3)), sortedFindings([...base03, '13:missing-lead-agency']));
  });

  it('an emptied deadline cell of a Markdown table row', () => {
    assert.deepEqual(findings(emptied(14, '5', 6)), sortedFindings([...base03, '14:missing-deadline']));
  });

  it('a row number repeated inside the appendix', () => {
    const mutated = withLine(nq03, 14, lineText(nq03, 14).replace('| 5. |', '| 4. |'));
    assert.deepEqual(findings(mutated), sortedFindings([...base03, '14:duplicate-section-number']));
  });

  const qd844 = corpusPlan('qd844-ttg-ke-hoach-hanh-dong.txt');
  const base844 = findings(qd844);

  it('a deadline cell removed from a flattened table row', () => {
    assert.equal(lineText(qd844, 317).trim(), 'Thường xuyên');
    assert.deepEqual(findings(withLine(qd844, 317)), sortedFindings([...shifted(base844, 317), '295:missing-deadline']));
  });

  it('a row number repeated inside a flattened appendix', () => {
    assert.equal(lineText(qd844, 318).trim(), '2.');
    assert.deepEqual(findings(withLine(qd844, 318, '1. ')), sortedFindings([...base844, '318:duplicate-section-number']));
  });

  it('a lead cell removed from a flattened table row', () => {
    assert.deepEqual([lineText(qd844, 324).trim(), lineText(qd844, 325).trim()], ['Ủy ban nhân', 'dân các cấp']);
    const mutated = withLine(withLine(qd844, 325), 324);
    assert.deepEqual(findings(mutated), sortedFindings([...shifted(shifted(base844, 325), 324), '318:missing-lead-agency']));
  });

  const nq109 = corpusPlan('nq109-cp-chuong-trinh-hanh-dong.txt');
  const base109 = findings(nq109);

  it('a row number repeated inside one appendix of a flattened programme', () => {
    assert.equal(lineText(nq109, 2455).trim(), '2');
    assert.deepEqual(findings(withLine(nq109, 2455, '1 ')), sortedFindings([...base109, '2455:duplicate-section-number']));
  });

  const nq175 = corpusPlan('nq175-cp-de-an.txt');
  const base175 = findings(nq175);

  it("an activity's `Đơn vị chủ trì` line deleted", () => {
    assert.match(lineText(nq175, 463), /^- Đơn vị chủ trì: Bộ Công an/);
    assert.deepEqual(findings(withLine(nq175, 463)), sortedFindings([...shifted(base175, 463), '460:missing-lead-agency']));
  });

  const hanoi = corpusPlan('hanoi-kh173-ubnd-2026.txt');
  const baseHanoi = findings(hanoi);

  it("a numbered activity's `Đơn vị chủ trì` line deleted", () => {
    assert.match(lineText(hanoi, 92), /Đơn vị chủ trì: Sở Văn hoá và Thể thao/);
    assert.deepEqual(findings(withLine(hanoi, 92)), sortedFindings([...shifted(baseHanoi, 92), '89:missing-lead-agency']));
  });

  it('a section of the work part renumbered so that it collides', () => {
    const mutated = withLine(hanoi, 89, lineText(hanoi, 89).replace('2.3.', '2.2.'));
    assert.deepEqual(findings(mutated), sortedFindings([...baseHanoi, '89:duplicate-section-number', '89:section-order']));
  });

  it('an activity section of the Đề án renumbered so that it collides', () => {
    assert.match(lineText(nq175, 480), /^2\. Về xây dựng, vận hành/);
    const mutated = withLine(nq175, 480, lineText(nq175, 480).replace(/^2\./, '1.'));
    assert.deepEqual(findings(mutated), sortedFindings([...base175, '480:duplicate-section-number', '480:section-order']));
  });

  const plan000 = seed(SEEDS.plan000);
  const base000 = findings(plan000);

  it('a task of the work part renumbered so that it collides (seed 000)', () => {
    assert.match(lineText(plan000, 143), /^2\.2\. \*Về quy hoạch/);
    const mutated = withLine(plan000, 143, lineText(plan000, 143).replace(/^2\.2\./, '2.1.'));
    assert.deepEqual(findings(mutated), sortedFindings([...base000, '143:duplicate-section-number', '143:section-order']));
  });
});
