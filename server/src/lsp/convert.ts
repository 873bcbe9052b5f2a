// Core diagnostics → LSP diagnostics.

import * as path from 'path';
import { Diagnostic as LspDiagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { Diagnostic } from '../core/lint';
import { ruleById } from '../core/rules';
import type { Severity } from '../core/rules/types';
import { diagnosticData } from './diagnosticData';
import type { Language } from './language';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The rule's page, shipped beside the bundle (dist/../docs/rules). */
export function ruleDocUri(code: string): string | undefined {
  const rule = ruleById(code);
  if (!rule) return undefined;
  return URI.file(path.join(__dirname, '..', rule.docs)).toString();
}

export function toLspDiagnostic(d: Diagnostic, language: Language, uri: string): LspDiagnostic {
  const href = ruleDocUri(d.code);
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: href ? { href } : undefined,
    source: 'kehoach',
    message: d.message[language],
    relatedInformation: d.related.length
      ? d.related.map((r) => ({ location: { uri, range: r.range }, message: r.message[language] }))
      : undefined,
    data: diagnosticData(d),
  };
}
