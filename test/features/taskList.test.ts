import assert from 'node:assert/strict';
import { assignmentTable, taskList } from '../../server/src/core/features/taskList';
import { lint } from '../../server/src/core/lint';
import { LineIndex, Range } from '../../server/src/core/text/lineIndex';
import { crlf, nfd, seed, SEEDS } from '../helpers';

function textAt(text: string, r: Range): string {
  const li = new LineIndex(text);
  return text.slice(li.offsetAt(r.start), li.offsetAt(r.end));
}

describe('taskList (core)', () => {
  it('lists the 8 tasks of seed 000 with leads, deadlines and counts', () => {
    const text = seed(SEEDS.plan000);
    const r = taskList(lint(text));
    assert.equal(r.isPlan, true);
    assert.deepEqual(
      r.tasks.map((t) => t.number),
      ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4'],
    );
    assert.deepEqual(r.counts, { tasks: 8, missingLead: 0, missingDeadline: 0 });
    const t11 = r.tasks[0];
    assert.equal(t11.title, 'Công tác tổ chức xây dựng Đảng');
    assert.equal(t11.lead, 'Ban Tổ chức Đảng ủy');
    assert.equal(t11.leadStatus, 'named');
    assert.equal(t11.deadlineGiven, true);
    assert.equal(t11.deadline, 'Hoàn thành trong quý II/2026');
    const t14 = r.tasks[3];
    assert.equal(t14.leadStatus, 'collective');
    assert.equal(t14.lead, 'Các ban, cơ quan của Đảng ủy');
  });

  it('gives heading ranges on the original text, inside the task range', () => {
    const text = seed(SEEDS.plan000);
    const r = taskList(lint(text));
    for (const t of r.tasks) {
      const heading = textAt(text, t.selectionRange);
      assert.match(heading, new RegExp(`^${t.number.replace(/\./g, '\\.')}\\.?\\s`), heading);
      assert.ok(heading.includes(t.title.slice(0, 20)), `${heading} / ${t.title}`);
      assert.equal(t.selectionRange.start.line, t.selectionRange.end.line);
      const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
      assert.ok(before(t.range.start, t.selectionRange.start) && before(t.selectionRange.end, t.range.end), t.number);
    }
    // Tasks follow each other: a task's range ends before the next heading.
    for (let i = 1; i < r.tasks.length; i++) {
      assert.ok(r.tasks[i - 1].range.end.line <= r.tasks[i].selectionRange.start.line);
    }
  });

  it('maps ranges through CRLF and NFD text', () => {
    for (const variant of [crlf, nfd]) {
      const text = variant(seed(SEEDS.plan000));
      const r = taskList(lint(text));
      assert.equal(r.tasks.length, 8);
      const heading = textAt(text, r.tasks[1].selectionRange).normalize('NFC');
      assert.ok(heading.startsWith('1.2'), heading);
      assert.ok(heading.includes('Công tác tuyên giáo và dân vận'), heading);
    }
  });

  it('lists the 5 task groups of seed 002', () => {
    const r = taskList(lint(seed(SEEDS.plan002)));
    assert.equal(r.isPlan, true);
    assert.deepEqual(r.tasks.map((t) => t.number), ['1', '2', '3', '4', '5']);
    assert.deepEqual(r.counts, { tasks: 5, missingLead: 0, missingDeadline: 0 });
    assert.equal(r.tasks[4].lead, 'Các phòng và Văn phòng thuộc Ban');
  });

  it('counts a task whose Tham mưu line is removed as missing its lead', () => {
    const lines = seed(SEEDS.plan002).split('\n');
    const five = lines.findIndex((l) => l.startsWith('5. '));
    assert.ok(five > 0);
    const thamMuu = lines.findIndex((l, i) => i > five && /Tham mưu/.test(l));
    assert.ok(thamMuu > five);
    lines.splice(thamMuu, 1);
    const r = taskList(lint(lines.join('\n')));
    assert.equal(r.counts.tasks, 5);
    assert.equal(r.counts.missingLead, 1);
    assert.equal(r.counts.missingDeadline, 0);
    const t5 = r.tasks[4];
    assert.equal(t5.leadStatus, 'missing');
    assert.equal(t5.lead, null);
  });

  it('lists nothing for a text that is not a plan, or when told it is not one', () => {
    const letter = taskList(lint(seed(SEEDS.letter001)));
    assert.equal(letter.isPlan, false);
    assert.deepEqual(letter.tasks, []);
    assert.deepEqual(letter.counts, { tasks: 0, missingLead: 0, missingDeadline: 0 });
    const forcedOff = taskList(lint(seed(SEEDS.plan000)), false);
    assert.equal(forcedOff.isPlan, false);
    assert.equal(forcedOff.tasks.length, 0);
  });

  it('reports a missing deadline and keeps partial deadline text', () => {
    const text = [
      'KẾ HOẠCH',
      'Thực hiện Nghị quyết',
      '',
      'II. NHIỆM VỤ, GIẢI PHÁP',
      '1. Công tác cán bộ',
      '- Cơ quan chủ trì: Ban Tổ chức.',
      '2. Công tác tuyên truyền',
      '- Cơ quan chủ trì: Ban Tuyên giáo.',
      '- Thời gian thực hiện: Quý III/2026.',
      '',
    ].join('\n');
    const r = taskList(lint(text), true);
    assert.equal(r.counts.tasks, 2);
    assert.equal(r.counts.missingDeadline, 1);
    assert.equal(r.tasks[0].deadline, null);
    assert.equal(r.tasks[0].deadlineGiven, false);
    assert.equal(r.tasks[1].deadlineGiven, true);
  });

  it('exports the assignment table as Markdown and CSV', () => {
    const result = lint(seed(SEEDS.plan000));
    const md = assignmentTable(result, 'md').content;
    assert.ok(md.startsWith('## Biểu phân công thực hiện'));
    assert.equal(md.split('\n').filter((l) => l.startsWith('| 1.') || l.startsWith('| 2.')).length, 8);
    const csv = assignmentTable(result, 'csv', 'en').content;
    assert.ok(csv.startsWith('\ufeffNo.,Task,Lead agency'));
    assert.equal(csv.trim().split('\r\n').length, 9);
  });
});
