// The workspace's own configuration, `.kehoach/config.json`: the same keys as
// the `kehoach.*` settings without the prefix (`rules`, `labels`, `index`,
// `locality`, `maxFileSize`…), so one reader (readSettings) serves the file,
// the editor and the command line. Found as ESLint and markdownlint-cli2 find
// theirs: the nearest `.kehoach/` walking up from the checked file. Editor
// settings that the user changed from their default win over the file.
// No file system here: callers pass `exists` and the text they read.

import { parse, ParseError, printParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
import { RULES } from '../core/rules';
import { parseLevel } from '../core/rules/types';

export const CONFIG_DIR = '.kehoach';
export const CONFIG_FILE = `${CONFIG_DIR}/config.json`;

export type RawConfig = Record<string, unknown>;

export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  message: { vi: string; en: string };
}

function isRecord(v: unknown): v is RawConfig {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Line and column (1-based) of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let from = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    from = i + 1;
  }
  return { line, column: offset - from + 1 };
}

/** The settings a config file holds (comments and trailing commas allowed), and what is wrong with it. */
export function parseConfigText(text: string, file: string): { raw: RawConfig; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((e) => {
    const at = position(text, e.offset);
    const code = printParseErrorCode(e.error);
    return { file, ...at, message: { vi: `JSON không hợp lệ (${code})`, en: `invalid JSON (${code})` } };
  });
  if (!errors.length && !isRecord(value)) {
    problems.push({ file, line: 1, column: 1, message: { vi: 'tệp cấu hình phải là một đối tượng JSON { … }', en: 'the configuration file must hold a JSON object { … }' } });
  }
  // Keys such as `__proto__` are kept as plain data: readSettings reads known keys only.
  return { raw: isRecord(value) && !errors.length ? value : {}, problems };
}

/** The folder holding the nearest `.kehoach/config.json` at or above `dir`, or undefined. */
export function findConfigRoot(dir: string, exists: (p: string) => boolean, join: (...p: string[]) => string, dirname: (p: string) => string): string | undefined {
  for (let cur = dir; ; ) {
    if (exists(join(cur, CONFIG_FILE))) return cur;
    const up = dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
}

/** The defaults of the settings, as the editor reports them when the user set nothing. */
export function defaultRaw(): RawConfig {
  return {
    rules: Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])),
    index: { files: [] },
    detectPlans: true,
    maxFileSize: 5,
    labels: {},
    locality: '',
  };
}

function sameLevel(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && parseLevel(a) === parseLevel(b);
}

function isDefault(key: string, value: unknown, defaults: RawConfig): boolean {
  const d = defaults[key];
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return value === d || value === '';
}

/**
 * The file's settings under the editor's: per rule, per label kind and per
 * scalar, an editor value that differs from its default wins; index files and
 * labels from both are read.
 */
export function mergeConfig(file: RawConfig, editor: RawConfig | undefined, defaults: RawConfig = defaultRaw()): RawConfig {
  if (!editor) return file;
  const out: RawConfig = { ...file };
  for (const [key, value] of Object.entries(editor)) {
    if (key === 'rules' && isRecord(value)) {
      const rules: RawConfig = { ...(isRecord(file.rules) ? file.rules : {}) };
      const d = isRecord(defaults.rules) ? defaults.rules : {};
      for (const [id, level] of Object.entries(value)) if (!sameLevel(level, d[id]) || !(id in rules)) rules[id] = level;
      out.rules = rules;
    } else if (key === 'labels' && isRecord(value)) {
      const labels: RawConfig = { ...(isRecord(file.labels) ? file.labels : {}) };
      for (const [kind, list] of Object.entries(value)) labels[kind] = unique([...(Array.isArray(labels[kind]) ? (labels[kind] as unknown[]) : []), ...(Array.isArray(list) ? list : [])]);
      out.labels = labels;
    } else if (key === 'index' && isRecord(value)) {
      const files = [...arrayAt(file.index, 'files'), ...arrayAt(value, 'files')];
      out.index = { ...(isRecord(file.index) ? file.index : {}), ...value, files: unique(files) };
    } else if (!isDefault(key, value, defaults) || !(key in file)) out[key] = value;
  }
  return out;
}

function arrayAt(v: unknown, key: string): unknown[] {
  return isRecord(v) && Array.isArray(v[key]) ? (v[key] as unknown[]) : [];
}

function unique(list: unknown[]): unknown[] {
  return [...new Set(list)];
}
