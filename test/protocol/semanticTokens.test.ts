// textDocument/semanticTokens/full over the protocol: the labels the workspace
// adds in kehoach.labels, as `keyword` tokens, in .kh and Markdown plans alike.

import assert from 'node:assert/strict';
import { SemanticTokenTypes } from 'vscode-languageserver-protocol';
import type { SemanticTokens } from 'vscode-languageserver-protocol';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/lsp/features/semanticTokens';
import { startServer, TestClient } from './lspClient';

const PLAN = ['KẾ HOẠCH', '', 'I. NHIỆM VỤ, GIẢI PHÁP', '', '1. Số hóa hồ sơ lưu trữ', '', '- Cơ quan chủ trì: Văn phòng.', '', '- Hạn chót: Quý II/2026.', ''].join('\n');

async function tokensFor(client: TestClient, uri: string, languageId: string): Promise<number[]> {
  client.open(uri, PLAN, languageId, 1);
  await client.waitForDiagnostics(uri, (_d, v) => v === 1);
  const tokens: SemanticTokens = await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
  return tokens.data;
}

describe('language server: semantic tokens for added labels', function () {
  this.timeout(30000);
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  it('uses a standard token type, so every theme colours it', () => {
    assert.deepEqual(SEMANTIC_TOKENS_LEGEND.tokenTypes, [SemanticTokenTypes.keyword]);
  });

  it('marks the added label, read as a deadline, in a .kh file and in Markdown', async () => {
    client = await startServer({ configuration: { labels: { deadline: ['Hạn chót'] } } });
    // line 8, character 2, 8 characters, type 0 (keyword), no modifiers
    assert.deepEqual(await tokensFor(client, 'file:///tmp/kehoach-test/tokens.kh', 'kehoach'), [8, 2, 8, 0, 0]);
    assert.deepEqual(await tokensFor(client, 'file:///tmp/kehoach-test/tokens.md', 'markdown'), [8, 2, 8, 0, 0]);
    const diagnostics = client.published.filter((p) => p.uri.endsWith('tokens.kh')).at(-1)!.diagnostics;
    assert.ok(!diagnostics.some((d) => d.code === 'missing-deadline'), 'the added label is read as the deadline');
  });

  it('marks nothing when the workspace adds no labels', async () => {
    client = await startServer();
    assert.deepEqual(await tokensFor(client, 'file:///tmp/kehoach-test/tokens-none.kh', 'kehoach'), []);
  });
});
