// textDocument/foldingRange: parts, sections, labelled fields, tables and Nơi nhận.

import type { Connection, FoldingRange, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { foldingRanges } from '../../core/features/folding';
import { analysed, guarded } from './analysed';
import type { FeatureContext } from './index';

export const foldingFeature = {
  capabilities: { foldingRangeProvider: true } as ServerCapabilities,
  register(connection: Connection, documents: TextDocuments<TextDocument>, ctx: FeatureContext): void {
    connection.onFoldingRanges((params) =>
      guarded(ctx, 'Lỗi khi tính vùng thu gọn', (): FoldingRange[] | null => {
        const result = analysed(documents, ctx, params.textDocument.uri);
        return result ? foldingRanges(result) : null;
      }),
    );
  },
};
