// textDocument/hover: citations (what the index knows) and task headings.

import { MarkupKind } from 'vscode-languageserver/node';
import type { Connection, Hover, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hover } from '../../core/features/hover';
import { analysed, guarded } from './analysed';
import type { FeatureContext } from './index';

export const hoverFeature = {
  capabilities: { hoverProvider: true } as ServerCapabilities,
  register(connection: Connection, documents: TextDocuments<TextDocument>, ctx: FeatureContext): void {
    connection.onHover((params) =>
      guarded(ctx, 'Lỗi khi hiện thông tin', (): Hover | null => {
        const result = analysed(documents, ctx, params.textDocument.uri);
        const h = result && hover(result, params.position, ctx.index(params.textDocument.uri), ctx.language());
        return h ? { contents: { kind: MarkupKind.Markdown, value: h.contents }, range: h.range } : null;
      }),
    );
  },
};
