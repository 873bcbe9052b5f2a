// Every rule is registered once, documented, and messages both languages.

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../server/src/core/rules';
import { ROOT } from '../helpers';

describe('rule registry', () => {
  it('has unique kebab-case ids', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(?:-[a-z]+)*$/);
  });
  for (const rule of RULES) {
    it(`${rule.id}: doc page, severity, bilingual description`, () => {
      assert.equal(rule.docs, `docs/rules/${rule.id}.md`);
      const page = fs.readFileSync(path.join(ROOT, rule.docs), 'utf8');
      assert.match(page, new RegExp(`^# ${rule.id} `));
      assert.match(page, new RegExp(`\\*\\*${rule.defaultSeverity}\\*\\*`));
      assert.ok(rule.description.vi && rule.description.en);
      assert.notEqual(rule.description.vi, rule.description.en);
      const index = fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'README.md'), 'utf8');
      assert.ok(index.includes(`[${rule.id}](${rule.id}.md) | ${rule.defaultSeverity}`));
    });
  }
});
