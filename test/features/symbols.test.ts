import assert from 'node:assert/strict';
import { documentSymbols, OutlineSymbol } from '../../server/src/core/features/symbols';
import { crlf, fixture, nfd, seed, SEEDS } from '../helpers';
import { analyse, contains, textAt } from './util';

function find(list: OutlineSymbol[], name: string): OutlineSymbol {
  const s = list.find((x) => x.name.startsWith(name));
  assert.ok(s, `no symbol ${name} in ${list.map((x) => x.name).join(' | ')}`);
  return s;
}

function walk(list: OutlineSymbol[], f: (s: OutlineSymbol, parent?: OutlineSymbol) => void, parent?: OutlineSymbol): void {
  for (const s of list) {
    f(s, parent);
    walk(s.children, f, s);
  }
}

describe('document symbols', () => {
  const text000 = seed(SEEDS.plan000);
  const sym000 = documentSymbols(analyse(text000));

  it('outlines 000 as part → group → task → numbered fields', () => {
    assert.deepEqual(sym000.map((s) => s.name), ['I- MỤC ĐÍCH, YÊU CẦU', 'II- NỘI DUNG VÀ GIẢI PHÁP KHẮC PHỤC', 'III- TỔ CHỨC THỰC HIỆN']);
    const part = sym000[1];
    assert.equal(part.kind, 'part');
    const group = find(part.children, '1. Về công tác xây dựng Đảng');
    assert.equal(group.kind, 'group');
    assert.equal(group.detail, '4 nhiệm vụ');
    const task = find(group.children, '1.1. Công tác tổ chức xây dựng Đảng');
    assert.equal(task.kind, 'task');
    assert.equal(task.detail, 'Chủ trì: Ban Tổ chức Đảng ủy · Thời gian: Hoàn thành trong quý II/2026');
    assert.deepEqual(task.children.map((c) => [c.kind, c.name.slice(0, 6)]), [
      ['field', '1.1.1.'], ['field', '1.1.2.'], ['field', '1.1.3.'], ['field', '1.1.4.'], ['field', '1.1.5.'],
    ]);
    assert.equal(task.children[2].name, '1.1.3. Cơ quan chủ trì: Ban Tổ chức Đảng ủy.');
    assert.deepEqual(find(part.children, '2.').children.map((t) => t.name.slice(0, 4)), ['2.1.', '2.2.', '2.3.', '2.4.']);
    // Purpose and organisation parts hold plain items, not tasks.
    assert.deepEqual(sym000[0].children.map((c) => c.kind), ['item', 'item', 'item']);
  });

  it('gives ranges on the original text, selection inside range, children inside parents', () => {
    walk(sym000, (s, parent) => {
      assert.ok(contains(s.range, s.selectionRange), `selection outside range: ${s.name}`);
      if (parent) assert.ok(contains(parent.range, s.range), `${s.name} outside ${parent.name}`);
    });
    const task = find(find(sym000[1].children, '1.').children, '1.1.');
    assert.equal(textAt(text000, task.selectionRange), '1.1. Công tác tổ chức xây dựng Đảng');
    assert.equal(task.range.start.line, 22);
    assert.equal(task.range.end.line, 38);
  });

  it('keeps names and lines under CRLF and NFD', () => {
    for (const variant of [crlf(text000), nfd(text000)]) {
      const syms = documentSymbols(analyse(variant));
      const task = find(find(syms[1].children, '1.').children, '1.1.');
      assert.equal(task.name, '1.1. Công tác tổ chức xây dựng Đảng');
      assert.equal(task.selectionRange.start.line, 22);
      assert.equal(textAt(variant, task.selectionRange).normalize('NFC'), '1.1. Công tác tổ chức xây dựng Đảng');
    }
  });

  it('names the advising unit (Tham mưu) of 002’s tasks 1–5 and their labelled fields', () => {
    const syms = documentSymbols(analyse(seed(SEEDS.plan002)));
    const part = find(syms, 'II. NỘI DUNG, LỘ TRÌNH');
    assert.deepEqual(part.children.map((t) => [t.kind, t.name.slice(0, 2)]), [
      ['task', '1.'], ['task', '2.'], ['task', '3.'], ['task', '4.'], ['task', '5.'],
    ]);
    for (const t of part.children) assert.match(t.detail ?? '', /^Tham mưu: /);
    assert.match(part.children[0].detail!, /Tham mưu: Phòng Tổ chức - Cán bộ · Thời gian: /);
    assert.deepEqual(part.children[0].children.map((f) => f.name.split(':')[0]), ['Giải pháp thực hiện', 'Phân công theo dõi, chỉ đạo', 'Tham mưu']);
    assert.match(part.children[0].children[1].name, /Đồng chí Tôn Thiện Đồng/);
  });

  it('reads a Markdown plan, with the lead of a task from the assignment table', () => {
    const text = fixture('markdown/plan.md');
    const syms = documentSymbols(analyse(text));
    const part = find(syms, 'II. NHIỆM VỤ VÀ GIẢI PHÁP');
    const group = find(part.children, '1. Về hạ tầng và dữ liệu số');
    assert.deepEqual(group.children.map((t) => t.name), [
      '1.1. Nâng cấp hệ thống thông tin điều hành tác nghiệp',
      '1.2. Số hóa hồ sơ đảng viên',
      '1.3. Bồi dưỡng kỹ năng số cho cán bộ',
    ]);
    assert.equal(group.children[1].detail, 'Chủ trì: Ban Tổ chức Đảng ủy · Thời gian: Hoàn thành trong quý IV/2026');
    assert.equal(group.children[2].detail, '⚠ chưa có cơ quan chủ trì · Thời gian: Thực hiện thường xuyên');
    // `**1.2.** Số hóa…`: the selection lands on the number inside the markup.
    assert.match(textAt(text, group.children[1].selectionRange), /^1\.2\.\*\* Số hóa hồ sơ đảng viên$/);
  });

  it('warns of a missing deadline, in English when asked', () => {
    const text = 'KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n1. Rà soát quy chế làm việc\n\n- Cơ quan chủ trì: Văn phòng.\n';
    const [part] = documentSymbols(analyse(text));
    assert.equal(part.children[0].detail, 'Chủ trì: Văn phòng · ⚠ chưa có thời gian thực hiện');
    const [en] = documentSymbols(analyse(text), 'en');
    assert.equal(en.children[0].detail, 'Lead: Văn phòng · ⚠ no deadline');
  });

  it('lists no tasks for a letter', () => {
    const syms = documentSymbols(analyse(seed(SEEDS.letter001)));
    walk(syms, (s) => assert.notEqual(s.kind, 'task'));
  });
});
