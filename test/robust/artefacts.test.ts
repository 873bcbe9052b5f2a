// Extraction artefacts are normal input (issue 15, point 4): each built on
// real text, and the findings, tasks and citations read equal those of the
// clean text.

import assert from 'node:assert/strict';
import { extractCitations } from '../../server/src/core/citations/extract';
import { parsePlan } from '../../server/src/core/plan/parse';
import { taskInfos } from '../../server/src/core/plan/tasks';
import { normalize } from '../../server/src/core/text/normalize';
import { check, corpusPlan, seed, SEEDS } from '../helpers';

/** What a reviewer reads: each finding's rule and message, in order. */
function findings(text: string): string[] {
  return check(text).map((d) => `${d.code}: ${d.message}`);
}

function tasks(text: string): string[] {
  return taskInfos(parsePlan(text)).map((t) => `${t.number} ${t.title} | ${t.lead.names.join(', ')} | ${t.deadline.text ?? ''}`);
}

function citations(text: string): string[] {
  return parsePlan(text).citations.map((c) => `${c.type} ${c.number}`);
}

describe('extraction artefacts read as the clean text', () => {
  const plan000 = seed(SEEDS.plan000);
  const hanoi = corpusPlan('hanoi-kh173-ubnd-2026.txt');

  it('literal \\r\\n (a JSON dump): seed 000 on one line reads as the clean text, findings on the same characters', () => {
    const dumped = plan000.replace(/\r?\n/g, '\\r\\n');
    assert.equal(dumped.includes('\n'), false);
    assert.deepEqual(findings(dumped), findings(plan000));
    assert.deepEqual(tasks(dumped), tasks(plan000));
    assert.deepEqual(citations(dumped), citations(plan000));
    // Each finding sits on the same words of the original.
    const nt = normalize(dumped);
    const clean = check(plan000).map((d) => d.range.start.character);
    const at = check(dumped).map((d) => nt.original.slice(d.range.start.character, d.range.start.character + 6));
    const lines = plan000.split('\n');
    assert.deepEqual(at, check(plan000).map((d, i) => lines[d.range.start.line].slice(clean[i], clean[i] + 6)));
  });

  it('literal \\n in a text that has real line breaks stays text', () => {
    const text = plan000.replace('Thực hiện thường xuyên trong năm.', 'Thực hiện thường xuyên trong năm (mẫu C:\\new\\nhiemvu).');
    assert.deepEqual(tasks(text).length, tasks(plan000).length);
    assert.ok(normalize(text).text.includes('C:\\new\\nhiemvu'));
  });

  it('footnote digits glued to a citation or a word (Nghị quyết số 02-NQ/TW1, thực hiện2)', () => {
    const glued = hanoi.replace('Nghị quyết số 02-NQ/TW ngày 17/3/2026', 'Nghị quyết số 02-NQ/TW1 ngày 17/3/2026').replace('cụ thể như sau:', 'cụ thể như sau2:');
    assert.notEqual(glued, hanoi);
    assert.deepEqual(citations(glued), citations(hanoi));
    assert.deepEqual(findings(glued), findings(hanoi));
    assert.deepEqual(tasks(glued), tasks(hanoi));
  });

  it('a running header and a page number between the lines of a paragraph and of a flattened table row', () => {
    const lines = hanoi.split('\n');
    // Inside the first paragraph (Thực hiện Nghị quyết…) and inside activity 2.1.
    const at = [lines.findIndex((l) => l.startsWith('ngày 07/01/2026 của Bộ Chính trị về phát triển văn hoá Việt Nam, Chương trình'))];
    assert.ok(at[0] > 0);
    const broken = [...lines.slice(0, at[0]), '                                        3', '', ...lines.slice(at[0])].join('\n');
    assert.deepEqual(findings(broken), findings(hanoi));
    assert.deepEqual(tasks(broken), tasks(hanoi));
    assert.deepEqual(citations(broken), citations(hanoi));
    const qd844 = corpusPlan('qd844-ttg-ke-hoach-hanh-dong.txt');
    const q = qd844.split('\n');
    const i = q.findIndex((l) => l.trim() === 'Ủy ban nhân');
    const paged = [...q.slice(0, i), '12', 'CÔNG BÁO/Số 45 + 46/Ngày 20-5-2026', ...q.slice(i)].join('\n');
    assert.deepEqual(findings(paged), findings(qd844));
    assert.deepEqual(tasks(paged), tasks(qd844));
  });

  it('a hyphenated line break inside a paragraph and inside a citation number', () => {
    const broken = hanoi.replace('Nghị quyết số 80-NQ/TW\nngày 07/01/2026', 'Nghị quyết số 80-\nNQ/TW ngày 07/01/2026');
    assert.notEqual(broken, hanoi);
    assert.deepEqual(citations(broken), citations(hanoi));
    assert.deepEqual(findings(broken), findings(hanoi));
  });

  it('the two-column header of pdftotext -layout (hanoi-kh173): body, number, date read, no form finding from the layout', () => {
    assert.match(hanoi.split('\n')[0], /ỦY BAN NHÂN DÂN\s{4,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.deepEqual(findings(hanoi), []);
    assert.equal(extractCitations(normalize(hanoi).text).length > 0, true);
  });
});
