// Reading a file the user names: size cap, UTF-8 or UTF-16 by BOM, and a
// one-line reason instead of a throw when it cannot be read as text.

import * as fs from 'fs';
import { MAX_TEXT_LENGTH } from '../core/lint';

export function readTextFile(file: string): { text: string } | { error: string } {
  let buf: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return { error: `"${file}" là thư mục` };
    // UTF-8 Vietnamese takes up to 3 bytes a character.
    if (stat.size > MAX_TEXT_LENGTH * 3) return { error: `"${file}" quá lớn (${(stat.size / 1e6).toFixed(1)} MB)` };
    buf = fs.readFileSync(file);
  } catch (e) {
    return { error: `không đọc được "${file}": ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: buf.subarray(2).toString('utf16le') };
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2));
    swapped.swap16();
    return { text: swapped.toString('utf16le') };
  }
  // A binary file (NUL bytes) is reported by lint as unreadable, not thrown on.
  return { text: buf.toString('utf8') };
}
