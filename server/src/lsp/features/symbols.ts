// textDocument/documentSymbol: the plan's outline as DocumentSymbols.
// A task is an Event: it is dated work with a deadline, and the Event icon
// stands apart from the Namespace groups and Field lines around it (Function
// would read as code).

import { DocumentSymbol, SymbolKind } from 'vscode-languageserver/node';
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSymbols, OutlineKind, OutlineSymbol } from '../../core/features/symbols';
import { analysed, guarded } from './analysed';
import type { FeatureContext } from './index';

const KIND: Record<OutlineKind, SymbolKind> = {
  part: SymbolKind.Module,
  group: SymbolKind.Namespace,
  task: SymbolKind.Event,
  field: SymbolKind.Field,
  item: SymbolKind.String,
};

function toLsp(s: OutlineSymbol): DocumentSymbol {
  return {
    name: s.name || '…',
    detail: s.detail,
    kind: KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toLsp),
  };
}

export const symbolsFeature = {
  capabilities: { documentSymbolProvider: { label: 'Kế hoạch' } } as ServerCapabilities,
  register(connection: Connection, documents: TextDocuments<TextDocument>, ctx: FeatureContext): void {
    connection.onDocumentSymbol((params) =>
      guarded(ctx, 'Lỗi khi lập dàn ý', () => {
        const result = analysed(documents, ctx, params.textDocument.uri);
        return result ? documentSymbols(result, ctx.language()).map(toLsp) : null;
      }),
    );
  },
};
