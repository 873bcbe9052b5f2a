// Reading a file the user names: size limit (--max-file-size, checked before
// reading), UTF-8 or UTF-16 by BOM, and a one-line reason instead of a throw
// when it cannot be read at all.

import * as fs from 'fs';
import { DEFAULT_MAX_FILE_SIZE_MB, tooLarge } from '../core/lint';
import type { Msg } from '../core/rules/types';

export type ReadResult = { text: string } | { error: Msg } | { skipped: Msg };

/** How the command line names the size limit in its messages. */
export const CLI_SIZE_LIMIT: Msg = { vi: 'tùy chọn --max-file-size', en: '--max-file-size' };

/** Why `file` cannot be read, from the error of a file-system call: not found, not allowed, else the code. */
export function fileError(file: string, e: unknown): Msg {
  const code = (e as NodeJS.ErrnoException).code ?? String(e);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { vi: `không tìm thấy tệp "${file}"`, en: `file not found: "${file}"` };
  if (code === 'EACCES' || code === 'EPERM') return { vi: `không có quyền đọc tệp "${file}"`, en: `no permission to read "${file}"` };
  return { vi: `không đọc được tệp "${file}" (${code})`, en: `cannot read "${file}" (${code})` };
}

export function readTextFile(file: string, maxFileSizeMb: number = DEFAULT_MAX_FILE_SIZE_MB): ReadResult {
  let buf: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return { error: { vi: `"${file}" là thư mục, không phải tệp`, en: `"${file}" is a directory, not a file` } };
    // A file over the limit is not even read: it is skipped with a message.
    const big = tooLarge(stat.size, maxFileSizeMb, CLI_SIZE_LIMIT);
    if (big) return { skipped: big };
    buf = fs.readFileSync(file);
  } catch (e) {
    return { error: fileError(file, e) };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: buf.subarray(2).toString('utf16le') };
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2));
    swapped.swap16();
    return { text: swapped.toString('utf16le') };
  }
  // Invalid UTF-8 becomes U+FFFD, as in the editor; a binary file (NUL bytes)
  // is reported by lint as unreadable, not thrown on.
  return { text: buf.toString('utf8') };
}
