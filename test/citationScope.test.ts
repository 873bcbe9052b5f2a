// Citations checked by scope: the acceptance of issue 11 on the real corpus
// plans and the seeds (no false alarm with the bundled index alone; every
// mutation found on its line and nothing else changed), scope tests, and a
// provincial list used as a workspace index with its locality declared.

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DirectiveEntry, DirectiveIndex } from '../server/src/core/index/directiveIndex';
import { readIndexFile as loadIndexFile } from '../server/src/node/indexFiles';
import { numberKey } from '../server/src/core/citations/docNumber';
import { centralTerm, localTerm, numberScope } from '../server/src/core/index/scope';
import { toDocNumber } from '../server/src/core/citations/docNumber';
import { nearSerials } from '../server/src/core/index/verify';
import { bundledIndex, check, checkWithHints, corpusFile, seed, SEEDS, sharedDir, summary } from './helpers';

const CITATION_RULES = ['unknown-directive', 'citation-date-mismatch', 'inconsistent-citation'];
const PLANS = fs.readdirSync(path.join(sharedDir(), 'corpus', 'plans')).sort();

/** The real contradictions of the seeds, read by hand: file → `line:rule`. */
const REAL: Record<string, string[]> = {
  // The appendix header writes 15-CTr/TU ngày 31/5/2020; the catalogue and every other mention 31/5/2021.
  [SEEDS.compilation004]: ['503:inconsistent-citation'],
};

function text(name: string): string {
  return PLANS.includes(name) ? corpusFile(`plans/${name}`) : seed(name);
}

/** Replaces exactly one occurrence of `from`; the line it is on (1-based). */
function mutate(t: string, from: string, to: string): { text: string; line: number } {
  const at = t.indexOf(from);
  assert.ok(at >= 0, `not in the text: ${from}`);
  assert.equal(t.indexOf(from, at + 1), -1, `more than once: ${from}`);
  return { text: t.slice(0, at) + to + t.slice(at + from.length), line: t.slice(0, at).split('\n').length };
}

/** The findings (no hints) after a mutation are those before plus `expected` on the mutated line. */
function assertOnly(name: string, from: string, to: string, expected: string[], options: Parameters<typeof check>[1] = {}, lineOffset = 0): void {
  const before = summary(check(text(name), options));
  const m = mutate(text(name), from, to);
  const after = summary(check(m.text, options));
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  assert.deepEqual(removed, [], `${name}: findings gone`);
  assert.deepEqual(added, expected.map((r) => `${m.line + lineOffset}:${r}`), `${name}: ${from} → ${to}`);
}

describe('citations on the real plans and the seeds, bundled index alone', () => {
  for (const name of [...PLANS, ...Object.values(SEEDS)]) {
    it(`${name}: no error, warning or information on a correct citation`, () => {
      const found = summary(check(text(name)), CITATION_RULES);
      assert.deepEqual(found, REAL[name] ?? []);
    });
  }

  it('every unverifiable citation is still reported, as a hint', () => {
    const d = checkWithHints(text('nq109-cp-chuong-trinh-hanh-dong.txt')).filter((x) => x.code === 'unknown-directive');
    assert.ok(d.length > 0);
    assert.ok(d.every((x) => x.severity === 'hint' && /không có trong danh mục/.test(x.message.vi)));
  });
});

describe('a plan of a province the index has no list of (Tuyên Quang)', () => {
  it('gives hints, never warnings, on real documents it cannot verify; none on those it can', () => {
    const t = plan(
      'TỈNH ỦY TUYÊN QUANG',
      'Kết luận số 21-KL/TW ngày 25/10/2021, Nghị quyết số 06-NQ/TW ngày 24/01/2022, Nghị quyết số 43/2022/QH15 ngày 11/01/2022, ' +
        'Nghị quyết số 11/NQ-CP ngày 30/01/2022, Quyết định số 174/QĐ-TTg ngày 05/02/2021, Chỉ thị số 03-CT/TU ngày 16/12/2021 của Ban Thường vụ Tỉnh ủy, ' +
        'Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương',
    );
    const d = checkWithHints(t).filter((x) => CITATION_RULES.includes(x.code));
    assert.ok(d.every((x) => x.severity === 'hint'), d.map((x) => `${x.severity} ${x.message.vi}`).join('\n'));
    // Tuyên Quang's 03-CT/TU is not Bắc Giang's or Bắc Ninh's; 29-NQ/TW of the XI term is not the XII term's.
    assert.ok(d.some((x) => /03-CT\/TU.*Tuyên Quang/.test(x.message.vi)));
    // Indexed in the same scope with the same date: verified, nothing said.
    assert.ok(!d.some((x) => /43\/2022\/QH15|11\/NQ-CP/.test(x.message.vi)));
  });
});

describe('mutations of the real texts: each found on its line, nothing else changes', () => {
  it('a digit of an indexed number swapped: did you mean 27-NQ/TW?', () => {
    assertOnly('nq175-cp-de-an.txt', '27-NQ/TW ngày 21 tháng 5 năm 2018', '72-NQ/TW ngày 21 tháng 5 năm 2018', ['unknown-directive']);
    const m = mutate(text('nq175-cp-de-an.txt'), '27-NQ/TW ngày 21 tháng 5 năm 2018', '77-NQ/TW ngày 21 tháng 5 năm 2018');
    const d = check(m.text).find((x) => x.code === 'unknown-directive')!;
    assert.equal(d.severity, 'warning');
    assert.match(d.message.vi, /có phải Nghị quyết số 27-NQ\/TW ngày 21\/5\/2018/);
  });

  it('the year of a normative document changed', () => {
    assertOnly('nq175-cp-de-an.txt', '39/2022/NĐ-CP ngày 18 tháng 6 năm 2022', '39/2022/NĐ-CP ngày 18 tháng 6 năm 2021', ['citation-date-mismatch']);
  });

  it('an impossible date', () => {
    assertOnly('qd844-ttg-ke-hoach-hanh-dong.txt', '72-NQ/TW ngày 09/9/2025', '72-NQ/TW ngày 31/9/2025', ['citation-date-mismatch']);
  });

  it("a date after the plan's own date (16/4/2026)", () => {
    assertOnly('nq109-cp-chuong-trinh-hanh-dong.txt', '01-CT/TW ngày 23 tháng 01 năm 2026', '01-CT/TW ngày 23 tháng 5 năm 2026', ['citation-date-mismatch']);
  });

  it('one document cited with two dates', () => {
    const t = text('nq109-cp-chuong-trinh-hanh-dong.txt');
    const second = t.indexOf('57-NQ/TW ngày 22/12/2024', t.indexOf('57-NQ/TW ngày 22/12/2024') + 1);
    const line = t.slice(0, second).split('\n').length;
    const broken = t.slice(0, second) + '57-NQ/TW ngày 23/12/2024' + t.slice(second + '57-NQ/TW ngày 22/12/2024'.length);
    const added = summary(check(broken)).filter((x) => !summary(check(t)).includes(x));
    assert.ok(added.includes(`${line}:inconsistent-citation`), added.join(', '));
    assert.ok(added.every((x) => x.startsWith(`${line}:`)), added.join(', '));
  });

  it('a Bắc Giang document cited with the wrong date and the explicit issuer “của Tỉnh ủy Bắc Giang”', () => {
    // Seed 004 cites 24-KH/TU earlier with its right date: the draft's inconsistency is said on the same line.
    assertOnly(SEEDS.compilation004, '24-KH/TU ngày 15/7/2021 của Tỉnh ủy Bắc Giang', '24-KH/TU ngày 16/7/2021 của Tỉnh ủy Bắc Giang', ['citation-date-mismatch', 'inconsistent-citation']);
    // In a Hà Nội plan too: the issuer named wins over the plan's locality.
    const from = 'Chương trình\nhành động số 08-CTr/TU ngày 17/3/2026 của Thành uỷ Hà Nội';
    assert.ok(text('hanoi-kh173-ubnd-2026.txt').includes(from));
    assertOnly('hanoi-kh173-ubnd-2026.txt', from, 'Chương trình\nhành động số 24-KH/TU ngày 16/7/2021 của Tỉnh ủy Bắc Giang', ['citation-date-mismatch'], {}, 1);
  });

  describe('an invented number inside a complete scope (a workspace index of Hà Nội declared complete)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-scope-'));
    const file = path.join(dir, 'hanoi.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        coverage: { locality: 'Hà Nội', issuers: ['UBND'], types: ['Quyết định', 'Kế hoạch'], from: '2025-01-01', to: '2026-12-31', complete: true },
        entries: [
          { number: '128/KH-UBND', date: '2026-03-30', type: 'Kế hoạch' },
          { number: '5969/QĐ-UBND', date: '2025-11-28', type: 'Quyết định' },
        ],
      }),
    );
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const index = () => bundledIndex().merge(loadIndexFile(file).index);

    it('is a warning on its line; the listed documents are verified', () => {
      assertOnly('hanoi-kh173-ubnd-2026.txt', '5969/QĐ-', '4321/QĐ-', ['unknown-directive'], { index: index() });
      const m = mutate(text('hanoi-kh173-ubnd-2026.txt'), '5969/QĐ-', '4321/QĐ-');
      const d = check(m.text, { index: index() }).find((x) => x.code === 'unknown-directive')!;
      assert.equal(d.severity, 'warning');
      assert.match(d.message.vi, /đầy đủ/);
    });

    it('outside the complete scope the same invention is only a hint', () => {
      const m = mutate(text('hanoi-kh173-ubnd-2026.txt'), '5969/QĐ-', '4321/QĐ-');
      assert.deepEqual(summary(check(m.text)), summary(check(text('hanoi-kh173-ubnd-2026.txt'))));
      assert.ok(checkWithHints(m.text).some((x) => x.code === 'unknown-directive' && x.severity === 'hint' && x.range.start.line + 1 === m.line));
    });
  });
});

function entry(number: string, date: string, locality?: string): DirectiveEntry {
  return { number, key: numberKey(number)!, type: 'Chỉ thị', date, source: 'test', ...(locality ? { locality } : {}) };
}

const plan = (header: string, sentence: string) => `${header}\n\nKẾ HOẠCH\nthực hiện\n\nThực hiện ${sentence}, ban hành Kế hoạch như sau:\n`;

describe('scope: one number, several documents', () => {
  const index = new DirectiveIndex([entry('03-CT/TU', '2021-01-19', 'Bắc Giang'), entry('03-CT/TU', '2021-12-16', 'Tuyên Quang')]);
  const codes = (t: string) => checkWithHints(t, { index }).filter((d) => CITATION_RULES.includes(d.code)).map((d) => `${d.code}:${d.severity}`);

  it('the same number issued by two provinces is told apart by the plan’s locality', () => {
    assert.deepEqual(codes(plan('TỈNH ỦY TUYÊN QUANG', 'Chỉ thị số 03-CT/TU ngày 16/12/2021 của Ban Thường vụ Tỉnh ủy')), []);
    assert.deepEqual(codes(plan('TỈNH ỦY BẮC GIANG', 'Chỉ thị số 03-CT/TU ngày 19/01/2021 của Ban Thường vụ Tỉnh ủy')), []);
    // Bắc Giang's 03-CT/TU of this term is of 19/01/2021: 16/12/2021 contradicts it there.
    assert.deepEqual(codes(plan('TỈNH ỦY BẮC GIANG', 'Chỉ thị số 03-CT/TU ngày 16/12/2021 của Ban Thường vụ Tỉnh ủy')), ['citation-date-mismatch:warning']);
    // A province with no list: nothing to compare with.
    assert.deepEqual(codes(plan('TỈNH ỦY LẠNG SƠN', 'Chỉ thị số 03-CT/TU ngày 16/12/2021')), ['unknown-directive:hint']);
  });

  it('…and by the issuer a citation names, over the plan’s locality and the setting', () => {
    assert.deepEqual(codes(plan('TỈNH ỦY TUYÊN QUANG', 'Chỉ thị số 03-CT/TU ngày 16/12/2021 của Tỉnh ủy Bắc Giang')), ['citation-date-mismatch:warning']);
    assert.deepEqual(codes(plan('', 'Chỉ thị số 03-CT/TU ngày 16/12/2021 của Ban Thường vụ Tỉnh ủy')), ['unknown-directive:hint']);
    assert.deepEqual(checkWithHints(plan('', 'Chỉ thị số 03-CT/TU ngày 16/12/2021'), { index, locality: 'Tuyên Quang' }).filter((d) => CITATION_RULES.includes(d.code)), []);
  });

  it('the same central number in two terms is two documents', () => {
    const tw = new DirectiveIndex([{ number: '29-NQ/TW', key: '29-NQ/TW', type: 'Nghị quyết', date: '2018-07-25', source: 'test' }]);
    const c = (t: string) => checkWithHints(t, { index: tw }).filter((d) => CITATION_RULES.includes(d.code)).map((d) => `${d.code}:${d.severity}`);
    // 04/11/2013 is term XI: not the XII term's 29-NQ/TW, and nothing says it is wrong.
    assert.deepEqual(c(plan('', 'Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương')), ['unknown-directive:hint']);
    assert.deepEqual(c(plan('', 'Nghị quyết số 29-NQ/TW ngày 25/7/2018')), []);
    assert.deepEqual(c(plan('', 'Nghị quyết số 29-NQ/TW ngày 26/7/2018')), ['citation-date-mismatch:warning']);
  });

  it('terms, years and scopes of numbers', () => {
    assert.equal(centralTerm('2013-11-04'), 'XI');
    assert.equal(centralTerm('2018-07-25'), 'XII');
    assert.equal(centralTerm('2021-03-09'), 'XIII');
    assert.equal(centralTerm('2026-03-11'), 'XIV');
    assert.equal(centralTerm('2021-01-28'), undefined); // during the XIII Congress
    assert.equal(localTerm('2021-01-19'), '2020-2025');
    assert.equal(localTerm('2020-09-15'), undefined); // provincial congress season
    const scope = (n: string) => { const s = numberScope(toDocNumber(n)!); return `${s.level}/${s.numbering}`; };
    assert.equal(scope('05-NQ/TW'), 'central/term');
    assert.equal(scope('42-HD/BTCTW'), 'central/term');
    assert.equal(scope('03-CT/TU'), 'local/term');
    assert.equal(scope('11/NQ-CP'), 'central/year');
    assert.equal(scope('174/QĐ-TTg'), 'central/year');
    assert.equal(scope('3374/BKHCN-CNCNTT'), 'central/year');
    assert.equal(scope('12/UBND-VX'), 'local/year');
    assert.equal(scope('44/2015/NĐ-CP'), 'central/fixed');
    assert.equal(scope('05/2019/NQ-HĐND'), 'local/fixed');
    assert.deepEqual(nearSerials('57').filter((s) => ['58', '75', '7'].includes(s)).sort(), ['58', '7', '75']);
  });
});

describe('a provincial list as a workspace index, its locality declared', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-province-'));
  const csv = path.join(dir, 'binhduong.csv');
  fs.copyFileSync(path.join(sharedDir(), 'corpus', 'metadata', 'province-binhduong-ubnd-2014-2022.csv'), csv);
  fs.writeFileSync(path.join(dir, 'binhduong.coverage.json'), JSON.stringify({ locality: 'Bình Dương', issuers: ['UBND'], from: '2014-01-01', to: '2022-07-20', complete: false }));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('scopes its 4,000 documents to Bình Dương: verified there, another document elsewhere', () => {
    // The list repeats some documents with two trích yếu: reported by line, the first kept.
    const loaded = loadIndexFile(csv);
    assert.ok(loaded.index.size > 3500, `${loaded.index.size} entries`);
    // Its local numbers belong to Bình Dương; a central one listed beside them (none here) would not.
    assert.ok(loaded.index.all().every((e) => (numberScope(toDocNumber(e.number)!).level === 'local') === (e.locality === 'Bình Dương')));
    assert.equal(loaded.index.coverage()[0].locality, 'Bình Dương');
    const index = bundledIndex().merge(loaded.index);
    const cite = 'Quyết định số 1707/QĐ-UBND ngày 15/7/2022 của UBND tỉnh';
    const codes = (t: string) => checkWithHints(t, { index }).filter((d) => CITATION_RULES.includes(d.code)).map((d) => `${d.code}:${d.severity}`);
    assert.deepEqual(codes(plan('ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG', cite)), []);
    assert.deepEqual(codes(plan('ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG', 'Quyết định số 1707/QĐ-UBND ngày 16/7/2022 của UBND tỉnh')), ['citation-date-mismatch:warning']);
    // Sơn La's 1707/QĐ-UBND is another document: not compared with Bình Dương's.
    assert.deepEqual(codes(plan('ỦY BAN NHÂN DÂN TỈNH SƠN LA', 'Quyết định số 1707/QĐ-UBND ngày 16/7/2022 của UBND tỉnh')), ['unknown-directive:hint']);
  });
});
