import * as assert from 'assert';
import fc from 'fast-check';
import { normalize } from '../../server/src/core/text/normalize';
import { renormalize } from '../../server/src/core/text/renormalize';
import { params, timeout } from '../fuzz/arbitraries';
import { applyEdits, document, edit } from './edits';

/** Every offset's origin, to compare two maps. */
function origins(nt: { text: string; toOriginal(o: number): number }): number[] {
  const out: number[] = [];
  for (let o = 0; o <= nt.text.length; o++) out.push(nt.toOriginal(o));
  return out;
}

describe('renormalize: a window around an edit, the rest kept', function () {
  this.timeout(timeout());

  it('gives the text and offsets normalize() gives for the whole edited text, over chains of edits', () => {
    fc.assert(
      fc.property(document, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (doc, rounds) => {
        let nt = normalize(doc);
        for (const edits of rounds) {
          const { text, change } = applyEdits(nt.original, edits);
          const full = normalize(text);
          const got = renormalize(nt, text, change)?.nt ?? full;
          assert.equal(got.text, full.text);
          assert.deepEqual(origins(got), origins(full));
          nt = got;
        }
      }),
      params(60),
    );
  });

  it('reports the change in normalised offsets', () => {
    const doc = 'a'.repeat(2000) + '\r\n' + 'Uỷ ban **1.2.** hoà\r\n'.repeat(200);
    const nt = normalize(doc);
    const at = 2500;
    const text = doc.slice(0, at) + 'x' + doc.slice(at);
    const r = renormalize(nt, text, { start: at, oldEnd: at, newEnd: at + 1 })!;
    assert.ok(r, 'a one-character edit is re-normalised in a window');
    const full = normalize(text).text;
    assert.equal(r.nt.text, full);
    assert.equal(full.slice(0, r.change.start), nt.text.slice(0, r.change.start));
    assert.equal(full.slice(r.change.newEnd), nt.text.slice(r.change.oldEnd));
    assert.ok(r.change.newEnd - r.change.start < 1500, 'the window is a few lines, not the document');
  });

  it('declines a change that does not match the texts', () => {
    const nt = normalize('abc\n'.repeat(10));
    assert.equal(renormalize(nt, 'abcd', { start: 0, oldEnd: 0, newEnd: 1 }), undefined);
  });
});

describe('renormalize: the two steps that read across a line break', () => {
  const check = (doc: string, insert: string) => {
    for (let at = 0; at <= doc.length; at += 3) {
      const text = doc.slice(0, at) + insert + doc.slice(at);
      const r = renormalize(normalize(doc), text, { start: at, oldEnd: at, newEnd: at + insert.length });
      const full = normalize(text);
      assert.equal(r?.nt.text ?? full.text, full.text, `edit at ${at}`);
      if (r) assert.deepEqual(origins(r.nt), origins(full), `edit at ${at}`);
    }
  };

  it('a bold heading glued to the line before, read past the window end (`X**II` / `-` / `A`)', () => {
    check('từ\n'.repeat(20) + 'MỤC TIÊU**II\n-\nAN TOÀN\n'.repeat(6), 'x');
  });

  it('a combining mark at a line start (NFD text cut by a line break)', () => {
    check(('U\n\u0309y ban\n').repeat(20), 'o');
  });
});

describe('renormalize: line breaks written out (\\r\\n of a JSON dump) are read from the whole text', () => {
  it('an edit that makes the escapes outnumber the real breaks, or the reverse, gives what normalize() gives', () => {
    const clean = 'KẾ HOẠCH\nI. NHIỆM VỤ\n1.1. Việc một\\n1.2. Việc hai\\n1.3. Việc ba';
    const edits = [
      { at: clean.indexOf('\nI.'), del: 1, ins: '\\r\\n' },
      { at: clean.indexOf('\\n1.2'), del: 2, ins: '\n' },
      { at: clean.length, del: 0, ins: '\\n1.4. Việc bốn\\n1.5. Việc năm' },
    ];
    for (const e of edits) {
      const prev = normalize(clean);
      const text = clean.slice(0, e.at) + e.ins + clean.slice(e.at + e.del);
      const full = normalize(text);
      const got = renormalize(prev, text, { start: e.at, oldEnd: e.at + e.del, newEnd: e.at + e.ins.length })?.nt ?? full;
      assert.equal(got.text, full.text);
      assert.deepEqual(origins(got), origins(full));
    }
  });
});
