// Entry point of the in-editor suite: VS Code's extension host loads this file
// (bundled to dist/test/suite/index.js) as `extensionTestsPath` and calls run().
// The same file serves both runners: @vscode/test-electron (scripts/test-electron.ts)
// and code-server in Chromium (test/e2e/suite.e2e.ts).
//
// mocha is not bundled: it is required from the project's node_modules, which the
// extension host (Node) reaches from dist/test/suite/ by the usual lookup.

import * as fs from 'fs';
import * as path from 'path';

/** The suite files, in the order they run: cold start and activation first. */
const FILES = ['plan.suite.js', 'restart.suite.js'];

export function run(): Promise<void> {
  // Required here, not imported: loaded once the extension host is up. mocha 12 is
  // compiled from ES modules: the class is its default export.
  const Mocha = (require('mocha') as { default: typeof import('mocha') }).default;
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000 });
  for (const file of FILES) {
    const full = path.join(__dirname, file);
    if (!fs.existsSync(full)) return Promise.reject(new Error(`suite file ${full} is missing: run \`npm run build\``));
    mocha.addFile(full);
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passes = runner.stats?.passes ?? 0;
        if (failures > 0) reject(new Error(`${failures} in-editor test(s) failed`));
        else if (passes === 0) reject(new Error('no in-editor test ran'));
        else resolve();
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
