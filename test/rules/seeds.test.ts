// The real drafts as they stand, with injected defects, and in every
// encoding variant: the acceptance checks of the core.

import assert from 'node:assert/strict';
import { check, checkWithHints, crlf, essence, nfd, oldTones, seed, SEEDS, summary } from '../helpers';

const STRUCTURE = ['missing-lead-agency', 'missing-deadline', 'duplicate-section-number', 'section-order'];

/** Removes the given 1-based line (and the blank line after it, if any). */
function removeLine(text: string, line: number): string {
  const lines = text.split('\n');
  const drop = lines[line]?.trim() === '' ? 2 : 1;
  lines.splice(line - 1, drop);
  return lines.join('\n');
}

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `seed text changed: ${needle}`);
  return text.slice(0, i).split('\n').length;
}

describe('seed 000 (remedial plan, Bắc Ninh)', () => {
  const text = seed(SEEDS.plan000);

  it('gives exactly its real defects: duplicates and order at lines 77 and 79', () => {
    assert.deepEqual(summary(check(text)), [
      '77:duplicate-section-number',
      '77:section-order',
      '79:duplicate-section-number',
      '79:section-order',
    ]);
  });

  it('points the duplicate at the first use and says where the section should be', () => {
    const d = check(text).find((x) => x.code === 'duplicate-section-number')!;
    assert.equal(d.related[0].range.start.line + 1, 55);
    assert.equal(d.range.start.character, 0);
    assert.equal(d.range.end.character, '1.2.4'.length);
    const order = check(text).find((x) => x.code === 'section-order')!;
    assert.match(order.message.vi, /1\.3\.4/);
  });

  it('finds a removed lead line at its task, and nothing else', () => {
    const broken = removeLine(text, lineOf(text, '1.1.3. Cơ quan chủ trì'));
    const s = summary(check(broken));
    assert.deepEqual(s.filter((x) => !x.endsWith('duplicate-section-number') && !x.endsWith('section-order')), ['23:missing-lead-agency']);
    assert.equal(s.length, 5);
  });

  it('finds a removed deadline line at its task', () => {
    const broken = removeLine(text, lineOf(text, '2.3.4. Thời gian thực hiện'));
    assert.deepEqual(
      summary(check(broken)).filter((x) => !x.endsWith('duplicate-section-number') && !x.endsWith('section-order')),
      ['165:missing-deadline'],
    );
  });

  it('finds a changed number at that task only', () => {
    const broken = text.replace('2.3. Về phát triển', '2.5. Về phát triển');
    const s = summary(check(broken));
    assert.deepEqual(s, ['77:duplicate-section-number', '77:section-order', '79:duplicate-section-number', '79:section-order', '165:section-order']);
  });

  it('an invented local number, in a plan that names no province, is only a hint: nothing can be checked', () => {
    const broken = text.replace('Nghị quyết số 06-NQ/ĐU ngày 09/3/2026', 'Nghị quyết số 96-NQ/ĐU ngày 09/3/2026');
    assert.deepEqual(summary(check(broken)), summary(check(text)));
    const hints = checkWithHints(broken).filter((d) => d.severity === 'hint' && d.range.start.line + 1 === 67);
    assert.deepEqual(hints.map((d) => d.code), ['unknown-directive']);
    assert.match(hints[0].message.vi, /96-NQ\/ĐU.*chưa rõ tỉnh/);
  });

  it('finds a wrong date on a known central directive (same term)', () => {
    const broken = text.replace('05-NQ/TW ngày 07/4/2026', '05-NQ/TW ngày 17/4/2026');
    const d = check(broken).filter((x) => x.code === 'citation-date-mismatch');
    assert.equal(d.length, 1);
    assert.match(d[0].message.vi, /07\/4\/2026/);
  });

  it('gives no finding for the items of parts I and III, nor for 1./2./3. repeated across parts', () => {
    const diags = check(text);
    for (const d of diags) assert.ok(d.range.start.line + 1 >= 21 && d.range.start.line + 1 < 217, JSON.stringify(d));
  });

  it('reads the split lead of 2.2.3 across two paragraphs', () => {
    const broken = text.replace('\n\nchủ trì, phối hợp với các sở, ngành liên quan (Sở Xây dựng', ' XX\n\ntham gia, phối hợp với các sở, ngành liên quan (Sở Xây dựng');
    // Without "chủ trì" in the continuation the executor names no single lead.
    assert.ok(summary(check(broken)).includes('143:missing-lead-agency'));
  });
});

describe('seed 002 (Party board plan)', () => {
  const text = seed(SEEDS.plan002);

  it('gives no missing lead, no missing deadline, no duplicate', () => {
    assert.deepEqual(summary(check(text)), []);
  });

  it('finds a removed Tham mưu line at its task', () => {
    const broken = removeLine(text, lineOf(text, '* *Tham mưu:* Các phòng và Văn phòng thuộc Ban.'));
    assert.deepEqual(summary(check(broken)), ['92:missing-lead-agency']);
  });

  it('finds a removed Phân công theo dõi line at its task', () => {
    const broken = removeLine(text, lineOf(text, '* *Phân công theo dõi, chỉ đạo*: Đồng chí **Trần Hữu Thành**'));
    assert.deepEqual(summary(check(broken)), ['44:missing-lead-agency']);
  });

  it('finds a removed inline deadline at its task', () => {
    const broken = text.replace('kịp thời tham mưu, chỉ đạo thực hiện tốt nhiệm vụ công tác Tổ chức xây dựng Đảng (*thực hiện thường xuyên*).', 'kịp thời tham mưu.');
    assert.deepEqual(summary(check(broken)), ['92:missing-deadline']);
  });

  it('finds one item that lost its deadline while its siblings keep theirs', () => {
    const broken = text.replace('Thường xuyên đôn đốc việc phát triển đảng viên đối với các Đảng bộ trực thuộc Tỉnh uỷ (*thực hiện thường xuyên*).', 'Thường xuyên đôn đốc việc phát triển đảng viên.');
    const d = check(broken);
    assert.deepEqual(summary(d), ['62:missing-deadline']);
    assert.equal(d[0].related.length, 1);
  });

  it('finds a changed number and a duplicate', () => {
    const broken = text.replace('3. Nhóm khuyết điểm', '2. Nhóm khuyết điểm');
    assert.deepEqual(summary(check(broken)), ['62:duplicate-section-number', '62:section-order']);
  });

  it('finds a changed digit in a central number: did you mean 50-CT/TW?', () => {
    const broken = text.replace('Chỉ thị số 50-CT/TW, ngày 23/7/2025', 'Chỉ thị số 59-CT/TW, ngày 23/7/2025');
    const d = check(broken);
    assert.deepEqual(summary(d), ['70:unknown-directive']);
    assert.equal(d[0].severity, 'warning');
    assert.match(d[0].message.vi, /có phải Chỉ thị số 50-CT\/TW ngày 23\/7\/2025/);
  });
});

describe('seed 001 (official letter, not a plan)', () => {
  it('gives nothing', () => {
    assert.deepEqual(summary(check(seed(SEEDS.letter001))), []);
  });
});

describe('encoding variants give the same diagnostics', () => {
  for (const name of [SEEDS.plan000, SEEDS.plan002]) {
    const text = seed(name);
    const base = essence(check(text));
    const variants: [string, (s: string) => string][] = [
      ['NFD', nfd],
      ['CRLF', crlf],
      ['old tone placement', oldTones],
      ['NFD + CRLF + old tones + BOM', (s) => '\ufeff' + crlf(nfd(oldTones(s)))],
    ];
    for (const [label, fn] of variants) {
      it(`${name.slice(0, 3)} in ${label}`, () => {
        const variant = fn(text);
        assert.notEqual(variant, text, 'the variant must differ from the original');
        assert.deepEqual(essence(check(variant)), base);
      });
    }
    it(`${name.slice(0, 3)}: ranges cover the same characters in NFD`, () => {
      const variant = nfd(text);
      const a = check(text);
      const b = check(variant);
      for (let i = 0; i < a.length; i++) {
        assert.equal(variant.slice(b[i].offsets.start, b[i].offsets.end).normalize('NFC'), text.slice(a[i].offsets.start, a[i].offsets.end));
      }
    });
  }

  it('an injected defect is found the same way in every variant', () => {
    const text = seed(SEEDS.plan002).replace('* *Tham mưu:* Các phòng và Văn phòng thuộc Ban.', '');
    const base = summary(check(text), STRUCTURE);
    assert.equal(base.length, 1);
    assert.deepEqual(summary(check(crlf(nfd(oldTones(text)))), STRUCTURE), base);
  });
});

describe('seed 004 (compilation of directives)', () => {
  it('gives the citation findings of its real slips, and no licence or bare number', () => {
    const d = check(seed(SEEDS.compilation004)).filter((x) => !STRUCTURE.includes(x.code));
    // 15-CTr/TU is catalogued 31/5/2021; the appendix header writes 31/5/2020. A date of
    // another term is not the catalogued document, so it is the draft's inconsistency that says so.
    assert.deepEqual(summary(d), ['503:inconsistent-citation']);
    assert.match(d[0].message.vi, /31\/5\/2021/);
  });
});

describe('seed 000 with a Biểu phân công table appended', () => {
  const text = seed(SEEDS.plan000);
  const withoutLead = removeLine(text, lineOf(text, '1.1.3. Cơ quan chủ trì'));
  const table = (sep: boolean) =>
    '\n\nBIỂU PHÂN CÔNG\n\n| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n' +
    (sep ? '|---|---|---|---|\n' : '') +
    '| 1.1 | Công tác tổ chức xây dựng Đảng | Ban Tổ chức Đảng ủy | Quý II/2026 |\n';

  it('a well-formed table names the lead a removed line took away, and is not malformed', () => {
    const d = summary(check(withoutLead + table(true)));
    assert.ok(!d.some((x) => x.endsWith('missing-lead-agency') || x.endsWith('malformed-table')), d.join(' '));
  });

  it('a table without its separator row is malformed and covers nothing', () => {
    const d = summary(check(withoutLead + table(false)));
    assert.ok(d.includes('23:missing-lead-agency'), d.join(' '));
    assert.equal(d.filter((x) => x.endsWith('malformed-table')).length, 1);
  });
});
