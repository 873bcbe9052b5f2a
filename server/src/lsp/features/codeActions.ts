// Quick fixes (textDocument/codeAction) over the core's pure fix
// computations: the text fixes of each finding, “Thêm vào danh mục văn bản”
// (a server command), “Bỏ qua … ở dòng này” in Markdown, and the client
// commands to turn a rule off for the workspace and to open its page.
// `source.fixAll.kehoach` renumbers every part with numbering findings.

import type {
  ClientCapabilities,
  CodeAction,
  CodeActionParams,
  Connection,
  Diagnostic as LspDiagnostic,
  ServerCapabilities,
  TextDocuments,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { entryLabel, fixesFor, indexEntryFor, isMarkdown, renumberAllEdits, suppressLineFix, TextEdit } from '../../core/fixes';
import type { Diagnostic } from '../../core/lint';
import { ruleById } from '../../core/rules';
import type { Msg } from '../../core/rules/types';
import { ADD_TO_INDEX, AddToIndexArgs, rootFor } from './commands';
import type { FeatureContext } from './index';

export const FIX_ALL_KIND = 'source.fixAll.kehoach';
const QUICK_FIX = 'quickfix';

/** Client commands (the extension implements them). */
export const DISABLE_RULE = 'kehoach.disableRule';
export const OPEN_RULE_DOC = 'kehoach.openRuleDoc';

function snippetEscape(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}

/** Edits on one document as a WorkspaceEdit the client understands. */
function workspaceEdit(doc: TextDocument, edits: TextEdit[], caps: ClientCapabilities | undefined): WorkspaceEdit {
  const we = caps?.workspace?.workspaceEdit;
  if (!we?.documentChanges) return { changes: { [doc.uri]: edits.map(({ range, newText }) => ({ range, newText })) } };
  const snippets = !!we.snippetEditSupport;
  return {
    documentChanges: [
      {
        textDocument: { uri: doc.uri, version: doc.version },
        edits: edits.map((e) =>
          snippets && e.cursor !== undefined
            ? {
                range: e.range,
                snippet: {
                  kind: 'snippet' as const,
                  value: snippetEscape(e.newText.slice(0, e.cursor)) + '$0' + snippetEscape(e.newText.slice(e.cursor)),
                },
              }
            : { range: e.range, newText: e.newText },
        ),
      },
    ],
  };
}

function sameRange(a: LspDiagnostic['range'], b: Diagnostic['range']): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** Is `kind` asked for by the request's `only` filter (none: quick fixes only)? */
function wanted(kind: string, only: string[] | undefined): boolean {
  if (!only?.length) return kind === QUICK_FIX;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

/** Every action for the given diagnostics of a document, deduplicated by title. */
export function codeActionsFor(
  doc: TextDocument,
  params: Pick<CodeActionParams, 'context'>,
  ctx: FeatureContext,
): CodeAction[] {
  const result = ctx.analyses.get(doc);
  const lang = ctx.language();
  const t = (m: Msg) => m[lang];
  const caps = ctx.clientCapabilities();
  const only = params.context.only;
  const out: CodeAction[] = [];
  const byTitle = new Map<string, CodeAction>();
  const add = (action: CodeAction, lsp: LspDiagnostic) => {
    const key = `${action.kind}|${action.title}|${JSON.stringify(action.edit ?? action.command ?? null)}`;
    const seen = byTitle.get(key);
    if (seen) {
      if (!seen.diagnostics?.includes(lsp)) seen.diagnostics = [...(seen.diagnostics ?? []), lsp];
      return;
    }
    byTitle.set(key, action);
    out.push(action);
  };

  if (wanted(QUICK_FIX, only)) {
    for (const lsp of params.context.diagnostics) {
      if (lsp.source !== undefined && lsp.source !== 'kehoach') continue;
      const code = typeof lsp.code === 'string' ? lsp.code : (lsp.data as { code?: string } | undefined)?.code;
      if (!code || !ruleById(code)) continue;
      const d = result.diagnostics.find((x) => x.code === code && sameRange(lsp.range, x.range));
      if (d) {
        let preferredGiven = false;
        for (const fix of fixesFor(result, d)) {
          const preferred: boolean = !!fix.preferred && !preferredGiven;
          preferredGiven ||= preferred;
          add(
            {
              title: t(fix.title),
              kind: QUICK_FIX,
              diagnostics: [lsp],
              isPreferred: preferred || undefined,
              edit: workspaceEdit(doc, fix.edits, caps),
            },
            lsp,
          );
        }
        const entry = indexEntryFor(d);
        if (entry && rootFor(doc.uri, ctx.roots())) {
          const args: AddToIndexArgs = { uri: doc.uri, entry };
          const label = entryLabel(entry);
          add(
            {
              title: { vi: `Thêm ${label} vào danh mục văn bản`, en: `Add ${label} to the directive index` }[lang],
              kind: QUICK_FIX,
              diagnostics: [lsp],
              command: { title: { vi: 'Thêm vào danh mục văn bản', en: 'Add to the directive index' }[lang], command: ADD_TO_INDEX, arguments: [args] },
            },
            lsp,
          );
        }
        if (isMarkdown(doc.languageId, doc.uri)) {
          const fix = suppressLineFix(result, d);
          if (fix) add({ title: t(fix.title), kind: QUICK_FIX, diagnostics: [lsp], edit: workspaceEdit(doc, fix.edits, caps) }, lsp);
        }
      }
      add(
        {
          title: { vi: `Tắt quy tắc ${code} cho cả thư mục làm việc`, en: `Turn off rule ${code} for the whole workspace` }[lang],
          kind: QUICK_FIX,
          diagnostics: [lsp],
          command: { title: { vi: 'Tắt quy tắc', en: 'Turn off rule' }[lang], command: DISABLE_RULE, arguments: [code] },
        },
        lsp,
      );
      add(
        {
          title: { vi: `Mở trang mô tả quy tắc ${code}`, en: `Open the description of rule ${code}` }[lang],
          kind: QUICK_FIX,
          diagnostics: [lsp],
          command: { title: { vi: 'Mở trang mô tả quy tắc', en: 'Open rule description' }[lang], command: OPEN_RULE_DOC, arguments: [code] },
        },
        lsp,
      );
    }
  }

  if (only?.length && wanted(FIX_ALL_KIND, only) && (doc.languageId === 'kehoach' || ctx.shouldCheck(doc))) {
    const edits = renumberAllEdits(result);
    if (edits.length) {
      out.push({
        title: { vi: 'Đánh số lại các phần có số mục trùng hoặc sai thứ tự', en: 'Renumber every part with numbering errors' }[lang],
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(doc, edits, caps),
      });
    }
  }
  return out;
}

export const codeActions = {
  capabilities: {
    codeActionProvider: { codeActionKinds: [QUICK_FIX, FIX_ALL_KIND], resolveProvider: false },
  } satisfies ServerCapabilities,
  register(connection: Connection, documents: TextDocuments<TextDocument>, ctx: FeatureContext): void {
    connection.onCodeAction((params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      try {
        return codeActionsFor(doc, params, ctx);
      } catch (err) {
        ctx.logError(`Lỗi khi tính cách sửa cho ${doc.uri}`, err);
        return [];
      }
    });
  },
};

