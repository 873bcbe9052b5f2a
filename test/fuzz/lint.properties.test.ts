// Properties of the core analysis on any input: it never throws, every range
// lies inside the document with start ≤ end, and it is deterministic.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint } from '../../server/src/core/lint';
import { bundledIndex } from '../helpers';
import { anyInput, anyText, mutatedSeed, params, planLike, timeout } from './arbitraries';
import { assertSound } from './sound';

describe('fuzz: analysis of any text', function () {
  this.timeout(timeout());
  const index = bundledIndex();

  it('never throws and keeps every range inside the document (arbitrary strings)', () => {
    fc.assert(fc.property(anyText, (text) => assertSound(text, lint(text, { index }).diagnostics)), params(3000));
  });

  it('never throws and keeps every range inside the document (plan-like lines)', () => {
    fc.assert(fc.property(planLike, (text) => assertSound(text, lint(text, { index }).diagnostics)), params(2000));
  });

  it('never throws and keeps every range inside the document (damaged seeds)', () => {
    fc.assert(fc.property(mutatedSeed, (text) => assertSound(text, lint(text, { index }).diagnostics)), params(1500));
  });

  it('gives the same result when analysing the same text twice', () => {
    fc.assert(
      fc.property(anyInput, (text) => {
        const a = lint(text, { index }).diagnostics;
        const b = lint(text, { index }).diagnostics;
        assert.deepEqual(b, a);
      }),
      params(1000),
    );
  });
});
