// textDocument/semanticTokens/full: the field labels a workspace adds in
// `kehoach.labels.*`, which the TextMate grammars cannot know. Typed `keyword`,
// the standard type the grammars' `keyword.other.label` scope falls under, so
// every theme colours them like the built-in labels. Nothing else is
// tokenized: Markdown and the grammars keep their own colouring.

import { SemanticTokensBuilder } from 'vscode-languageserver/node';
import type { Connection, SemanticTokens, SemanticTokensLegend, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { addedLabelTokens } from '../../core/features/labelTokens';
import { analysed, guarded } from './analysed';
import type { FeatureContext } from './index';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: ['keyword'], tokenModifiers: [] };
const KEYWORD = 0;

export const semanticTokensFeature = {
  capabilities: { semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true } } as ServerCapabilities,
  register(connection: Connection, documents: TextDocuments<TextDocument>, ctx: FeatureContext): void {
    connection.languages.semanticTokens.on((params) =>
      guarded(ctx, 'Lỗi khi tô màu nhãn', (): SemanticTokens => {
        const builder = new SemanticTokensBuilder();
        const result = analysed(documents, ctx, params.textDocument.uri);
        for (const t of result ? addedLabelTokens(result) : []) builder.push(t.line, t.character, t.length, KEYWORD, 0);
        return builder.build();
      }) ?? { data: [] },
    );
  },
};
