// The prefiltered scans find exactly what the plain scans they replace find:
// the special-character scan of normalisation (only the classes present,
// from the first hit) and the document-number scan (only near a `/`).

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DOC_NUMBER_SOURCE, documentNumbers } from '../../server/src/core/citations/docNumber';
import { specialScan } from '../../server/src/core/text/normalize';

const text = (pieces: string[], maxLength = 60) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((a) => a.join(''));

/** Every match of a global regex: [index, text]. */
function all(re: RegExp, s: string, from = 0): [number, string][] {
  const out: [number, string][] = [];
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push([m.index, m[0]]);
  return out;
}

describe('prefiltered scans ≡ the plain scans', () => {
  it('special characters: the classes present, from the first hit, find every special character', () => {
    const SPECIAL = /[\r\u00ad\u00a0\u00d0\u00f0\u0300-\u036f\u2007\u2009-\u200d\u2010-\u2015\u202f\u2060\u2212\u3000\ufeff]/g;
    const pieces = ['a', 'ố', 'Đ', ' ', '\n', '\r', '\r\n', '\u00ad', '\u00a0', '\u00d0', '\u00f0', '\u0301', '\u0323', '\u2007', '\u2008', '\u200b', '\u2013', '\u2016', '\u202f', '\u2060', '\u2212', '\u3000', '\ufeff', '\u00e9', '\u00c0'];
    fc.assert(
      fc.property(text(pieces), (s) => {
        const expected = all(SPECIAL, s);
        const scan = specialScan(s);
        if (!scan) return assert.deepEqual(expected, []);
        assert.equal(scan.from, expected[0][0]);
        assert.deepEqual(all(scan.scan, s, scan.from), expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('document numbers: tried only near a slash, found as the global regex finds them', () => {
    const global = new RegExp(DOC_NUMBER_SOURCE, 'gu');
    const pieces = ['1', '12', '2024', '12345', '/', '/', '-', ' - ', ' ', '\n', '.', 'NQ', 'QĐi', 'CT', 'TW', 'CP', 'NĐ', 'BTCTU', 'TTg', 'số', 'Số ', 'a', 'Đ', '2020', '19', '5', 'ĐA', 'x'];
    // Whole numbers too, spaced as drafts space them, the longest lead before `/` included.
    const gap = fc.constantFrom('', ' ');
    const number = fc
      .tuple(fc.constantFrom('1', '12', '123', '1234', '12345'), gap, fc.constantFrom('-', '/'), gap, fc.constantFrom('NQ', 'QĐi', 'CTr', '2020', 'UBND', 'x'), gap, fc.constantFrom('/', '-', ''), gap, fc.constantFrom('TW', 'NĐ-CP', 'BTCTU', 'VX', ''))
      .map((parts) => parts.join(''));
    const mixed = fc.array(fc.oneof(text(pieces, 6), number), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(mixed, (s) => {
        assert.deepEqual([...documentNumbers(s)].map((m) => [m.index, m[0]]), all(global, s));
      }),
      { numRuns: 3000 },
    );
  });
});
