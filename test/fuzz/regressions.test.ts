// Inputs that once failed or were slow, kept as fixtures (test/fixtures/fuzz):
// each must satisfy the fuzz properties. A case fast-check finds is added here.

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/lint';
import { bundledIndex, crlf, essence, nfd, oldTones, ROOT } from '../helpers';
import { assertSound } from './sound';

const dir = path.join(ROOT, 'test', 'fixtures', 'fuzz');

describe('fuzz regressions (test/fixtures/fuzz)', function () {
  this.timeout(60_000);
  const index = bundledIndex();
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt'));

  it('has cases', () => assert.ok(files.length >= 2));

  for (const name of files) {
    it(name, () => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const result = lint(text, { index });
      assertSound(text, result.diagnostics);
      assert.deepEqual(lint(text, { index }).diagnostics, result.diagnostics);
      for (const variant of [nfd, crlf, oldTones]) assert.deepEqual(essence(lint(variant(text), { index }).diagnostics), essence(result.diagnostics));
      for (const d of result.diagnostics) for (const f of fixesFor(result, d)) assertSound(applyEdits(text, f.edits), lint(applyEdits(text, f.edits), { index }).diagnostics);
    });
  }
});
