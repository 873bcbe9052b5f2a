// `npm test`: every test, on a fresh clone as on a working one. Plain Node with no
// dependency (it runs before node_modules exists): scripts/setup.mjs installs and
// builds what is missing, then the suites below run in order, fast ones first, the
// editor suites last; it ends with one line per suite and the total
//   N passed, N failed; T tests
// alone on the last line (CI reads it): suites passed and failed, then the tests
// they ran (mocha's passing, failing and pending, the editor suites' checks and
// passes; said only when some ran). Exit 0 only when every suite ran and passed:
// where the editor tools cannot be set up, the other suites still run, one line says
// why and what to do, and the run fails.
//
//   npm test                         every suite
//   npm test -- --only=cli,protocol  some suites (names as in SUITES)
//   npm test -- --list               the suites that would run, one a line
//
// Each suite's whole output is also kept in .vscode-test/results/test-<name>.log; the
// coverage table goes to coverage/coverage.txt, one line of it is printed.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuild, ensureDeps, ensureEditorTools, nodeProblem, ROOT, seconds } from './setup.mjs';
import { editorSuiteTests, editorUiTests, mochaTests, totalLine } from './testCounts.mjs';

const vsix = () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
};
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
// KEHOACH_TEST_RESULTS: another folder for the logs (the tests of this script use one of their own).
const RESULTS = process.env.KEHOACH_TEST_RESULTS ?? path.join(ROOT, '.vscode-test', 'results');
const COVERAGE_TXT = path.join(ROOT, 'coverage', 'coverage.txt');

/** Mocha on some test files, under c8 so the coverage suite can report on all of them. */
function mocha(specs, { clean = false, exclude = [] } = {}) {
  return [
    bin('c8'), '--reporter=none', `--clean=${clean}`,
    bin('mocha'), '--no-config', '-r', 'tsx/cjs', '--timeout', '20000', '--reporter', 'spec',
    ...exclude.flatMap((e) => ['--exclude', e]),
    ...specs,
  ];
}
const CLI_TESTS = ['test/cli.test.ts', 'test/robust/cli.test.ts'];
const PROTOCOL_TESTS = ['test/protocol/*.test.ts'];

/** Mocha's "N passing / N failing / N pending" as one detail. */
function mochaCounts(output) {
  const n = (word) => Number(output.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  return [`${n('passing')} passing`, n('failing') && `${n('failing')} failing`, n('pending') && `${n('pending')} pending`].filter(Boolean).join(', ');
}

/**
 * The suites, in the order they run. name: for --only and the summary; run: argv;
 * editor: needs the editor tools (code-server, Chromium) and the packaged .vsix;
 * script: run only when package.json has this npm script (a suite another branch adds);
 * noise: lines left out of the live output (kept in the log), counted in the summary;
 * quiet: no live output (only the log); toFile: a copy of the output there;
 * detail: what the summary line says besides the time; tests: how many tests it ran.
 */
const SUITES = [
  { name: 'typecheck', run: ['npm', 'run', '--silent', 'typecheck'] },
  {
    name: 'grammar',
    run: ['npm', 'run', '--silent', 'test:grammar'],
    // markdown.json embeds the grammars of every fenced-code language; none is needed here.
    noise: { re: /^grammar not found for "/, what: 'lines "grammar not found" (fenced-code languages of markdown.json, not needed)' },
    detail: (out) => `${(out.match(/run successfuly/g) ?? []).length} grammar test files`,
  },
  { name: 'unit', run: mocha(['test/**/*.test.ts'], { clean: true, exclude: [...CLI_TESTS, ...PROTOCOL_TESTS] }), detail: mochaCounts, tests: mochaTests },
  { name: 'cli', run: mocha(CLI_TESTS), detail: mochaCounts, tests: mochaTests },
  { name: 'protocol', run: mocha(PROTOCOL_TESTS), detail: mochaCounts, tests: mochaTests },
  {
    name: 'coverage',
    after: ['unit', 'cli', 'protocol'],
    run: [bin('c8'), 'report', '--check-coverage', '--lines', '90', '--reporter=text', '--reporter=text-summary'],
    quiet: true,
    toFile: COVERAGE_TXT,
    detail: (out) => `${out.match(/^Lines\s*:\s*(.*)$/m)?.[1]?.trim() ?? 'no line figure'}, at least 90 % needed; table: ${path.relative(ROOT, COVERAGE_TXT)}`,
  },
  // LibreOffice comes with the editor tools (scripts/e2e-setup.sh): the same setup, the same one-line reason when it cannot be done.
  { name: 'office', script: 'test:office', editor: true, run: ['npm', 'run', '--silent', 'test:office'], detail: mochaCounts, tests: mochaTests },
  { name: 'editor-ui', editor: true, run: [bin('tsx'), 'test/e2e/editor.e2e.ts'], tests: editorUiTests },
  {
    name: 'editor-suite',
    editor: true,
    run: [bin('tsx'), 'test/e2e/suite.e2e.ts'],
    detail: (out) => out.match(/\d+ of \d+ passes succeeded/)?.[0] ?? '',
    tests: editorSuiteTests,
  },
];

/** The suites' environment: colours as on a terminal when the output goes to one (it is piped through here). */
function colourEnv() {
  // KEHOACH_TEST_RUNNER: a suite that prints its own "N passed, N failed" when run alone leaves it out here.
  const env = { ...process.env, KEHOACH_TEST_RUNNER: '1' };
  return process.stdout.isTTY && process.env.FORCE_COLOR === undefined ? { ...env, FORCE_COLOR: '1' } : env;
}

/** Runs argv; streams its output (less the noise), keeps all of it in the log file; resolves with code and output. */
function runSuite(suite, log) {
  return new Promise((resolve) => {
    const child = spawn(suite.run[0], suite.run.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: colourEnv() });
    const file = fs.createWriteStream(log);
    let output = '';
    let noise = 0;
    let partial = '';
    const take = (chunk) => {
      const text = chunk.toString();
      output += text;
      file.write(text);
      if (suite.quiet) return; // in the log only (and said in one line)
      const lines = (partial + text).split('\n');
      partial = lines.pop();
      for (const line of lines) {
        if (suite.noise?.re.test(line)) noise++;
        else process.stdout.write(line + '\n');
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (err) => {
      output += `\n${err.message}\n`;
    });
    child.on('close', (code) => {
      if (partial && !suite.quiet) process.stdout.write(partial + '\n');
      file.end();
      if (suite.toFile) {
        fs.mkdirSync(path.dirname(suite.toFile), { recursive: true });
        fs.writeFileSync(suite.toFile, output);
      }
      resolve({ code: code ?? 1, output, noise });
    });
  });
}

function selectedSuites() {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
  if (only) {
    const unknown = only.filter((name) => !SUITES.some((s) => s.name === name));
    if (unknown.length) throw new Error(`no suite ${unknown.join(', ')} (suites: ${SUITES.map((s) => s.name).join(', ')})`);
  }
  return SUITES.filter((s) => (!s.script || scripts[s.script]) && (!only || only.includes(s.name)) && (!s.after || !only || s.after.every((a) => only.includes(a))));
}

/** The editor suites' preparation, done once before the first of them: tools, then the .vsix. */
let editorReady;
async function prepareEditor() {
  if (editorReady === undefined) {
    const problem = ensureEditorTools();
    if (problem) {
      console.log(`\nnpm test: the editor suites cannot run: ${problem}`);
      editorReady = { problem };
    } else {
      console.log('\n== package (npm run package: the .vsix the editor suites install) ==');
      const log = path.join(RESULTS, 'test-package.log');
      const { code, output } = await runSuite({ name: 'package', run: ['npm', 'run', '--silent', 'package'], quiet: true }, log);
      if (code === 0) console.log(`${path.basename(vsix())} packaged (its file list: ${path.relative(ROOT, log)})`);
      else console.log(output.trimEnd().split('\n').slice(-20).join('\n'));
      editorReady = code === 0 ? {} : { problem: 'npm run package failed (see above)' };
    }
  }
  return editorReady;
}

async function main() {
  const t0 = Date.now();
  const tooOld = nodeProblem();
  if (tooOld) {
    console.error(`npm test: ${tooOld}`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const suites = selectedSuites();
  if (process.argv.includes('--list')) {
    for (const s of suites) console.log(`${s.name}${s.editor ? ' (editor)' : ''}`);
    return 0;
  }
  ensureDeps();
  ensureBuild();
  fs.mkdirSync(RESULTS, { recursive: true });
  const results = [];
  for (const suite of suites) {
    if (suite.editor) {
      const { problem } = await prepareEditor();
      if (problem) {
        results.push({ suite, passed: false, line: 'not run: the editor tools are missing (see the line below)' });
        continue;
      }
    }
    const started = Date.now(); // the suite's own time: the setup before it is said on its own
    console.log(`\n== ${suite.name} (${suite.run.map((a) => path.relative(ROOT, a) || a).join(' ').replace(/node_modules\/\.bin\//g, '')}) ==`);
    const log = path.join(RESULTS, `test-${suite.name}.log`);
    const { code, output, noise } = await runSuite(suite, log);
    const detail = [suite.detail?.(output), noise && `${noise} ${suite.noise.what} left out: ${path.relative(ROOT, log)}`].filter(Boolean).join('; ');
    results.push({ suite, passed: code === 0, code, log, tests: suite.tests?.(output) ?? 0, line: `${seconds(started).padStart(7)}${detail ? `  ${detail}` : ''}` });
  }

  for (const r of results.filter((r) => !r.passed && r.log)) {
    const tail = fs.readFileSync(r.log, 'utf8').trimEnd().split('\n').slice(-15);
    console.log(`\n--- ${r.suite.name} failed (exit ${r.code}); its last lines (whole output: ${path.relative(ROOT, r.log)}):\n${tail.join('\n')}`);
  }
  console.log(`\nnpm test: ${results.length} ${results.length === 1 ? "suite" : "suites"} in ${seconds(t0)}`);
  const width = Math.max(...results.map((r) => r.suite.name.length));
  for (const r of results) console.log(`  ${r.passed ? '✔' : '✖'} ${r.suite.name.padEnd(width)} ${r.passed ? '' : r.log ? 'FAILED ' : ''}${r.line}`);
  if (editorReady?.problem) console.log(`npm test: the editor suites did not run: ${editorReady.problem}`);
  const failed = results.filter((r) => !r.passed).length;
  console.log(totalLine(results.length - failed, failed, results.reduce((sum, r) => sum + (r.tests ?? 0), 0)));
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`npm test: ${err instanceof Error ? err.message : String(err)}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
