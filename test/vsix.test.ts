// The packaged extension: `vsce package --no-dependencies` (what `npm run package`
// runs after esbuild) into a temporary folder, then its file list and manifest.
// The package must hold the bundled server and the directive index, and nothing
// from test/, node_modules/ or the sources; the bundles must need no npm package
// at run time (everything bundled by esbuild).

import assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import { builtinModules } from 'module';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from './helpers';

const VSCE = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

/** Names in a zip file, read from its central directory (no unzip needed). */
function zipEntries(file: string): string[] {
  const buf = fs.readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, `${file} is a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    names.push(buf.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

describe('the packaged extension (.vsix)', function () {
  this.timeout(120_000);
  let tmp: string;
  let entries: string[];

  before(() => {
    for (const f of ['dist/extension.js', 'dist/server.js']) assert.ok(fs.existsSync(path.join(ROOT, f)), `${f} is built (npm run build)`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-vsix-'));
    const out = path.join(tmp, 'kehoach.vsix');
    execFileSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    entries = zipEntries(out);
  });
  after(() => tmp && fs.rmSync(tmp, { recursive: true, force: true }));

  it('holds the bundled server, the client, the index, grammars, snippets, rule pages and icon', () => {
    for (const f of [
      'extension/package.json',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/dist/word.js',
      'extension/data/directives.tsv',
      'extension/syntaxes/kehoach.tmLanguage.json',
      'extension/syntaxes/kehoach-markdown.injection.tmLanguage.json',
      'extension/snippets/kehoach.code-snippets',
      'extension/docs/rules/duplicate-section-number.md',
      'extension/package.nls.vi.json',
      'extension/l10n/bundle.l10n.vi.json',
      'extension/language-configuration.json',
      'extension/images/icon.png',
      'extension/LICENSE.txt',
    ]) {
      assert.ok(entries.includes(f), `${f} in the package`);
    }
  });

  it('holds nothing from test/, node_modules/, the sources, dist/test or source maps', () => {
    const bad = entries.filter((e) => /^extension\/(test|node_modules|server|client|scripts|\.vscode-test|dist\/test)\//.test(e) || /\.(map|ts)$/.test(e));
    assert.deepEqual(bad, []);
  });

  it('needs no npm package at run time: the bundles require only Node built-ins and vscode', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'vscode']);
    for (const f of ['dist/extension.js', 'dist/server.js', 'dist/word.js', 'dist/cli.js']) {
      const code = fs.readFileSync(path.join(ROOT, f), 'utf8');
      const required = [...code.matchAll(/\brequire\("([^"./][^"]*)"\)/g)].map((m) => m[1]);
      const external = [...new Set(required.filter((m) => !builtins.has(m)))];
      assert.deepEqual(external, [], `${f} requires ${external.join(', ')}`);
    }
  });

  it('has the Marketplace metadata', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.ok(pkg.displayName && pkg.publisher && pkg.license && pkg.repository?.url);
    assert.equal(pkg.icon, 'images/icon.png');
    assert.ok(pkg.keywords.length >= 5 && pkg.keywords.length <= 30, 'the Marketplace takes at most 30 keywords');
    assert.ok(fs.existsSync(path.join(ROOT, 'LICENSE')));
    const en = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
    const vi = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.vi.json'), 'utf8'));
    assert.equal(pkg.description, '%extension.description%');
    assert.match(en['extension.description'], /plans/);
    assert.match(vi['extension.description'], /kế hoạch/);
    // The icon is a 128×128 PNG.
    const png = fs.readFileSync(path.join(ROOT, 'images', 'icon.png'));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
