// What every analysis result must satisfy, whatever the input: ranges inside
// the document, start ≤ end, offsets inside the text, a message in both languages.

import assert from 'node:assert/strict';
import type { Diagnostic } from '../../server/src/core/lint';
import type { Range } from '../../server/src/core/text/lineIndex';

/** Lengths of the document's lines as an editor counts them (CRLF, CR, LF). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function assertInside(r: Range, lines: number[], what: string): void {
  const ok =
    r.start.line >= 0 &&
    r.end.line < lines.length &&
    r.start.character >= 0 &&
    r.start.character <= lines[r.start.line] &&
    r.end.character >= 0 &&
    r.end.character <= lines[r.end.line] &&
    (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
  assert.ok(ok, `${what} outside the document or reversed: ${JSON.stringify(r)}`);
}

export function assertSound(text: string, diagnostics: Diagnostic[]): void {
  const lines = lineLengths(text);
  for (const d of diagnostics) {
    assertInside(d.range, lines, d.code);
    assert.ok(d.offsets.start >= 0 && d.offsets.start <= d.offsets.end && d.offsets.end <= text.length, `${d.code} offsets ${JSON.stringify(d.offsets)}`);
    assert.ok(d.message.vi && d.message.en, `${d.code} without a message`);
    for (const r of d.related) assertInside(r.range, lines, `${d.code} related`);
  }
}
