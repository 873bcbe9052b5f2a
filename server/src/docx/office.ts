// LibreOffice (soffice) headless, for what the docx package cannot do: PDF
// export. Each run gets its own user profile, so conversions running at the
// same time (two terminals, the editor and a test) do not lock each other.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

/** The soffice command: KEHOACH_SOFFICE, else `soffice` on the PATH, else undefined. */
export function findSoffice(): string | undefined {
  const named = process.env.KEHOACH_SOFFICE;
  if (named) return fs.existsSync(named) ? named : undefined;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, process.platform === 'win32' ? 'soffice.exe' : 'soffice');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

export const NO_SOFFICE = {
  vi: 'Không tìm thấy LibreOffice (lệnh soffice): cài gói libreoffice-writer-nogui (Debian/Ubuntu: bash scripts/office-setup.sh) hoặc đặt biến KEHOACH_SOFFICE.',
  en: 'LibreOffice (the soffice command) not found: install libreoffice-writer-nogui (Debian/Ubuntu: bash scripts/office-setup.sh) or set KEHOACH_SOFFICE.',
};

/**
 * Converts `input` with `soffice --headless --convert-to <format>` and returns
 * the path of the converted file, in a fresh temporary folder.
 */
export function convertWithOffice(input: string, format: string, timeoutMs = 180_000): string {
  const soffice = findSoffice();
  if (!soffice) throw new Error(NO_SOFFICE.vi);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-office-'));
  const profile = pathToFileURL(path.join(work, 'profile')).href;
  const out = path.join(work, 'out');
  const r = spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', out, input], { encoding: 'utf8', timeout: timeoutMs });
  const ext = format.split(':')[0];
  const produced = path.join(out, `${path.basename(input, path.extname(input))}.${ext}`);
  if (r.error || !fs.existsSync(produced)) {
    const why = r.error ? r.error.message : (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').pop();
    throw new Error(`LibreOffice không chuyển được "${path.basename(input)}" sang ${ext}: ${why}`);
  }
  return produced;
}
