// What `npm start` and `npm test` set up before they run, so that each works alone
// on a fresh clone. Plain Node with no dependency: it runs before node_modules exists.
//   - the Node version (checked first: the one hard requirement);
//   - node_modules (npm ci when missing or not matching package-lock.json);
//   - dist/ (esbuild when a source is newer than a bundle);
//   - the editor tools (code-server, playwright-core, Debian's chromium…) through
//     scripts/e2e-setup.sh, when missing and installable here; when they cannot be
//     installed, one line says why and what to do.
// Each step does nothing when its result is up to date, so a second run is fast.
//
//   node scripts/setup.mjs --editor-tools   what `npm run e2e:setup` runs
//   node scripts/setup.mjs --build          node_modules and dist/ only (`npm run check:samples`)
//
// The situations where the editor tools cannot be installed can be simulated, for the
// tests and for a look at the message, without uninstalling anything:
//   KEHOACH_SIMULATE_NO_ROOT=1     the apt packages are missing and this user is not root
//   KEHOACH_SIMULATE_NO_APT=1      the apt packages are missing and there is no apt-get
//   KEHOACH_SIMULATE_NODE=22       code-server is not installed and Node is this major
//                                  (below 20: nothing runs, the up-front check refuses)

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The oldest Node the extension, the CLI and the tests run on (package.json engines.node). */
export const NODE_MIN_MAJOR = 20;
/**
 * code-server 4.100.x is the newest line whose npm package runs on Node 20 (4.103+
 * need Node 22 or 24); it bundles VS Code 1.100 (engines.vscode ^1.91) and builds its
 * native modules against the Node in use, so the editor tools need exactly this major.
 */
export const EDITOR_NODE_MAJOR = 20;
export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.100.3';
export const PLAYWRIGHT_VERSION = process.env.PLAYWRIGHT_VERSION ?? '1.65.1';
/** Debian packages of the editor tools: [package, a file it installs]. */
const APT_PACKAGES = [
  ['chromium', '/usr/bin/chromium'],
  ['ripgrep', '/usr/bin/rg'],
  // Headers for code-server's kerberos native module.
  ['libkrb5-dev', '/usr/include/gssapi/gssapi.h'],
  // A monospace font with every Vietnamese letter (the editor font of the e2e profile).
  ['fonts-noto-mono', '/usr/share/fonts/truetype/noto/NotoMono-Regular.ttf'],
  // Headless LibreOffice and pdftoppm: the Word tests (test:office) convert and render with them.
  ['libreoffice-writer-nogui', '/usr/bin/soffice'],
  ['poppler-utils', '/usr/bin/pdftoppm'],
];

/**
 * code-server is built once per machine and version, outside the clone (a few minutes
 * of native builds): every clone links .vscode-test/code-server to it.
 */
export function toolsCache() {
  const base = process.env.KEHOACH_TOOLS_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'kehoach');
  return path.join(base, `code-server-${CODE_SERVER_VERSION}-playwright-${PLAYWRIGHT_VERSION}-node${nodeMajor()}`);
}
export const TOOLS_LINK = path.join(ROOT, '.vscode-test', 'code-server');

const say = (line) => console.log(`setup: ${line}`);

export function nodeMajor() {
  return Number(process.env.KEHOACH_SIMULATE_NODE ?? process.versions.node.split('.')[0]);
}

/** One line when this Node is too old for anything here; undefined when it will do. */
export function nodeProblem() {
  const major = nodeMajor();
  if (major >= NODE_MIN_MAJOR) return undefined;
  return `Node.js ${major} is too old: kehoach needs Node.js ${NODE_MIN_MAJOR} or newer (Node ${EDITOR_NODE_MAJOR} for the editor tools), e.g. \`nvm install ${EDITOR_NODE_MAJOR} && nvm use ${EDITOR_NODE_MAJOR}\``;
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...options });
  return r.status ?? 1;
}

// ------------------------------------------------------------------ node_modules

/**
 * Whether node_modules holds what package-lock.json lists: npm keeps a copy of the
 * lock it installed from in node_modules/.package-lock.json; a package missing there
 * or at another version means the install is stale. Optional packages (esbuild's other
 * platforms) are never installed, so they do not count.
 */
export function depsStale() {
  const hidden = path.join(ROOT, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(hidden)) return 'node_modules is missing';
  const wanted = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')).packages ?? {};
  const have = JSON.parse(fs.readFileSync(hidden, 'utf8')).packages ?? {};
  for (const [name, entry] of Object.entries(wanted)) {
    if (!name || entry.optional || entry.link) continue;
    if (have[name]?.version !== entry.version) return `${name.replace(/^node_modules\//, '')} ${entry.version} is not installed`;
  }
  return undefined;
}

export function ensureDeps() {
  const why = depsStale();
  if (!why) return;
  say(`${why}: npm ci`);
  const t0 = Date.now();
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) throw new Error('npm ci failed (see above)');
  say(`dependencies installed in ${seconds(t0)}`);
}

// ------------------------------------------------------------------ dist/

const BUILD_INPUTS = ['client/src', 'server/src', 'test/suite', 'data', 'esbuild.js', 'package.json', 'package-lock.json'];
const BUILD_OUTPUTS = ['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'dist/test/suite/index.js'];

function newestMtime(p) {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Why dist/ must be built again, or undefined when every bundle is newer than every source. */
export function buildStale() {
  const outputs = BUILD_OUTPUTS.map((f) => fs.statSync(path.join(ROOT, f), { throwIfNoEntry: false })?.mtimeMs ?? 0);
  if (outputs.some((t) => t === 0)) return 'dist/ is missing';
  const newestInput = Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.join(ROOT, p))));
  return newestInput > Math.min(...outputs) ? 'sources changed' : undefined;
}

export function ensureBuild() {
  const why = buildStale();
  if (!why) return;
  say(`${why}: building dist/`);
  if (run(process.execPath, ['esbuild.js']) !== 0) throw new Error('the build (node esbuild.js) failed (see above)');
}

// ------------------------------------------------------------------ the editor tools

function toolsInstalled() {
  if (nodeMajor() !== Number(process.versions.node.split('.')[0])) return false; // KEHOACH_SIMULATE_NODE
  const cache = toolsCache();
  return fs.existsSync(path.join(cache, '.complete')) && fs.existsSync(path.join(cache, 'node_modules', 'code-server', 'out', 'node', 'entry.js'));
}

function missingAptPackages() {
  if (process.env.KEHOACH_SIMULATE_NO_ROOT || process.env.KEHOACH_SIMULATE_NO_APT) return APT_PACKAGES.map(([pkg]) => pkg);
  return APT_PACKAGES.filter(([, file]) => !fs.existsSync(file)).map(([pkg]) => pkg);
}

const isRoot = () => !process.env.KEHOACH_SIMULATE_NO_ROOT && process.getuid?.() === 0;
const hasAptGet = () => !process.env.KEHOACH_SIMULATE_NO_APT && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

/**
 * Why the editor tools cannot be installed here, as one line that says what to do;
 * undefined when they are installed or can be. Checked before any install starts.
 */
export function editorToolsProblem() {
  const apt = missingAptPackages();
  if (apt.length) {
    const list = apt.join(' ');
    if (!hasAptGet()) return `the editor tools need ${list} (Debian packages) and there is no apt-get here: install them with your package manager, then run this command again`;
    if (!isRoot()) return `the editor tools need ${list} and installing them needs root: run \`sudo apt-get update && sudo apt-get install -y ${list}\`, then this command again`;
  }
  if (!toolsInstalled() && nodeMajor() !== EDITOR_NODE_MAJOR) {
    return `the editor tools (code-server ${CODE_SERVER_VERSION}) run on Node ${EDITOR_NODE_MAJOR} only and this is Node ${nodeMajor()}: switch to Node ${EDITOR_NODE_MAJOR} (e.g. \`nvm install ${EDITOR_NODE_MAJOR} && nvm use ${EDITOR_NODE_MAJOR}\`), then run this command again`;
  }
  return undefined;
}

/** Points .vscode-test/code-server at the machine-wide build (a folder left by an older setup is replaced). */
function linkTools() {
  const target = toolsCache();
  const current = fs.lstatSync(TOOLS_LINK, { throwIfNoEntry: false });
  if (current?.isSymbolicLink() && fs.readlinkSync(TOOLS_LINK) === target) return;
  if (current) fs.rmSync(TOOLS_LINK, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(TOOLS_LINK), { recursive: true });
  fs.symlinkSync(target, TOOLS_LINK, 'dir');
}

/**
 * Installs the editor tools when missing. Returns undefined when they are ready, else
 * the one line that says why they are not (nothing was installed then).
 */
export function ensureEditorTools() {
  const apt = missingAptPackages();
  if (toolsInstalled() && !apt.length) {
    linkTools();
    return undefined;
  }
  const problem = editorToolsProblem();
  if (problem) return problem;
  say(`installing the editor tools${apt.length ? ` (apt: ${apt.join(' ')})` : ''}; code-server ${CODE_SERVER_VERSION} into ${toolsCache()} (once per machine: about a minute)`);
  const status = run('bash', [path.join(ROOT, 'scripts', 'e2e-setup.sh')], {
    env: { ...process.env, CODE_SERVER_VERSION, PLAYWRIGHT_VERSION, KEHOACH_TOOLS_DIR: toolsCache() },
  });
  if (status !== 0) return `the editor tools could not be installed (scripts/e2e-setup.sh exited ${status}; its message is above)`;
  linkTools();
  return undefined;
}

export function seconds(t0) {
  return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

// `npm run e2e:setup` (--editor-tools): the editor tools alone, failing with the one line
// when they cannot be set up. `npm run check:samples` (--build): node_modules and dist/.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const fail = (line) => {
    console.error(`setup: ${line}`);
    process.exit(1);
  };
  const tooOld = nodeProblem();
  if (tooOld) fail(tooOld);
  if (process.argv.includes('--build')) {
    try {
      ensureDeps();
      ensureBuild();
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err));
    }
  }
  if (process.argv.includes('--editor-tools')) {
    const problem = ensureEditorTools();
    if (problem) fail(problem);
    say('editor tools ready');
  }
}
