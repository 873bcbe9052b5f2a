// `npm start` and `npm test` where the editor tools cannot be set up (not root, no
// apt-get, another Node major), simulated by scripts/setup.mjs's KEHOACH_SIMULATE_*
// variables: one line says why and what to do, nothing is installed, the other suites
// still run and the run fails. And the suite table: one summary line per suite, the
// total alone on the last line.

import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from './helpers';

function node(script: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SIMULATIONS: [env: Record<string, string>, line: RegExp][] = [
  [{ KEHOACH_SIMULATE_NO_ROOT: '1' }, /the editor tools need chromium ripgrep libkrb5-dev fonts-noto-mono and installing them needs root: run `sudo apt-get update && sudo apt-get install -y chromium ripgrep libkrb5-dev fonts-noto-mono`, then this command again$/],
  [{ KEHOACH_SIMULATE_NO_APT: '1' }, /the editor tools need chromium ripgrep libkrb5-dev fonts-noto-mono \(Debian packages\) and there is no apt-get here: install them with your package manager, then run this command again$/],
  [{ KEHOACH_SIMULATE_NODE: '22' }, /the editor tools \(code-server 4\.100\.3\) run on Node 20 only and this is Node 22: switch to Node 20 \(e\.g\. `nvm install 20 && nvm use 20`\), then run this command again$/],
];

describe('editor tools that cannot be set up (scripts/setup.mjs)', function () {
  this.timeout(120_000);

  for (const [env, line] of SIMULATIONS) {
    const name = Object.keys(env)[0];
    it(`npm run e2e:setup with ${name}: one line, exit 1, nothing installed`, () => {
      const r = node('setup.mjs', ['--editor-tools'], env);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      const lines = r.stderr.split('\n').filter(Boolean);
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], /^setup: /);
      assert.match(lines[0], line);
    });

    it(`npm start with ${name}: the same line, and how to run the command line instead`, () => {
      const r = node('start.mjs', [], env);
      assert.equal(r.code, 1);
      const last = r.stderr.trim().split('\n').pop()!;
      assert.match(last, /^npm start: the editor tools /);
      assert.match(last, /`npm run check:samples` runs the command line on the samples\.$/);
      assert.doesNotMatch(r.stdout, /127\.0\.0\.1/);
    });
  }

  it('npm test with KEHOACH_SIMULATE_NO_ROOT=1: the other suites run, the editor suites are counted as failed, exit 1', () => {
    const results = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-test-results-'));
    try {
      const r = node('test.mjs', ['--only=typecheck,editor-ui,editor-suite'], { KEHOACH_SIMULATE_NO_ROOT: '1', KEHOACH_TEST_RESULTS: results });
      assert.equal(r.code, 1, r.stdout + r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.at(-1), '1 passed, 2 failed');
      assert.match(lines.at(-2)!, /^npm test: the editor suites did not run: the editor tools need .* needs root: run `sudo apt-get/);
      assert.match(r.stdout, /^ {2}✔ typecheck +\d+\.\d s$/m);
      assert.match(r.stdout, /^ {2}✖ editor-ui +not run: the editor tools are missing/m);
      assert.match(r.stdout, /^ {2}✖ editor-suite +not run: the editor tools are missing/m);
      assert.ok(fs.existsSync(path.join(results, 'test-typecheck.log')));
    } finally {
      fs.rmSync(results, { recursive: true, force: true });
    }
  });

  it('npm test refuses a suite name it does not have', () => {
    const r = node('test.mjs', ['--only=typecheck,nosuch'], {});
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^npm test: no suite nosuch \(suites: typecheck, grammar, unit, cli, protocol, coverage, (office, )?editor-ui, editor-suite\)$/m);
    assert.equal(r.stdout.trimEnd().split('\n').at(-1), '0 passed, 1 failed');
  });
});
