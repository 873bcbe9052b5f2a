// The LSP boundary: a published diagnostic's data names its finding (rule,
// fingerprint, version) and is read back in one place. Sent back unchanged it
// finds the finding again; of another version or shape, or of a finding that
// is no longer there, it finds nothing and throws nothing.

import assert from 'node:assert/strict';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { fixesFor } from '../../server/src/core/fixes';
import { toLspDiagnostic } from '../../server/src/lsp/convert';
import { codeOf, findingFor } from '../../server/src/lsp/diagnosticData';
import { seed, SEEDS } from '../helpers';
import { analyse } from './util';

const S000 = seed(SEEDS.plan000);

/** The LSP diagnostic as the client keeps it: through JSON. */
function published(text: string, line: number, code: string): LspDiagnostic {
  const result = analyse(text);
  const d = result.diagnostics.find((x) => x.code === code && x.range.start.line + 1 === line)!;
  return JSON.parse(JSON.stringify(toLspDiagnostic(d, 'vi', 'file:///x.kh')));
}

describe('LSP diagnostic data', () => {
  it('sent back unchanged, it finds its finding, whose fixes are offered', () => {
    const lsp = published(S000, 77, 'duplicate-section-number');
    assert.deepEqual(lsp.data, { v: 1, code: 'duplicate-section-number', key: (lsp.data as { key: string }).key, facts: { number: '1.2.4', firstLine: 54 } });
    const result = analyse(S000);
    const d = findingFor(lsp, result)!;
    assert.equal(d.code, 'duplicate-section-number');
    assert.equal(fixesFor(result, d)[0].title.vi, 'Đánh số lại phần II');
  });

  it('data of another version or shape: no finding, no error; the rule id still comes from `code`', () => {
    const lsp = published(S000, 77, 'duplicate-section-number');
    const result = analyse(S000);
    for (const data of [null, 1, 'x', [], {}, { v: 2, code: lsp.code, key: 'k' }, { ...(lsp.data as object), v: 0 }, { ...(lsp.data as object), key: 5 }, { code: 'duplicate-section-number' }]) {
      assert.equal(findingFor({ ...lsp, data }, result), undefined, JSON.stringify(data));
      assert.equal(codeOf({ ...lsp, data }), 'duplicate-section-number');
    }
    // Data of another rule than its code says.
    assert.equal(findingFor({ ...lsp, data: { ...(lsp.data as object), code: 'section-order' } }, result), undefined);
    // No code and no readable data: no rule.
    assert.equal(codeOf({ ...lsp, code: undefined, data: {} }), undefined);
    assert.equal(codeOf({ ...lsp, code: undefined }), 'duplicate-section-number');
  });

  it('a stale diagnostic (another finding of the rule now stands there): no finding', () => {
    const lsp = published(S000, 77, 'duplicate-section-number');
    // The number is changed: a duplicate of another number sits on the same range.
    const edited = S000.split('\n');
    assert.match(edited[76], /1\.2\.4/);
    edited[76] = edited[76].replace('1.2.4', '1.2.5');
    const result = analyse(edited.join('\n'));
    assert.ok(result.diagnostics.some((d) => d.code === 'duplicate-section-number' && d.range.start.line === 76));
    assert.equal(findingFor(lsp, result), undefined);
  });

  it('a client that keeps no data: matched on rule and range', () => {
    const lsp = published(S000, 77, 'duplicate-section-number');
    const result = analyse(S000);
    assert.equal(findingFor({ ...lsp, data: undefined }, result)?.code, 'duplicate-section-number');
  });
});
