// What a published diagnostic carries in its `data` (JSON, kept by the client
// and sent back with a code action request), and the one place it is read
// back. It names the finding, it is not the finding: the fixes are computed
// from the current analysis, where the rule's typed data lives. Data of
// another version or shape, or of a finding that is no longer there (the
// text changed since it was published), yields no fix, never an error.

import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Diagnostic, LintResult } from '../core/lint';

/** Bumped whenever the shape below changes. */
const VERSION = 1;

export interface DiagnosticData {
  v: typeof VERSION;
  /** The rule id (also the diagnostic's `code`). */
  code: string;
  /** Which finding of the rule: a fingerprint of its message, so that another finding at the same place is not taken for it. */
  key: string;
  /** The rule's facts of the finding (Rule.facts), for other tools; never read back. */
  facts?: Record<string, unknown>;
}

/** FNV-1a, 32 bits, in hex: short and stable across runs. */
function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function keyOf(d: Diagnostic): string {
  return fingerprint(`${d.code}\u0000${d.message.vi}`);
}

export function diagnosticData(d: Diagnostic): DiagnosticData {
  return { v: VERSION, code: d.code, key: keyOf(d), ...(d.data ? { facts: d.data } : {}) };
}

/** The data as this server wrote it; undefined for anything else. */
function readData(data: unknown): DiagnosticData | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const x = data as Partial<DiagnosticData>;
  return x.v === VERSION && typeof x.code === 'string' && typeof x.key === 'string' ? (x as DiagnosticData) : undefined;
}

/** The rule id of a diagnostic the client sent back. */
export function codeOf(lsp: LspDiagnostic): string | undefined {
  return typeof lsp.code === 'string' ? lsp.code : readData(lsp.data)?.code;
}

function sameRange(a: LspDiagnostic['range'], b: Diagnostic['range']): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/**
 * The finding of the current analysis a diagnostic sent back by the client
 * stands for: same rule, same range and, when the client kept the data, same
 * fingerprint. A client that keeps no data is matched on rule and range.
 */
export function findingFor(lsp: LspDiagnostic, result: LintResult): Diagnostic | undefined {
  const code = codeOf(lsp);
  if (!code) return undefined;
  if (lsp.data === undefined) return result.diagnostics.find((d) => d.code === code && sameRange(lsp.range, d.range));
  const data = readData(lsp.data);
  if (!data || data.code !== code) return undefined;
  return result.diagnostics.find((d) => d.code === code && sameRange(lsp.range, d.range) && keyOf(d) === data.key);
}
