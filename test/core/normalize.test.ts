import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { mapRange, normalize } from '../../server/src/core/text/normalize';
import { asciiKey, foldTonePlacement, labelKey } from '../../server/src/core/text/vietnamese';

describe('normalize', () => {
  it('composes NFD to NFC and maps offsets back to the original', () => {
    const original = 'Cơ quan chủ trì: Sở Nội vụ'.normalize('NFD');
    const nt = normalize(original);
    assert.equal(nt.text, 'Cơ quan chủ trì: Sở Nội vụ');
    const start = nt.text.indexOf('Sở');
    const r = mapRange(nt, start, nt.text.length);
    assert.equal(original.slice(r.start, r.end).normalize('NFC'), 'Sở Nội vụ');
    assert.equal(r.end, original.length);
  });

  it('turns CRLF and lone CR into one line break each', () => {
    const nt = normalize('a\r\nb\rc\nd');
    assert.equal(nt.text, 'a\nb\nc\nd');
    assert.equal(nt.toOriginal(nt.text.indexOf('d')), 'a\r\nb\rc\nd'.indexOf('d'));
  });

  it('drops BOM and zero-width spaces, maps NBSP to a space', () => {
    const original = '\ufeff\u200bSố\u00a015-KH/BTCTU';
    const nt = normalize(original);
    assert.equal(nt.text, 'Số 15-KH/BTCTU');
    assert.equal(nt.toOriginal(0), 2);
  });

  it('maps en/em dashes to hyphens and Ð (U+00D0) to Đ', () => {
    assert.equal(normalize('16/CT–TTg 44/2015/NÐ-CP').text, '16/CT-TTg 44/2015/NĐ-CP');
  });

  it('strips Markdown emphasis and HTML tags around numbers and labels, keeps bullets', () => {
    const nt = normalize('**1.2.** *Cơ quan chủ trì:* <b>Sở</b>\n* item');
    assert.equal(nt.text, '1.2. Cơ quan chủ trì: Sở\n* item');
    const i = nt.text.indexOf('Cơ');
    assert.equal(nt.toOriginal(i), '**1.2.** *Cơ'.length - 2);
  });

  it('splits a bold heading glued onto the line before it', () => {
    assert.equal(normalize('I- MỤC TIÊU**1. Quan điểm**').text, 'I- MỤC TIÊU\n1. Quan điểm');
  });

  it('folds old tone placement to the new one, without moving offsets', () => {
    assert.equal(foldTonePlacement('Uỷ ban hoà thuỷ khoẻ'), 'Ủy ban hòa thủy khỏe');
    // quý keeps its tone on y in both styles; hoàn has a final consonant.
    assert.equal(foldTonePlacement('quý hoàn thuyết'), 'quý hoàn thuyết');
    const old = 'Tỉnh uỷ Hoà Bình';
    assert.equal(normalize(old).text.length, old.length);
    assert.equal(labelKey('Uỷ ban'), labelKey('Ủy ban'));
  });

  it('gives accent-free keys for filtering', () => {
    assert.equal(asciiKey('Nghị quyết Đảng'), 'nghi quyet dang');
  });
});

describe('LineIndex', () => {
  it('counts UTF-16 units and every kind of line break', () => {
    const text = 'ab\r\ncd\ref\n𝐀x';
    const li = new LineIndex(text);
    assert.equal(li.lineCount, 4);
    assert.deepEqual(li.positionAt(text.indexOf('d')), { line: 1, character: 1 });
    assert.deepEqual(li.positionAt(text.indexOf('x')), { line: 3, character: 2 });
    assert.equal(li.offsetAt({ line: 2, character: 1 }), text.indexOf('f'));
  });
});

describe('normalize: offsets through both passes', () => {
  it('maps a composed cluster and stripped emphasis back to the characters typed', () => {
    const nt = normalize('a\u0301**b**');
    assert.equal(nt.text, 'áb');
    assert.deepEqual([0, 1, 2].map((o) => nt.toOriginal(o)), [0, 4, 7]);
  });

  it('maps every offset of a text that normalises to nothing to its end', () => {
    const nt = normalize('\u200b\ufeff');
    assert.equal(nt.text, '');
    assert.deepEqual([-1, 0, 1].map((o) => nt.toOriginal(o)), [2, 2, 2]);
  });
});

describe('normalize: marks of other scripts typed decomposed', () => {
  for (const [name, s] of [
    ['Hangul jamo (NFD splits a syllable into them)', '2.1가.3. 각 Sở Tài chính'],
    ['Devanagari nukta (a composition exclusion)', 'Ghi chú: क़ख़'],
    ['an astral mark (musical half note)', 'ký hiệu \u{1D15E} ở đây'],
    ['a variation selector after an emoji', 'Lưu ý ❤️ xong'],
  ] as const) {
    it(`${name}: NFD and NFC give the same text`, () => {
      const nfc = normalize(s.normalize('NFC'));
      const decomposed = normalize(s.normalize('NFD'));
      assert.equal(decomposed.text, nfc.text);
      // Every unit maps inside the decomposed original.
      for (let o = 0; o < decomposed.text.length; o++) assert.ok(decomposed.toOriginal(o) < s.normalize('NFD').length);
    });
  }
});
