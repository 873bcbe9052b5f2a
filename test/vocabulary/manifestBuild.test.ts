// npm run build:manifest is a no-op on the committed files: the settings
// schema, the translations, the rules tables and docs/vocabulary.md say what
// RULES and the core tables say.

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { manifestTexts, mergeNls } from '../../scripts/manifest/build';
import { RULES } from '../../server/src/core/rules';
import { ROOT } from '../helpers';

const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

describe('generated manifest parts and docs', () => {
  const texts = manifestTexts(read);

  for (const rel of Object.keys(texts)) {
    it(`${rel} is as npm run build:manifest writes it`, () => {
      assert.ok(read(rel) === texts[rel], `${rel} is out of date: run npm run build:manifest`);
    });
  }

  it('takes each rule description from the rule alone', () => {
    const en = JSON.parse(texts['package.nls.json']);
    const vi = JSON.parse(texts['package.nls.vi.json']);
    for (const r of RULES) {
      assert.equal(en[`config.rules.${r.id}`], r.description.en);
      assert.equal(vi[`config.rules.${r.id}`], r.description.vi);
      assert.ok(texts['README.md'].includes(`| ${r.description.vi.replace(/\|/g, '\\|')} |`), r.id);
    }
  });

  it('puts a new rule among the others, drops a removed one and keeps other keys in place', () => {
    const merged = mergeNls(
      { a: '1', 'config.rules.old': 'x', 'config.rules.kept': 'y', b: '2' },
      { 'config.rules.kept': 'Y', 'config.rules.new': 'N', 'config.labels.lead': 'L' },
    );
    assert.deepEqual(Object.entries(merged), [['a', '1'], ['config.rules.kept', 'Y'], ['config.rules.new', 'N'], ['b', '2'], ['config.labels.lead', 'L']]);
  });
});
