import assert from 'node:assert/strict';
import { completions } from '../../server/src/core/features/completion';
import { bundledIndex, fixture, nfd, seed, SEEDS } from '../helpers';
import { analyse, textAt, withLine } from './util';

/** Completions at the end of `line` inserted before line `at` (a new line being typed). */
function typed(text: string, at: number, line: string, lang: 'vi' | 'en' = 'vi') {
  const t = withLine(text, at, line);
  return completions(analyse(t.text), t.end, bundledIndex(), lang);
}

function sorted<T extends { sortText: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.sortText.localeCompare(b.sortText));
}

describe('completion: indexed documents after a type word', () => {
  it('lists Nghị quyết numbered 11… after `Nghị quyết số 11`, newest first, no Chỉ thị', () => {
    const items = sorted(typed('', 0, 'Thực hiện Nghị quyết số 11'));
    assert.ok(items.length >= 2);
    assert.ok(items.every((i) => i.kind === 'document' && i.filterText.startsWith('11') && /Nghị quyết/.test(i.detail!)));
    assert.ok(!items.some((i) => /CT\//.test(i.insertText)));
    // A local document's issuer names its locality; a central one's is as indexed.
    const nq111 = items.find((i) => i.filterText === '111-NQ/TU')!;
    assert.equal(nq111.insertText, '111-NQ/TU ngày 11/6/2021 của Tỉnh ủy Bắc Giang');
    assert.match(nq111.detail!, /địa phương: Bắc Giang/);
    assert.match(nq111.documentation!, /chuyển đổi số/);
    // Newest first: the labels' dates never increase down the list.
    const dates = items.filter((i) => i.label.includes(' ngày ')).map((i) => i.label.split(' ngày ')[1].split('/').reverse().map((n) => n.padStart(2, '0')).join(''));
    assert.deepEqual(dates, [...dates].sort().reverse());
    // The item replaces what was typed of the number.
    assert.deepEqual(nq111.range, { start: { line: 0, character: 24 }, end: { line: 0, character: 26 } });
  });

  it('adds `số` when it is not typed, and keeps the leading zero of a day below 10', () => {
    const items = typed('', 0, 'Căn cứ Nghị quyết 109');
    assert.deepEqual(items.map((i) => i.insertText).filter((t) => t.includes('/TU')), [
      'số 109-NQ/TU ngày 08/6/2021 của Tỉnh ủy Bắc Giang',
      'số 109-NQ/TU ngày 04/7/2016 của Ban Chấp hành Đảng bộ tỉnh Bắc Giang',
    ]);
  });

  it('offers a plan of another province its central documents, not the local ones of Bắc Giang', () => {
    const header = 'TỈNH ỦY TUYÊN QUANG\n\nKẾ HOẠCH\n\n';
    const t = withLine(header, 4, 'Căn cứ Nghị quyết số 109');
    const items = completions(analyse(t.text), t.end, bundledIndex());
    assert.ok(items.length > 0);
    assert.ok(items.every((i) => !i.filterText.includes('/TU')), items.map((i) => i.filterText).join(', '));
  });

  it('lists every Chỉ thị after `Chỉ thị `, and only those', () => {
    const items = typed('', 0, 'Thực hiện Chỉ thị ');
    const expected = bundledIndex().ofType('Chỉ thị').length;
    assert.equal(items.length, expected);
    assert.ok(items.every((i) => i.insertText.startsWith('số ') && /[-/]CT[-/]/.test(i.filterText)));
  });

  it('filters without diacritics: `Đề án số 01-DA` finds 01-ĐA/TU', () => {
    const items = typed('', 0, 'Theo Đề án số 01-DA');
    assert.deepEqual(items.map((i) => i.filterText), ['01-ĐA/TU']);
  });

  it('offers nothing for a plain sentence, a finished citation, or an unknown prefix', () => {
    assert.deepEqual(typed('', 0, 'Thực hiện nghiêm '), []);
    assert.deepEqual(typed('', 0, 'Nghị quyết số 111-NQ/TU ngày '), []);
    assert.deepEqual(typed('', 0, 'Nghị quyết số 999'), []);
  });
});

describe('completion: field labels inside a task', () => {
  const text000 = seed(SEEDS.plan000);

  it('offers the labels task 1.4 lacks first at `1.4.5. `', () => {
    // Line 104 (0-based) is the blank line after 1.4's last bullet.
    const items = sorted(typed(text000, 104, '1.4.5. '));
    assert.equal(items[0].label, 'Cơ quan phối hợp:');
    assert.equal(items[0].insertText, 'Cơ quan phối hợp: ');
    assert.match(items[0].detail!, /chưa có/);
    // Present labels come last; `Cơ quan thực hiện` stands for the lead, so that is not lacking.
    const last = items.slice(-1)[0];
    assert.match(last.detail!, /đã có/);
    const lead = items.find((i) => i.label === 'Cơ quan chủ trì:')!;
    assert.ok(lead.sortText > items[0].sortText);
    assert.equal(items.find((i) => i.label.startsWith('Giải pháp'))!.insertText, 'Giải pháp khắc phục:');
  });

  it('replaces the part of the label already typed, also in NFD text', () => {
    const t = withLine(nfd(text000), 104, nfd('1.4.5. Cơ quan'));
    const items = completions(analyse(t.text), t.end, bundledIndex());
    const item = items.find((i) => i.label === 'Cơ quan phối hợp:')!;
    assert.equal(textAt(t.text, item.range), nfd('Cơ quan'));
  });

  it('offers nothing on a number of the wrong level or outside any task', () => {
    assert.deepEqual(typed(text000, 39, '1.2. '), []);
    assert.deepEqual(typed(text000, 16, '1.1.1. '), []); // part I: purposes, no tasks
    assert.deepEqual(typed(text000, 226, '- '), []); // Nơi nhận
  });

  it('offers 002’s board labels at a bullet, the missing deadline first', () => {
    const text = seed(SEEDS.plan002);
    const items = sorted(typed(text, 98, '* '));
    assert.equal(items[0].label, 'Thời gian thực hiện:');
    assert.ok(items.some((i) => i.label === 'Tham mưu:' && /đã có/.test(i.detail!)));
  });
});

describe('completion: next task', () => {
  const text000 = seed(SEEDS.plan000);

  it('inserts 1.5 with numbered fields on the blank line after 1.4, the last task of group 1', () => {
    const items = typed(text000, 104, '');
    assert.deepEqual(items.map((i) => i.label), ['1.5.']);
    const s = items[0].insertText;
    assert.ok(items[0].snippet);
    assert.ok(s.startsWith('1.5. ${1:…}\n\n1.5.1. Nội dung cần khắc phục: ${2:…}\n\n1.5.2. Giải pháp khắc phục:\n\n- ${3:…}\n\n1.5.3. Cơ quan chủ trì: ${4:…}.'));
    assert.match(s, /1\.5\.4\. Cơ quan phối hợp: \$\{5:…\}\./);
    assert.match(s, /1\.5\.5\. Thời gian thực hiện: \$\{6\|Hoàn thành trong quý …\/…,Thực hiện thường xuyên\|\}\./);
    assert.ok(s.endsWith('$0'));
  });

  it('after 2.4, the last task of the last group, offers 2.5 and a new group 3 with 3.1', () => {
    const items = typed(text000, 216, '2.');
    assert.deepEqual(items.map((i) => i.label), ['2.5.', '3.1.']);
    assert.ok(items[1].insertText.startsWith('3. ${1:…}\n\n3.1. ${2:…}\n\n3.1.1. Nội dung cần khắc phục:'));
    // The typed `2.` is replaced.
    assert.deepEqual(items[0].range, { start: { line: 216, character: 0 }, end: { line: 216, character: 2 } });
  });

  it('offers no next task inside a group, in other parts, or in Nơi nhận', () => {
    assert.deepEqual(typed(text000, 40, ''), []); // after 1.1, before 1.2
    assert.deepEqual(typed(text000, 225, ''), []); // III- TỔ CHỨC THỰC HIỆN
    assert.deepEqual(typed(text000, 230, ''), []); // Nơi nhận
  });

  it('offers no next task below a Nơi nhận block that follows the last task', () => {
    const head = seed(SEEDS.plan002).split('\n').slice(0, 98).join('\n');
    const text = `${head}\n\nNơi nhận:\n- Lưu Văn phòng.\n\n`;
    const end = { line: text.split('\n').length - 1, character: 0 };
    assert.deepEqual(completions(analyse(text), end, bundledIndex()), []);
    // Without the block the same place takes task 6.
    assert.deepEqual(completions(analyse(`${head}\n\n`), { line: 99, character: 0 }, bundledIndex()).map((i) => i.label), ['6.']);
  });

  it('follows 002: `6.` with `* Giải pháp thực hiện:`, its inline deadline, oversight and advisor', () => {
    const items = typed(seed(SEEDS.plan002), 98, '');
    assert.deepEqual(items.map((i) => i.label), ['6.']);
    assert.equal(
      items[0].insertText,
      '6. ${1:…}\n\n* Giải pháp thực hiện:\n\n- ${2:…} (${3|thực hiện thường xuyên,hoàn thành trong quý …/…|}).\n\n' +
        '* Phân công theo dõi, chỉ đạo: Đồng chí ${4:…}.\n\n* Tham mưu: ${5:…}.\n$0',
    );
  });

  it('follows a Markdown plan: `### 1.4.` and labelled bullets without blank lines', () => {
    const items = typed(fixture('markdown/plan.md'), 32, '');
    assert.equal(items[0].label, '1.4.');
    assert.equal(
      items[0].insertText,
      '### 1.4. ${1:…}\n\n- Nội dung thực hiện: ${2:…}\n- Cơ quan chủ trì: ${3:…}.\n- Cơ quan phối hợp: ${4:…}.\n' +
        '- Thời gian thực hiện: ${5|Hoàn thành trong quý …/…,Thực hiện thường xuyên|}.\n$0',
    );
  });
});
