// Renders the first page of exported plans for the README:
//   tsx scripts/render-export-page.ts
// the Hà Nội plan 173/KH-UBND (state form) → docs/images/export-page.png and
// seed 000 (Party form) → docs/images/export-page-party.png, through
// LibreOffice (PDF) and poppler's pdftoppm (PNG). Needs both: bash scripts/office-setup.sh.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exportDocx } from '../server/src/docx/export';
import { convertWithOffice } from '../server/src/docx/office';
import { corpus, ROOT, seed, SEEDS } from '../test/helpers';

async function render(text: string, name: string): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-render-'));
  const docx = path.join(tmp, `${name}.docx`);
  fs.writeFileSync(docx, await exportDocx(text));
  const pdf = convertWithOffice(docx, 'pdf');
  const out = path.join(ROOT, 'docs', 'images', name);
  const r = spawnSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftoppm: ${r.error?.message ?? r.stderr}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(path.dirname(path.dirname(pdf)), { recursive: true, force: true });
  console.log(`${out}.png`);
}

(async () => {
  fs.mkdirSync(path.join(ROOT, 'docs', 'images'), { recursive: true });
  await render(corpus('plans/hanoi-kh173-ubnd-2026.txt'), 'export-page');
  await render(seed(SEEDS.plan000), 'export-page-party');
})();
