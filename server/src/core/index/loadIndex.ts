// Index files a workspace adds to the bundled index: `.kehoach/directives.json`,
// `.kehoach/directives.csv` and any file named in `kehoach.index.files`.
// Loading never throws: every fault becomes an IndexProblem with the line of
// the fault, and good entries are kept.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../text/lineIndex';
// The ESM build: esbuild cannot follow the `require` calls inside jsonc-parser's UMD main.
import { getNodeValue, ParseError, ParseErrorCode, Node as JsonNode, parseTree } from 'jsonc-parser/lib/esm/main.js';
import { toDocNumber } from '../citations/docNumber';
import { isoDate } from '../citations/dates';
import { canonicalType as canonicalTypeWord, TYPE_BY_CODE } from '../citations/extract';
import { DirectiveEntry, DirectiveIndex } from './directiveIndex';
import { CompactStore } from './compactStore';
import { IndexCoverage, readCoverage } from './coverage';
import { numberScope } from './scope';

export interface IndexProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column?: number;
  message: { vi: string; en: string };
}

export interface LoadedIndex {
  index: DirectiveIndex;
  problems: IndexProblem[];
}

/** Files larger than this are refused. */
export const MAX_INDEX_FILE_BYTES = 5 * 1024 * 1024;

// ---------------------------------------------------------------------------
// Shared: positions, field names, entry validation

/** 1-based line and column of offsets, as problems are reported. */
class Lines {
  private readonly index: LineIndex;
  constructor(text: string) {
    this.index = new LineIndex(text);
  }
  at(offset: number): { line: number; column: number } {
    const p = this.index.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  }
}

type Field = 'number' | 'date' | 'type' | 'issuer' | 'locality' | 'subject' | 'status';

/** Lower case, no diacritics, đ → d, runs of spaces/_/- → `_`. */
function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim()
    .replace(/[\s_\-.]+/g, '_');
}

/** Accepted names of each field, English and Vietnamese (folded). */
const FIELD_NAMES: Record<string, Field> = {
  number: 'number', so: 'number', so_ky_hieu: 'number', so_hieu: 'number', ky_hieu: 'number', so_va_ky_hieu: 'number',
  date: 'date', ngay: 'date', ngay_ban_hanh: 'date', ngay_thang_nam: 'date',
  type: 'type', loai: 'type', loai_van_ban: 'type', the_loai: 'type',
  issuer: 'issuer', co_quan_ban_hanh: 'issuer', co_quan: 'issuer', noi_ban_hanh: 'issuer',
  locality: 'locality', dia_phuong: 'locality', tinh: 'locality', tinh_thanh_pho: 'locality',
  subject: 'subject', trich_yeu: 'subject', trich_yeu_van_ban: 'subject', title: 'subject',
  status: 'status', trang_thai: 'status', hieu_luc: 'status', tinh_trang: 'status',
};

/** The field a key names. Own properties only: `__proto__`, `constructor` and the like name nothing. */
function fieldOf(name: string): Field | undefined {
  // A large JSON index repeats the same few names on every entry.
  if (!fieldMemo.has(name)) {
    if (fieldMemo.size >= 1000) fieldMemo.clear();
    const folded = foldName(name);
    fieldMemo.set(name, Object.hasOwn(FIELD_NAMES, folded) ? FIELD_NAMES[folded] : undefined);
  }
  return fieldMemo.get(name);
}
const fieldMemo = new Map<string, Field | undefined>();

/** Vietnamese name of a field, as drafting staff say it. */
const FIELD_VI: Record<Field, string> = {
  number: 'số, ký hiệu', date: 'ngày ban hành', type: 'loại văn bản', issuer: 'cơ quan ban hành', locality: 'địa phương', subject: 'trích yếu', status: 'trạng thái',
};

/** ISO date from `2021-06-08`, `8/6/2021`, `08-06-2021` or `08.06.2021`; undefined if not a real date. */
export function parseIndexDate(s: string): string | undefined {
  const t = s.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
  return undefined;
}

/**
 * `fn` remembering its last thousand answers: types, issuers and statuses
 * repeat on every row of a large index.
 */
function memoised(fn: (s: string) => string): (s: string) => string {
  const memo = new Map<string, string>();
  return (s) => {
    let hit = memo.get(s);
    if (hit === undefined) {
      hit = fn(s);
      if (memo.size >= 1000) memo.clear();
      memo.set(s, hit);
    }
    return hit;
  };
}

const cleanShort = memoised(cleanUncached);

/** NFC, spaces collapsed and trimmed (short values memoised). */
function clean(s: string): string {
  return s.length > 64 ? cleanUncached(s) : cleanShort(s);
}

const canonicalType = memoised((type) => canonicalTypeWord(clean(type)));

function cleanUncached(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

type At = { line: number; column?: number };
/** A position, or an offset turned into one only if a problem is reported there (most entries have none). */
type Where = At | number;

/** One raw entry: values by field, each with where it stands. */
interface RawEntry {
  at: Where;
  values: Partial<Record<Field, { value: unknown; at: Where }>>;
}

/** Fields two entries of one document may not disagree on. */
const CONFLICT_FIELDS = ['type', 'issuer', 'subject', 'status'] as const satisfies readonly Field[];

class Collector {
  readonly entries: DirectiveEntry[] = [];
  readonly problems: IndexProblem[] = [];
  /**
   * Number → the first entry of each date and its line, to catch duplicates.
   * Keyed by the number alone (a string the entry already holds) with the few
   * dates of one number in a list: no key string is built per entry.
   */
  private readonly seen = new Map<string, { entry: DirectiveEntry; line: number }[]>();
  constructor(
    private readonly file: string,
    private readonly pos: (offset: number) => At,
    /**
     * Off on the fast paths: a per-entry map costs a third of a 100,000-entry
     * load, and DirectiveIndex merges repeats anyway. They see a repeat by the
     * index being shorter than the list (see `repeatFree`), and hand the file
     * to the positional reader, which reports conflicts with their lines.
     */
    private readonly trackDuplicates = true,
    /** The locality the file declares (its `coverage`), for entries that name none. */
    private readonly locality?: string,
  ) {}

  problem(where: Where, vi: string, en: string): void {
    const at = typeof where === 'number' ? this.pos(where) : where;
    const p: IndexProblem = { file: this.file, line: at.line, message: { vi: `Dòng ${at.line}: ${vi}`, en: `Line ${at.line}: ${en}` } };
    if (at.column !== undefined) p.column = at.column;
    this.problems.push(p);
  }

  /** Validates and adds one entry; a bad entry is reported and skipped. */
  add(raw: RawEntry): void {
    const v = raw.values;
    const num = v.number;
    if (!num || num.value === null || num.value === undefined || (typeof num.value === 'string' && !num.value.trim())) {
      this.problem(num?.at ?? raw.at, 'thiếu số, ký hiệu văn bản (trường "number" hoặc "so"); bỏ qua mục này', 'missing document number ("number"); entry skipped');
      return;
    }
    if (typeof num.value !== 'string') {
      this.problem(num.at, 'số, ký hiệu văn bản phải là chuỗi, ví dụ "109-NQ/TU"; bỏ qua mục này', 'the document number must be a string such as "109-NQ/TU"; entry skipped');
      return;
    }
    const doc = toDocNumber(num.value);
    if (!doc) {
      this.problem(
        num.at,
        `"${clean(num.value)}" không phải số, ký hiệu văn bản (dạng 109-NQ/TU, 66/NQ-CP, 34/2019/NĐ-CP); bỏ qua mục này`,
        `"${clean(num.value)}" is not a document number (like 109-NQ/TU, 66/NQ-CP, 34/2019/NĐ-CP); entry skipped`,
      );
      return;
    }
    let date: string | null = null;
    const d = v.date;
    if (d && d.value !== null && d.value !== undefined && !(typeof d.value === 'string' && !d.value.trim())) {
      const iso = typeof d.value === 'string' ? parseIndexDate(d.value) : undefined;
      if (!iso) {
        const shown = typeof d.value === 'string' ? clean(d.value) : JSON.stringify(d.value);
        this.problem(
          d.at,
          `ngày ban hành "${shown}" của văn bản ${doc.raw} không hợp lệ (viết 08/6/2021 hoặc 2021-06-08); bỏ qua mục này`,
          `invalid date "${shown}" for ${doc.raw} (write 08/6/2021 or 2021-06-08); entry skipped`,
        );
        return;
      }
      date = iso;
    }
    const text = (f: Field): string | undefined => {
      const x = v[f];
      if (!x || x.value === null || x.value === undefined) return undefined;
      if (typeof x.value !== 'string') {
        this.problem(x.at, `trường ${FIELD_VI[f]} phải là chuỗi; bỏ qua trường này`, `field "${f}" must be a string; field ignored`);
        return undefined;
      }
      const s = clean(x.value);
      return s || undefined;
    };
    const typeText = text('type');
    const entry: DirectiveEntry = {
      number: doc.raw,
      key: doc.key,
      type: typeText ? canonicalType(typeText) : TYPE_BY_CODE[doc.code] ?? 'Văn bản',
      date,
      source: this.file,
    };
    const issuer = text('issuer');
    // Only a local body's number belongs to a locality; a central one listed beside it does not.
    const locality = text('locality') ?? this.locality;
    if (locality && numberScope(doc).level === 'local') entry.locality = locality;
    const subject = text('subject');
    const status = text('status');
    if (issuer) entry.issuer = issuer;
    if (subject) entry.subject = subject;
    if (status) entry.status = status;
    if (this.trackDuplicates && this.duplicate(entry, raw.at)) return;
    this.entries.push(entry);
  }

  /**
   * A second entry for the same number and date: the first is kept. Reported
   * when the two disagree (which one is right is the drafter's call); an exact
   * repeat only adds missing fields, as merging files does.
   */
  private duplicate(entry: DirectiveEntry, where: Where): boolean {
    const at = typeof where === 'number' ? this.pos(where) : where;
    const same = this.seen.get(entry.key);
    const first = same?.find((s) => s.entry.date === entry.date);
    if (!first) {
      const seen = { entry, line: at.line };
      if (same) same.push(seen);
      else this.seen.set(entry.key, [seen]);
      return false;
    }
    const conflicts = CONFLICT_FIELDS.filter((f) => entry[f] !== undefined && first.entry[f] !== undefined && entry[f] !== first.entry[f]);
    if (conflicts.length) {
      const f = conflicts[0];
      this.problem(
        at,
        `văn bản ${entry.number}${entry.date ? ` ngày ${entry.date}` : ''} đã có ở dòng ${first.line} với ${FIELD_VI[f]} khác ("${first.entry[f]}" và "${entry[f]}"); giữ mục ở dòng ${first.line}`,
        `${entry.number}${entry.date ? ` of ${entry.date}` : ''} is already listed on line ${first.line} with a different ${f} ("${first.entry[f]}" vs "${entry[f]}"); the entry on line ${first.line} is kept`,
      );
    }
    for (const f of CONFLICT_FIELDS) if (first.entry[f] === undefined && entry[f] !== undefined) first.entry[f] = entry[f];
    return true;
  }

  result(): LoadedIndex {
    const index = new DirectiveIndex(this.entries, true);
    return { index: this.coverage ? index.withCoverage(this.coverage) : index, problems: this.problems };
  }

  /** What the file declares it covers (`"coverage": {…}`, or a CSV's `.coverage.json`). */
  coverage?: IndexCoverage;

  /** The result, or undefined when the file repeats a number + date (the index merged two entries). */
  repeatFree(): LoadedIndex | undefined {
    const count = this.entries.length;
    const r = this.result();
    return r.index.all().length === count ? r : undefined;
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// ---------------------------------------------------------------------------
// JSON

const JSON_ERRORS: Partial<Record<ParseErrorCode, [string, string]>> = {
  [ParseErrorCode.InvalidSymbol]: ['ký tự không hợp lệ', 'invalid symbol'],
  [ParseErrorCode.InvalidNumberFormat]: ['số viết sai dạng', 'invalid number format'],
  [ParseErrorCode.PropertyNameExpected]: ['thiếu tên trường (trong dấu nháy kép)', 'property name expected'],
  [ParseErrorCode.ValueExpected]: ['thiếu giá trị', 'value expected'],
  [ParseErrorCode.ColonExpected]: ['thiếu dấu hai chấm ":" sau tên trường', 'colon expected'],
  [ParseErrorCode.CommaExpected]: ['thiếu dấu phẩy "," giữa hai mục', 'comma expected'],
  [ParseErrorCode.CloseBraceExpected]: ['thiếu dấu đóng "}"', 'closing brace expected'],
  [ParseErrorCode.CloseBracketExpected]: ['thiếu dấu đóng "]"', 'closing bracket expected'],
  [ParseErrorCode.EndOfFileExpected]: ['thừa nội dung sau cuối danh mục', 'end of file expected'],
  [ParseErrorCode.InvalidCommentToken]: ['chú thích viết sai', 'invalid comment'],
  [ParseErrorCode.UnexpectedEndOfComment]: ['chú thích chưa đóng "*/"', 'unexpected end of comment'],
  [ParseErrorCode.UnexpectedEndOfString]: ['chuỗi chưa đóng dấu nháy kép', 'unterminated string'],
  [ParseErrorCode.UnexpectedEndOfNumber]: ['số viết dở', 'unexpected end of number'],
  [ParseErrorCode.InvalidUnicode]: ['mã Unicode \\u viết sai', 'invalid unicode escape'],
  [ParseErrorCode.InvalidEscapeCharacter]: ['ký tự thoát "\\" viết sai', 'invalid escape character'],
  [ParseErrorCode.InvalidCharacter]: ['ký tự không được phép trong chuỗi (ví dụ dấu xuống dòng)', 'invalid character in string'],
};

function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return node.value;
    default:
      return { kind: node.type };
  }
}

/**
 * Reads `{"version":1,"entries":[…]}` or a bare array of entries. Comments and
 * trailing commas are tolerated (JSONC); syntax errors are reported with their
 * line and the entries that still parse are loaded.
 */
export function parseIndexJson(text: string, file: string): LoadedIndex {
  const src = stripBom(text);
  return parseCleanJson(src, file) ?? parseJsonWithPositions(src, file);
}

/** A collector for a file declaring `coverage` (or none). */
function collectorFor(file: string, pos: (offset: number) => At, trackDuplicates: boolean, coverage: IndexCoverage | undefined): Collector {
  const out = new Collector(file, pos, trackDuplicates, coverage?.level === 'local' ? coverage.locality : undefined);
  if (coverage) out.coverage = coverage;
  return out;
}

/**
 * A sound file, the usual case, read by the native JSON.parse without a
 * syntax tree or positions: several times faster on a 100,000-entry index.
 * Undefined as soon as anything would be reported, or could read differently
 * (comments, trailing commas, a key given twice): the positional reader then
 * reads the whole file and reports with lines.
 */
function parseCleanJson(src: string, file: string): LoadedIndex | undefined {
  let root: unknown;
  try {
    root = JSON.parse(src);
  } catch {
    return undefined;
  }
  let list: unknown;
  if (Array.isArray(root)) list = root;
  else if (root && typeof root === 'object') {
    // JSON.parse keeps the last of repeated keys; the positional reader checks each.
    if (src.indexOf('"version"') !== src.lastIndexOf('"version"') || src.indexOf('"entries"') !== src.lastIndexOf('"entries"')) return undefined;
    const o = root as Record<string, unknown>;
    if ('version' in o && o.version !== 1) return undefined;
    list = o.entries;
  }
  if (!Array.isArray(list)) return undefined;
  const coverage = root && typeof root === 'object' && !Array.isArray(root) ? readCoverage((root as Record<string, unknown>).coverage, file) : undefined;
  const out = collectorFor(file, () => ({ line: 1 }), false, coverage);
  for (const item of list) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
    const raw: RawEntry = { at: 0, values: {} };
    for (const k in item) {
      const f = fieldOf(k);
      if (!f) continue;
      const value = (item as Record<string, unknown>)[k];
      if (raw.values[f] || (value !== null && typeof value === 'object')) return undefined;
      raw.values[f] = { value, at: 0 };
    }
    out.add(raw);
    if (out.problems.length) return undefined;
  }
  return out.repeatFree();
}

function parseJsonWithPositions(src: string, file: string): LoadedIndex {
  const lines = new Lines(src);
  const pos = (offset: number): At => lines.at(offset);
  const errors: ParseError[] = [];
  const root = parseTree(src, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const coverageNode = root?.type === 'object' ? root.children?.find((p) => p.children?.[0]?.value === 'coverage')?.children?.[1] : undefined;
  const out = collectorFor(file, pos, true, coverageNode ? readCoverage(getNodeValue(coverageNode), file) : undefined);
  for (const e of errors) {
    const [vi, en] = JSON_ERRORS[e.error] ?? ['lỗi cú pháp JSON', 'JSON syntax error'];
    out.problem(pos(e.offset), `lỗi cú pháp JSON: ${vi}`, `JSON syntax error: ${en}`);
  }
  if (!root) {
    if (!errors.length) out.problem({ line: 1 }, 'tệp danh mục trống', 'the index file is empty');
    return out.result();
  }
  let list: JsonNode | undefined;
  if (root.type === 'array') list = root;
  else if (root.type === 'object') {
    for (const prop of root.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v) continue;
      if (k.value === 'entries') list = v;
      else if (k.value === 'version' && !(v.type === 'number' && v.value === 1)) {
        out.problem(pos(v.offset), 'phiên bản danh mục không phải 1; vẫn đọc thử', 'index version is not 1; reading anyway');
      }
    }
    if (!list) {
      out.problem(pos(root.offset), 'không có danh sách văn bản (trường "entries")', 'no list of documents ("entries")');
      return out.result();
    }
  }
  if (!list || list.type !== 'array') {
    const at = pos((list ?? root).offset);
    out.problem(at, 'danh mục phải là một mảng văn bản [ … ] hoặc {"version": 1, "entries": [ … ]}', 'the index must be an array of entries or {"version": 1, "entries": [ … ]}');
    return out.result();
  }
  for (const item of list.children ?? []) {
    const at = item.offset;
    if (item.type !== 'object') {
      out.problem(at, 'mỗi văn bản trong danh mục phải là một đối tượng { … }; bỏ qua mục này', 'each entry must be an object { … }; entry skipped');
      continue;
    }
    const raw: RawEntry = { at, values: {} };
    for (const prop of item.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || typeof k.value !== 'string') continue;
      const f = fieldOf(k.value);
      if (!f) continue;
      raw.values[f] = { value: v ? jsonValue(v) : undefined, at: (v ?? k).offset };
    }
    out.add(raw);
  }
  return out.result();
}

// ---------------------------------------------------------------------------
// CSV

interface CsvRecord {
  fields: { value: string; offset: number }[];
  offset: number;
}

/**
 * A small RFC 4180 reader: quoted fields with `""` escapes and line breaks,
 * CRLF/LF/CR. An unterminated quote is reported and that physical line is
 * skipped, so the rest of the file still loads.
 */
function readCsv(src: string, delimiter: string, start: number, onUnterminated: (offset: number) => void): CsvRecord[] {
  const records: CsvRecord[] = [];
  scanCsv(src, delimiter, start, (r) => {
    records.push(r);
    return true;
  }, onUnterminated);
  return records;
}

/** The reader itself: each record to `onRecord`, which returns false to stop. */
function scanCsv(src: string, delimiter: string, start: number, onRecord: (r: CsvRecord) => boolean, onUnterminated: (offset: number) => void): void {
  const n = src.length;
  const delimiterCode = delimiter.charCodeAt(0);
  let i = start;
  const isEol = (c: string | undefined): boolean => c === '\n' || c === '\r';
  const skipEol = (k: number): number => (src[k] === '\r' && src[k + 1] === '\n' ? k + 2 : k + 1);
  while (i < n) {
    const recordStart = i;
    const fields: CsvRecord['fields'] = [];
    let ok = true;
    for (;;) {
      const fieldStart = i;
      let value = '';
      if (src[i] === '"') {
        let j = i + 1;
        let closed = false;
        while (j < n) {
          const c = src[j];
          if (c === '"') {
            if (src[j + 1] === '"') {
              value += '"';
              j += 2;
              continue;
            }
            closed = true;
            j++;
            break;
          }
          value += c;
          j++;
        }
        if (!closed) {
          onUnterminated(fieldStart);
          ok = false;
          // Resume on the line after the one where the record began.
          let k = recordStart;
          while (k < n && !isEol(src[k])) k++;
          i = k < n ? skipEol(k) : n;
          break;
        }
        // Anything between the closing quote and the delimiter is kept as written.
        while (j < n && src[j] !== delimiter && !isEol(src[j])) value += src[j++];
        i = j;
      } else {
        // Unquoted, the usual field: compared by code unit, no one-character strings.
        let j = i;
        for (let c = src.charCodeAt(j); j < n && c !== delimiterCode && c !== 10 && c !== 13; c = src.charCodeAt(++j));
        value = src.slice(i, j);
        i = j;
      }
      fields.push({ value, offset: fieldStart });
      if (i < n && src[i] === delimiter) {
        i++;
        continue;
      }
      if (i < n) i = skipEol(i);
      break;
    }
    if (ok && !onRecord({ fields, offset: recordStart })) return;
  }
}

/** The delimiter of the header line: `;` (Vietnamese Excel), `,` or tab, whichever occurs most outside quotes. */
function detectDelimiter(headerLine: string): string {
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

/**
 * Reads a CSV index: a header row naming the columns (English or Vietnamese,
 * any case, with or without diacritics), comma, semicolon or tab separated;
 * Excel's `sep=;` first line is honoured.
 */
export function parseIndexCsv(text: string, file: string, coverage?: IndexCoverage): LoadedIndex {
  const src = stripBom(text);
  let start = 0;
  let delimiter: string | undefined;
  const sep = /^sep=(.)\r?\n?/i.exec(src);
  if (sep) {
    delimiter = sep[1];
    start = sep[0].length;
  }
  // Skip leading blank lines.
  while (start < src.length && (src[start] === '\n' || src[start] === '\r')) start++;
  if (start >= src.length) {
    const out = collectorFor(file, () => ({ line: 1 }), true, coverage);
    out.problem({ line: 1 }, 'tệp danh mục trống', 'the index file is empty');
    return out.result();
  }
  if (!delimiter) {
    const eol = src.slice(start).search(/[\r\n]/);
    delimiter = detectDelimiter(eol < 0 ? src.slice(start) : src.slice(start, start + eol));
  }
  return parseCleanCsv(src, file, delimiter, start, coverage) ?? parseCsvWithPositions(src, file, delimiter, start, coverage);
}

/** The entry of one CSV record under the header's columns (undefined for a blank row). */
function csvEntry(rec: CsvRecord, columns: (Field | undefined)[]): RawEntry | undefined {
  if (rec.fields.every((f) => !f.value.trim())) return undefined;
  const raw: RawEntry = { at: rec.offset, values: {} };
  columns.forEach((f, k) => {
    const cell = rec.fields[k];
    if (!f || !cell || raw.values[f]) return;
    raw.values[f] = { value: cell.value, at: cell.offset };
  });
  return raw;
}

/**
 * A sound file, the usual case: records are turned into entries as they are
 * read (none kept) and no line positions are computed. Undefined as soon as
 * anything would be reported; the positional reader then reads the file.
 */
function parseCleanCsv(src: string, file: string, delimiter: string, start: number, coverage?: IndexCoverage): LoadedIndex | undefined {
  const out = collectorFor(file, () => ({ line: 1 }), false, coverage);
  let columns: (Field | undefined)[] | undefined;
  let clean = true;
  scanCsv(
    src,
    delimiter,
    start,
    (rec) => {
      if (!clean) return false;
      if (!columns) {
        columns = rec.fields.map((f) => fieldOf(f.value));
        if (!columns.includes('number')) clean = false;
        return clean;
      }
      const raw = csvEntry(rec, columns);
      if (raw) out.add(raw);
      if (out.problems.length) clean = false;
      return clean;
    },
    () => {
      clean = false;
    },
  );
  return clean && columns ? out.repeatFree() : undefined;
}

function parseCsvWithPositions(src: string, file: string, delimiter: string, start: number, coverage?: IndexCoverage): LoadedIndex {
  const lines = new Lines(src);
  const pos = (offset: number): At => lines.at(offset);
  const out = collectorFor(file, pos, true, coverage);
  const records = readCsv(src, delimiter, start, (offset) => {
    out.problem(pos(offset), 'dấu nháy kép " mở mà không đóng; bỏ qua dòng này', 'unterminated quote; line skipped');
  });
  const header = records.shift();
  if (!header) return out.result();
  const columns: (Field | undefined)[] = header.fields.map((f) => fieldOf(f.value));
  if (!columns.includes('number')) {
    out.problem(
      pos(header.offset),
      'dòng tiêu đề thiếu cột "Số" (số, ký hiệu văn bản); các cột nhận biết: Số, Ngày, Loại, Cơ quan ban hành, Trích yếu, Trạng thái',
      'the header row has no "number" column; known columns: number, date, type, issuer, subject, status',
    );
    return out.result();
  }
  for (const rec of records) {
    const raw = csvEntry(rec, columns);
    if (raw) out.add(raw);
  }
  return out.result();
}

// ---------------------------------------------------------------------------
// Files

function fileProblem(file: string, vi: string, en: string): LoadedIndex {
  return { index: DirectiveIndex.empty(), problems: [{ file, line: 1, message: { vi, en } }] };
}

/** Text of an index file: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1258 from old Excel. */
function decode(buf: Buffer): { text?: string; binary?: boolean; legacy?: boolean } {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)) };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)) };
  if (buf.includes(0)) return { binary: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
  } catch {
    try {
      return { text: new TextDecoder('windows-1258').decode(buf).normalize('NFC'), legacy: true };
    } catch {
      return { binary: true };
    }
  }
}

/** What a CSV index covers, from `<name>.coverage.json` beside it (a CSV cannot say it); undefined without one. */
function csvCoverage(file: string): IndexCoverage | undefined {
  const side = file.replace(/\.csv$/i, '.coverage.json');
  try {
    return readCoverage(JSON.parse(fs.readFileSync(side, 'utf8')), path.basename(file));
  } catch {
    return undefined;
  }
}

/** Loads a `.json` or `.csv` index file. Never throws. */
export function loadIndexFile(file: string): LoadedIndex {
  try {
    const ext = path.extname(file).toLowerCase();
    if (ext !== '.json' && ext !== '.csv') {
      return fileProblem(
        file,
        `Tệp danh mục văn bản phải có đuôi .json hoặc .csv (tệp "${path.basename(file)}" không đọc được)`,
        `An index file must end in .json or .csv ("${path.basename(file)}" not read)`,
      );
    }
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
    let buf: Buffer;
    try {
      buf = fs.readFileSync(file);
    } catch {
      return fileProblem(file, `Không đọc được tệp danh mục văn bản "${file}"`, `Cannot read index file "${file}"`);
    }
    const decoded = decode(buf);
    if (decoded.text === undefined) {
      return fileProblem(
        file,
        'Tệp danh mục văn bản không phải văn bản thuần (có byte 0, có thể là tệp .xlsx hoặc .docx); hãy lưu lại dạng CSV UTF-8 hoặc JSON',
        'The index file is not plain text (contains NUL bytes, maybe .xlsx or .docx); save it as CSV UTF-8 or JSON',
      );
    }
    const loaded = ext === '.json' ? parseIndexJson(decoded.text, file) : parseIndexCsv(decoded.text, file, csvCoverage(file));
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

// ---------------------------------------------------------------------------
// Bundled index

/** Where the bundled index is, relative to the package: built by `npm run build:index`. */
export const BUNDLED_INDEX = path.join('data', 'directives.tsv');

let bundled: LoadedIndex | undefined;

/** Where `data/directives.tsv` may be: next to dist/ in the bundle, or up from the sources under tsx. */
function bundledCandidates(): string[] {
  const out = [path.join(__dirname, '..', BUNDLED_INDEX)];
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    const data = path.join(dir, BUNDLED_INDEX);
    try {
      if (fs.existsSync(pkg) && fs.existsSync(data) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'kehoach') out.push(data);
    } catch {
      // not ours; keep walking
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}

/**
 * The index shipped with the extension, read in place (see compactStore.ts):
 * ready in milliseconds, entries parsed when looked up. Cached; never throws.
 */
export function loadBundledIndex(): DirectiveIndex {
  if (!bundled) {
    const file = bundledCandidates().find((f) => fs.existsSync(f));
    if (!file) {
      bundled = fileProblem(BUNDLED_INDEX, `Không tìm thấy danh mục văn bản kèm theo (${BUNDLED_INDEX})`, `Bundled index ${BUNDLED_INDEX} not found`);
    } else {
      try {
        bundled = { index: DirectiveIndex.ofStore(CompactStore.read(fs.readFileSync(file))), problems: [] };
      } catch (err) {
        // A damaged bundled file is not trusted in part: it is a build fault.
        bundled = fileProblem(file, `Danh mục văn bản kèm theo bị hỏng: ${String(err)}`, `The bundled index is damaged: ${String(err)}`);
      }
    }
  }
  return bundled.index;
}

/** Problems met reading the bundled index (empty when it is sound). */
export function bundledIndexProblems(): IndexProblem[] {
  loadBundledIndex();
  return bundled ? [...bundled.problems] : [];
}

/** Forgets the cached bundled index (tests, or after `build:index`). */
export function resetBundledIndex(): void {
  bundled = undefined;
}
