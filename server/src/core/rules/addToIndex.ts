// The command of unknown-directive, “Thêm vào danh mục văn bản”: the entry to
// add to the workspace index `.kehoach/directives.json` and the change to
// that file: a new file, or one entry appended to the existing list. A file
// that does not parse is never rewritten: the caller reports the fault.
// Pure: the server command (lsp/features/commands.ts) reads and writes the file.

// The ESM build: esbuild cannot follow the `require` calls inside jsonc-parser's UMD main.
import { FormattingOptions, modify, Node as JsonNode, ParseError, parseTree } from 'jsonc-parser/lib/esm/main.js';
import { numberKey } from '../citations/docNumber';
import { parseIndexJson } from '../index/parseIndex';
import { eolOf } from '../fixes/types';
import { LineIndex, Range } from '../text/lineIndex';
import type { Msg } from './types';

/** The server command that adds an entry: arguments `{ uri, entry }`. */
export const ADD_TO_INDEX = 'kehoach.addToIndex';

/** Where the entry goes, relative to the workspace root. */
export const WORKSPACE_INDEX_JSON = '.kehoach/directives.json';

// A type, not an interface: it is a JSON command argument (`Json` has an index signature).
export type IndexEntryToAdd = {
  number: string;
  type?: string;
  /** ISO `yyyy-mm-dd`. */
  date?: string;
  issuer?: string;
  /** The locality of a local body's document (`Bắc Giang`): its code means nothing without it. */
  locality?: string;
};

export type IndexFileChange =
  /** The file does not exist (or is empty): write this whole text. */
  | { kind: 'create'; text: string }
  /** Edits on the existing text (LSP ranges on it), and the text they give. */
  | { kind: 'edit'; edits: { range: Range; newText: string }[]; text: string }
  /** The entry is in the file already (the index has not been reloaded yet). */
  | { kind: 'present' }
  /** The file cannot be read as an index: leave it alone and say why. */
  | { kind: 'broken'; message: Msg };

/** `Nghị định số 107/2020/NĐ-CP` for titles and messages. */
export function entryLabel(e: IndexEntryToAdd): string {
  const label = e.type ? `${e.type} số ${e.number}` : `số ${e.number}`;
  return e.locality ? `${label} (${e.locality})` : label;
}

function newFile(entry: IndexEntryToAdd, eol: string): string {
  return JSON.stringify({ version: 1, entries: [entry] }, null, 2).replace(/\n/g, eol) + eol;
}

/** Indentation the file already uses: tabs, or its first indent width (2 by default). */
function formattingOf(text: string): FormattingOptions {
  const eol = eolOf(text);
  const m = /\n([ \t]+)\S/.exec(text);
  if (m && m[1][0] === '\t') return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: m ? Math.min(8, m[1].length) : 2, eol };
}

function broken(line: number, vi: string, en: string): IndexFileChange {
  return {
    kind: 'broken',
    message: {
      vi: `Tệp danh mục ${WORKSPACE_INDEX_JSON} có lỗi (dòng ${line}: ${vi}); chưa thêm được văn bản. Hãy sửa tệp rồi thử lại.`,
      en: `The index file ${WORKSPACE_INDEX_JSON} has an error (line ${line}: ${en}); nothing was added. Fix the file and try again.`,
    },
  };
}

/** Leading whitespace of the line holding `offset`. */
function indentAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/**
 * Appends `entry` after the last element of `list`, indented like it; the
 * entries already there are left exactly as written.
 */
function appendTo(text: string, list: JsonNode, entry: IndexEntryToAdd): { offset: number; length: number; content: string }[] {
  const f = formattingOf(text);
  const unit = f.insertSpaces ? ' '.repeat(f.tabSize ?? 2) : '\t';
  const eol = f.eol ?? '\n';
  const children = list.children ?? [];
  const last = children[children.length - 1];
  const indent = last ? indentAt(text, last.offset) : indentAt(text, list.offset) + unit;
  const body = JSON.stringify(entry, null, unit).split('\n').join(eol + indent);
  if (!last) {
    const close = indentAt(text, list.offset);
    return [{ offset: list.offset, length: list.length, content: `[${eol}${indent}${body}${eol}${close}]` }];
  }
  const at = last.offset + last.length;
  // A list written on one line stays on one line.
  if (!/[\r\n]/.test(text.slice(list.offset, at))) return [{ offset: at, length: 0, content: `, ${JSON.stringify(entry)}` }];
  // A trailing comma (JSONC) stays where it is: the new entry goes after it.
  const after = /^\s*,/.exec(text.slice(at));
  if (after) return [{ offset: at + after[0].length, length: 0, content: `${eol}${indent}${body}` }];
  return [{ offset: at, length: 0, content: `,${eol}${indent}${body}` }];
}

/** How to add `entry` to the index file whose current text is `existing` (undefined: no file). */
export function indexFileChange(existing: string | undefined, entry: IndexEntryToAdd): IndexFileChange {
  if (existing === undefined || existing.replace(/^\uFEFF/, '').trim() === '') {
    const text = newFile(entry, existing ? eolOf(existing) : '\n');
    return { kind: 'create', text };
  }
  const lines = new LineIndex(existing);
  const errors: ParseError[] = [];
  const root = parseTree(existing, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (errors.length || !root) {
    const line = errors.length ? lines.positionAt(errors[0].offset).line + 1 : 1;
    return broken(line, 'lỗi cú pháp JSON', 'JSON syntax error');
  }
  // Already there (same number and date)?
  const loaded = parseIndexJson(existing, WORKSPACE_INDEX_JSON);
  const key = numberKey(entry.number) ?? entry.number;
  if (loaded.index.byKey(key).some((e) => e.date === (entry.date ?? null) && (e.locality ?? '') === (entry.locality ?? ''))) return { kind: 'present' };

  let list: JsonNode | undefined;
  if (root.type === 'array') list = root;
  else if (root.type === 'object') {
    const entries = (root.children ?? []).find((p) => p.children?.[0]?.value === 'entries')?.children?.[1] as JsonNode | undefined;
    if (entries && entries.type !== 'array') {
      return broken(lines.positionAt(entries.offset).line + 1, 'trường "entries" phải là một mảng [ … ]', '"entries" must be an array [ … ]');
    }
    list = entries;
  } else {
    return broken(lines.positionAt(root.offset).line + 1, 'danh mục phải là {"version": 1, "entries": [ … ]}', 'the index must be {"version": 1, "entries": [ … ]}');
  }
  const jsonEdits = list
    ? appendTo(existing, list, entry)
    : modify(existing, ['entries'], [entry], { formattingOptions: formattingOf(existing) });
  const edits = jsonEdits.map((e) => ({ range: lines.range(e.offset, e.offset + e.length), newText: e.content }));
  let text = existing;
  for (const e of [...jsonEdits].sort((a, b) => b.offset - a.offset)) text = text.slice(0, e.offset) + e.content + text.slice(e.offset + e.length);
  return { kind: 'edit', edits, text };
}
