// End-to-end test in a real VS Code: the web build that code-server bundles, driven
// in Debian's Chromium through playwright-core. It loads the extension from dist/
// as an installed extension, opens seed 000 as `ke-hoach.kh` and checks what a
// person sees: the diagnostics in the Problems panel and as squiggles, the status
// bar item, the *Nhiệm vụ* view in the Explorer and the TextMate colouring.
//
//   npm run e2e:setup   # once: chromium, ripgrep, code-server, playwright-core (scripts/e2e-setup.sh)
//   npm run test:e2e    # builds dist/, then runs this file with tsx
//
// Not a mocha file (the name does not match test/**/*.test.ts): it starts its own
// processes; about 10–15 s once set up. Screenshots go to .vscode-test/screenshots/.
// KEEP_E2E_TMP=1 keeps the temporary workspace, profiles and logs.

import { ChildProcess, spawn } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(ROOT, '.vscode-test', 'code-server');
const CODE_SERVER = path.join(CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const PLAYWRIGHT = path.join(CACHE, 'node_modules', 'playwright-core');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(ROOT, '.vscode-test', 'screenshots');
const SEED = path.join(ROOT, 'test', 'seeds', '000_089bb949c9e0a859.txt');
const FILE = 'ke-hoach.kh';

// Generous: the first start of code-server and of the extension host is slow on 2 cores.
const T_SERVER = 60_000;
const T_UI = 60_000;
const T_CHECK = 45_000;

// ------------------------------------------------------------------ the little of Playwright used here
// playwright-core lives in .vscode-test/ (installed by scripts/e2e-setup.sh), not in
// the project's node_modules, so it is loaded by path and typed by hand.
interface Locator {
  first(): Locator;
  click(options?: { timeout?: number; position?: { x: number; y: number } }): Promise<void>;
  count(): Promise<number>;
}
interface Keyboard {
  press(key: string): Promise<void>;
  type(text: string, options?: { delay?: number }): Promise<void>;
}
interface Page {
  goto(url: string, options?: { timeout?: number; waitUntil?: string }): Promise<unknown>;
  locator(selector: string): Locator;
  keyboard: Keyboard;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  screenshot(options: { path: string }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  on(event: 'console', handler: (msg: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', handler: (err: Error) => void): void;
}
interface BrowserContext {
  addInitScript(script: string): Promise<void>;
  pages(): Page[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
interface Playwright {
  chromium: {
    launchPersistentContext(userDataDir: string, options: Record<string, unknown>): Promise<BrowserContext>;
  };
}

// The page-side callbacks below run in the browser; the project compiles without the
// DOM library, so the little of the DOM they touch is declared here.
interface DomElement {
  innerText: string;
  textContent: string | null;
  className: string;
  parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
declare const document: DomElement;
declare function getComputedStyle(element: DomElement): { color: string };

// ------------------------------------------------------------------ helpers
const t0 = Date.now();
const timings: [string, number][] = [];
let lastMark = t0;
function mark(what: string): void {
  const now = Date.now();
  timings.push([what, now - lastMark]);
  console.log(`  ✓ ${what} (${((now - lastMark) / 1000).toFixed(1)} s)`);
  lastMark = now;
}

class E2EFailure extends Error {}
let reported = false; // the failure has been printed, with the logs



/** Polls `check` until it returns a truthy value; fails with `what` after `timeout`. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined | null | false>, timeout: number, every = 250): Promise<T> {
  const end = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > end) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
      throw new E2EFailure(`timed out after ${timeout / 1000} s waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, every));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

/** Text of every element matching `selector`, joined by newlines ('' when none). */
function textOf(page: Page, selector: string): Promise<string> {
  // NFC and plain spaces: the seed has decomposed tone marks, the editor renders U+00A0.
  return page
    .evaluate((sel: string) => Array.from(document.querySelectorAll(sel)).map((e) => e.innerText).join('\n'), selector)
    .then((t) => t.normalize('NFC').replace(/\u00a0/g, ' '));
}

async function shot(page: Page, name: string): Promise<void> {
  const file = path.join(SHOTS, name);
  await page.screenshot({ path: file });
  console.log(`    screenshot ${path.relative(ROOT, file)}`);
}

/** Installs the extension as VS Code does: a folder `publisher.name-version` plus extensions.json. */
function installExtension(extensionsDir: string, others: { id: string; version: string; folder: string }[]): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  const folder = `${id}-${pkg.version}`;
  const dest = path.join(extensionsDir, folder);
  fs.mkdirSync(dest, { recursive: true });
  // What a VSIX would hold: package.json's "files" plus the manifest's own references.
  const entries = new Set<string>(['package.json', 'language-configuration.json', 'README.md', 'LICENSE', ...(pkg.files ?? [])]);
  for (const entry of entries) {
    const src = path.join(ROOT, entry);
    if (fs.existsSync(src)) fs.cpSync(src, path.join(dest, entry), { recursive: true });
  }
  const manifest = [{ id, version: pkg.version, folder }, ...others].map((e) => {
    const location = path.join(extensionsDir, e.folder);
    return {
      identifier: { id: e.id },
      version: e.version,
      location: { $mid: 1, fsPath: location, external: `file://${location}`, path: location, scheme: 'file' },
      relativeLocation: e.folder,
      metadata: { installedTimestamp: Date.now(), source: 'vsix', pinned: true },
    };
  });
  fs.writeFileSync(path.join(extensionsDir, 'extensions.json'), JSON.stringify(manifest));
  return id;
}

/**
 * Makes VS Code run in Vietnamese, as the plan writers' editors do: the extension then
 * speaks Vietnamese (diagnostics, status bar, view names from package.nls.vi.json and
 * l10n/). VS Code has no Vietnamese language pack, and without one `--locale vi` falls
 * back to English; an empty pack (every VS Code string stays English) is enough to make
 * `vscode.env.language` "vi". The server reads languagepacks.json in the user-data dir
 * when it serves the workbench; it is written here too so the first load already has it.
 */
function installVietnameseLocale(extensionsDir: string, userData: string): { id: string; version: string; folder: string } {
  const id = 'kehoach-e2e.vi-language-pack';
  const version = '0.0.1';
  const folder = `${id}-${version}`;
  const dest = path.join(extensionsDir, folder);
  fs.mkdirSync(path.join(dest, 'translations'), { recursive: true });
  const translations = path.join(dest, 'translations', 'main.i18n.json');
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(
    path.join(dest, 'package.json'),
    JSON.stringify({
      name: 'vi-language-pack',
      publisher: 'kehoach-e2e',
      version,
      engines: { vscode: '*' },
      categories: ['Language Packs'],
      contributes: {
        localizations: [
          { languageId: 'vi', languageName: 'Vietnamese', localizedLanguageName: 'Tiếng Việt', translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] },
        ],
      },
    }),
  );
  const hash = crypto.createHash('md5').update(id).update(version).digest('hex');
  fs.writeFileSync(
    path.join(userData, 'languagepacks.json'),
    JSON.stringify({ vi: { hash, extensions: [{ extensionIdentifier: { id }, version }], translations: { vscode: translations }, label: 'Tiếng Việt' } }),
  );
  return { id, version, folder };
}

// ------------------------------------------------------------------ the test
async function main(): Promise<void> {
  for (const [what, file, fix] of [
    ['code-server', CODE_SERVER, 'npm run e2e:setup'],
    ['playwright-core', path.join(PLAYWRIGHT, 'package.json'), 'npm run e2e:setup'],
    ['Chromium', CHROMIUM, 'npm run e2e:setup'],
    ['dist/extension.js', path.join(ROOT, 'dist', 'extension.js'), 'npm run build'],
    ['dist/server.js', path.join(ROOT, 'dist', 'server.js'), 'npm run build'],
  ]) {
    if (!fs.existsSync(file)) throw new E2EFailure(`${what} not found at ${file}: run \`${fix}\``);
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.rmSync(path.join(SHOTS, 'failure.png'), { force: true });

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-e2e-'));
  const workspace = path.join(tmp, 'workspace');
  const userData = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const browserProfile = path.join(tmp, 'chromium-profile');
  const serverLog = path.join(tmp, 'code-server.log');
  fs.mkdirSync(workspace);
  fs.copyFileSync(SEED, path.join(workspace, FILE));
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'chat.commandCenter.enabled': false,
        'window.commandCenter': false,
        'editor.minimap.enabled': false,
        'files.autoSave': 'off',
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\n');
  const extId = installExtension(extensionsDir, [installVietnameseLocale(extensionsDir, userData)]);
  mark(`workspace, profile and extension ${extId} in ${tmp}`);

  let server: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let failed = false;
  try {
    // --------------------------------------------------------------- code-server
    const port = await freePort();
    const log = fs.openSync(serverLog, 'w');
    server = spawn(
      process.execPath,
      [
        CODE_SERVER,
        '--config', path.join(tmp, 'config.yaml'),
        '--bind-addr', `127.0.0.1:${port}`,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
        '--locale', 'vi',
        '--user-data-dir', userData,
        '--extensions-dir', extensionsDir,
      ],
      {
        cwd: tmp,
        detached: true, // own process group: killed with everything it started
        stdio: ['ignore', log, log],
        env: {
          ...process.env,
          // No extension gallery (open-vsx by default): nothing to reach offline, nothing to install.
          EXTENSIONS_GALLERY: '{}',
          XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache') },
      },
    );
    let exited: string | undefined;
    server.on('exit', (code, signal) => (exited = `code-server exited (${code ?? signal})`));
    const base = `http://127.0.0.1:${port}`;
    await waitFor(
      `code-server on ${base}`,
      async () => {
        if (exited) throw new E2EFailure(exited);
        return (await httpStatus(`${base}/healthz`)) === 200;
      },
      T_SERVER,
    );
    mark(`code-server listening on ${base}`);

    // --------------------------------------------------------------- Chromium
    const { chromium } = require(PLAYWRIGHT) as Playwright;
    context = await chromium.launchPersistentContext(browserProfile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=vi',
      ],
      viewport: { width: 1400, height: 900 },
      locale: 'vi-VN',
      timeout: T_SERVER,
      // Chromium keeps crash reports under ~/.config whatever the profile: keep them in tmp.
      env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache') },
    });
    // tsx compiles this file with esbuild's keepNames, which wraps named functions in the
    // page-side callbacks with a __name(...) helper that the page does not have.
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    mark('Chromium started');

    await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`, { timeout: T_UI, waitUntil: 'domcontentloaded' });
    await waitFor('the workbench and the Explorer', async () => (await textOf(page!, '.explorer-folders-view')).includes(FILE), T_UI);
    await page.waitForTimeout(500); // let the first layout settle before typing
    await shot(page, '01-workbench.png');
    mark('workbench loaded, ke-hoach.kh in the Explorer');

    // --------------------------------------------------------------- open the file: Quick Open
    await waitFor(
      'Quick Open (Ctrl+P) to list ke-hoach.kh',
      async () => {
        if (!(await page!.evaluate(() => !!document.querySelector('.quick-input-widget:not([style*="display: none"]) input'), null))) {
          await page!.keyboard.press('Control+P');
          await page!.waitForTimeout(300);
          await page!.keyboard.type(FILE);
        }
        return (await textOf(page!, '.quick-input-list .monaco-list-row')).includes(FILE);
      },
      T_UI,
      1000,
    );
    await page.keyboard.press('Enter');
    await waitFor(
      'the editor to show ke-hoach.kh',
      async () => (await textOf(page!, '.editor-instance .view-lines')).includes('KẾ HOẠCH'.normalize('NFC')),
      T_UI,
    );
    mark('ke-hoach.kh open in the editor (Quick Open)');

    // --------------------------------------------------------------- (b) status bar
    const status = await waitFor(
      'the status bar item "… nhiệm vụ · … thiếu chủ trì · … thiếu thời hạn"',
      async () => {
        const text = await textOf(page!, '.part.statusbar .statusbar-item');
        return text.split('\n').find((l) => /\d+ nhiệm vụ/.test(l));
      },
      T_CHECK,
    );
    console.log(`    status bar: ${status.trim()}`);
    const language = await textOf(page, '.part.statusbar #status\\.editor\\.mode');
    console.log(`    language mode: ${language.trim()}`);
    if (!/Kế hoạch|kehoach/.test(language)) throw new E2EFailure(`language mode is "${language.trim()}", not Kế hoạch`);
    await shot(page, '02-editor.png');
    mark('status bar shows the task count');

    // --------------------------------------------------------------- (d) TextMate colouring
    const colouring = await waitFor(
      'TextMate colours on "II- NỘI DUNG VÀ GIẢI PHÁP KHẮC PHỤC" and "Công văn số 904-CV/TU"',
      () =>
        page!.evaluate(() => {
          const spans = Array.from(document.querySelectorAll('.editor-instance .view-lines .view-line span[class^="mtk"]'));
          const plain = spans.find((s) => s.className === 'mtk1');
          if (!plain) return null;
          const base = getComputedStyle(plain).color;
          const coloured = (re: RegExp) => spans.filter((s) => re.test((s.textContent ?? '').normalize('NFC').replace(/\u00a0/g, ' ')) && getComputedStyle(s).color !== base);
          const heading = coloured(/NỘI DUNG VÀ GIẢI PHÁP|MỤC ĐÍCH/);
          const citation = coloured(/904-CV\/TU|Công văn/);
          if (!heading.length || !citation.length) return null;
          return {
            plain: base,
            heading: heading.map((s) => `${JSON.stringify(s.textContent)} ${s.className} ${getComputedStyle(s).color}`),
            citation: citation.map((s) => `${JSON.stringify(s.textContent)} ${s.className} ${getComputedStyle(s).color}`),
          };
        }, null),
      T_CHECK,
    );
    console.log(`    plain text colour ${colouring.plain}`);
    for (const s of [...colouring.heading, ...colouring.citation]) console.log(`    coloured ${s}`);
    mark('TextMate colouring on the part heading and the citation');

    // --------------------------------------------------------------- (a) diagnostics: squiggles + Problems
    await page.keyboard.press('Control+Shift+M');
    const problems = await waitFor(
      'the Problems panel to list "Số mục 1.2.4 bị trùng" and "Số mục 1.2.5 bị trùng"',
      async () => {
        const text = await textOf(page!, '.markers-panel');
        return text.includes('Số mục 1.2.4 bị trùng') && text.includes('Số mục 1.2.5 bị trùng') ? text : null;
      },
      T_CHECK,
    );
    for (const line of problems.split('\n').filter((l) => /Số mục|duplicate|section-order/.test(l))) console.log(`    problem: ${line.trim()}`);
    const badge = await textOf(page, '.part.statusbar #status\\.problems');
    console.log(`    problems in the status bar: ${badge.replace(/\s+/g, ' ').trim()}`);
    await shot(page, '03-problems.png');
    mark('Problems panel lists the duplicate section numbers');

    // Clicking the problem's message (not its light bulb, which offers the quick fixes,
    // nor the rule link, which opens the rule's page) goes to line 77 and its squiggle.
    await page
      .locator('.markers-panel .monaco-list-row:has-text("1.2.4 bị trùng") .marker-message-details-container')
      .first()
      .click({ position: { x: 30, y: 8 } });
    const position = await waitFor(
      'the editor at line 77 with an error squiggle',
      async () => {
        const where = await textOf(page!, '.part.statusbar #status\\.editor\\.selection');
        const squiggles = await page!.evaluate(() => document.querySelectorAll('.editor-instance .squiggly-error').length, null);
        return /\b77\b/.test(where) && squiggles > 0 ? `${where.trim()}, ${squiggles} error squiggle(s) in view` : null;
      },
      T_CHECK,
    );
    console.log(`    ${position}`);
    await shot(page, '04-squiggle.png');
    mark('problem opens line 77 with an error squiggle');

    // --------------------------------------------------------------- (c) the Nhiệm vụ view in the Explorer
    const header = '.part.sidebar .pane-header:has(h3.title:text-is("Nhiệm vụ")), .part.sidebar .pane-header:has(h3.title:text-is("Tasks"))';
    await waitFor('the "Nhiệm vụ" view in the Explorer', async () => (await page!.locator(header).count()) > 0, T_CHECK);
    const expanded = await page.evaluate(() => {
      const h = Array.from(document.querySelectorAll('.part.sidebar .pane-header')).find((e) => /^(Nhiệm vụ|Tasks)$/.test(e.querySelector('h3.title')?.textContent?.trim() ?? ''));
      return h?.getAttribute('aria-expanded') === 'true';
    }, null);
    if (!expanded) await page.locator(header).first().click();
    const tasks = await waitFor(
      'the "Nhiệm vụ" view to list tasks 1.1.x',
      () =>
        page!.evaluate(() => {
          const h = Array.from(document.querySelectorAll('.part.sidebar .pane-header')).find((e) => /^(Nhiệm vụ|Tasks)$/.test(e.querySelector('h3.title')?.textContent?.trim() ?? ''));
          const body = h?.parentElement?.querySelector('.pane-body');
          const rows = Array.from(body?.querySelectorAll('.monaco-list-row') ?? []).map((r) => r.innerText.replace(/\s+/g, ' ').trim());
          return rows.some((r) => r.startsWith('1.1.')) ? rows : null;
        }, null),
      T_CHECK,
    );
    for (const row of tasks.slice(0, 8)) console.log(`    task row: ${row}`);
    await shot(page, '05-tasks-view.png');
    mark(`Nhiệm vụ view lists ${tasks.length} rows, the first ${tasks[0]}`);

    if (pageErrors.length) console.log(`    (page errors, not failures: ${pageErrors.slice(0, 3).join(' | ')})`);
  } catch (err) {
    failed = true;
    if (page) await shot(page, 'failure.png').catch(() => undefined);
    console.error(`\nE2E FAILED: ${err instanceof Error ? err.message : String(err)}`);
    if (!(err instanceof E2EFailure) && err instanceof Error && err.stack) console.error(err.stack);
    if (fs.existsSync(serverLog)) {
      const lines = fs.readFileSync(serverLog, 'utf8').trim().split('\n');
      console.error(`--- code-server log (last 30 of ${lines.length} lines: ${serverLog})\n${lines.slice(-30).join('\n')}`);
    }
    console.error(`--- VS Code logs: ${path.join(userData, 'logs')}`);
    reported = true;
    throw err;
  } finally {
    await context?.close().catch(() => undefined);
    if (server?.pid && server.exitCode === null) {
      const pid = server.pid;
      const gone = new Promise<void>((r) => server!.once('exit', () => r()));
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5000);
      await Promise.race([gone, new Promise((r) => setTimeout(r, 6000))]);
      clearTimeout(timer);
    }
    if (process.env.KEEP_E2E_TMP || failed) console.log(`temporary files kept in ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then(
  () => {
    console.log(`\ne2e: all checks passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log(`1 passed, 0 failed`);
    process.exit(0);
  },
  (err: unknown) => {
    if (!reported) console.error(`\nE2E FAILED: ${err instanceof Error ? (err instanceof E2EFailure ? err.message : err.stack) : String(err)}`);
    console.error(`\ne2e: failed after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log(`0 passed, 1 failed`);
    process.exit(1);
  },
);
