// `npm run test:electron`: the in-editor suite (test/suite/) in desktop VS Code via
// @vscode/test-electron, as users and upstream CI run extension tests.
//
//   VSCODE_EXECUTABLE=/path/to/code npm run test:electron   an installed VS Code
//   VSCODE_VERSION=1.100.3 npm run test:electron            that version, downloaded
//   npm run test:electron -- --strict   (or KEHOACH_STRICT=1)
//
// Where VS Code cannot be downloaded (no network to update.code.visualstudio.com, as
// on the project's CI machines, whose runner is `npm run test:editor`), it prints one
// line saying so and exits 0, or 1 when strict. A failing test always exits non-zero.
// Linux without a display needs xvfb-run around it.

import { downloadAndUnzipVSCode, ProgressReport, ProgressReporter, runTests } from '@vscode/test-electron';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const SUITE = path.join(ROOT, 'dist', 'test', 'suite', 'index.js');
const STRICT = process.argv.includes('--strict') || process.env.KEHOACH_STRICT === '1';
/** Idle timeout of the download: offline, the first request fails or stalls. */
const DOWNLOAD_IDLE_MS = Number(process.env.KEHOACH_DOWNLOAD_TIMEOUT_MS ?? 15_000);

/** Quiet until there is something to download, so that offline the only output is one line. */
function quietReporter(): ProgressReporter {
  let lastTenth = -1;
  return {
    report(r: ProgressReport) {
      if (r.stage === 'foundMatchingInstall') console.log(`test:electron: VS Code from ${r.downloadedPath}`);
      if (r.stage === 'downloading' && r.totalBytes > 0) {
        const tenth = Math.floor((10 * r.bytesSoFar) / r.totalBytes);
        if (tenth !== lastTenth) console.log(`test:electron: downloading VS Code ${tenth * 10}% (${r.url})`);
        lastTenth = tenth;
      }
    },
    error() {
      /* reported once, by the caller */
    },
  };
}

/** VS Code to run: the one named by VSCODE_EXECUTABLE, or a download (cached in .vscode-test/). */
async function vscodeExecutable(): Promise<string | undefined> {
  const given = process.env.VSCODE_EXECUTABLE;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`VSCODE_EXECUTABLE=${given} does not exist`);
    return given;
  }
  try {
    return await downloadAndUnzipVSCode({
      version: process.env.VSCODE_VERSION ?? 'stable',
      cachePath: path.join(ROOT, '.vscode-test'),
      timeout: DOWNLOAD_IDLE_MS,
      reporter: quietReporter(),
    });
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    console.log(
      `test:electron: VS Code could not be downloaded (${why}); set VSCODE_EXECUTABLE to an installed VS Code, or run npm run test:editor (code-server)${STRICT ? '' : ' — not a failure without --strict'}`,
    );
    return undefined;
  }
}

async function main(): Promise<number> {
  if (!fs.existsSync(SUITE)) throw new Error(`${SUITE} not found: run \`npm run build\``);
  const executable = await vscodeExecutable();
  if (!executable) return STRICT ? 1 : 0;

  // Same conditions as the code-server runner: a fresh profile, an empty workspace.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-electron-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      extensionTestsEnv: { KEHOACH_SUITE_PASS: 'development' },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', path.join(tmp, 'user-data'),
        '--extensions-dir', path.join(tmp, 'extensions'),
      ],
    });
    console.log('test:electron: the in-editor suite passed');
    return 0;
  } catch (err) {
    console.error(`test:electron: the in-editor suite failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`test:electron: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
