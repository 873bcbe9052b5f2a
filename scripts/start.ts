// `npm start` (after scripts/start.mjs has installed, built and set up what is
// missing): the extension in VS Code for the browser (code-server) on 127.0.0.1,
// with sample plans open in the workspace; prints the address to open in a browser.
// Ctrl+C stops code-server and everything it started.
//
// The workspace is .vscode-test/samples/ (kept between runs, so edits stay; delete it
// to get the samples back): seed 000 (a remedial plan with real defects) and seed 002
// (a Party-board plan) as .kh files, and a Markdown plan. The extension is this folder,
// linked into a fresh profile: after `npm run build` (or with `npm run watch`),
// *Developer: Reload Window* in the browser picks up the change.
//
//   PORT=8080 npm start       a fixed port instead of a free one
//   KEHOACH_LOCALE=en npm start   the extension in English (default: Vietnamese)

import * as fs from 'fs';
import * as path from 'path';
import {
  checkTools,
  createProfile,
  installVietnameseLocale,
  interruptIsNormalExit,
  registerExtensions,
  removeProfile,
  ROOT,
  startCodeServer,
  startFailureCause,
} from '../test/e2e/codeServer';

const SAMPLES = path.join(ROOT, '.vscode-test', 'samples');
const FILES: [from: string, to: string][] = [
  ['test/seeds/000_089bb949c9e0a859.txt', 'ke-hoach-000.kh'],
  ['test/seeds/002_1391606a0847e6e9.txt', 'ke-hoach-002.kh'],
  ['test/fixtures/markdown/plan.md', 'ke-hoach-chuyen-doi-so.md'],
];

/** Copies the samples that are not there yet (a user's edits are never overwritten). */
function samples(): void {
  fs.mkdirSync(SAMPLES, { recursive: true });
  for (const [from, to] of FILES) {
    const dest = path.join(SAMPLES, to);
    if (!fs.existsSync(dest)) fs.copyFileSync(path.join(ROOT, from), dest);
  }
}

/** The extension as an installed one that is this very folder. */
function linkExtension(extensionsDir: string): { id: string; version: string; folder: string } {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  const folder = `${id}-${pkg.version}`;
  fs.symlinkSync(ROOT, path.join(extensionsDir, folder), 'dir');
  return { id, version: pkg.version, folder };
}

/** PORT from the environment: a port number, or undefined for a free one. */
function portFromEnv(): number | undefined {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) throw new Error(`PORT must be a port number from 1 to 65535, not "${raw}" (leave it unset for a free port)`);
  return port;
}

async function main(): Promise<void> {
  const port = portFromEnv();
  checkTools();
  samples();
  const vietnamese = (process.env.KEHOACH_LOCALE ?? 'vi') === 'vi';
  const profile = createProfile('kehoach-start-');
  const extensions = [linkExtension(profile.extensionsDir)];
  if (vietnamese) extensions.push(installVietnameseLocale(profile.extensionsDir, profile.userData));
  registerExtensions(profile.extensionsDir, extensions);

  interruptIsNormalExit();
  // The profile (code-server's log in it) is kept when the run fails.
  process.on('exit', (code) => removeProfile(profile, code !== 0));
  const session = await startCodeServer(profile, { port, locale: vietnamese ? 'vi' : undefined });
  const url = `${session.base}/?folder=${encodeURIComponent(SAMPLES)}`;
  console.log('');
  console.log(`  Kế hoạch trong VS Code — mở địa chỉ này trong trình duyệt / open in a browser:`);
  console.log('');
  console.log(`    ${url}`);
  console.log('');
  console.log(`  Mẫu / samples: ${path.relative(ROOT, SAMPLES)}/ (${FILES.map(([, to]) => to).join(', ')})`);
  console.log(`  Ctrl+C để dừng / to stop.`);
  const why = await session.exited;
  const log = fs.existsSync(profile.serverLog) ? fs.readFileSync(profile.serverLog, 'utf8') : '';
  console.error(`\nnpm start: ${why}: ${startFailureCause(log, session.port)}\n${session.logTail(20)}`);
  process.exit(1);
}

main().catch((err: unknown) => {
  console.error(`npm start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
