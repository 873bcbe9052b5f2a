// The shortcuts that make a 100,000-entry index load fast must read exactly
// what the general readers read: the hand-scanned Party number against the
// number regex, the ISO date shortcut against the date patterns, and the
// native line split of an unquoted CSV against the quote-aware scanner.

import assert from 'node:assert/strict';
import { isoDate } from '../../server/src/core/citations/dates';
import { toDocNumber, wholeDocNumber } from '../../server/src/core/citations/docNumber';
import { scanCsv, splitUnquoted } from '../../server/src/core/index/csvScan';
import { parseIndexDate } from '../../server/src/core/index/fields';
import { parseIndexCsv } from '../../server/src/core/index/parseIndex';
import { generatedEntry, generatedIndexCsv } from '../../scripts/bench/corpus';
import { bundledIndex } from '../helpers';

describe('index fast paths read as the general readers do', () => {
  it('toDocNumber equals the number regex on every bundled number and on edge forms', () => {
    const numbers = new Set(bundledIndex().all().map((e) => e.number));
    for (let k = 0; k < 3000; k++) numbers.add(generatedEntry(k).number);
    const edge = [
      '05-NQ/TW', '5-NQ/TW', '0005-NQ/TW', '12345-NQ/TW', '66-NQ/TW1', '66-NQ/TW12', '66-NQ/TW123', '1-QD/TU', '1-QDi/TW', '1-DA/TU',
      '1-nq/TU', '1-NQ/tu', '1-NQ/TU-', '1-NQ/TU--BTV', '1-NQ/T-U', '1-NQ/', '1-NQ', '-NQ/TU', '1--NQ/TU', '1-NQ//TU', '1-XY/TU',
      '1-CTr/TU', '1-CTR/TU', '1-TTr/HU', '1-BS/TW', '1-NQ/ĐU', '1-NQ/DU', '1-NQ/TTG', '1-NQ/TU1a', '1-NQ/A-B-C', '1-NQ/A1-B2',
      '1-NQ/TU/x', '66/NQ-CP', '34/2019/ND-CP', '1-KH/BCD', '12-NQ/TW ', '1 -NQ/TU', '1-NQ /TU',
    ];
    for (const n of edge) numbers.add(n);
    let fast = 0;
    for (const n of numbers) {
      const t = n.trim();
      if (/[^\x00-\x7f]/.test(t)) continue;
      assert.deepEqual(toDocNumber(n), wholeDocNumber(t), n);
      if (toDocNumber(n)?.form === 'party') fast++;
    }
    assert.ok(fast > 1000, `${fast} Party numbers compared`);
  });

  it('parseIndexDate reads every date of 1999–2031 and refuses impossible ones', () => {
    for (let y = 1999; y <= 2031; y++) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          assert.equal(parseIndexDate(iso), isoDate(d, m, y), iso);
          assert.equal(parseIndexDate(`${d}/${m}/${y}`), isoDate(d, m, y), `${d}/${m}/${y}`);
        }
      }
    }
    for (const odd of ['0999-01-01', '2021-1-05', ' 2021-06-08 ', '2021-06-0x', '2021/06/08', '2021-06-08T00:00']) {
      const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(odd);
      assert.equal(parseIndexDate(odd), m ? isoDate(Number(m[3]), Number(m[2]), Number(m[1])) : undefined, odd);
    }
  });

  it('splitUnquoted gives the records scanCsv gives on a text without quotes', () => {
    const texts = ['a,b\nc,d\n', 'a,b\r\nc,d', 'a;b\r\r\nc;;\n\n', 'x\ty\n\n\nz', 'a,\n,b\n,', 'only', '\n', 'a,b\rc,d\r'];
    for (const text of texts) {
      for (const d of [',', ';', '\t']) {
        const scanned: string[][] = [];
        scanCsv(text, d, 0, (r) => scanned.push(r.values) > 0, () => assert.fail('no quote'));
        const split: string[][] = [];
        splitUnquoted(text, d, 0, (v) => split.push(v) > 0);
        assert.deepEqual(split, scanned, JSON.stringify([text, d]));
      }
    }
  });

  it('a 10,000-entry CSV reads the same with and without quotes around every field', () => {
    const plain = generatedIndexCsv(10_000);
    const quoted = plain
      .split('\n')
      .map((line) => (line ? line.split(',').map((f) => `"${f}"`).join(',') : line))
      .join('\n');
    const a = parseIndexCsv(plain, 'a.csv');
    const b = parseIndexCsv(quoted, 'a.csv');
    assert.deepEqual(a.problems, []);
    assert.deepEqual(b.problems, []);
    assert.equal(a.index.size, 10_000);
    assert.deepEqual(a.index.all(), b.index.all());
  });
});

describe('the CSV fast path', () => {
  it('reads a repeated column from its first one, a short row as missing fields, a blank row as none', () => {
    const r = parseIndexCsv('number,date,Số,type\n1-NQ/TU,2021-06-08,9-CT/TW,Chỉ thị\n2-NQ/TU\n,,,\n', 'a.csv');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.index.all().map((e) => [e.number, e.date, e.type]),
      [
        ['1-NQ/TU', '2021-06-08', 'Chỉ thị'],
        ['2-NQ/TU', null, 'Nghị quyết'],
      ],
    );
  });

  it('reports the same bad date on each line it stands on (the date memo remembers the failure too)', () => {
    const r = parseIndexCsv('number,date\n1-NQ/TU,31/02/2021\n2-NQ/TU,31/02/2021\n3-NQ/TU,2021-02-28\n', 'a.csv');
    assert.deepEqual(r.problems.map((p) => p.line), [2, 3]);
    assert.deepEqual(r.index.all().map((e) => e.number), ['3-NQ/TU']);
  });

  it('copies long values off the file whole: a 13+ unit number and subject read as written', () => {
    const subject = 'Về tăng cường công tác phòng chống tham nhũng';
    const r = parseIndexCsv(`number,date,subject\n1000-CTr/UBKTTW,2021-06-08,${subject}\n`, 'a.csv');
    assert.deepEqual(r.problems, []);
    assert.equal(r.index.all()[0].number, '1000-CTr/UBKTTW');
    assert.equal(r.index.all()[0].subject, subject);
  });
});
