// Every quick fix offered on any input can be applied (its edits do not
// overlap and stay inside the text) and the fixed text analyses soundly.

import fc from 'fast-check';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import { bundledIndex } from '../helpers';
import { mutatedSeed, params, planLike, timeout } from './arbitraries';
import { assertSound } from './sound';

describe('fuzz: quick fixes', function () {
  this.timeout(timeout());
  const index = bundledIndex();

  it('applying any offered fix yields text that analyses without a crash', () => {
    let applied = 0;
    fc.assert(
      fc.property(fc.oneof(mutatedSeed, planLike), (text) => {
        const result = lint(text, { index });
        for (const d of result.diagnostics) {
          for (const fix of fixesFor(result, d)) {
            const fixed = applyEdits(text, fix.edits, result.lineIndex);
            assertSound(fixed, lint(fixed, { index }).diagnostics);
            applied++;
          }
        }
      }),
      params(1000),
    );
    // The generators must reach the fixes, or the property says nothing.
    if (applied < 100) throw new Error(`only ${applied} fixes applied`);
  });
});
