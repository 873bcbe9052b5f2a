// Quick fixes (textDocument/codeAction), built from what each rule declares:
// its text fixes, its command-style actions (server commands, where they can
// run: “Thêm vào danh mục văn bản” needs a workspace folder) and its fix-all
// (`source.fixAll.kehoach`). Around them the editor-side actions any finding
// has: “Bỏ qua … ở dòng này” in Markdown, and the client commands to turn a
// rule off for the workspace and to open its page.

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
import { commandsFor, fixAllFor, fixesFor, isMarkdown, suppressLineFix, TextEdit } from '../../core/fixes';
import type { Diagnostic, LintResult } from '../../core/lint';
import { ruleById } from '../../core/rules';
import type { Msg, RuleCommand } from '../../core/rules/types';
import { codeOf, findingFor } from '../diagnosticData';
import { serverCommand } from './commands';
import type { Language } from '../language';
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
      const code = codeOf(lsp);
      if (!code || !ruleById(code)) continue;
      const d = findingFor(lsp, result);
      if (d) for (const action of ruleActions(doc, result, d, ctx)) add({ ...action, diagnostics: [lsp] }, lsp);
      for (const action of editorActions(code, lang)) add({ ...action, diagnostics: [lsp] }, lsp);
    }
  }

  if (only?.length && wanted(FIX_ALL_KIND, only) && (doc.languageId === 'kehoach' || ctx.shouldCheck(doc))) {
    for (const all of fixAllFor(result)) out.push({ title: t(all.title), kind: FIX_ALL_KIND, edit: workspaceEdit(doc, all.edits, caps) });
  }
  return out;
}

/** What the finding's rule declares (text fixes, then commands), and “ignore on this line” in Markdown. */
function ruleActions(doc: TextDocument, result: LintResult, d: Diagnostic, ctx: FeatureContext): CodeAction[] {
  const t = (m: Msg) => m[ctx.language()];
  const caps = ctx.clientCapabilities();
  const out: CodeAction[] = [];
  let preferredGiven = false;
  for (const fix of fixesFor(result, d)) {
    const preferred: boolean = !!fix.preferred && !preferredGiven;
    preferredGiven ||= preferred;
    out.push({ title: t(fix.title), kind: QUICK_FIX, isPreferred: preferred || undefined, edit: workspaceEdit(doc, fix.edits, caps) });
  }
  for (const c of commandsFor(result, d)) {
    const action = commandAction(doc, c, ctx);
    if (action) out.push(action);
  }
  if (isMarkdown(doc.languageId, doc.uri)) {
    const fix = suppressLineFix(result, d);
    if (fix) out.push({ title: t(fix.title), kind: QUICK_FIX, edit: workspaceEdit(doc, fix.edits, caps) });
  }
  return out;
}

/** A declared command as an action, when the server runs it and it can run for this document. */
function commandAction(doc: TextDocument, c: RuleCommand, ctx: FeatureContext): CodeAction | undefined {
  if (!serverCommand(c.command)?.available(doc.uri, ctx)) return undefined;
  const lang = ctx.language();
  return {
    title: c.title[lang],
    kind: QUICK_FIX,
    command: { title: c.commandTitle[lang], command: c.command, arguments: [{ uri: doc.uri, ...c.arguments }] },
  };
}

/** The client commands every rule's finding has: turn the rule off, open its page. */
function editorActions(code: string, lang: Language): CodeAction[] {
  return [
    {
      title: { vi: `Tắt quy tắc ${code} cho cả thư mục làm việc`, en: `Turn off rule ${code} for the whole workspace` }[lang],
      kind: QUICK_FIX,
      command: { title: { vi: 'Tắt quy tắc', en: 'Turn off rule' }[lang], command: DISABLE_RULE, arguments: [code] },
    },
    {
      title: { vi: `Mở trang mô tả quy tắc ${code}`, en: `Open the description of rule ${code}` }[lang],
      kind: QUICK_FIX,
      command: { title: { vi: 'Mở trang mô tả quy tắc', en: 'Open rule description' }[lang], command: OPEN_RULE_DOC, arguments: [code] },
    },
  ];
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
        ctx.logError({ vi: `Lỗi khi tính cách sửa cho ${doc.uri}`, en: `Error while computing the fixes for ${doc.uri}` }[ctx.language()], err);
        return [];
      }
    });
  },
};

