// Renders images/icon.svg to images/icon.png (128×128, the Marketplace icon) in
// Debian's headless Chromium through playwright-core (both from `npm run e2e:setup`).
//   npx tsx scripts/render-icon.ts

import * as fs from 'fs';
import * as path from 'path';
import { CHROMIUM, PLAYWRIGHT, ROOT } from '../test/e2e/codeServer';

interface Shot {
  setContent(html: string): Promise<void>;
  screenshot(options: { path: string; omitBackground: boolean }): Promise<unknown>;
}
interface Browser {
  newPage(options: { viewport: { width: number; height: number } }): Promise<Shot>;
  close(): Promise<void>;
}

async function main(): Promise<void> {
  const { chromium } = require(PLAYWRIGHT) as { chromium: { launch(o: Record<string, unknown>): Promise<Browser> } };
  const svg = fs.readFileSync(path.join(ROOT, 'images', 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
    await page.setContent(`<!doctype html><body style="margin:0">${svg.replace('<svg ', '<svg style="display:block" ')}</body>`);
    const out = path.join(ROOT, 'images', 'icon.png');
    await page.screenshot({ path: out, omitBackground: true });
    console.log(`${path.relative(ROOT, out)}: ${fs.statSync(out).size} bytes`);
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
