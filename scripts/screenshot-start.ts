// `npm run screenshot:start -- ADDRESS`: the README's picture of `npm start`. Opens the
// address `npm start` printed in headless Chromium (as the editor suites do), opens
// sample plan 000 from the Explorer, waits for its diagnostics in the Problems panel
// and saves docs/images/start.png. Fails, with a screenshot in .vscode-test/screenshots/,
// when the workbench does not show them.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkTools, launchChromium, ROOT, screenshot, waitFor } from '../test/e2e/codeServer';

const OUT = path.join(ROOT, 'docs', 'images', 'start.png');
const FILE = 'ke-hoach-000.kh';

// The DOM the page-side callbacks touch (the project compiles without the DOM library).
interface DomElement {
  innerText: string;
}
declare const document: { querySelectorAll(selector: string): ArrayLike<DomElement> };

async function main(): Promise<void> {
  const address = process.argv[2];
  if (!address || !/^http:\/\/127\.0\.0\.1:\d+\//.test(address)) throw new Error('give the address `npm start` printed: npm run screenshot:start -- http://127.0.0.1:PORT/?folder=…');
  checkTools();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-shot-'));
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache') };
  const context = await launchChromium(path.join(tmp, 'chromium-profile'), env, { locale: 'vi' });
  const page = context.pages()[0] ?? (await context.newPage());
  const text = (selector: string) =>
    page.evaluate((sel: string) => Array.from(document.querySelectorAll(sel)).map((e) => e.innerText).join('\n'), selector).then((t) => t.normalize('NFC'));
  try {
    await page.goto(address, { timeout: 60_000, waitUntil: 'domcontentloaded' });
    await waitFor(`${FILE} in the Explorer`, async () => (await text('.explorer-folders-view')).includes(FILE), 60_000);
    await page.locator(`.explorer-folders-view .monaco-list-row:has-text("${FILE}")`).first().click();
    await waitFor('the status bar task count', async () => /\d+ nhiệm vụ/.test(await text('.part.statusbar .statusbar-item')), 45_000);
    await page.keyboard.press('Control+Shift+M');
    await waitFor('the Problems panel with "Số mục 1.2.4 bị trùng"', async () => (await text('.markers-panel')).includes('Số mục 1.2.4 bị trùng'), 45_000);
    await page.waitForTimeout(1000); // squiggles and the tasks view settle
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT });
    console.log(`saved ${path.relative(ROOT, OUT)}`);
  } catch (err) {
    await screenshot(page, 'failure-start.png').catch(() => undefined);
    throw err;
  } finally {
    await context.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`screenshot:start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
