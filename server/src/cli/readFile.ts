// Reading a file the user names: size limit (--max-file-size, checked before
// reading), UTF-8 or UTF-16 by BOM, and a one-line reason instead of a throw
// when it cannot be read at all.

import * as fs from 'fs';
import { DEFAULT_MAX_FILE_SIZE_MB, tooLarge } from '../core/lint';
import type { Msg } from '../core/rules/types';
import { isZip } from '../docx/sniff';

export type ReadResult = { text: string } | { error: Msg } | { skipped: Msg } | { docx: Uint8Array };

/** How the command line names the size limit in its messages. */
export const CLI_SIZE_LIMIT: Msg = { vi: 'tùy chọn --max-file-size', en: '--max-file-size' };

/** Why `file` cannot be read, from the error of a file-system call: not found, not allowed, else the code. */
export function fileError(file: string, e: unknown): Msg {
  const code = (e as NodeJS.ErrnoException).code ?? String(e);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { vi: `không tìm thấy tệp "${file}"`, en: `file not found: "${file}"` };
  if (code === 'EACCES' || code === 'EPERM') return { vi: `không có quyền đọc tệp "${file}"`, en: `no permission to read "${file}"` };
  return { vi: `không đọc được tệp "${file}" (${code})`, en: `cannot read "${file}" (${code})` };
}

/**
 * A Word file holds images and styles beside its text: on disk it may be this
 * many times the text limit (the text read from it is then held to the limit).
 */
const DOCX_SIZE_FACTOR = 10;

export function readTextFile(file: string, maxFileSizeMb: number = DEFAULT_MAX_FILE_SIZE_MB): ReadResult {
  let buf: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return { error: { vi: `"${file}" là thư mục, không phải tệp`, en: `"${file}" is a directory, not a file` } };
    // A file over the limit is not even read: it is skipped with a message.
    const docx = /\.docx$/i.test(file);
    const big = tooLarge(docx ? stat.size / DOCX_SIZE_FACTOR : stat.size, maxFileSizeMb, CLI_SIZE_LIMIT);
    if (big) return { skipped: docx ? tooLarge(stat.size, maxFileSizeMb * DOCX_SIZE_FACTOR, CLI_SIZE_LIMIT)! : big };
    buf = fs.readFileSync(file);
  } catch (e) {
    return { error: fileError(file, e) };
  }
  // A zip package (a .docx, whatever its name) and a file named .docx go to the Word reader, not to the text decoder.
  if (isZip(buf) || /\.docx$/i.test(file)) return { docx: buf };
  return { text: decodeText(buf) };
}

/** UTF-16 by BOM, else UTF-8. */
function decodeText(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2, buf.length - (buf.length % 2)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  // Invalid UTF-8 becomes U+FFFD, as in the editor; a binary file (NUL bytes)
  // is reported by lint as unreadable, not thrown on.
  return buf.toString('utf8');
}

/** Bytes enough for looksLikePlanText's head (8000 characters, up to 4 bytes each). */
const HEAD_BYTES = 32 * 1024;

/** The head of a text file (for the plan test), or undefined when it cannot be read: checking it then says why. */
export function readHead(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    return decodeText(buf.subarray(0, fs.readSync(fd, buf, 0, HEAD_BYTES, 0)));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
