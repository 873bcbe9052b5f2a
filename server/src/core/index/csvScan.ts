// A small RFC 4180 reader: quoted fields with `""` escapes and line breaks,
// CRLF/LF/CR. An unterminated quote is reported and the physical line where
// its record began is skipped, so the rest of the file still reads.

export interface CsvRecord {
  /** The fields' values, unquoted. */
  values: string[];
  /** The offset of each field. */
  offsets: number[];
  /** The offset of the record. */
  offset: number;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

const isEol = (c: number): boolean => c === LF || c === CR;

/** The offset after the line break at `k`. */
function afterEol(src: string, k: number): number {
  return src.charCodeAt(k) === CR && src.charCodeAt(k + 1) === LF ? k + 2 : k + 1;
}

/** A quoted field from `i` (at its quote): its value and where it ends, or undefined when the quote never closes. */
function quotedField(src: string, i: number, delimiter: number): { value: string; end: number } | undefined {
  const n = src.length;
  let value = '';
  let j = i + 1;
  for (;;) {
    if (j >= n) return undefined;
    const close = src.indexOf('"', j);
    if (close < 0) return undefined;
    value += src.slice(j, close);
    if (src.charCodeAt(close + 1) === QUOTE) {
      value += '"';
      j = close + 2;
      continue;
    }
    j = close + 1;
    break;
  }
  // Anything between the closing quote and the delimiter is kept as written.
  let k = j;
  while (k < n && src.charCodeAt(k) !== delimiter && !isEol(src.charCodeAt(k))) k++;
  return { value: value + src.slice(j, k), end: k };
}

/** The end of an unquoted field from `i`: compared by code unit, no one-character strings. */
function plainFieldEnd(src: string, i: number, delimiter: number): number {
  const n = src.length;
  let j = i;
  for (let c = src.charCodeAt(j); j < n && c !== delimiter && c !== LF && c !== CR; c = src.charCodeAt(++j));
  return j;
}

/**
 * Reads the records from `start`, each to `onRecord`, which returns false to
 * stop; an unterminated quote goes to `onUnterminated` with its offset.
 */
export function scanCsv(src: string, delimiter: string, start: number, onRecord: (r: CsvRecord) => boolean, onUnterminated: (offset: number) => void): void {
  const n = src.length;
  const d = delimiter.charCodeAt(0);
  let i = start;
  while (i < n) {
    const record: CsvRecord = { values: [], offsets: [], offset: i };
    let ok = true;
    for (;;) {
      const fieldStart = i;
      if (src.charCodeAt(i) === QUOTE) {
        const q = quotedField(src, i, d);
        if (!q) {
          onUnterminated(fieldStart);
          ok = false;
          // Resume on the line after the one where the record began.
          let k = record.offset;
          while (k < n && !isEol(src.charCodeAt(k))) k++;
          i = k < n ? afterEol(src, k) : n;
          break;
        }
        record.values.push(q.value);
        i = q.end;
      } else {
        const end = plainFieldEnd(src, i, d);
        record.values.push(src.slice(i, end));
        i = end;
      }
      record.offsets.push(fieldStart);
      if (i < n && src.charCodeAt(i) === d) {
        i++;
        continue;
      }
      if (i < n) i = afterEol(src, i);
      break;
    }
    if (ok && !onRecord(record)) return;
  }
}

/**
 * The records of a text without any quote, split natively: what scanCsv
 * reads there, less the offsets (the fast path reports nothing), and blank
 * lines as records of one empty field, as scanCsv has them.
 */
export function splitUnquoted(src: string, delimiter: string, start: number, onRecord: (values: string[]) => boolean): void {
  if (src.indexOf('\r', start) >= 0) {
    splitLines(src, delimiter, start, onRecord);
    return;
  }
  // LF only (the usual case): fields are cut from the text itself, no line string is built.
  const n = src.length;
  let i = start;
  while (i < n) {
    let eol = src.indexOf('\n', i);
    if (eol < 0) eol = n;
    const values: string[] = [];
    for (;;) {
      const d = src.indexOf(delimiter, i);
      if (d < 0 || d > eol) break;
      values.push(src.slice(i, d));
      i = d + 1;
    }
    values.push(src.slice(i, eol));
    if (!onRecord(values)) return;
    i = eol + 1;
  }
}

/** splitUnquoted where CR may break lines. */
function splitLines(src: string, delimiter: string, start: number, onRecord: (values: string[]) => boolean): void {
  const lines = (start ? src.slice(start) : src).split(/\r\n|\n|\r/);
  // A final line break ends the last record; it does not begin another.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) if (!onRecord(line.split(delimiter))) return;
}

/** Every record from `start` (see scanCsv). */
export function readCsv(src: string, delimiter: string, start: number, onUnterminated: (offset: number) => void): CsvRecord[] {
  const records: CsvRecord[] = [];
  scanCsv(src, delimiter, start, (r) => records.push(r) > 0, onUnterminated);
  return records;
}

/** The delimiter of the header line: `;` (Vietnamese Excel), `,` or tab, whichever occurs most outside quotes. */
export function detectDelimiter(headerLine: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in counts) counts[c]++;
  }
  let best = ',';
  for (const d of [';', '\t']) if (counts[d] > counts[best]) best = d;
  return best;
}
