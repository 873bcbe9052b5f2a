// Commands the server runs (workspace/executeCommand): the commands rules
// declare for their findings (Rule.commands), each with where it can run.
// `kehoach.addToIndex` adds a cited document to the workspace index
// `.kehoach/directives.json`:
// through a WorkspaceEdit (CreateFile + text edit, undoable, marked as a
// refactoring so VS Code saves it) when the client applies one, else by
// writing the file here and reloading the index. A file that does not parse
// is left alone and the drafter is told why.
// `kehoach.disableRule` and `kehoach.openRuleDoc` are client commands: they
// are not listed here, or the client library would register them twice.

import * as fs from 'fs';
import * as path from 'path';
import {
  Connection,
  CreateFile,
  ServerCapabilities,
  TextDocumentEdit,
  TextDocuments,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { ADD_TO_INDEX, entryLabel, IndexEntryToAdd, indexFileChange, IndexFileChange, WORKSPACE_INDEX_JSON } from '../../core/rules/addToIndex';
import { LineIndex } from '../../core/text/lineIndex';
import type { FeatureContext } from './index';

export { ADD_TO_INDEX };

export interface AddToIndexArgs {
  /** The draft that cites the document: its workspace folder gets the entry. */
  uri: string;
  entry: IndexEntryToAdd;
}

/** The workspace folder holding `uri`, else the first one. */
export function rootFor(uri: string, roots: string[]): string | undefined {
  let file: string | undefined;
  try {
    file = URI.parse(uri).fsPath;
  } catch {
    file = undefined;
  }
  if (file) {
    const inside = roots
      .filter((r) => file === r || file!.startsWith(r.endsWith(path.sep) ? r : r + path.sep))
      .sort((a, b) => b.length - a.length);
    if (inside.length) return inside[0];
  }
  return roots[0];
}

function isArgs(a: unknown): a is AddToIndexArgs {
  const x = a as AddToIndexArgs | undefined;
  return !!x && typeof x.uri === 'string' && !!x.entry && typeof x.entry.number === 'string';
}

export async function addToIndex(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  ctx: FeatureContext,
  args: AddToIndexArgs,
): Promise<boolean> {
  const lang = ctx.language();
  const root = rootFor(args.uri, ctx.roots());
  if (!root) {
    void connection.window.showErrorMessage(
      {
        vi: 'Hãy mở một thư mục làm việc trước: tệp danh mục .kehoach/directives.json nằm trong thư mục đó.',
        en: 'Open a workspace folder first: the index file .kehoach/directives.json lives in it.',
      }[lang],
    );
    return false;
  }
  const file = path.join(root, WORKSPACE_INDEX_JSON);
  const fileUri = URI.file(file).toString();
  const open = documents.get(fileUri);
  let existing: string | undefined;
  try {
    existing = open ? open.getText() : fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  } catch (err) {
    ctx.logError({ vi: `Không đọc được ${file}`, en: `Cannot read ${file}` }[lang], err);
    void connection.window.showErrorMessage({ vi: `Không đọc được tệp ${file}.`, en: `Cannot read ${file}.` }[lang]);
    return false;
  }
  const change = indexFileChange(existing, args.entry);
  const label = entryLabel(args.entry);
  const done = () =>
    void connection.window.showInformationMessage(
      { vi: `Đã thêm ${label} vào danh mục văn bản (${WORKSPACE_INDEX_JSON}).`, en: `Added ${label} to ${WORKSPACE_INDEX_JSON}.` }[lang],
    );
  if (change.kind === 'broken') {
    void connection.window.showErrorMessage(change.message[lang]);
    return false;
  }
  if (change.kind === 'present') {
    ctx.reloadIndex();
    void connection.window.showInformationMessage(
      { vi: `${label} đã có trong danh mục văn bản (${WORKSPACE_INDEX_JSON}).`, en: `${label} is already in ${WORKSPACE_INDEX_JSON}.` }[lang],
    );
    return true;
  }

  // 1. A WorkspaceEdit: one undo step, and the editor saves it as a refactoring.
  if (await appliedByEditor(connection, ctx, indexEdit(change, existing, fileUri, open))) {
    done();
    return true;
  }

  // 2. Written here, then reloaded.
  try {
    writeIndexFile(file, change.text, existing, !!open);
  } catch (err) {
    ctx.logError({ vi: `Không ghi được ${file}`, en: `Cannot write ${file}` }[lang], err);
    void connection.window.showErrorMessage(
      { vi: `Không ghi được tệp ${file}: ${String(err)}`, en: `Cannot write ${file}: ${String(err)}` }[lang],
    );
    return false;
  }
  ctx.reloadIndex();
  done();
  return true;
}

/** The edit that makes the index file `fileUri` (`existing` its text, `open` its document if open) hold the entry. */
function indexEdit(change: Extract<IndexFileChange, { kind: 'create' | 'edit' }>, existing: string | undefined, fileUri: string, open: TextDocument | undefined): WorkspaceEdit {
  if (change.kind === 'edit') return { documentChanges: [TextDocumentEdit.create({ uri: fileUri, version: open?.version ?? null }, change.edits)] };
  const whole = existing === undefined ? undefined : new LineIndex(existing).range(0, existing.length);
  return {
    documentChanges: [
      ...(existing === undefined ? [CreateFile.create(fileUri, { ignoreIfExists: true })] : []),
      TextDocumentEdit.create({ uri: fileUri, version: open?.version ?? null }, [
        whole ? TextEdit.replace(whole, change.text) : TextEdit.insert({ line: 0, character: 0 }, change.text),
      ]),
    ],
  };
}

/** Whether the client applied `edit`; when it refuses or cannot, the log says why and the file is written here. */
async function appliedByEditor(connection: Connection, ctx: FeatureContext, edit: WorkspaceEdit): Promise<boolean> {
  try {
    const r = await connection.workspace.applyEdit({
      label: { vi: 'Thêm vào danh mục văn bản', en: 'Add to the directive index' }[ctx.language()],
      edit,
      metadata: { isRefactoring: true },
    });
    if (r.applied) return true;
    ctx.log({
      vi: `Trình soạn thảo không áp dụng được thay đổi danh mục (${r.failureReason ?? 'không rõ lý do'}); ghi tệp trực tiếp.`,
      en: `The editor did not apply the index change (${r.failureReason ?? 'no reason given'}); writing the file directly.`,
    }[ctx.language()]);
  } catch (err) {
    ctx.log({ vi: `Trình soạn thảo không nhận workspace/applyEdit (${String(err)}); ghi tệp trực tiếp.`, en: `The editor does not take workspace/applyEdit (${String(err)}); writing the file directly.` }[ctx.language()]);
  }
  return false;
}

/** Writes the index file: created anew, or replaced whole through a temporary file if it has not changed since it was read. */
function writeIndexFile(file: string, text: string, existing: string | undefined, open: boolean): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (existing === undefined) {
    fs.writeFileSync(file, text, { encoding: 'utf8', flag: 'wx' });
    return;
  }
  // The file must not have changed under us since it was read.
  if (!open && fs.readFileSync(file, 'utf8') !== existing) throw new Error('the file changed meanwhile');
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, 'utf8');
  fs.renameSync(tmp, file);
}

/** A command the server runs for a document's finding. */
export interface ServerCommand {
  /** Whether it can run for the document `uri` (its action is offered only then). */
  available(uri: string, ctx: FeatureContext): boolean;
  /** Runs it with the arguments the action carried; checks their shape itself. */
  run(connection: Connection, documents: TextDocuments<TextDocument>, ctx: FeatureContext, args: unknown[]): Promise<unknown>;
}

/** Every command the server runs; the same ids as executeCommandProvider below. */
const SERVER_COMMANDS: Record<typeof ADD_TO_INDEX, ServerCommand> = {
  [ADD_TO_INDEX]: {
    // The index file lives in a workspace folder.
    available: (uri, ctx) => !!rootFor(uri, ctx.roots()),
    run: async (connection, documents, ctx, args) => {
      if (!isArgs(args[0])) {
        ctx.logError(`${ADD_TO_INDEX}: ${{ vi: 'tham số không hợp lệ', en: 'invalid arguments' }[ctx.language()]} ${JSON.stringify(args)}`);
        return false;
      }
      return addToIndex(connection, documents, ctx, args[0]);
    },
  },
};

/** The server command of that id, if the server runs one. */
export function serverCommand(id: string): ServerCommand | undefined {
  return Object.prototype.hasOwnProperty.call(SERVER_COMMANDS, id) ? SERVER_COMMANDS[id as keyof typeof SERVER_COMMANDS] : undefined;
}

export const commands = {
  capabilities: { executeCommandProvider: { commands: [ADD_TO_INDEX] } } satisfies ServerCapabilities,
  register(connection: Connection, documents: TextDocuments<TextDocument>, ctx: FeatureContext): void {
    connection.onExecuteCommand(async (params) => {
      const command = serverCommand(params.command);
      if (!command) return null;
      try {
        return await command.run(connection, documents, ctx, params.arguments ?? []);
      } catch (err) {
        ctx.logError({ vi: `Lỗi khi chạy lệnh ${params.command}`, en: `Error while running the command ${params.command}` }[ctx.language()], err);
        return null;
      }
    });
  },
};
