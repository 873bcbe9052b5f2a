// Tasks that are rows of task tables and lettered activities show in every
// feature: the task list and status-bar counts, the outline, hovers, the
// exported assignment table.

import assert from 'node:assert/strict';
import { hover } from '../../server/src/core/features/hover';
import { documentSymbols, OutlineSymbol } from '../../server/src/core/features/symbols';
import { assignmentTable, taskList } from '../../server/src/core/features/taskList';
import { assignmentLines } from '../../server/src/core/plan/assignmentTable';
import { bundledIndex, corpusPlan, fixture } from '../helpers';
import { analyse, posOf, textAt } from './util';

const table = fixture('rules/task-table.md').replace(/ *\{[a-z-]+\}/g, '');

function names(list: OutlineSymbol[]): string[] {
  return list.map((s) => s.name);
}

describe('task table rows in the editor features', () => {
  it('lists the rows as tasks with their cells, and counts what they miss', () => {
    const r = taskList(analyse(table));
    assert.equal(r.isPlan, true);
    assert.deepEqual(r.tasks.map((t) => t.number), ['1', '2', '3', '3']);
    assert.deepEqual(r.counts, { tasks: 4, missingLead: 1, missingDeadline: 1 });
    assert.equal(r.tasks[0].lead, 'Sở Khoa học và Công nghệ');
    assert.equal(r.tasks[0].deadline, 'Quý II/2026');
    assert.match(textAt(table, r.tasks[1].selectionRange), /^2\. \| Rà soát thủ tục hành chính/);
  });

  it('outlines each task table as a group of its rows, where it stands', () => {
    const sym = documentSymbols(analyse(table));
    const group = sym.find((s) => s.name.startsWith('PHỤ LỤC'));
    assert.ok(group, names(sym).join(' | '));
    assert.equal(group.kind, 'group');
    assert.equal(group.detail, '4 nhiệm vụ');
    assert.deepEqual(names(group.children).slice(0, 2), ['1. Ban hành quy chế quản lý dữ liệu', '2. Rà soát thủ tục hành chính']);
    assert.match(group.children[1].detail!, /chưa có cơ quan chủ trì/);
    assert.equal(sym[sym.length - 1], group, 'the appendix comes last, after the parts');
  });

  it('hovers a row with its lead and deadline', () => {
    const h = hover(analyse(table), posOf(table, 'Ban hành quy chế quản lý dữ liệu'), bundledIndex(), 'vi');
    assert.ok(h);
    assert.match(h.contents, /Sở Khoa học và Công nghệ/);
    assert.match(h.contents, /Quý II\/2026/);
  });

  it('exports the rows in the assignment table', () => {
    const md = assignmentTable(analyse(table), 'md').content;
    assert.match(md, /\| 1 \| Ban hành quy chế quản lý dữ liệu \| Sở Khoa học và Công nghệ \| Các sở, ngành \| Quý II\/2026 \|/);
  });

  it('lists the 29 rows of a flattened appendix, one per row, on their number lines', () => {
    const text = corpusPlan('qd844-ttg-ke-hoach-hanh-dong.txt');
    const r = taskList(analyse(text));
    assert.equal(r.tasks.length, 29);
    assert.deepEqual(r.counts, { tasks: 29, missingLead: 0, missingDeadline: 0 });
    assert.deepEqual(r.tasks.map((t) => t.number), Array.from({ length: 29 }, (_, i) => String(i + 1)));
    assert.equal(r.tasks[0].selectionRange.start.line, 294);
    assert.match(r.tasks[0].title, /^Tăng cường lãnh đạo, chỉ đạo xây dựng và tổ chức thực hiện hiệu quả các chủ trương/);
    assert.equal(r.tasks[3].lead, 'Bộ Tài chính');
    const lines = assignmentLines(analyse(text).plan!);
    assert.equal(lines[4].deadline, 'Quý I/2027');
  });

  it('lists activities with their section number and letter', () => {
    const text = corpusPlan('nq175-cp-de-an.txt');
    const r = taskList(analyse(text));
    assert.deepEqual(r.tasks.map((t) => t.number), ['1.a', '1.b', '1.c', '1.d', '2.a', '2.b', '2.c', '2.d', '2.đ', '3.a', '3.b']);
    assert.equal(r.tasks[2].lead, 'Bộ Thông tin và Truyền thông');
    assert.equal(r.tasks[2].deadline, 'Quý IV năm 2023');
  });
});
