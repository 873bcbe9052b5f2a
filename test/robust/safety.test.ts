// The extension's own safety: no network and no telemetry at run time (the
// bundles hold no HTTP client or fetch call), no eval or dynamic code, and the
// manifest declares what Restricted Mode limits.

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers';

const BUNDLES = ['extension.js', 'server.js', 'cli.js'].map((f) => path.join(ROOT, 'dist', f));

describe('safety: no network, no telemetry, no dynamic code', () => {
  before(() => {
    for (const b of BUNDLES) assert.ok(fs.existsSync(b), `${b} is built (npm run build)`);
  });

  for (const bundle of BUNDLES) {
    it(`${path.basename(bundle)} makes no network request and runs no generated code`, () => {
      const code = fs.readFileSync(bundle, 'utf8');
      const forbidden: [string, RegExp][] = [
        ['require("http")', /require\(["'](?:node:)?https?["']\)/],
        // `net` stays: vscode-jsonrpc uses it for the local pipe between client and server.
        ['require("tls")', /require\(["'](?:node:)?(?:tls|dgram|http2|dns)["']\)/],
        ['http.request / https.get', /\bhttps?\.(?:request|get)\(/],
        ['fetch(', /(?<![\w.$])fetch\(/],
        ['XMLHttpRequest', /XMLHttpRequest/],
        ['WebSocket', /\bnew WebSocket\(/],
        // The LSP library defines a telemetry notification; no telemetry library is bundled.
        ['a telemetry library', /applicationinsights|TelemetryReporter|extension-telemetry/i],
        ['eval(', /(?<![\w.$])eval\(/],
        ['new Function(', /new Function\(/],
      ];
      for (const [what, re] of forbidden) {
        const m = re.exec(code);
        assert.ok(!m, `${what} in ${path.basename(bundle)}: …${m ? code.slice(Math.max(0, m.index - 80), m.index + 80) : ''}…`);
      }
    });
  }

  it('our sources send no telemetry event and never read vscode.env.isTelemetryEnabled', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(path.join(ROOT, 'server', 'src'));
    walk(path.join(ROOT, 'client', 'src'));
    assert.ok(files.length > 30);
    for (const f of files) assert.doesNotMatch(fs.readFileSync(f, 'utf8'), /telemetry|sendTelemetryEvent/i, f);
  });

  it('the test above would catch a fetch call (it is not vacuous)', () => {
    assert.match('const r = await fetch("https://x")', /(?<![\w.$])fetch\(/);
    assert.match('https.get(url)', /\bhttps?\.(?:request|get)\(/);
  });

  it('declares limited support for untrusted workspaces, restricting kehoach.index.files', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const u = pkg.capabilities.untrustedWorkspaces;
    assert.equal(u.supported, 'limited');
    assert.match(u.description, /^%.+%$/);
    assert.deepEqual(u.restrictedConfigurations, ['kehoach.index.files']);
  });
});
