// The core reads no files and knows no editor: it takes text and returns
// findings. Reading, watching and trust are the adapters' (lsp/, cli/, node/).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const CORE = path.resolve(__dirname, '..', '..', 'server', 'src', 'core');

/** Modules the core may not use: the file system, paths, the editor and the protocol. */
const FORBIDDEN = /^(node:)?(fs|fs\/promises|path|child_process)$|^vscode$|^vscode-languageserver(-[\w-]+)?(\/.*)?$/;

/** Every module an import, export … from, require() or import() of `source` names. */
export function importedModules(source: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  for (let m = re.exec(source); m; m = re.exec(source)) out.push(m[1]);
  return out;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

describe('the core has no I/O', () => {
  it('finds the imports it looks for, in every form', () => {
    const text = [
      "import * as fs from 'node:fs';",
      'import { join } from "path";',
      "import type { Connection } from 'vscode-languageserver/node';",
      "const v = require('vscode');",
      "export { x } from 'fs';",
      "import 'vscode-languageserver-textdocument';",
      "const p = await import('node:path');",
      "import { lint } from './lint';",
    ].join('\n');
    const found = importedModules(text);
    assert.deepEqual(found, ['node:fs', 'path', 'vscode-languageserver/node', 'vscode', 'fs', 'vscode-languageserver-textdocument', 'node:path', './lint']);
    assert.deepEqual(found.filter((m) => FORBIDDEN.test(m)), found.slice(0, 7));
  });

  it('no file under server/src/core imports node:fs, path, vscode or vscode-languageserver', () => {
    const files = sources(CORE);
    assert.ok(files.length > 20, `${files.length} core files`);
    const offences = files.flatMap((f) =>
      importedModules(fs.readFileSync(f, 'utf8'))
        .filter((m) => FORBIDDEN.test(m))
        .map((m) => `${path.relative(CORE, f)}: ${m}`),
    );
    assert.deepEqual(offences, []);
  });

  it('keeps no bundled index of its own: the adapters read it and pass it in', () => {
    const offences = sources(CORE).filter((f) => /__dirname|directives\.tsv|process\.(cwd|env)/.test(fs.readFileSync(f, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '')));
    assert.deepEqual(offences.map((f) => path.relative(CORE, f)), []);
  });
});
