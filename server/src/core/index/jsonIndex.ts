// A JSON index: `{"version":1,"entries":[…]}` or a bare array of entries.
// A sound file (the usual case) is read by the native JSON.parse; anything
// that would be reported, or could read differently, goes to the positional
// reader (jsonc-parser's tree), which reports each fault with its line.

// The ESM build: esbuild cannot follow the `require` calls inside jsonc-parser's UMD main.
import { getNodeValue, ParseError, ParseErrorCode, Node as JsonNode, parseTree } from 'jsonc-parser/lib/esm/main.js';
import { IndexCoverage, readCoverage } from './coverage';
import { EntryCollector, RawEntry } from './entries';
import type { Field } from './fields';
import { At, LoadedIndex, positionsIn, stripBom, Where } from './problems';

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

/**
 * Reads a JSON index. Comments and trailing commas are tolerated (JSONC);
 * syntax errors are reported with their line and the entries that still
 * parse are loaded.
 */
export function parseIndexJson(text: string, file: string): LoadedIndex {
  const src = stripBom(text);
  return parseCleanJson(src, file) ?? parseJsonWithPositions(src, file);
}

const NO_POSITION = (): At => ({ line: 1 });

/** The list of entries of a parsed file, or undefined when it has none the fast path may read. */
function cleanList(src: string, root: unknown): unknown[] | undefined {
  if (Array.isArray(root)) return root;
  if (!root || typeof root !== 'object') return undefined;
  // JSON.parse keeps the last of repeated keys; the positional reader checks each.
  if (src.indexOf('"version"') !== src.lastIndexOf('"version"') || src.indexOf('"entries"') !== src.lastIndexOf('"entries"')) return undefined;
  const o = root as Record<string, unknown>;
  if ('version' in o && o.version !== 1) return undefined;
  return Array.isArray(o.entries) ? o.entries : undefined;
}

/**
 * A sound file read without a syntax tree or positions: several times faster
 * on a 100,000-entry index. Undefined as soon as anything would be reported,
 * or could read differently (comments, trailing commas, a key given twice).
 */
function parseCleanJson(src: string, file: string): LoadedIndex | undefined {
  let root: unknown;
  try {
    root = JSON.parse(src);
  } catch {
    return undefined;
  }
  const list = cleanList(src, root);
  if (!list) return undefined;
  const coverage = Array.isArray(root) ? undefined : readCoverage((root as Record<string, unknown>).coverage, file);
  const out = new EntryCollector(file, { pos: NO_POSITION, trackDuplicates: false, coverage });
  for (const item of list) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
    const values: RawEntry['values'] = {};
    for (const k of Object.keys(item)) {
      const f = out.fields.field(k);
      if (!f) continue;
      const value = (item as Record<string, unknown>)[k];
      if (f in values || (value !== null && typeof value === 'object')) return undefined;
      values[f] = value;
    }
    out.add({ at: 0, values });
    if (out.problems.length) return undefined;
  }
  return out.repeatFree();
}

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

/** The value of `coverage` at the top of an object file. */
function coverageOf(root: JsonNode | undefined, file: string): IndexCoverage | undefined {
  const node = root?.type === 'object' ? root.children?.find((p) => p.children?.[0]?.value === 'coverage')?.children?.[1] : undefined;
  return node ? readCoverage(getNodeValue(node), file) : undefined;
}

/** The node of the list of entries, reporting what stands in its way; undefined when there is none. */
function entryListNode(root: JsonNode, out: EntryCollector): JsonNode | undefined {
  let list: JsonNode | undefined;
  if (root.type === 'array') list = root;
  else if (root.type === 'object') {
    for (const prop of root.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v) continue;
      if (k.value === 'entries') list = v;
      else if (k.value === 'version' && !(v.type === 'number' && v.value === 1)) {
        out.problem(v.offset, 'phiên bản danh mục không phải 1; vẫn đọc thử', 'index version is not 1; reading anyway');
      }
    }
    if (!list) {
      out.problem(root.offset, 'không có danh sách văn bản (trường "entries")', 'no list of documents ("entries")');
      return undefined;
    }
  }
  if (!list || list.type !== 'array') {
    out.problem((list ?? root).offset, 'danh mục phải là một mảng văn bản [ … ] hoặc {"version": 1, "entries": [ … ]}', 'the index must be an array of entries or {"version": 1, "entries": [ … ]}');
    return undefined;
  }
  return list;
}

/** One entry object of the tree, each value with its offset (a key given twice: the last). */
function rawEntryOf(item: JsonNode, out: EntryCollector): RawEntry {
  const values: RawEntry['values'] = {};
  const where: Partial<Record<Field, Where>> = {};
  for (const prop of item.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (!k || typeof k.value !== 'string') continue;
    const f = out.fields.field(k.value);
    if (!f) continue;
    values[f] = v ? jsonValue(v) : undefined;
    where[f] = (v ?? k).offset;
  }
  return { at: item.offset, values, where };
}

function parseJsonWithPositions(src: string, file: string): LoadedIndex {
  const errors: ParseError[] = [];
  const root = parseTree(src, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const out = new EntryCollector(file, { pos: positionsIn(src), trackDuplicates: true, coverage: coverageOf(root, file) });
  for (const e of errors) {
    const [vi, en] = JSON_ERRORS[e.error] ?? ['lỗi cú pháp JSON', 'JSON syntax error'];
    out.problem(e.offset, `lỗi cú pháp JSON: ${vi}`, `JSON syntax error: ${en}`);
  }
  if (!root) {
    if (!errors.length) out.problem({ line: 1 }, 'tệp danh mục trống', 'the index file is empty');
    return out.result();
  }
  const list = entryListNode(root, out);
  for (const item of list?.children ?? []) {
    if (item.type !== 'object') {
      out.problem(item.offset, 'mỗi văn bản trong danh mục phải là một đối tượng { … }; bỏ qua mục này', 'each entry must be an object { … }; entry skipped');
      continue;
    }
    out.add(rawEntryOf(item, out));
  }
  return out.result();
}
