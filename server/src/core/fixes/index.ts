// The quick fixes of a finding, in the order they are offered. The LSP
// adapter adds the editor-side actions (disable the rule, open its page,
// add to the index file) around these.

import type { Diagnostic, LintResult } from '../lint';
import { citationDateFixes } from './citationDate';
import { insertFieldFixes } from './insertField';
import { legacyEncodingFixes } from './legacyEncoding';
import { renumberFixes } from './renumber';
import type { Fix } from './types';

export type { Fix, TextEdit } from './types';
export { applyEdits } from './types';
export { renumberAllEdits } from './renumber';
export { legacyEncodingEdits } from './legacyEncoding';
export { suppressLineFix, isMarkdown } from './suppressLine';
export { indexEntryFor, indexFileChange, entryLabel, WORKSPACE_INDEX_JSON } from './addToIndex';
export type { IndexEntryToAdd, IndexFileChange } from './addToIndex';

/** Text fixes of one finding (none for rules without one). */
export function fixesFor(result: LintResult, d: Diagnostic): Fix[] {
  if (!result.plan) return [];
  switch (d.code) {
    case 'missing-lead-agency':
    case 'missing-deadline':
      return insertFieldFixes(result, d);
    case 'duplicate-section-number':
    case 'section-order':
      return renumberFixes(result, d);
    case 'citation-date-mismatch':
    case 'inconsistent-citation':
      return citationDateFixes(result, d);
    case 'legacy-encoding':
      return legacyEncodingFixes(result, d);
    default:
      return [];
  }
}
