// Validates snippets/kehoach.code-snippets: the file parses as JSON with
// comments, every snippet is complete and typeable, every body is valid
// VS Code snippet syntax (checked strictly, so mistakes VS Code would
// silently insert as literal text are caught), and the expanded text of the
// main snippets has the parts a plan needs.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');
const SNIPPET_FILE = path.join(ROOT, 'snippets', 'kehoach.code-snippets');

// ---------------------------------------------------------------------------
// JSON with comments

/**
 * Removes `//` and `/* *\/` comments and trailing commas outside strings,
 * keeping line breaks so JSON.parse error positions stay meaningful.
 */
export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === '"') {
      const start = i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\') i++;
        if (text[i] === '\n') throw new SyntaxError(`unterminated string at offset ${start}`);
        i++;
      }
      if (i >= n) throw new SyntaxError(`unterminated string at offset ${start}`);
      i++;
      out += text.slice(start, i);
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new SyntaxError(`unterminated comment at offset ${i}`);
      out += text.slice(i, end + 2).replace(/[^\n]/g, ' ');
      i = end + 2;
    } else {
      out += ch;
      i++;
    }
  }
  // Trailing commas: only outside strings, so walk again.
  let res = '';
  for (let k = 0; k < out.length; k++) {
    const ch = out[k];
    if (ch === '"') {
      const start = k++;
      while (out[k] !== '"') {
        if (out[k] === '\\') k++;
        k++;
      }
      res += out.slice(start, k + 1);
    } else if (ch === ',' && /^\s*[\]}]/.test(out.slice(k + 1))) {
      res += ' ';
    } else {
      res += ch;
    }
  }
  return res;
}

export function parseJsonc(text: string): unknown {
  return JSON.parse(stripJsonComments(text.replace(/^\ufeff/, '')));
}

// ---------------------------------------------------------------------------
// Snippet syntax (https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar)

type FormatOp = 'upcase' | 'downcase' | 'capitalize' | 'camelcase' | 'pascalcase';

export type FormatPart =
  | { kind: 'text'; value: string }
  | { kind: 'group'; group: number; op?: FormatOp; ifText?: string; elseText?: string };

export interface Transform {
  regex: RegExp;
  format: FormatPart[];
}

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: SnippetNode[]; choices?: string[]; transform?: Transform }
  | { kind: 'variable'; name: string; children?: SnippetNode[]; transform?: Transform };

export class SnippetSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} (at offset ${offset})`);
    this.name = 'SnippetSyntaxError';
  }
}

export const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER',
  'TM_FILENAME', 'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH',
  'CLIPBOARD', 'WORKSPACE_NAME', 'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER',
  'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_MONTH_NAME',
  'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX',
  'CURRENT_TIMEZONE_OFFSET', 'RANDOM', 'RANDOM_HEX', 'UUID',
  'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

const FORMAT_OPS = new Set(['upcase', 'downcase', 'capitalize', 'camelcase', 'pascalcase']);

/**
 * Strict parser for the VS Code snippet grammar. Where VS Code would fall
 * back to inserting malformed syntax as literal text (a lone `$`, an
 * unclosed `${1:`, a stray `}`), this throws instead.
 */
export function parseSnippet(src: string): SnippetNode[] {
  let pos = 0;
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  const isNameStart = (c: string | undefined) => c !== undefined && /[_A-Za-z]/.test(c);
  const fail = (msg: string, at = pos): never => {
    throw new SnippetSyntaxError(msg, at);
  };

  function readInt(): number {
    const start = pos;
    while (isDigit(src[pos])) pos++;
    return Number(src.slice(start, pos));
  }
  function readName(): string {
    const start = pos;
    while (pos < src.length && /[_A-Za-z0-9]/.test(src[pos])) pos++;
    return src.slice(start, pos);
  }

  /** Nodes until `}` (inside a placeholder) or end of input (top level). */
  function parseNodes(inside: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < src.length) {
      const ch = src[pos];
      if (ch === '\\') {
        const next = src[pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          pos += 2;
        } else {
          text += ch;
          pos++;
        }
      } else if (ch === '$') {
        flush();
        nodes.push(parseDollar());
      } else if (ch === '}') {
        if (inside) {
          flush();
          return nodes;
        }
        fail('unescaped "}" outside a placeholder (write \\\\} for a literal brace)');
      } else {
        text += ch;
        pos++;
      }
    }
    if (inside) fail('unclosed placeholder: missing "}"');
    flush();
    return nodes;
  }

  function parseDollar(): SnippetNode {
    const start = pos;
    pos++; // $
    if (isDigit(src[pos])) return { kind: 'tabstop', index: readInt() };
    if (isNameStart(src[pos])) return { kind: 'variable', name: readName() };
    if (src[pos] !== '{') fail('lone "$" (write \\\\$ for a literal dollar sign)', start);
    pos++; // {
    if (isDigit(src[pos])) {
      const index = readInt();
      const c = src[pos];
      if (c === '}') {
        pos++;
        return { kind: 'tabstop', index };
      }
      if (c === ':') {
        pos++;
        const children = parseNodes(true);
        pos++; // }
        return { kind: 'tabstop', index, children };
      }
      if (c === '|') {
        pos++;
        const choices = parseChoices(start);
        return { kind: 'tabstop', index, choices };
      }
      if (c === '/') {
        pos++;
        return { kind: 'tabstop', index, transform: parseTransform(start) };
      }
      return fail(`unexpected ${c === undefined ? 'end of snippet' : JSON.stringify(c)} after "\${${index}"`);
    }
    if (isNameStart(src[pos])) {
      const name = readName();
      const c = src[pos];
      if (c === '}') {
        pos++;
        return { kind: 'variable', name };
      }
      if (c === ':') {
        pos++;
        const children = parseNodes(true);
        pos++;
        return { kind: 'variable', name, children };
      }
      if (c === '/') {
        pos++;
        return { kind: 'variable', name, transform: parseTransform(start) };
      }
      return fail(`unexpected ${c === undefined ? 'end of snippet' : JSON.stringify(c)} after "\${${name}"`);
    }
    return fail('"${" must be followed by a tab stop number or a variable name', start);
  }

  /** After `${n|`: options separated by `,`, closed by `|}`. */
  function parseChoices(start: number): string[] {
    const options: string[] = [];
    let cur = '';
    while (true) {
      if (pos >= src.length) fail('unclosed choice: missing "|}"', start);
      const ch = src[pos];
      if (ch === '\\') {
        const next = src[pos + 1];
        if (next === ',' || next === '|' || next === '\\') {
          cur += next;
          pos += 2;
          continue;
        }
        cur += ch;
        pos++;
        continue;
      }
      if (ch === ',') {
        options.push(cur);
        cur = '';
        pos++;
        continue;
      }
      if (ch === '|') {
        if (src[pos + 1] !== '}') fail('choice must end with "|}" (write \\\\| for a literal bar)');
        options.push(cur);
        pos += 2;
        return options;
      }
      cur += ch;
      pos++;
    }
  }

  /** After `${n/` or `${VAR/`: regex `/` format `/` options `}`. */
  function parseTransform(start: number): Transform {
    let regex = '';
    while (true) {
      if (pos >= src.length) fail('unclosed transform', start);
      const ch = src[pos];
      if (ch === '\\' && src[pos + 1] === '/') {
        regex += '/';
        pos += 2;
      } else if (ch === '\\') {
        regex += ch + (src[pos + 1] ?? '');
        pos += 2;
      } else if (ch === '/') {
        pos++;
        break;
      } else {
        regex += ch;
        pos++;
      }
    }
    const format: FormatPart[] = [];
    let text = '';
    const flush = () => {
      if (text) format.push({ kind: 'text', value: text });
      text = '';
    };
    while (true) {
      if (pos >= src.length) fail('unclosed transform', start);
      const ch = src[pos];
      if (ch === '\\' && (src[pos + 1] === '/' || src[pos + 1] === '\\' || src[pos + 1] === '$')) {
        text += src[pos + 1];
        pos += 2;
      } else if (ch === '/') {
        pos++;
        break;
      } else if (ch === '$') {
        flush();
        format.push(parseFormatRef());
      } else {
        text += ch;
        pos++;
      }
    }
    flush();
    let flags = '';
    while (true) {
      if (pos >= src.length) fail('unclosed transform', start);
      if (src[pos] === '}') {
        pos++;
        break;
      }
      flags += src[pos++];
    }
    if (!/^[gimsuy]*$/.test(flags)) fail(`bad regular expression options "${flags}"`, start);
    let re: RegExp;
    try {
      re = new RegExp(regex, flags);
    } catch (e) {
      return fail(`bad regular expression /${regex}/: ${(e as Error).message}`, start);
    }
    return { regex: re, format };
  }

  /** `$n`, `${n}`, `${n:/op}`, `${n:+if}`, `${n:?if:else}`, `${n:-else}`, `${n:else}`. */
  function parseFormatRef(): FormatPart {
    const start = pos;
    pos++; // $
    if (isDigit(src[pos])) return { kind: 'group', group: readInt() };
    if (src[pos] !== '{' || !isDigit(src[pos + 1])) fail('"$" in a transform format must be $n or ${n…}', start);
    pos++;
    const group = readInt();
    if (src[pos] === '}') {
      pos++;
      return { kind: 'group', group };
    }
    if (src[pos] !== ':') fail('bad format reference', start);
    pos++;
    const readUntil = (stops: string): string => {
      let s = '';
      while (pos < src.length && !stops.includes(src[pos])) {
        if (src[pos] === '\\' && pos + 1 < src.length) pos++;
        s += src[pos++];
      }
      if (pos >= src.length) fail('unclosed format reference', start);
      return s;
    };
    const op = src[pos];
    if (op === '/') {
      pos++;
      const name = readUntil('}');
      pos++;
      if (!FORMAT_OPS.has(name)) fail(`unknown format operation "${name}"`, start);
      return { kind: 'group', group, op: name as FormatOp };
    }
    if (op === '+') {
      pos++;
      const ifText = readUntil('}');
      pos++;
      return { kind: 'group', group, ifText };
    }
    if (op === '?') {
      pos++;
      const ifText = readUntil(':');
      pos++;
      const elseText = readUntil('}');
      pos++;
      return { kind: 'group', group, ifText, elseText };
    }
    if (op === '-') pos++;
    const elseText = readUntil('}');
    pos++;
    return { kind: 'group', group, elseText };
  }

  return parseNodes(false);
}

function* walk(nodes: SnippetNode[]): Generator<SnippetNode> {
  for (const node of nodes) {
    yield node;
    if (node.kind !== 'text' && node.children) yield* walk(node.children);
  }
}

/**
 * Parses and checks a snippet body: syntax, `$0` present exactly once and
 * bare, tab stops numbered 1..N, at most one default per tab stop (the
 * others being mirrors), choices with at least two distinct, non-empty,
 * literal options, only known variables, no tab stop inside its own default.
 * Throws SnippetSyntaxError on the first problem; returns the parsed nodes.
 */
export function validateSnippet(body: string | string[]): SnippetNode[] {
  const src = Array.isArray(body) ? body.join('\n') : body;
  const nodes = parseSnippet(src);
  const defined = new Set<number>();
  const used = new Set<number>();
  let finals = 0;
  const problem = (msg: string): never => {
    throw new SnippetSyntaxError(msg, -1);
  };

  const visit = (list: SnippetNode[], enclosing: number[]) => {
    for (const node of list) {
      if (node.kind === 'text') continue;
      if (node.kind === 'variable') {
        if (!KNOWN_VARIABLES.has(node.name)) problem(`unknown variable $${node.name}`);
        if (node.children) visit(node.children, enclosing);
        continue;
      }
      if (enclosing.includes(node.index)) problem(`tab stop $${node.index} inside its own placeholder`);
      if (node.index === 0) {
        finals++;
        if (node.children || node.choices || node.transform) problem('$0 must be a bare final tab stop');
        continue;
      }
      used.add(node.index);
      if (node.choices) {
        if (node.choices.length < 2) problem(`choice $${node.index} needs at least two options`);
        const seen = new Set<string>();
        for (const option of node.choices) {
          if (option.trim() === '' || option !== option.trim()) {
            problem(`choice $${node.index} has an empty or padded option ${JSON.stringify(option)}`);
          }
          if (option.includes('$')) {
            problem(`choice $${node.index}: variables are not expanded inside choices (${JSON.stringify(option)})`);
          }
          if (seen.has(option)) problem(`choice $${node.index} repeats ${JSON.stringify(option)}`);
          seen.add(option);
        }
      }
      // Exactly one occurrence may carry the default; the others are mirrors.
      if (node.choices || node.children?.length) {
        if (defined.has(node.index)) problem(`tab stop $${node.index} is given a default more than once`);
        defined.add(node.index);
      }
      if (node.children) visit(node.children, [...enclosing, node.index]);
    }
  };
  visit(nodes, []);

  if (finals !== 1) problem(`expected exactly one $0, found ${finals}`);
  const indices = [...used].sort((a, b) => a - b);
  indices.forEach((index, k) => {
    if (index !== k + 1) problem(`tab stops must be numbered 1..N; $${k + 1} is missing`);
  });
  return nodes;
}

// ---------------------------------------------------------------------------
// Expansion to plain text

export interface ExpandOptions {
  /** Date used for CURRENT_* variables. */
  now?: Date;
  /** Text typed at a tab stop, replacing its default. */
  values?: Record<number, string>;
  /** Option picked at a choice (index into its options), instead of the first. */
  picks?: Record<number, number>;
}

function resolveVariable(name: string, now: Date): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (name) {
    case 'CURRENT_YEAR':
      return String(now.getFullYear());
    case 'CURRENT_YEAR_SHORT':
      return String(now.getFullYear()).slice(-2);
    case 'CURRENT_MONTH':
      return pad(now.getMonth() + 1);
    case 'CURRENT_DATE':
      return pad(now.getDate());
    case 'CURRENT_HOUR':
      return pad(now.getHours());
    case 'CURRENT_MINUTE':
      return pad(now.getMinutes());
    case 'CURRENT_SECOND':
      return pad(now.getSeconds());
    default:
      return undefined; // editor-dependent: VS Code falls back to the default
  }
}

function applyTransform(value: string, t: Transform): string {
  return value.replace(t.regex, (...args: unknown[]) => {
    // replace() passes (match, g1..gn, offset, input[, namedGroups]).
    const caps = args.slice(0, args.findIndex((a) => typeof a === 'number')) as (string | undefined)[];
    return t.format
      .map((part) => {
        if (part.kind === 'text') return part.value;
        const g = caps[part.group] ?? '';
        if (part.op === 'upcase') return g.toLocaleUpperCase('vi');
        if (part.op === 'downcase') return g.toLocaleLowerCase('vi');
        if (part.op === 'capitalize') return g ? g[0].toLocaleUpperCase('vi') + g.slice(1) : g;
        if (part.op) return g; // camel/pascal case: unused here
        if (part.ifText !== undefined) return g ? part.ifText : part.elseText ?? '';
        if (part.elseText !== undefined) return g || part.elseText;
        return g;
      })
      .join('');
  });
}

/** The text VS Code inserts if the user accepts every default (or `opts`). */
export function expandSnippet(body: string | string[], opts: ExpandOptions = {}): string {
  const nodes = validateSnippet(body);
  const now = opts.now ?? new Date();
  const defs = new Map<number, SnippetNode>();
  for (const node of walk(nodes)) {
    if (node.kind === 'tabstop' && (node.choices || node.children?.length)) defs.set(node.index, node);
  }
  const valueOf = (index: number): string => {
    if (opts.values && index in opts.values) return opts.values[index];
    const def = defs.get(index);
    if (!def || def.kind !== 'tabstop') return '';
    if (def.choices) return def.choices[opts.picks?.[index] ?? 0];
    return render(def.children ?? []);
  };
  const render = (list: SnippetNode[]): string =>
    list
      .map((node) => {
        if (node.kind === 'text') return node.value;
        if (node.kind === 'tabstop') {
          if (node.index === 0) return '';
          const v = valueOf(node.index);
          return node.transform ? applyTransform(v, node.transform) : v;
        }
        const resolved = resolveVariable(node.name, now);
        const v = resolved ?? (node.children ? render(node.children) : node.name);
        return node.transform ? applyTransform(v, node.transform) : v;
      })
      .join('');
  return render(nodes);
}

/** Options offered at the choice with this tab stop index. */
function choicesOf(body: string | string[], index: number): string[] {
  for (const node of walk(validateSnippet(body))) {
    if (node.kind === 'tabstop' && node.index === index && node.choices) return node.choices;
  }
  return [];
}

/** Index of the choice tab stop that follows `label` on the same line. */
function choiceAfter(body: string | string[], label: string): number {
  const src = Array.isArray(body) ? body.join('\n') : body;
  const at = src.indexOf(label);
  assert.ok(at >= 0, `"${label}" not found`);
  const eol = src.indexOf('\n', at);
  const m = /\$\{(\d+)\|/.exec(src.slice(at, eol < 0 ? undefined : eol));
  assert.ok(m, `no choice after "${label}"`);
  return Number(m[1]);
}

/** Index of the choice tab stop that offers `option`. */
function choiceOffering(body: string | string[], option: string): number {
  for (const node of walk(validateSnippet(body))) {
    if (node.kind === 'tabstop' && node.choices?.includes(option)) return node.index;
  }
  return assert.fail(`no choice offers "${option}"`);
}

// ---------------------------------------------------------------------------
// Tests

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

describe('snippets/kehoach.code-snippets', () => {
  // Loaded in a hook so a broken file fails this suite, not the whole run.
  let snippets: [string, Snippet][] = [];
  const byPrefix = new Map<string, Snippet>();
  before(() => {
    const parsed = parseJsonc(fs.readFileSync(SNIPPET_FILE, 'utf8'));
    assert.ok(parsed && typeof parsed === 'object' && !Array.isArray(parsed), 'top level must be an object');
    snippets = Object.entries(parsed as Record<string, Snippet>);
    for (const [, s] of snippets) {
      for (const p of [s.prefix].flat()) byPrefix.set(p, s);
    }
  });
  const get = (prefix: string): Snippet => {
    const s = byPrefix.get(prefix);
    assert.ok(s, `no snippet with prefix "${prefix}"`);
    return s;
  };
  const APRIL = new Date(2026, 3, 7);

  it('is declared in package.json for kehoach and markdown', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const langs = (pkg.contributes.snippets as { language: string; path: string }[])
      .filter((s) => path.resolve(ROOT, s.path) === SNIPPET_FILE)
      .map((s) => s.language)
      .sort();
    assert.deepEqual(langs, ['kehoach', 'markdown']);
  });

  it('has every required snippet', () => {
    for (const p of ['kehoach', 'kehoachub', 'nhiemvu', 'nhiemvudang', 'cancu', 'thuchien', 'trichdan',
      'noinhan', 'chuky', 'bieuphancong', 'thoigian', 'muc']) {
      get(p);
    }
  });

  it('gives every snippet a prefix, a body and a Vietnamese description', () => {
    assert.ok(snippets.length > 0);
    for (const [name, s] of snippets) {
      assert.equal(typeof s, 'object', name);
      const prefixes = [s.prefix].flat();
      assert.ok(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && p.length > 0), `${name}: prefix`);
      assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')), `${name}: body`);
      assert.ok([s.body].flat().join('').length > 0, `${name}: empty body`);
      assert.equal(typeof s.description, 'string', `${name}: description`);
      assert.match(s.description, /[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệôồốổỗộơờớởỡợưừứửữựìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i, `${name}: description is not Vietnamese`);
    }
  });

  it('uses unique ASCII prefixes that Telex and VNI input leave alone', () => {
    const seen = new Set<string>();
    for (const [name, s] of snippets) {
      for (const p of [s.prefix].flat()) {
        assert.match(p, /^[a-z]+$/, `${name}: prefix "${p}" must be lowercase ASCII letters (VNI turns digits into marks)`);
        assert.doesNotMatch(p, /w|aa|ee|oo|dd/, `${name}: prefix "${p}" contains a Telex letter/mark key`);
        assert.doesNotMatch(p, /[aeiouy][sfrxjz]/, `${name}: prefix "${p}" has a Telex tone key after a vowel`);
        assert.ok(!seen.has(p), `duplicate prefix "${p}"`);
        seen.add(p);
      }
    }
  });

  it('keeps text clean: NFC, no tabs, no trailing spaces, no stray snippet syntax after expansion', () => {
    for (const [name, s] of snippets) {
      const src = [s.body].flat().join('\n');
      assert.equal(src, src.normalize('NFC'), `${name}: body is not NFC`);
      assert.equal(s.description, s.description.normalize('NFC'), `${name}: description is not NFC`);
      assert.doesNotMatch(src, /\t|\r/, `${name}: tab or CR in body`);
      const text = expandSnippet(s.body, { now: APRIL });
      text.split('\n').forEach((line, i) => {
        assert.doesNotMatch(line, /[ ]+$/, `${name}: trailing space on line ${i + 1}`);
        assert.doesNotMatch(line, /\$|\\/, `${name}: leftover snippet syntax on line ${i + 1}: ${line}`);
      });
      assert.doesNotMatch(text, /\n{5,}/, `${name}: too many blank lines`);
    }
  });

  it('has well-formed tab stops in every body', () => {
    for (const [name, s] of snippets) {
      try {
        validateSnippet(s.body);
      } catch (e) {
        assert.fail(`${name}: ${(e as Error).message}`);
      }
      const src = [s.body].flat().join('\n');
      assert.match(src, /\$0(?!\d)/, `${name}: no $0`);
    }
  });

  describe('validator rejects malformed snippets', () => {
    const bad: [string, string | string[]][] = [
      ['unclosed placeholder', 'Số ${1:… $0'],
      ['choice not closed with |}', 'Thời gian: ${1|quý,tháng} $0'],
      ['choice with one option', '${1|Hoàn thành trong quý|} $0'],
      ['choice with an empty option', '${1|quý,,tháng|} $0'],
      ['choice with a variable', '${1|Hoàn thành trong năm $CURRENT_YEAR,Thường xuyên|} $0'],
      ['lone dollar', 'Kinh phí 5 $ $0'],
      ['stray closing brace', 'Nơi nhận} $0'],
      ['missing $0', 'Căn cứ ${1:…};'],
      ['two $0', '$0 và $0'],
      ['$0 with a default', '${0:hết}'],
      ['gap in numbering', '${1:a} ${3:b} $0'],
      ['two defaults for one tab stop', '${1:1.1}.1. ${1:1.2}.2. $0'],
      ['unknown variable', 'năm $CURRENT_YAER $0'],
      ['tab stop inside itself', '${1:a ${1:b}} $0'],
      ['bad "${"', '${:x} $0'],
      ['bad transform regex', '${CURRENT_MONTH/([/x/} $0'],
      ['unclosed transform', '${CURRENT_MONTH/a/b $0'],
    ];
    for (const [what, body] of bad) {
      it(what, () => {
        assert.throws(() => validateSnippet(body), SnippetSyntaxError);
      });
    }

    it('but accepts escapes, mirrors and nested defaults', () => {
      assert.equal(expandSnippet('\\$5 \\} ${1|a\\,b,c|} ${2:x ${3:y}} $2 $0'), '$5 } a,b x y x y ');
      assert.equal(expandSnippet('$1 ${1:mirror first}$0'), 'mirror first mirror first');
    });
  });

  describe('JSONC reader', () => {
    it('keeps comment-like text inside strings and drops trailing commas', () => {
      const v = parseJsonc('{ // c\n "a": "http://x /* y */", /* z */ "b": ["\\"//", ], }');
      assert.deepEqual(v, { a: 'http://x /* y */', b: ['"//'] });
    });
    it('still rejects broken JSON', () => {
      assert.throws(() => parseJsonc('{ "a": "x }'));
      assert.throws(() => parseJsonc('{ "a" 1 }'));
    });
  });

  describe('expansion', () => {
    it('kehoach: Party plan skeleton with all parts', () => {
      const s = get('kehoach');
      const text = expandSnippet(s.body, { now: APRIL });
      assert.match(text, /^ĐẢNG BỘ TỈNH /);
      assert.match(text, /^\*$/m);
      assert.match(text, /^Số [^\s:]+-KH\/\S+$/m, 'Party number form: "Số …-KH/…", no colon');
      assert.match(text, /^ĐẢNG CỘNG SẢN VIỆT NAM$/m);
      assert.match(text, /^Bắc Ninh, ngày 07 tháng 4 năm 2026$/m);
      assert.match(text, /^KẾ HOẠCH\n\S/m);
      assert.match(text, /^Căn cứ Nghị quyết số …-NQ\/TU ngày …\/…\/2026 của Tỉnh ủy về …;$/m);
      assert.match(text, /^Thực hiện /m);
      const parts = ['I- MỤC ĐÍCH, YÊU CẦU', 'II- ', 'III- TỔ CHỨC THỰC HIỆN', 'Nơi nhận:'].map((p) => {
        const at = text.search(new RegExp(`^${p}`, 'm'));
        assert.ok(at >= 0, `missing ${p}`);
        return at;
      });
      assert.deepEqual([...parts].sort((a, b) => a - b), parts, 'parts out of order');
      for (const k of ['1.', '2.', '3.']) {
        assert.match(text.slice(parts[0], parts[1]), new RegExp(`^${k.replace('.', '\\.')} \\S`, 'm'), `aim ${k}`);
      }
      for (const field of ['Nội dung cần khắc phục:', 'Giải pháp khắc phục:', 'Cơ quan chủ trì:', 'Cơ quan phối hợp:', 'Thời gian thực hiện:']) {
        assert.match(text, new RegExp(`^1\\.1\\.\\d\\. ${field}`, 'm'), field);
      }
      assert.match(text, /^- Lưu: VT, \S+\.$/m);
      assert.match(text, /^T\/M BAN THƯỜNG VỤ\nBÍ THƯ$/m);
      const sig = choicesOf(s.body, choiceOffering(s.body, 'T/M BAN THƯỜNG VỤ'));
      assert.ok(sig.some((c) => c.startsWith('T/M ')) && sig.some((c) => c.startsWith('K/T ')), 'signature choice T/M and K/T');
      const partII = choicesOf(s.body, choiceAfter(s.body, 'II- '));
      assert.ok(partII.includes('NỘI DUNG VÀ GIẢI PHÁP KHẮC PHỤC') && partII.includes('NHIỆM VỤ VÀ GIẢI PHÁP'));
      assert.ok(partII.includes('NỘI DUNG, LỘ TRÌNH, PHÂN CÔNG THỰC HIỆN'), 'escaped commas in a choice');
    });

    it('kehoach: date line drops the leading zero of the month from March on', () => {
      const s = get('kehoach');
      assert.match(expandSnippet(s.body, { now: new Date(2026, 0, 5) }), /^Bắc Ninh, ngày 05 tháng 01 năm 2026$/m);
      assert.match(expandSnippet(s.body, { now: new Date(2026, 1, 28) }), /ngày 28 tháng 02 năm 2026/);
      assert.match(expandSnippet(s.body, { now: new Date(2027, 8, 30) }), /ngày 30 tháng 9 năm 2027/);
      assert.match(expandSnippet(s.body, { now: new Date(2026, 11, 1) }), /ngày 01 tháng 12 năm 2026/);
    });

    it('kehoachub: state plan skeleton', () => {
      const s = get('kehoachub');
      const text = expandSnippet(s.body, { now: APRIL });
      assert.match(text, /^ỦY BAN NHÂN DÂN TỈNH /);
      assert.match(text, /^Số: \S+\/KH-UBND$/m, 'state number form: "Số: …/KH-UBND"');
      assert.match(text, /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc$/m);
      assert.match(text, /^Bắc Ninh, ngày 07 tháng 4 năm 2026$/m);
      for (const p of ['KẾ HOẠCH', 'Căn cứ ', 'I- ', 'II- ', 'III- TỔ CHỨC THỰC HIỆN', 'Nơi nhận:', '- Lưu: VT, ']) {
        assert.match(text, new RegExp(`^${p}`, 'm'), p);
      }
      assert.match(text, /^TM\. ỦY BAN NHÂN DÂN\nKT\. CHỦ TỊCH\nPHÓ CHỦ TỊCH$/m);
      // Chairman signs: pick CHỦ TỊCH, delete the PHÓ CHỦ TỊCH line.
      const pick = choiceOffering(s.body, 'KT. CHỦ TỊCH');
      const signed = expandSnippet(s.body, { now: APRIL, picks: { [pick]: 1 }, values: { [pick + 1]: '' } });
      assert.match(signed, /^TM\. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n/m);
    });

    it('nhiemvu: typing the task number once numbers all five fields', () => {
      const s = get('nhiemvu');
      const text = expandSnippet(s.body, { now: APRIL });
      assert.match(text, /^1\.1\. \S/);
      const fields = ['Nội dung cần khắc phục:', 'Giải pháp khắc phục:', 'Cơ quan chủ trì:', 'Cơ quan phối hợp:', 'Thời gian thực hiện:'];
      fields.forEach((f, k) => assert.match(text, new RegExp(`^1\\.1\\.${k + 1}\\. ${f}`, 'm'), f));
      assert.match(text, /^- \S.*;$/m, 'solution bullets "- …;"');
      assert.match(text, /^1\.1\.5\. Thời gian thực hiện: Hoàn thành trong quý II\/2026\.$/m);

      const renumbered = expandSnippet(s.body, { now: APRIL, values: { 1: '2.3' } });
      fields.forEach((f, k) => assert.match(renumbered, new RegExp(`^2\\.3\\.${k + 1}\\. ${f}`, 'm'), f));
      assert.doesNotMatch(renumbered, /^1\.1/m);

      const when = choiceAfter(s.body, 'Thời gian thực hiện:');
      const options = choicesOf(s.body, when);
      assert.ok(options.includes('Hoàn thành trong quý'), options.join(' | '));
      assert.ok(options.includes('Hoàn thành trong tháng'), options.join(' | '));
      assert.ok(options.some((o) => o.startsWith('Thực hiện thường xuyên')), options.join(' | '));
      const monthly = expandSnippet(s.body, { now: APRIL, picks: { [when]: options.indexOf('Hoàn thành trong tháng') }, values: { [when + 1]: ' 5/2026' } });
      assert.match(monthly, /Thời gian thực hiện: Hoàn thành trong tháng 5\/2026\.$/m);
      const regular = expandSnippet(s.body, { now: APRIL, picks: { [when]: options.indexOf('Thực hiện thường xuyên trong năm') }, values: { [when + 1]: '' } });
      assert.match(regular, /Thời gian thực hiện: Thực hiện thường xuyên trong năm\.$/m);
    });

    it('nhiemvudang: Party-board task with assignment and inline deadlines', () => {
      const s = get('nhiemvudang');
      const text = expandSnippet(s.body, { now: APRIL });
      assert.match(text, /^\* Giải pháp thực hiện:$/m);
      assert.match(text, /^\* Phân công theo dõi, chỉ đạo: Đồng chí /m);
      assert.match(text, /^\* Tham mưu: /m);
      assert.match(text, /\(hoàn thành trong Quý II\/2026\)/);
      assert.match(text, /\(thực hiện thường xuyên\)/);
    });

    it('cancu / thuchien / trichdan: citation in house style', () => {
      const cite = /Nghị quyết số …-NQ\/TU ngày …\/…\/2026 của (Tỉnh ủy|Ban Thường vụ Tỉnh ủy) về …/;
      assert.match(expandSnippet(get('cancu').body, { now: APRIL }), new RegExp(`^Căn cứ ${cite.source};$`, 'm'));
      assert.match(expandSnippet(get('thuchien').body, { now: APRIL }), new RegExp(`^Thực hiện ${cite.source}; .* như sau:$`, 'm'));
      const inline = expandSnippet(get('trichdan').body, {
        now: APRIL,
        values: { 2: '111', 4: 'TU', 5: '11/6/2021', 7: 'chuyển đổi số' },
      });
      assert.equal(inline, 'Nghị quyết số 111-NQ/TU ngày 11/6/2021 của Tỉnh ủy về chuyển đổi số');
      // Type and abbreviation choices line up position by position.
      const types = choicesOf(get('cancu').body, 1);
      const codes = choicesOf(get('cancu').body, 3);
      assert.equal(types.length, codes.length);
      assert.equal(codes[types.indexOf('Chỉ thị')], 'CT');
      assert.equal(codes[types.indexOf('Kết luận')], 'KL');
      assert.equal(codes[types.indexOf('Quyết định')], 'QĐ');
    });

    it('noinhan: recipients end with "- Lưu: VT, …."', () => {
      const lines = expandSnippet(get('noinhan').body, { now: APRIL }).trimEnd().split('\n');
      assert.equal(lines[0], 'Nơi nhận:');
      for (const l of lines.slice(1, -1)) assert.match(l, /^- .+;$/);
      assert.match(lines[lines.length - 1], /^- Lưu: VT, \S+\.$/);
    });

    it('chuky / chukyub: signature blocks', () => {
      const party = get('chuky');
      assert.match(expandSnippet(party.body), /^T\/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n\n\n\S/);
      const first = choicesOf(party.body, 1);
      assert.ok(first.some((c) => c.startsWith('T/M')) && first.some((c) => c.startsWith('K/T')));
      assert.match(expandSnippet(get('chukyub').body), /^TM\. ỦY BAN NHÂN DÂN\nKT\. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n/);
    });

    it('bieuphancong: Markdown table with header, separator and two rows', () => {
      const text = expandSnippet(get('bieuphancong').body, { now: APRIL });
      assert.match(text, /BIỂU PHÂN CÔNG/);
      const rows = text.split('\n').filter((l) => l.startsWith('|'));
      assert.equal(rows.length, 4);
      const cells = (l: string) => l.slice(1, -1).split('|').map((c) => c.trim());
      assert.deepEqual(cells(rows[0]), ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành']);
      assert.ok(cells(rows[1]).every((c) => /^:?-+:?$/.test(c)), 'separator row');
      assert.deepEqual(rows.slice(2).map((r) => cells(r)[0]), ['1', '2']);
      for (const r of rows) assert.equal(cells(r).length, 5, r);
    });

    it('thoigian: deadline wordings', () => {
      const s = get('thoigian');
      assert.equal(expandSnippet(s.body, { now: APRIL }), 'Hoàn thành trong quý II/2026.');
      const options = choicesOf(s.body, 1);
      assert.ok(options.includes('Hoàn thành trong tháng'));
      assert.ok(options.includes('Thực hiện thường xuyên'));
      assert.equal(expandSnippet(s.body, { picks: { 1: options.indexOf('Thực hiện thường xuyên') }, values: { 2: '' } }), 'Thực hiện thường xuyên.');
    });

    it('muc: part headings', () => {
      const s = get('muc');
      assert.equal(expandSnippet(s.body).trimEnd(), 'I- MỤC ĐÍCH, YÊU CẦU');
      assert.deepEqual(choicesOf(s.body, 1).slice(0, 3), ['I-', 'II-', 'III-']);
      const titles = choicesOf(s.body, 2);
      for (const t of ['MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG VÀ GIẢI PHÁP KHẮC PHỤC', 'NHIỆM VỤ VÀ GIẢI PHÁP', 'TỔ CHỨC THỰC HIỆN']) {
        assert.ok(titles.includes(t), t);
      }
    });
  });
});
