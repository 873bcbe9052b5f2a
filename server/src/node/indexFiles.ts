// Reading index files from disk for the core's parsers (core/index/parseIndex):
// the size limit, plain text or not, the encoding (UTF-8 with or without BOM,
// UTF-16 with BOM, Windows-1258 from old Excel) and a CSV's `.coverage.json`.
// The one reader of the server and the command line alike.

import * as fs from 'node:fs';
import { coverageFileOf, indexKindOf, LoadedIndex, notAnIndexFile, parseIndexText } from '../core/index/parseIndex';
import { fileProblem } from '../core/index/problems';

/** Files larger than this are refused. */
export const MAX_INDEX_FILE_BYTES = 5 * 1024 * 1024;

/** The files a workspace folder adds to the bundled index, relative to the folder. */
export const WORKSPACE_INDEX_FILES = ['.kehoach/directives.json', '.kehoach/directives.csv'];

/** Text of an index file; `legacy` when it was not Unicode, none when it is not text at all. */
export function decodeIndexBytes(buf: Uint8Array): { text?: string; legacy?: boolean } {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)) };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)) };
  if (buf.includes(0)) return {};
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
  } catch {
    try {
      return { text: new TextDecoder('windows-1258').decode(buf).normalize('NFC'), legacy: true };
    } catch {
      return {};
    }
  }
}

/** The sidecar of a CSV, if there is one to read. */
function coverageText(file: string): string | undefined {
  try {
    return fs.readFileSync(coverageFileOf(file), 'utf8');
  } catch {
    return undefined;
  }
}

/** The bytes of an index file, or the problem that stops it being read. */
function readBytes(file: string): Buffer | LoadedIndex {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return fileProblem(file, `Không tìm thấy hoặc không mở được tệp danh mục văn bản "${file}"`, `Index file "${file}" not found or not readable`);
  }
  if (!stat.isFile()) return fileProblem(file, `"${file}" không phải là tệp danh mục văn bản`, `"${file}" is not a file`);
  if (stat.size > MAX_INDEX_FILE_BYTES) {
    const mb = (stat.size / 1024 / 1024).toFixed(1);
    return fileProblem(
      file,
      `Tệp danh mục văn bản quá lớn (${mb} MB, tối đa 5 MB); hãy tách thành nhiều tệp`,
      `Index file too large (${mb} MB, at most 5 MB); split it into several files`,
    );
  }
  try {
    return fs.readFileSync(file);
  } catch {
    return fileProblem(file, `Không đọc được tệp danh mục văn bản "${file}"`, `Cannot read index file "${file}"`);
  }
}

/** Reads and parses a `.json` or `.csv` index file. Never throws. */
export function readIndexFile(file: string): LoadedIndex {
  try {
    const kind = indexKindOf(file);
    if (!kind) return notAnIndexFile(file);
    const bytes = readBytes(file);
    if (!Buffer.isBuffer(bytes)) return bytes;
    const decoded = decodeIndexBytes(bytes);
    if (decoded.text === undefined) {
      return fileProblem(
        file,
        'Tệp danh mục văn bản không phải văn bản thuần (có byte 0, có thể là tệp .xlsx hoặc .docx); hãy lưu lại dạng CSV UTF-8 hoặc JSON',
        'The index file is not plain text (contains NUL bytes, maybe .xlsx or .docx); save it as CSV UTF-8 or JSON',
      );
    }
    const loaded = parseIndexText({ file, text: decoded.text, coverageText: kind === '.csv' ? coverageText(file) : undefined });
    if (decoded.legacy) {
      loaded.problems.unshift({
        file,
        line: 1,
        message: {
          vi: 'Tệp không lưu bằng mã UTF-8; đã đọc theo mã Windows-1258. Nên lưu lại dạng "CSV UTF-8"',
          en: 'The file is not UTF-8; read as Windows-1258. Save it as "CSV UTF-8"',
        },
      });
    }
    return loaded;
  } catch (err) {
    return fileProblem(file, `Lỗi khi đọc tệp danh mục văn bản: ${String(err)}`, `Error reading index file: ${String(err)}`);
  }
}

/** Size and modification time of a file, to tell whether it changed; undefined when it cannot be seen. */
export function fileStamp(file: string): string | undefined {
  try {
    const s = fs.statSync(file);
    return `${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch {
    return undefined;
  }
}
