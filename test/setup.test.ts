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
import { pathToFileURL } from 'url';
import { Report } from '../scripts/bench/report';
import { startFailureCause } from './e2e/codeServer';
import { ROOT } from './helpers';

function node(script: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SIMULATIONS: [env: Record<string, string>, line: RegExp][] = [
  [{ KEHOACH_SIMULATE_NO_ROOT: '1' }, /the editor tools need chromium ripgrep libkrb5-dev fonts-noto-mono libreoffice-writer-nogui poppler-utils and installing them needs root: run `sudo apt-get update && sudo apt-get install -y chromium ripgrep libkrb5-dev fonts-noto-mono libreoffice-writer-nogui poppler-utils`, then this command again$/],
  [{ KEHOACH_SIMULATE_NO_APT: '1' }, /the editor tools need chromium ripgrep libkrb5-dev fonts-noto-mono libreoffice-writer-nogui poppler-utils \(Debian packages\) and there is no apt-get here: install them with your package manager, then run this command again$/],
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

describe('the tests npm test counts (scripts/testCounts.mjs)', () => {
  type Counts = {
    mochaTests(out: string): number;
    editorUiTests(out: string): number;
    editorSuiteTests(out: string): number;
    totalLine(passed: number, failed: number, tests: number): string;
  };
  let counts: Counts;
  before(async () => {
    counts = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'testCounts.mjs')).href)) as Counts;
  });

  it('reads mocha\'s passing, failing and pending, coloured or not', () => {
    assert.equal(counts.mochaTests('  ✔ a\n\n  46 passing (9s)\n'), 46);
    assert.equal(counts.mochaTests('\u001b[92m \u001b[0m\u001b[32m 40 passing\u001b[0m\n\u001b[31m  2 failing\u001b[0m\n\u001b[36m  1 pending\u001b[0m'), 43);
    assert.equal(counts.mochaTests('Error: Cannot find module'), 0);
  });

  it('reads the editor suites: editor-ui\'s checks, editor-suite\'s passes', () => {
    assert.equal(counts.editorUiTests('  ✓ code-server up (3.1 s)\n    status bar: 8 nhiệm vụ\n  ✓ diagnostics in Problems (12.0 s)\n'), 2);
    assert.equal(counts.editorSuiteTests('  ✓ development: 31 passing in 40.2 s\n  ✓ vsix: 31 passing in 38.0 s\n\nin-editor suite: 2 of 2 passes succeeded'), 62);
  });

  it('the last line: suites, then tests when some ran (the simulated runs above keep theirs)', () => {
    assert.equal(counts.totalLine(9, 0, 840), '9 passed, 0 failed; 840 tests');
    assert.equal(counts.totalLine(1, 2, 0), '1 passed, 2 failed');
    assert.equal(counts.totalLine(1, 0, 1), '1 passed, 0 failed; 1 test');
  });
});

describe('why code-server did not start (test/e2e/codeServer.ts)', () => {
  // Lines as code-server 4.100 and the dynamic loader write them.
  const cases: [log: string, cause: RegExp][] = [
    ['[2026-12-02T05:43:48.690Z] error listen EADDRINUSE: address already in use 127.0.0.1:18431', /^port 18431 on 127\.0\.0\.1 is already in use \(EADDRINUSE\): stop what listens there, or choose another port \(PORT=…\)/],
    ['[2026-12-02T05:43:48.690Z] error listen EACCES: permission denied 127.0.0.1:80', /^port 80 may not be opened by this user \(EACCES\)/],
    ['node: error while loading shared libraries: libkrb5.so.3: cannot open shared object file: No such file or directory', /^a library is missing: error while loading shared libraries: libkrb5\.so\.3.*npm run e2e:setup/],
    ["Error: Cannot find module '/x/node_modules/argon2/build/Release/argon2.node'", /^a library is missing: Cannot find module '\/x\/node_modules\/argon2/],
    ['[…] info code-server 4.100.3\n[…] error something unexpected', /^its log says: \[…\] error something unexpected$/],
    ['', /^its log says nothing more$/],
  ];
  for (const [log, cause] of cases) {
    it(`names the cause: ${log.split('\n').pop()!.slice(0, 60) || '(empty log)'}`, () => {
      const port = Number(log.match(/:(\d+)$/)?.[1] ?? 18431);
      assert.match(startFailureCause(log, port), cause);
    });
  }
});

describe('the short benchmark\'s verdicts (scripts/bench/report.ts)', () => {
  function printed(informative: boolean): string {
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      const report = new Report(informative);
      report.add('s', 'over its target', 2, 'ms', { max: 1, text: '≤ 1 ms' });
      report.add('s', 'within its target', 1, 'ms', { max: 1, text: '≤ 1 ms' });
    } finally {
      console.log = log;
    }
    return lines.join('\n');
  }
  it('says "miss (informative)", never FAIL, when a missed target fails nothing', () => {
    const out = printed(true);
    assert.match(out, /over its target .* miss \(informative\)/);
    assert.match(out, /within its target .* PASS/);
    assert.doesNotMatch(out, /FAIL/);
  });
  it('says FAIL under --strict', () => {
    assert.match(printed(false), /over its target .* FAIL/);
  });
});

describe('the suite table of npm test (scripts/test.mjs)', () => {
  const listed = () => node('test.mjs', ['--list'], {}).stdout.trim().split('\n');

  it('runs the fast suites first, the editor suites last', () => {
    const names = listed();
    assert.deepEqual(names.slice(0, 6), ['typecheck', 'grammar', 'unit', 'cli', 'protocol', 'coverage']);
    assert.deepEqual(names.slice(-2), ['editor-ui (editor)', 'editor-suite (editor)']);
  });

  it('has the office suite exactly when package.json has a test:office script', () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
    assert.equal(listed().includes('office (editor)'), Boolean(scripts['test:office']));
  });

  it('refuses a Node older than 20 up front, for npm test and npm start', () => {
    for (const script of ['test.mjs', 'start.mjs']) {
      const r = node(script, [], { KEHOACH_SIMULATE_NODE: '18' });
      assert.equal(r.code, 1, script);
      assert.match(r.stderr, /^npm (test|start): Node\.js 18 is too old: kehoach needs Node\.js 20 or newer \(Node 20 for the editor tools\), e\.g\. `nvm install 20 && nvm use 20`$/m);
      assert.doesNotMatch(r.stdout, /^setup: /m); // nothing installed or built
    }
  });
});
