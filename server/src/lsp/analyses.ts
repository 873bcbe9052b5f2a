// One analysis per document version, shared by diagnostics and every editor
// feature, so a keystroke is parsed once however many features ask. The edits
// since a document's last analysis are recorded as they arrive, so the next
// analysis re-reads only the edited lines (lintAfterEdit).

import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, lintAfterEdit, LintOptions, LintResult } from '../core/lint';
import { coverChange, TextChange } from '../core/text/change';

interface Entry {
  version: number;
  result: LintResult;
  /** Every edit since `version`, as one change; 'whole' when the text was replaced. */
  since?: TextChange | 'whole';
}

export class Analyses {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly options: (uri: string) => LintOptions) {}

  get(doc: TextDocument): LintResult {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.result;
    const options = this.options(doc.uri);
    const text = doc.getText();
    const result = hit && hit.since && hit.since !== 'whole' ? lintAfterEdit(hit.result, text, hit.since, options) : lint(text, options);
    this.cache.set(doc.uri, { version: doc.version, result });
    return result;
  }

  /**
   * The `update` of a TextDocuments manager: applies the editor's changes one
   * by one and notes where each fell, in the text as it was before it.
   */
  readonly update = (doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument => {
    const entry = this.cache.get(doc.uri);
    for (const change of changes) {
      if (entry && entry.since !== 'whole') {
        if ('range' in change) {
          const start = doc.offsetAt(change.range.start);
          const oldEnd = doc.offsetAt(change.range.end);
          entry.since = coverChange(entry.since, { start, oldEnd, newEnd: start + change.text.length });
        } else {
          entry.since = 'whole';
        }
      }
      doc = TextDocument.update(doc, [change], version);
    }
    return doc;
  };

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
