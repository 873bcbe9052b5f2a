// `npm start`: on a fresh clone as on a working one, installs the dependencies when
// missing or stale, sets up the editor tools when missing, builds what changed, then
// runs scripts/start.ts (code-server on 127.0.0.1 with the extension and the sample
// plans; it prints the address). Plain Node with no dependency: it runs before
// node_modules exists. A second run only checks (scripts/setup.mjs).

import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { ensureBuild, ensureDeps, ensureEditorTools, nodeProblem, ROOT } from './setup.mjs';

function fail(line) {
  console.error(`npm start: ${line}`);
  process.exit(1);
}

const tooOld = nodeProblem();
if (tooOld) fail(tooOld);
try {
  ensureDeps();
  ensureBuild();
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
const problem = ensureEditorTools();
if (problem) fail(`${problem}. Without the editor tools, \`npm run check:samples\` runs the command line on the samples.`);

// The launcher stops code-server on SIGINT or SIGTERM (a second one is ignored): this
// process passes them on (Ctrl+C reaches both already), waits and takes its exit status.
const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'start.ts')], { cwd: ROOT, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
