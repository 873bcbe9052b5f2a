import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Citation, extractCitations } from '../../server/src/core/citations/extract';
import { citationsAfterChange, extractCitationsAfterChange } from '../../server/src/core/citations/incremental';
import { TextChange } from '../../server/src/core/text/change';
import { normalize } from '../../server/src/core/text/normalize';

/** Plain data: antecedent as the index of its target, so identity does not matter. */
function serial(list: Citation[]): unknown[] {
  return list.map((c) => {
    const { antecedent, ...rest } = c;
    return { ...JSON.parse(JSON.stringify(rest)), keys: Object.keys(c), antecedent: antecedent ? list.indexOf(antecedent) : 'antecedent' in c ? 'undef' : 'absent' };
  });
}

const seedDir = join(__dirname, '..', 'seeds');
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => normalize(readFileSync(join(seedDir, f), 'utf8')).text);
const big = seeds.find((s) => s.length > 500_000)!;

const DENSE = [
  'Số: 15-KH/BTCTU\nCăn cứ Nghị quyết số 05-NQ/TW ngày 12/3/2020 của Ban Chấp hành Trung ương về x;\n',
  'Thực hiện Kết luận 21-KL/TW, Nghị định 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ; Công văn 12/UBND-VX\n',
  '# Số 3-CT/TU\n> Số: 16/CT - TTg ngày 1/1/2021\nChỉ thị 05\n-NQ/TW và 05-\nNQ/TW, Nghị quyết số 05-NQ/TW ngày 2/2/2022 của Bộ Chính trị.\n',
  'Kết luận số 21-KL/TW (lại); 21-KL/TW ngày 9/9/2019; 21-KL/TW của Ban Bí thư; 12/2020/ND-CP - Xabcư; 7/QĐ-UBND\n\n',
].join('');
const LONG_LINE = 'Nghị quyết số 05-NQ/TW ngày 12/3/2020, '.repeat(3000) + '\n' + DENSE;

const PIECES = ['', '0', '7', '/', '-', '\n', ' ', '  ', 'ngày 12/3/2020', 'của Ban Chấp hành', 'Số:', 'Số ', 'NQ/TW', '05-NQ/TW', '12/2020/NĐ-CP', 'ư', ',', 'Kết luận '];
const insertion = fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((a) => a.join('').slice(0, 20));

interface Edit { at: number; del: number; ins: string }
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.integer({ min: 0, max: 20 }), ins: insertion });

function apply(text: string, e: Edit): { text: string; change: TextChange } {
  const start = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  const oldEnd = Math.min(text.length, start + e.del);
  return { text: text.slice(0, start) + e.ins + text.slice(oldEnd), change: { start, oldEnd, newEnd: start + e.ins.length } };
}

function check(old: string, edits: Edit[]): void {
  let text = old;
  let prev = extractCitations(text);
  for (const e of edits) {
    const next = apply(text, e);
    const got = extractCitationsAfterChange(prev, next.text, next.change);
    assert.deepStrictEqual(serial(got), serial(extractCitations(next.text)));
    text = next.text;
    prev = got;
  }
}

/** The lines around a change, `before`/`after` units beyond it, as reparse hands them over. */
function sliceAround(text: string, change: TextChange, before: number, after: number) {
  const from = Math.max(0, change.start - before);
  const base = from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
  const nl = text.indexOf('\n', Math.min(text.length, change.newEnd + after));
  const end = nl < 0 ? text.length : nl + 1;
  return { text: text.slice(base, end), base, length: text.length };
}

/** As check, from slices of the text: the result is the full extraction's, or undefined (then the caller reads the whole text). */
function checkSlices(old: string, edits: Edit[], before: number, after: number): number {
  let text = old;
  let prev = extractCitations(text);
  let answered = 0;
  for (const e of edits) {
    const next = apply(text, e);
    const want = extractCitations(next.text);
    const got = citationsAfterChange(prev, sliceAround(next.text, next.change, before, after), next.change);
    if (got) {
      answered++;
      assert.deepStrictEqual(serial(got), serial(want));
    }
    text = next.text;
    prev = want;
  }
  return answered;
}

/** Slices of the seeds (004 in pieces of 6000 units) and hand-made dense texts. */
const base = fc.oneof(
  fc.constantFrom(DENSE, DENSE + DENSE, ...seeds.filter((s) => s.length < 100_000)),
  fc.integer({ min: 0, max: big.length - 6000 }).map((i) => big.slice(i, i + 6000)),
);

describe('extractCitationsAfterChange', () => {
  it('from a slice that ends where a citation runs on (date on the next line, number broken after its slash): no answer rather than a short one', () => {
    for (const unit of ['Nghị quyết số 05-NQ/TW\nngày 12/3/2020 của Bộ Chính trị\n', 'Văn bản số 12/\nUBND-VX ngày 1/2/2020\n']) {
      const old = 'Mở đầu.\n'.repeat(5) + unit.repeat(20);
      let answered = 0;
      for (let at = 0; at < old.length; at += 5) {
        for (const after of [0, 1, 5, 300]) answered += checkSlices(old, [{ at: at / (old.length + 1), del: 0, ins: 'x' }], 2000, after);
      }
      assert.ok(answered > 50, `${answered} answered`);
    }
  });

  it('from a slice of lines around the change: the full extraction or no answer, never another', () => {
    let answered = 0;
    fc.assert(
      fc.property(base, fc.array(edit, { minLength: 1, maxLength: 4 }), fc.constantFrom(0, 10, 100, 600, 3000), fc.constantFrom(0, 10, 100, 600, 3000), (old, edits, before, after) => {
        answered += checkSlices(old, edits, before, after);
      }),
      { numRuns: 300 },
    );
    assert.ok(answered > 100, `only ${answered} edits answered from a slice`);
  });

  it('equals a full extraction after one random edit', () => {
    fc.assert(fc.property(base, edit, (t, e) => check(t, [e])), { numRuns: 400 });
  });

  it('equals a full extraction along a chain of edits, each from the previous result', () => {
    fc.assert(fc.property(base, fc.array(edit, { minLength: 2, maxLength: 8 }), (t, es) => check(t, es)), { numRuns: 150 });
  });

  it('equals a full extraction for edits at every position of a dense text (window boundaries)', () => {
    for (let at = 0; at <= DENSE.length; at++) {
      for (const ins of ['', '\n', '/', '0', 'Số:', 'ngày 1/2/2020', ' ']) {
        for (const del of [0, 1, 3]) check(DENSE, [{ at: at / (DENSE.length + 1), del, ins }]);
      }
    }
  });

  it('equals a full extraction on a very long line', () => {
    fc.assert(fc.property(edit, (e) => check(LONG_LINE, [e])), { numRuns: 30 });
  });

  it('falls back to the full scan, with the same result, deep inside a line longer than the window limit', () => {
    for (const at of [0.3, 0.5, 0.9]) check(LONG_LINE, [{ at, del: 2, ins: '5/2020/NĐ-CP' }]);
  });

  it('answers a change that does not fit the text with the full extraction', () => {
    const prev = extractCitations(DENSE);
    for (const change of [{ start: -1, oldEnd: 0, newEnd: 0 }, { start: 5, oldEnd: 3, newEnd: 5 }, { start: 0, oldEnd: 0, newEnd: DENSE.length + 9 }, { start: NaN, oldEnd: 0, newEnd: 0 }]) {
      assert.deepStrictEqual(serial(extractCitationsAfterChange(prev, DENSE, change)), serial(extractCitations(DENSE)));
    }
  });

  it('equals a full extraction on the whole of seed 004', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (es) => check(big, es)), { numRuns: 15 });
  });

  it('joins a number across a line break exactly as the full scan does', () => {
    const t = 'Theo Nghị quyết 05\n-NQ/TW ngày 1/2/2020.\n';
    const cs = extractCitations(t);
    assert.equal(cs.length, 1);
    assert.equal(cs[0].number.key, '5-NQ/TW');
    check(t, [{ at: 18 / (t.length + 1), del: 1, ins: '' }, { at: 18 / (t.length + 1), del: 0, ins: '\n\n' }]);
  });

  it('links short mentions again when an earlier dated citation appears or goes', () => {
    const t = 'Kết luận 21-KL/TW.\nKết luận 21-KL/TW ngày 1/2/2019.\n' + 'x\n'.repeat(300) + 'Kết luận số 21-KL/TW.\n';
    const prev = extractCitations(t);
    assert.ok(prev[2].antecedent === prev[1]);
    const at = t.indexOf(' ngày');
    const removed = t.slice(0, at) + t.slice(at + 14);
    const got = extractCitationsAfterChange(prev, removed, { start: at, oldEnd: at + 14, newEnd: at });
    assert.deepStrictEqual(serial(got), serial(extractCitations(removed)));
    assert.equal(got[2].antecedent, undefined);
    const added = 'Kết luận 21-KL/TW ngày 3/3/2018.' + t.slice(18);
    const got2 = extractCitationsAfterChange(prev, added, { start: 17, oldEnd: 18, newEnd: 32 });
    assert.deepStrictEqual(serial(got2), serial(extractCitations(added)));
    assert.ok(got2[2].antecedent === got2[0]);
  });

  it('leaves the previous array and its citations untouched', () => {
    fc.assert(fc.property(base, edit, (t, e) => {
      const prev = extractCitations(t);
      const before = serial(prev);
      const objects = [...prev];
      const links = prev.map((c) => c.antecedent);
      const next = apply(t, e);
      const got = extractCitationsAfterChange(prev, next.text, next.change);
      assert.deepStrictEqual(serial(prev), before);
      assert.ok(prev.every((c, i) => c === objects[i] && c.antecedent === links[i]));
      assert.ok(got.every((c) => !prev.includes(c)));
    }), { numRuns: 100 });
  });
});
