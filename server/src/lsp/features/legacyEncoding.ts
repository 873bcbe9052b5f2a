// `kehoach/convertLegacyEncoding`: the edits that turn every TCVN3/VNI run of
// an open document into Unicode, for the client command of the same name
// (the client applies them as one undo step). Not an executeCommand: the
// client library would register it a second time.

import type { Connection, ServerCapabilities, TextDocuments, TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { legacyEncodingEdits } from '../../core/rules/legacyEncoding';
import { skipReason } from '../../core/lint';
import type { FeatureContext } from './index';
import { REQUESTS } from '../requests';

const CONVERT_LEGACY_REQUEST = REQUESTS.convertLegacyEncoding;

export interface ConvertLegacyResult {
  /** Document version the edits apply to. */
  version: number | null;
  edits: TextEdit[];
}

export const legacyEncodingFeature = {
  capabilities: {} as ServerCapabilities,
  register(connection: Connection, documents: TextDocuments<TextDocument>, ctx: FeatureContext): void {
    connection.onRequest(CONVERT_LEGACY_REQUEST, (params: { uri?: unknown }): ConvertLegacyResult => {
      const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
      if (!doc) return { version: null, edits: [] };
      const text = doc.getText();
      // A file too large or not text is not touched, as it is not checked.
      if (skipReason(text, ctx.settings(doc.uri).maxFileSizeMb)) return { version: doc.version, edits: [] };
      return { version: doc.version, edits: legacyEncodingEdits(text).map(({ range, newText }) => ({ range, newText })) };
    });
  },
};
