// Shared launch code for everything that runs the extension in code-server (VS Code
// for the browser, set up by `npm start`, `npm test` or `npm run e2e:setup`; .vscode-test/code-server
// links to the build in ~/.cache/kehoach, see scripts/setup.mjs)
// driven by Debian's Chromium through playwright-core:
//   - test/e2e/editor.e2e.ts  the UI checks and screenshots
//   - test/e2e/suite.e2e.ts   the in-editor mocha suite (test/suite/), `npm run test:editor`
//   - scripts/start.ts        `npm start`
// One profile per run in a temporary folder; code-server in its own process group on
// a free loopback port; both stopped in every outcome by `Session.close()`.

import { ChildProcess, execFile, spawn } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CACHE = path.join(ROOT, '.vscode-test', 'code-server');
export const CODE_SERVER = path.join(CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const PLAYWRIGHT = path.join(CACHE, 'node_modules', 'playwright-core');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = path.join(ROOT, '.vscode-test', 'screenshots');
/** Installed by scripts/e2e-setup.sh (fonts-noto-mono): it has every Vietnamese letter. */
export const EDITOR_FONT = "'Noto Mono', 'Liberation Mono', monospace";

// ------------------------------------------------------------------ the little of Playwright used here
// playwright-core lives in .vscode-test/ (installed by scripts/e2e-setup.sh), not in
// the project's node_modules, so it is loaded by path and typed by hand.
export interface Locator {
  first(): Locator;
  click(options?: { timeout?: number; position?: { x: number; y: number } }): Promise<void>;
  hover(options?: { timeout?: number; position?: { x: number; y: number } }): Promise<void>;
  count(): Promise<number>;
}
export interface Keyboard {
  press(key: string): Promise<void>;
  type(text: string, options?: { delay?: number }): Promise<void>;
}
export interface Mouse {
  move(x: number, y: number): Promise<void>;
}
export interface Page {
  goto(url: string, options?: { timeout?: number; waitUntil?: string }): Promise<unknown>;
  locator(selector: string): Locator;
  keyboard: Keyboard;
  mouse: Mouse;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  screenshot(options: { path: string }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  exposeFunction(name: string, fn: (...args: never[]) => unknown): Promise<void>;
  on(event: 'console', handler: (msg: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', handler: (err: Error) => void): void;
}
export interface BrowserContext {
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

// ------------------------------------------------------------------ small helpers
export class E2EFailure extends Error {}

/** Polls `check` until it returns a truthy value; fails with `what` after `timeout`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | null | false>, timeout: number, every = 250): Promise<T> {
  const end = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      if (err instanceof E2EFailure) throw err;
      lastError = err;
    }
    if (Date.now() > end) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
      throw new E2EFailure(`timed out after ${timeout / 1000} s waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, every));
  }
}

export function freePort(): Promise<number> {
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

/** Fails with the fix to run when a tool of the in-editor runs is missing. */
export function checkTools(extra: [what: string, file: string, fix: string][] = []): void {
  for (const [what, file, fix] of [
    ['code-server', CODE_SERVER, 'npm run e2e:setup'],
    ['playwright-core', path.join(PLAYWRIGHT, 'package.json'), 'npm run e2e:setup'],
    ['Chromium', CHROMIUM, 'npm run e2e:setup'],
    ['dist/extension.js', path.join(ROOT, 'dist', 'extension.js'), 'npm run build'],
    ['dist/server.js', path.join(ROOT, 'dist', 'server.js'), 'npm run build'],
    ...extra,
  ]) {
    if (!fs.existsSync(file)) throw new E2EFailure(`${what} not found at ${file}: run \`${fix}\``);
  }
}

// ------------------------------------------------------------------ profile
export interface Profile {
  tmp: string;
  userData: string;
  extensionsDir: string;
  browserProfile: string;
  serverLog: string;
}

/** A fresh profile in a temporary folder: user settings without workspace trust, no tips, a font for Vietnamese. */
export function createProfile(prefix: string, settings: Record<string, unknown> = {}): Profile {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const profile: Profile = {
    tmp,
    userData: path.join(tmp, 'user-data'),
    extensionsDir: path.join(tmp, 'extensions'),
    browserProfile: path.join(tmp, 'chromium-profile'),
    serverLog: path.join(tmp, 'code-server.log'),
  };
  fs.mkdirSync(path.join(profile.userData, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(profile.userData, 'User', 'settings.json'),
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
        'editor.fontFamily': EDITOR_FONT,
        'editor.wordWrap': 'on', // long Vietnamese paragraphs stay in view (and in the screenshots)
        'files.autoSave': 'off',
        'git.openRepositoryInParentFolders': 'never',
        ...settings,
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\n');
  profiles.add(profile);
  return profile;
}

/** Profiles not removed yet: an interrupted run removes them too. */
const profiles = new Set<Profile>();

/** Removes the profile unless KEEP_E2E_TMP is set or the run failed (then says where it is). */
export function removeProfile(profile: Profile, failed: boolean): void {
  if (!profiles.delete(profile)) return;
  if (process.env.KEEP_E2E_TMP || failed) console.log(`temporary files kept in ${profile.tmp}`);
  else fs.rmSync(profile.tmp, { recursive: true, force: true, maxRetries: 3 });
}

/** Environment of code-server and Chromium: their caches and crash reports stay in the profile. */
function isolatedEnv(tmp: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // No extension gallery (open-vsx by default): nothing to reach offline, nothing to install.
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    ...extra,
  };
}

/** Adds extension folders to the profile's extensions.json, as VS Code lists what it installed. */
export function registerExtensions(extensionsDir: string, entries: { id: string; version: string; folder: string }[]): void {
  const file = path.join(extensionsDir, 'extensions.json');
  const listed: unknown[] = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
  for (const e of entries) {
    const location = path.join(extensionsDir, e.folder);
    listed.push({
      identifier: { id: e.id },
      version: e.version,
      location: { $mid: 1, fsPath: location, external: `file://${location}`, path: location, scheme: 'file' },
      relativeLocation: e.folder,
      metadata: { installedTimestamp: Date.now(), source: 'vsix', pinned: true },
    });
  }
  fs.writeFileSync(file, JSON.stringify(listed));
}

/** The .vsix `npm run package` makes: `<name>-<version>.vsix` at the top of the repository. */
export function vsixPath(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
}

/**
 * Makes VS Code run in Vietnamese, as the plan writers' editors do: the extension then
 * speaks Vietnamese (diagnostics, status bar, view names from package.nls.vi.json and
 * l10n/). VS Code has no Vietnamese language pack, and without one `--locale vi` falls
 * back to English; an empty pack (every VS Code string stays English) is enough to make
 * `vscode.env.language` "vi". The server reads languagepacks.json in the user-data dir
 * when it serves the workbench; it is written here too so the first load already has it.
 */
export function installVietnameseLocale(extensionsDir: string, userData: string): { id: string; version: string; folder: string } {
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

function serverArgs(profile: Profile, locale?: string): string[] {
  return [
    CODE_SERVER,
    '--config', path.join(profile.tmp, 'config.yaml'),
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(locale ? ['--locale', locale] : []),
    '--user-data-dir', profile.userData,
    '--extensions-dir', profile.extensionsDir,
  ];
}

/** `code-server --install-extension <vsix>` into the profile, as a user installs the package. */
export function installVsix(profile: Profile, vsix: string, timeout = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...serverArgs(profile), '--install-extension', vsix],
      { cwd: profile.tmp, env: isolatedEnv(profile.tmp), timeout, killSignal: 'SIGKILL' },
      (err, stdout, stderr) => {
        const out = `${stdout}${stderr}`.trim();
        if (err) reject(new E2EFailure(`code-server --install-extension ${path.basename(vsix)} failed: ${err.message}\n${out}`));
        else resolve(out);
      },
    );
  });
}

// ------------------------------------------------------------------ a running code-server + Chromium
export interface Session {
  base: string;
  port: number;
  context?: BrowserContext;
  page?: Page;
  /** Stops Chromium and code-server (its whole process group); a second call waits for the first. */
  close(): Promise<void>;
  /** The last lines of code-server's log, for a failure message. */
  logTail(lines?: number): string;
  /** Resolves with a message if code-server exits before close(). */
  exited: Promise<string>;
}

export interface StartOptions {
  locale?: string;
  /** Extra environment for code-server and so for the extension host. */
  env?: Record<string, string>;
  /** Where code-server listens: a free port on 127.0.0.1 unless given. */
  port?: number;
  timeout?: number;
}

/** Sessions still open: Ctrl+C (SIGINT) or SIGTERM closes them before exiting. */
const open = new Set<Session>();
let signalsHooked = false;
/** Exit status after Ctrl+C: a failure for tests (130), a normal end for `npm start` (0). */
let interruptedStatus = 130;
export function interruptIsNormalExit(): void {
  interruptedStatus = 0;
}
function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      // tsx passes the terminal's Ctrl+C on as a second signal: one shutdown is enough.
      if (stopping) return;
      stopping = true;
      const browsers = [...open].some((s) => s.context);
      console.error(`\n${signal}: stopping code-server${browsers ? ' and Chromium' : ''}…`);
      void Promise.all([...open].map((s) => s.close())).finally(() => {
        for (const p of profiles) removeProfile(p, false);
        process.exit(signal === 'SIGINT' ? interruptedStatus : 143);
      });
    });
  }
}

/** Starts code-server for the profile on 127.0.0.1 and waits for /healthz. */
export async function startCodeServer(profile: Profile, options: StartOptions = {}): Promise<Session> {
  const port = options.port ?? (await freePort());
  const log = fs.openSync(profile.serverLog, 'a');
  const server: ChildProcess = spawn(process.execPath, [...serverArgs(profile, options.locale), '--bind-addr', `127.0.0.1:${port}`], {
    cwd: profile.tmp,
    detached: true, // own process group: killed with everything it started
    stdio: ['ignore', log, log],
    env: isolatedEnv(profile.tmp, options.env),
  });
  fs.closeSync(log);
  let exited: string | undefined;
  let closed = false;
  let closing: Promise<void> | undefined;
  // Only an exit nobody asked for resolves `exited`.
  const whenExited = new Promise<string>((resolve) =>
    server.on('exit', (code, signal) => {
      exited = `code-server exited (${code ?? signal})`;
      if (!closed) resolve(exited);
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  const session: Session = {
    base,
    port,
    exited: whenExited,
    close() {
      // A second caller (the Ctrl+C handler and the run's own finally) waits for the same stop.
      if (!closing) {
        closed = true;
        open.delete(session);
        closing = (async () => {
          await session.context?.close().catch(() => undefined);
          await killGroup(server);
        })();
      }
      return closing;
    },
    logTail(lines = 30) {
      if (!fs.existsSync(profile.serverLog)) return '';
      const all = fs.readFileSync(profile.serverLog, 'utf8').trim().split('\n');
      return `--- code-server log (last ${Math.min(lines, all.length)} of ${all.length} lines: ${profile.serverLog})\n${all.slice(-lines).join('\n')}`;
    },
  };
  hookSignals();
  open.add(session);
  try {
    await waitFor(
      `code-server on ${base}`,
      async () => {
        if (exited) throw new E2EFailure(exited);
        return (await httpStatus(`${base}/healthz`)) === 200;
      },
      options.timeout ?? 60_000,
    );
  } catch (err) {
    await session.close();
    const message = err instanceof Error ? err.message : String(err);
    const log = fs.existsSync(profile.serverLog) ? fs.readFileSync(profile.serverLog, 'utf8') : '';
    throw new E2EFailure(`${message}: ${startFailureCause(log, port)}\n${session.logTail(15)}`);
  }
  return session;
}

/**
 * Why code-server did not come up, from its log: the causes a user can fix named in
 * their words (the port, a missing library), else the log's first error line.
 */
export function startFailureCause(log: string, port: number): string {
  if (/EADDRINUSE/.test(log)) return `port ${port} on 127.0.0.1 is already in use (EADDRINUSE): stop what listens there, or choose another port (PORT=…), or leave PORT unset for a free one`;
  if (/listen EACCES/.test(log)) return `port ${port} may not be opened by this user (EACCES): choose a port above 1023`;
  const library = log.match(/error while loading shared libraries: [^\n]*|Cannot find module '[^']*'|libnss3[^\n]*|No such file or directory[^\n]*\.so[^\n]*/);
  if (library) return `a library is missing: ${library[0].trim()} (run \`npm run e2e:setup\` again; it checks and installs what code-server needs)`;
  const error = log.split('\n').find((l) => /error/i.test(l));
  return error ? `its log says: ${error.trim()}` : 'its log says nothing more';
}

/** SIGTERM to the process group, SIGKILL after 5 s; resolves when it has exited. */
async function killGroup(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const pid = child.pid;
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5000);
  await Promise.race([gone, new Promise((r) => setTimeout(r, 7000))]);
  clearTimeout(timer);
  // Whatever the server started in its group (extension host, language server) goes too.
  signal('SIGKILL');
}

/** Starts headless Chromium on the session's profile; the page is `session.page`. */
export async function openBrowser(session: Session, profile: Profile, options: { locale?: string; timeout?: number } = {}): Promise<Page> {
  session.context = await launchChromium(profile.browserProfile, isolatedEnv(profile.tmp), options);
  session.page = session.context.pages()[0] ?? (await session.context.newPage());
  return session.page;
}

/** Headless Chromium with its own profile folder, through playwright-core. */
export async function launchChromium(browserProfile: string, env: NodeJS.ProcessEnv, options: { locale?: string; timeout?: number } = {}): Promise<BrowserContext> {
  const { chromium } = require(PLAYWRIGHT) as Playwright;
  const lang = options.locale ?? 'en';
  const context = await chromium.launchPersistentContext(browserProfile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', `--lang=${lang}`,
    ],
    viewport: { width: 1400, height: 900 },
    locale: lang === 'vi' ? 'vi-VN' : 'en-US',
    timeout: options.timeout ?? 60_000,
    // Playwright would exit the process on Ctrl+C before code-server is stopped: our handler does both.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Chromium keeps crash reports under ~/.config whatever the profile: keep them in tmp.
    env,
  });
  // tsx compiles with esbuild's keepNames, which wraps named functions in the
  // page-side callbacks with a __name(...) helper that the page does not have.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  return context;
}

/** Saves a PNG of the page under .vscode-test/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name);
  await page.screenshot({ path: file });
  console.log(`    screenshot ${path.relative(ROOT, file)}`);
  return file;
}
