// missing-lead-agency / missing-deadline: the inserted field line is numbered
// and marked up like its neighbours, stands in the right place, keeps the
// document's line breaks and spacing; once the drafter types the value, the
// finding is gone and nothing else has changed.

import assert from 'node:assert/strict';
import { corpusPlan, crlf, fixture, seed, SEEDS } from '../helpers';
import { analyse, applyFix, findingsByMessage, fixesOf, lineBreaks } from './util';

const S000 = seed(SEEDS.plan000);
const S002 = seed(SEEDS.plan002);
const LEAD_11 = '1.1.3. Cơ quan chủ trì: Ban Tổ chức Đảng ủy.';

describe('fix: insert a missing field line', () => {
  it('000: puts `1.1.3. Cơ quan chủ trì: ` back between the solutions and the coordination', () => {
    const text = S000.replace(LEAD_11 + '\n\n', '');
    const { fixes } = fixesOf(text, 'missing-lead-agency', 23);
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0].title.vi, 'Thêm dòng Cơ quan chủ trì');
    assert.match(fixes[0].title.en, /Cơ quan chủ trì/);
    assert.equal(fixes[0].edits[0].newText, '\n\n1.1.3. Cơ quan chủ trì: ');
    // Inserted, still empty: the finding now says the field is empty.
    const inserted = analyse(applyFix(text, fixes[0]));
    const still = inserted.diagnostics.filter((d) => d.code === 'missing-lead-agency');
    assert.equal(still.length, 1);
    assert.equal(still[0].data?.reason, 'empty');
    // Typed in: the very text of the seed, with its findings and no others.
    const filled = applyFix(text, fixes[0], 'Ban Tổ chức Đảng ủy.');
    assert.equal(filled, S000);
  });

  it('000: inserting in the middle renumbers the following fields of the task in the same edit set', () => {
    // 1.1 without its lead, and numbered in sequence: 1.1.3 coordination, 1.1.4 deadline.
    const text = S000.replace(LEAD_11 + '\n\n', '').replace('1.1.4. Cơ quan phối hợp', '1.1.3. Cơ quan phối hợp').replace('1.1.5. Thời gian', '1.1.4. Thời gian');
    const before = analyse(text);
    assert.deepEqual(before.diagnostics.filter((d) => d.code !== 'duplicate-section-number' && d.code !== 'section-order').map((d) => d.code), ['missing-lead-agency']);
    const { fixes } = fixesOf(text, 'missing-lead-agency', 23);
    assert.deepEqual(
      fixes[0].edits.map((e) => e.newText),
      ['\n\n1.1.3. Cơ quan chủ trì: ', '1.1.4', '1.1.5'],
    );
    assert.equal(applyFix(text, fixes[0], 'Ban Tổ chức Đảng ủy.'), S000);
  });

  it('000: a missing deadline goes last, numbered after the last field', () => {
    const text = S000.replace('\n\n1.1.5. Thời gian thực hiện: Hoàn thành trong quý II/2026.', '');
    const { fixes } = fixesOf(text, 'missing-deadline', 23);
    assert.equal(fixes[0].title.vi, 'Thêm dòng Thời gian thực hiện');
    assert.equal(applyFix(text, fixes[0], 'Hoàn thành trong quý II/2026.'), S000);
  });

  it('000: follows the Markdown emphasis of the neighbouring field (`2.2.4. *Thời gian thực hiện:* `)', () => {
    const line = '\n\n2.2.4. *Thời gian thực hiện:* Thực hiện thường xuyên trong năm.';
    assert.ok(S000.includes(line));
    const text = S000.replace(line, '');
    const { fixes } = fixesOf(text, 'missing-deadline');
    assert.equal(fixes[0].edits[0].newText, '\n\n2.2.4. *Thời gian thực hiện:* ');
    assert.equal(applyFix(text, fixes[0], 'Thực hiện thường xuyên trong năm.'), S000);
  });

  it('CRLF stays CRLF, and the result is the CRLF seed', () => {
    const text = crlf(S000.replace(LEAD_11 + '\n\n', '').replace('1.1.4. Cơ quan phối hợp', '1.1.3. Cơ quan phối hợp').replace('1.1.5. Thời gian', '1.1.4. Thời gian'));
    const { fixes } = fixesOf(text, 'missing-lead-agency', 23);
    const out = applyFix(text, fixes[0], 'Ban Tổ chức Đảng ủy.');
    assert.equal(lineBreaks(out).lf, 0);
    assert.equal(lineBreaks(out).cr, 0);
    assert.equal(out, crlf(S000));
  });

  it('a document without blank lines between paragraphs gets none', () => {
    const text = fixture('fixes/compact.txt');
    const { fixes } = fixesOf(text, 'missing-lead-agency');
    assert.deepEqual(fixes[0].edits.map((e) => e.newText), ['\n1.1.2. Cơ quan chủ trì: ', '1.1.3', '1.1.4']);
    const out = applyFix(text, fixes[0], 'Văn phòng Đảng ủy.');
    assert.match(out, /1\.1\.1\. Nội dung: [^\n]*\n1\.1\.2\. Cơ quan chủ trì: Văn phòng Đảng ủy\.\n1\.1\.3\. Cơ quan phối hợp: [^\n]*\n1\.1\.4\. Thời gian/);
    const after = analyse(out);
    assert.deepEqual(after.diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`), ['13:missing-deadline']);
  });

  it('002: a bullet task gets `* *Tham mưu*: ` in the markup of its neighbour line', () => {
    const text = S002.replace('* *Tham mưu*: Phòng Bảo vệ chính trị nội bộ.\n\n', '');
    const { fixes, d } = fixesOf(text, 'missing-lead-agency');
    assert.equal(d.data?.reason, 'no-advisor');
    assert.equal(fixes[0].title.vi, 'Thêm dòng Tham mưu');
    assert.equal(fixes[0].edits[0].newText, '\n\n* *Tham mưu*: ');
    assert.equal(applyFix(text, fixes[0], 'Phòng Bảo vệ chính trị nội bộ.'), S002);
  });

  it('002 style: a missing deadline goes after `Tham mưu`, marked up the same way', () => {
    const text = fixture('fixes/advisor-style.md');
    const { fixes } = fixesOf(text, 'missing-deadline');
    assert.equal(fixes[0].edits[0].newText, '\n\n* *Thời gian thực hiện:* ');
    const out = applyFix(text, fixes[0], 'Quý III/2026.');
    assert.match(out, /\* \*Tham mưu:\* Phòng Bảo vệ chính trị nội bộ\.\n\n\* \*Thời gian thực hiện:\* Quý III\/2026\.\n\n3\. Nhóm/);
    assert.deepEqual(findingsByMessage(analyse(out)), findingsByMessage(analyse(text)).filter((m) => !m.startsWith('missing-deadline')));
  });

  it('002 style: a task with neither gets both `Phân công theo dõi, chỉ đạo` and `Tham mưu`, before the deadline', () => {
    const text = fixture('fixes/advisor-style.md');
    const { fixes } = fixesOf(text, 'missing-lead-agency');
    assert.equal(fixes[0].title.vi, 'Thêm dòng Phân công theo dõi, chỉ đạo và Tham mưu');
    const out = applyFix(text, fixes[0], ['Đồng chí Phó Trưởng Ban.', 'Văn phòng Ban.']);
    assert.match(out, /để nắm tình hình\.\n\n\* \*Phân công theo dõi, chỉ đạo:\* Đồng chí Phó Trưởng Ban\.\n\n\* \*Tham mưu:\* Văn phòng Ban\.\n\n\* \*Thời gian thực hiện:\* Thường xuyên\./);
    assert.ok(!analyse(out).diagnostics.some((d) => d.code === 'missing-lead-agency'));
  });

  it('a task without fields gets `- Cơ quan chủ trì: ` after its last paragraph', () => {
    // (Seed 004's `3.1. Cấp ủy các cấp` served here until headings that name a body stopped being tasks.)
    const text = fixture('fixes/paragraphs.txt');
    const { fixes, result } = fixesOf(text, 'missing-lead-agency', 6);
    assert.equal(fixes[0].edits[0].newText, '\n\n- Cơ quan chủ trì: ');
    const out = applyFix(text, fixes[0], 'Ban Thường vụ Tỉnh ủy.');
    assert.match(out, /giám sát\.\n\n- Cơ quan chủ trì: Ban Thường vụ Tỉnh ủy\.\n\n2\. Nâng cao/);
    const before = findingsByMessage(result);
    const target = `missing-lead-agency|${result.diagnostics.find((d) => d.code === 'missing-lead-agency' && d.range.start.line === 5)!.message.vi}`;
    before.splice(before.indexOf(target), 1);
    assert.deepEqual(findingsByMessage(analyse(out)), before);
  });

  it('a task whose executors name no lead gets a `Cơ quan chủ trì` line', () => {
    const text = fixture('fixes/compact.txt').replace('1.2.2. Cơ quan chủ trì: Ban Tổ chức Đảng ủy.\n', '').replace('1.2.3. Cơ quan thực hiện', '1.2.2. Cơ quan thực hiện');
    const { fixes, d } = fixesOf(text, 'missing-lead-agency', 12);
    assert.equal(d.data?.reason, 'no-single-lead');
    assert.deepEqual(fixes[0].edits.map((e) => e.newText), ['\n1.2.2. Cơ quan chủ trì: ', '1.2.3']);
    const out = applyFix(text, fixes[0], 'Văn phòng.');
    assert.ok(!analyse(out).diagnostics.some((x) => x.code === 'missing-lead-agency' && x.range.start.line === 11));
  });

  it('offers nothing when the field is there but empty', () => {
    const text = S000.replace(LEAD_11, '1.1.3. Cơ quan chủ trì:');
    const { d, fixes } = fixesOf(text, 'missing-lead-agency', 23);
    assert.equal(d.data?.reason, 'empty');
    assert.deepEqual(fixes, []);
    const dl = S000.replace('1.1.5. Thời gian thực hiện: Hoàn thành trong quý II/2026.', '1.1.5. Thời gian thực hiện:');
    assert.deepEqual(fixesOf(dl, 'missing-deadline', 23).fixes, []);
  });
});

describe('fix: fill the empty cell of a task table row', () => {
  const text = fixture('rules/task-table.md').replace(/ *\{[a-z-]+\}/g, '');

  it('puts the cursor in the row’s empty lead cell; typed in, the finding is gone and nothing else changed', () => {
    const { fixes, result } = fixesOf(text, 'missing-lead-agency', 35);
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0].title.vi, 'Điền ô Cơ quan chủ trì của dòng 2');
    const out = applyFix(text, fixes[0], 'Sở Tư pháp');
    assert.match(out, /\| 2\. \| Rà soát thủ tục hành chính \| Sở Tư pháp\| Các sở, ngành \|/);
    const before = findingsByMessage(result).filter((m) => !m.startsWith('missing-lead-agency'));
    assert.deepEqual(findingsByMessage(analyse(out)), before);
  });

  it('puts the cursor in the row’s empty deadline cell', () => {
    const { fixes } = fixesOf(text, 'missing-deadline', 37);
    assert.equal(fixes[0].title.vi, 'Điền ô Thời gian hoàn thành của dòng 3');
    const out = applyFix(text, fixes[0], 'Quý IV/2026');
    assert.ok(!analyse(out).diagnostics.some((d) => d.code === 'missing-deadline'));
  });

  it('offers nothing to fill for a flattened row: it has no cell', () => {
    const flat = corpusPlan('qd844-ttg-ke-hoach-hanh-dong.txt').split('\n');
    flat.splice(316, 1); // row 1's `Thường xuyên`
    const { fixes } = fixesOf(flat.join('\n'), 'missing-deadline', 295);
    assert.deepEqual(fixes, []);
  });
});

describe('fix: fill the empty cell of an HTML task table row', () => {
  it('puts the cursor between the cell’s tags', () => {
    const text = fixture('rules/html-table.md').replace(/ *\{[a-z-]+\}/g, '');
    const { fixes } = fixesOf(text, 'missing-lead-agency', 17);
    const out = applyFix(text, fixes[0], 'Sở Nội vụ');
    assert.match(out, /<td>Số hóa hồ sơ<\/td><td>Sở Nội vụ<\/td>/);
    assert.ok(!analyse(out).diagnostics.some((d) => d.code === 'missing-lead-agency'));
  });
});
