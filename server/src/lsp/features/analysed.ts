// The shared analysis of a document an editor feature asks about, or nothing
// when the document is not open or is not a plan to check (plain text and
// Markdown that do not look like one).

import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../../core/lint';
import type { FeatureContext } from './index';

export function analysed(documents: TextDocuments<TextDocument>, ctx: FeatureContext, uri: string): LintResult | undefined {
  const doc = documents.get(uri);
  if (!doc || !ctx.shouldCheck(doc)) return undefined;
  const result = ctx.analyses.get(doc);
  return result.plan ? result : undefined;
}

/** Runs a handler, logging (not throwing) a fault: a failing feature must not take the server down. */
export function guarded<T>(ctx: FeatureContext, what: string, run: () => T): T | null {
  try {
    return run();
  } catch (err) {
    ctx.logError(what, err);
    return null;
  }
}
