// The same draft typed differently gives the same findings: NFD instead of
// NFC, CRLF instead of LF, old tone placement (hoà, Uỷ) instead of new.
// Compared on code, message and line, which the variants keep.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint } from '../../server/src/core/lint';
import { bundledIndex, crlf, essence, nfd, oldTones } from '../helpers';
import { mutatedSeed, params, planLike, timeout } from './arbitraries';

/** Variants fast-check can only reach by chance are made from NFC, LF text. */
const base = fc.oneof(mutatedSeed, planLike).map((t) => t.normalize('NFC').replace(/\r\n?/g, '\n'));

describe('fuzz: encodings and typing styles give the same findings', function () {
  this.timeout(timeout());
  const index = bundledIndex();
  const findings = (text: string) => essence(lint(text, { index }).diagnostics);

  for (const [name, variant] of [
    ['NFD', nfd],
    ['CRLF', crlf],
    ['old tone placement', oldTones],
  ] as const) {
    it(`${name} ≡ NFC, LF, new tone placement`, () => {
      fc.assert(
        fc.property(base, (text) => {
          const other = variant(text);
          fc.pre(other !== text);
          assert.deepEqual(findings(other), findings(text));
        }),
        params(700),
      );
    });
  }
});
