// Editor features served from the shared analysis. Each feature lives in its
// own file and registers its handlers here.

import type { ClientCapabilities, Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DirectiveIndex } from '../../core/index/directiveIndex';
import type { Analyses } from '../analyses';
import type { Language } from '../language';
import type { Settings } from '../settings';
import { tasksFeature } from './tasks';
import { codeActions } from './codeActions';
import { commands } from './commands';
import { completionFeature } from './completion';
import { foldingFeature } from './folding';
import { hoverFeature } from './hover';
import { legacyEncodingFeature } from './legacyEncoding';
import { semanticTokensFeature } from './semanticTokens';
import { symbolsFeature } from './symbols';
import { wordFeature } from './word';

export interface FeatureContext {
  analyses: Analyses;
  /** The index a document is checked against (its workspace folder's); the bundled one without a document. */
  index(uri?: string): DirectiveIndex;
  language(): Language;
  /** The settings that hold for a document (its workspace folder's). */
  settings(uri?: string): Settings;
  roots(): string[];
  shouldCheck(doc: TextDocument): boolean;
  reloadIndex(): void;
  log(message: string): void;
  logError(message: string, err?: unknown): void;
  /** What the client said it supports at initialize (undefined before). */
  clientCapabilities(): ClientCapabilities | undefined;
}

type Register = (connection: Connection, documents: TextDocuments<TextDocument>, ctx: FeatureContext) => void;

const features: { capabilities: ServerCapabilities; register: Register }[] = [
  tasksFeature,
  codeActions,
  commands,
  symbolsFeature,
  foldingFeature,
  hoverFeature,
  completionFeature,
  legacyEncodingFeature,
  wordFeature,
  semanticTokensFeature,
];

export const registerFeatures = Object.assign(
  (connection: Connection, documents: TextDocuments<TextDocument>, ctx: FeatureContext) => {
    for (const f of features) f.register(connection, documents, ctx);
  },
  {
    get capabilities(): ServerCapabilities {
      return Object.assign({}, ...features.map((f) => f.capabilities));
    },
  },
);
