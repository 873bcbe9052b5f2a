// One analysis per document version, shared by diagnostics and every editor
// feature, so a keystroke is parsed once however many features ask.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, LintOptions, LintResult } from '../core/lint';

interface Entry {
  version: number;
  result: LintResult;
}

export class Analyses {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly options: () => LintOptions) {}

  get(doc: TextDocument): LintResult {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.result;
    const result = lint(doc.getText(), this.options());
    this.cache.set(doc.uri, { version: doc.version, result });
    return result;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
