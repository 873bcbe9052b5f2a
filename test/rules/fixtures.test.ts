// Every fixture under test/fixtures/rules marks its expected findings inline
// (`{rule-id}` at the end of a line); the whole fixture must give exactly those.

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { checkWithHints, readMarkers, ROOT, sorted, summary } from '../helpers';

const dir = path.join(ROOT, 'test', 'fixtures', 'rules');

describe('rule fixtures with inline markers', () => {
  for (const name of fs.readdirSync(dir).filter((f) => /\.(txt|md|kh)$/.test(f))) {
    it(name, () => {
      const { text, expected } = readMarkers(fs.readFileSync(path.join(dir, name), 'utf8'));
      assert.ok(expected.length > 0, 'a fixture must expect at least one finding');
      assert.deepEqual(sorted(summary(checkWithHints(text))), expected);
    });
  }
});
