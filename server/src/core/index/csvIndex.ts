// A CSV index: a header row naming the columns (English or Vietnamese, any
// case, with or without diacritics), comma, semicolon or tab separated;
// Excel's `sep=;` first line is honoured. A CSV cannot say what it covers:
// that comes from a `.coverage.json` beside it, given here by the caller.

import type { IndexCoverage } from './coverage';
import { detectDelimiter, readCsv, scanCsv, splitUnquoted } from './csvScan';
import { EntryCollector, RawEntry } from './entries';
import type { Field } from './fields';
import { At, LoadedIndex, positionsIn, stripBom } from './problems';

/** Where the records begin and how they are separated; undefined for a file with no content. */
function layoutOf(src: string): { start: number; delimiter: string } | undefined {
  let start = 0;
  let delimiter: string | undefined;
  const sep = /^sep=(.)\r?\n?/i.exec(src);
  if (sep) {
    delimiter = sep[1];
    start = sep[0].length;
  }
  // Skip leading blank lines.
  while (start < src.length && (src[start] === '\n' || src[start] === '\r')) start++;
  if (start >= src.length) return undefined;
  if (!delimiter) {
    const eol = src.slice(start).search(/[\r\n]/);
    delimiter = detectDelimiter(eol < 0 ? src.slice(start) : src.slice(start, start + eol));
  }
  return { start, delimiter };
}

/** Reads a CSV index; never throws. */
export function parseIndexCsv(text: string, file: string, coverage?: IndexCoverage): LoadedIndex {
  const src = stripBom(text);
  const layout = layoutOf(src);
  if (!layout) {
    const out = new EntryCollector(file, { pos: NO_POSITION, trackDuplicates: true, coverage });
    out.problem({ line: 1 }, 'tệp danh mục trống', 'the index file is empty');
    return out.result();
  }
  return parseCleanCsv(src, file, layout.delimiter, layout.start, coverage) ?? parseCsvWithPositions(src, file, layout.delimiter, layout.start, coverage);
}

const NO_POSITION = (): At => ({ line: 1 });

/**
 * A value that holds no reference to the file's text. V8 cuts a string of 13
 * or more code units as a view into the text it came from, so one kept
 * number or subject would keep the whole file alive (twice its size in
 * memory, since a Vietnamese file is stored two bytes a character). Joining
 * a character and cutting it off makes V8 copy the value into a string of
 * its own; shorter values are copies already.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/** No field holds anything but spaces (a loop: this runs once a record). */
function isBlankRecord(values: string[]): boolean {
  for (const v of values) if (v.length && v.trim()) return false;
  return true;
}

/** The entry of one CSV record under the header's columns (undefined for a blank row); `offsets` for the positional reader. */
function csvEntry(values: string[], columns: (Field | undefined)[], at: number, offsets?: number[]): RawEntry | undefined {
  if (isBlankRecord(values)) return undefined;
  const raw: RawEntry = { at, values: {} };
  if (offsets) raw.where = {};
  const n = Math.min(columns.length, values.length);
  for (let k = 0; k < n; k++) {
    const f = columns[k];
    if (!f || f in raw.values) continue;
    raw.values[f] = detached(values[k]);
    if (raw.where && offsets) raw.where[f] = offsets[k];
  }
  return raw;
}

/** Each field the header names, with the first column naming it (as csvEntry reads them). */
function firstColumns(columns: (Field | undefined)[]): [Field, number][] {
  const first: [Field, number][] = [];
  columns.forEach((f, k) => {
    if (f && !first.some(([g]) => g === f)) first.push([f, k]);
  });
  return first;
}

/**
 * A sound file, the usual case: records are turned into entries as they are
 * read (none kept) and no line positions are computed. Undefined as soon as
 * anything would be reported; the positional reader then reads the file.
 */
function parseCleanCsv(src: string, file: string, delimiter: string, start: number, coverage?: IndexCoverage): LoadedIndex | undefined {
  const out = new EntryCollector(file, { pos: NO_POSITION, trackDuplicates: false, coverage });
  let columns: [Field, number][] | undefined;
  let clean = true;
  // One entry filled anew for each record: the collector reads it and keeps nothing of it.
  const raw: RawEntry = { at: 0, values: {} };
  const onRecord = (values: string[]): boolean => {
    if (!clean) return false;
    if (!columns) {
      columns = firstColumns(values.map((v) => out.fields.field(v)));
      clean = columns.some(([f]) => f === 'number');
      return clean;
    }
    if (isBlankRecord(values)) return true;
    for (const [f, k] of columns) raw.values[f] = k < values.length ? detached(values[k]) : undefined;
    out.add(raw);
    clean = !out.problems.length;
    return clean;
  };
  // Most files quote nothing: their lines are split natively.
  if (src.indexOf('"', start) < 0) splitUnquoted(src, delimiter, start, onRecord);
  else {
    scanCsv(src, delimiter, start, (rec) => onRecord(rec.values), () => {
      clean = false;
    });
  }
  return clean && columns ? out.repeatFree() : undefined;
}

function parseCsvWithPositions(src: string, file: string, delimiter: string, start: number, coverage?: IndexCoverage): LoadedIndex {
  const out = new EntryCollector(file, { pos: positionsIn(src), trackDuplicates: true, coverage });
  const records = readCsv(src, delimiter, start, (offset) => {
    out.problem(offset, 'dấu nháy kép " mở mà không đóng; bỏ qua dòng này', 'unterminated quote; line skipped');
  });
  const header = records.shift();
  if (!header) return out.result();
  const columns = header.values.map((v) => out.fields.field(v));
  if (!columns.includes('number')) {
    out.problem(
      header.offset,
      'dòng tiêu đề thiếu cột "Số" (số, ký hiệu văn bản); các cột nhận biết: Số, Ngày, Loại, Cơ quan ban hành, Trích yếu, Trạng thái',
      'the header row has no "number" column; known columns: number, date, type, issuer, subject, status',
    );
    return out.result();
  }
  for (const rec of records) {
    const raw = csvEntry(rec.values, columns, rec.offset, rec.offsets);
    if (raw) out.add(raw);
  }
  return out.result();
}
