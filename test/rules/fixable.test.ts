// Rules own their fixes (markdownlint-style checks over the rule table):
// a rule that declares fixes says so in its page and in both rules tables,
// and every fix of every rule, on the real plans and the fixtures with their
// real findings, applies and takes that finding away. The facts a finding
// publishes are JSON, and a diagnostic that is not the one a rule reported
// (copied, rebuilt) gets no fix.

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, commandsFor, fixAllFor, fixesFor } from '../../server/src/core/fixes';
import { parseIndexJson } from '../../server/src/core/index/parseIndex';
import { lint } from '../../server/src/core/lint';
import { RULES } from '../../server/src/core/rules';
import { indexFileChange } from '../../server/src/core/rules/addToIndex';
import { isFixable } from '../../server/src/core/rules/types';
import { indexEntryFor } from '../../server/src/core/rules/unknownDirective';
import { FIXABLE_MARK } from '../../scripts/manifest/rules';
import { bundledIndex, ROOT } from '../helpers';
import { analyse, fixed, material, sameFindings } from './fixMaterial';

function tableRows(rel: string): Map<string, string> {
  const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
  const rows = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\| \[`?([a-z-]+)`?\]\([^)]*\) \| \w+ \| ([^|]*) \|/.exec(line);
    if (m) rows.set(m[1], m[2].trim());
  }
  return rows;
}

describe('rules own their fixes', function () {
  this.timeout(300000);

  it('a rule with fixes says so on its page and in both rules tables; a rule without none', () => {
    const fixable = RULES.filter(isFixable).map((r) => r.id);
    assert.ok(fixable.length >= 8, fixable.join(', '));
    for (const rel of ['README.md', 'docs/rules/README.md']) {
      const rows = tableRows(rel);
      assert.deepEqual([...rows.keys()], RULES.map((r) => r.id), rel);
      for (const r of RULES) assert.equal(rows.get(r.id), isFixable(r) ? FIXABLE_MARK : '', `${rel}: ${r.id}`);
    }
    for (const r of RULES) {
      const page = fs.readFileSync(path.join(ROOT, r.docs), 'utf8');
      assert.equal(/^\*Sửa nhanh \/ quick fix:\* \*\*có \/ yes\*\*/m.test(page), isFixable(r), `${r.docs} says whether ${r.id} has quick fixes`);
    }
  });

  it('every fix of every rule, on the real texts, applies and takes its finding away', () => {
    const applied = new Map<string, number>();
    const failures: string[] = [];
    for (const [name, text] of material()) {
      const result = analyse(text);
      for (const d of result.diagnostics) {
        for (const fix of fixesFor(result, d)) {
          const after = analyse(fixed(text, d, fix));
          applied.set(d.code, (applied.get(d.code) ?? 0) + 1);
          if (sameFindings(after, d) >= sameFindings(result, d)) failures.push(`${name}:${d.range.start.line + 1} ${d.code} «${fix.title.vi}»`);
        }
      }
    }
    assert.deepEqual(failures, []);
    // Every rule with text fixes had some on real text.
    const withFixes = RULES.filter((r) => r.fixes).map((r) => r.id);
    assert.deepEqual(withFixes.filter((id) => !applied.get(id)), [], JSON.stringify([...applied]));
  });

  it('source.fixAll on the real texts takes every finding of its rules away', () => {
    let used = 0;
    for (const [name, text] of material()) {
      const result = analyse(text);
      for (const all of fixAllFor(result)) {
        used++;
        const rules = new Set(RULES.filter((r) => r.fixAll?.title === all.title).map((r) => r.id));
        const before = result.diagnostics.filter((d) => rules.has(d.code) && fixesFor(result, d).length).length;
        const after = analyse(applyEdits(text, all.edits)).diagnostics.filter((d) => rules.has(d.code)).length;
        assert.ok(after < before, `${name}: ${all.title.vi} (${before} → ${after})`);
      }
    }
    assert.ok(used > 0);
  });

  it('“add to the directive index” of every unknown document: once in the index, its finding is gone', () => {
    let added = 0;
    for (const [name, text] of material()) {
      const result = analyse(text);
      for (const d of result.diagnostics) {
        const commands = commandsFor(result, d);
        if (!commands.length) continue;
        assert.deepEqual(commands.map((c) => c.command), ['kehoach.addToIndex'], d.code);
        const entry = indexEntryFor(d)!;
        assert.deepEqual(commands[0].arguments, { entry });
        const change = indexFileChange(undefined, entry);
        assert.equal(change.kind, 'create');
        const file = parseIndexJson(change.kind === 'create' ? change.text : '', '.kehoach/directives.json');
        assert.deepEqual(file.problems, [], name);
        const after = lint(text, { index: bundledIndex().merge(file.index) });
        assert.equal(sameFindings(after, d), sameFindings(result, d) - 1, `${name}:${d.range.start.line + 1} ${d.message.vi}`);
        added++;
      }
    }
    assert.ok(added >= 20, `${added} documents added`);
  });

  it('findings publish JSON facts only; a diagnostic no rule reported gets no fix', () => {
    let offered = 0;
    for (const [name, text] of material()) {
      const result = analyse(text);
      for (const d of result.diagnostics) {
        if (d.data !== undefined) assert.deepEqual(JSON.parse(JSON.stringify(d.data)), d.data, `${name}: ${d.code}`);
        const fixes = fixesFor(result, d);
        const commands = commandsFor(result, d);
        if (!fixes.length && !commands.length) continue;
        offered++;
        // A copy (through a worker, a JSON round trip, a Word location) is not what the rule found.
        const copy = structuredClone(d);
        assert.deepEqual(copy, d);
        assert.deepEqual(fixesFor(result, copy), []);
        assert.deepEqual(commandsFor(result, copy), []);
        // Nor is a finding of another analysis of another text.
        assert.deepEqual(fixesFor(analyse(''), d).length, 0);
      }
    }
    assert.ok(offered >= 50, `${offered}`);
  });
});
