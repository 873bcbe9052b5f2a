// textDocument/completion: indexed documents after a type word, field labels
// inside a task, the next task as a snippet, and the plan skeleton with the
// issuer's header from the settings.

import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver/node';
import type { CompletionItem, CompletionList, Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionEntry, completions } from '../../core/features/completion';
import { analysed, guarded } from './analysed';
import type { FeatureContext } from './index';

const KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  document: CompletionItemKind.Reference,
  field: CompletionItemKind.Property,
  task: CompletionItemKind.Snippet,
  skeleton: CompletionItemKind.Snippet,
};

function toLsp(e: CompletionEntry): CompletionItem {
  return {
    label: e.label,
    kind: KIND[e.kind],
    detail: e.detail,
    documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
    textEdit: { range: e.range, newText: e.insertText },
    insertTextFormat: e.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    filterText: e.filterText,
    sortText: e.sortText,
  };
}

export const completionFeature = {
  capabilities: {
    // Space after `Nghị quyết số` or a bullet, a dot in `1.1.`.
    completionProvider: { triggerCharacters: [' ', '.'] },
  } as ServerCapabilities,
  register(connection: Connection, documents: TextDocuments<TextDocument>, ctx: FeatureContext): void {
    connection.onCompletion((params) =>
      guarded(ctx, 'Lỗi khi gợi ý', (): CompletionList | null => {
        const result = analysed(documents, ctx, params.textDocument.uri);
        if (!result) return null;
        const { issuer, locality } = ctx.settings(params.textDocument.uri);
        const items = completions(result, params.position, ctx.index(params.textDocument.uri), ctx.language(), { ...issuer, locality }).map(toLsp);
        // Filtering a document list by number needs the server (number prefix, accents): re-ask as the user types.
        return { isIncomplete: items.some((i) => i.kind === CompletionItemKind.Reference), items };
      }),
    );
  },
};
