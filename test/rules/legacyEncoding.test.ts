// legacy-encoding: the decoding of vietnamese-conversion checked against the
// TCVN3 and VNI tables themselves, runs found in mojibake and never in
// Unicode Vietnamese, and the quick fix and the whole-document conversion.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import { legacyEncodingEdits } from '../../server/src/core/rules/legacyEncoding';
import { lint } from '../../server/src/core/lint';
import { decodeLegacy, findLegacyRuns, isVietnameseSyllable } from '../../server/src/core/text/legacyEncoding';
import { normalize } from '../../server/src/core/text/normalize';
import { foldTonePlacement } from '../../server/src/core/text/vietnamese';
import { bundledIndex, seed, SEEDS } from '../helpers';

/**
 * TCVN3 (TCVN 5712:1993, VN3) as its bytes show in a Unicode editor
 * (Windows-1252/Latin-1): the lower-case letters, written out from the table,
 * not from the package under test.
 */
const TCVN3: Record<string, string> = {
  ă: '¨', â: '©', ê: 'ª', ô: '«', ơ: '¬', ư: '\u00ad', đ: '®', Ă: '¡', Â: '¢', Ê: '£', Ô: '¤', Ơ: '¥', Ư: '¦', Đ: '§',
  à: 'µ', ả: '¶', ã: '·', á: '¸', ạ: '¹', ằ: '»', ẳ: '¼', ẵ: '½', ắ: '¾', ặ: 'Æ', ầ: 'Ç', ẩ: 'È', ẫ: 'É', ấ: 'Ê', ậ: 'Ë',
  è: 'Ì', ẻ: 'Î', ẽ: 'Ï', é: 'Ð', ẹ: 'Ñ', ề: 'Ò', ể: 'Ó', ễ: 'Ô', ế: 'Õ', ệ: 'Ö',
  ì: '×', ỉ: 'Ø', ĩ: 'Ü', í: 'Ý', ị: 'Þ',
  ò: 'ß', ỏ: 'á', õ: 'â', ó: 'ã', ọ: 'ä', ồ: 'å', ổ: 'æ', ỗ: 'ç', ố: 'è', ộ: 'é', ờ: 'ê', ở: 'ë', ỡ: 'ì', ớ: 'í', ợ: 'î',
  ù: 'ï', ủ: 'ñ', ũ: 'ò', ú: 'ó', ụ: 'ô', ừ: 'õ', ử: 'ö', ữ: '÷', ứ: 'ø', ự: 'ù',
  ỳ: 'ú', ỷ: 'û', ỹ: 'ü', ý: 'ý', ỵ: 'þ',
};

/** VNI: base letter, then a shape byte (â ê ô: `â`; ă: `ê`; ơ: `ô`; ư: `ö`; đ: `ñ`), then a tone byte. */
const VNI_TONES: Record<string, [string, string]> = { '\u0300': ['ø', 'Ø'], '\u0301': ['ù', 'Ù'], '\u0309': ['û', 'Û'], '\u0303': ['õ', 'Õ'], '\u0323': ['ï', 'Ï'] };
/** After â and ă the tone byte differs: the shape and tone share one character. */
const VNI_CIRCUMFLEX_TONED: Record<string, string> = { '\u0300': 'à', '\u0301': 'á', '\u0309': 'å', '\u0303': 'ã', '\u0323': 'ä' };
const VNI_BREVE_TONED: Record<string, string> = { '\u0300': 'è', '\u0301': 'é', '\u0309': 'ú', '\u0303': 'ü', '\u0323': 'ë' };

function toVniByTable(word: string): string {
  let out = '';
  for (const ch of word.normalize('NFC')) {
    const d = ch.normalize('NFD');
    const tone = [...d].find((c) => c in VNI_TONES);
    const upper = ch !== ch.toLowerCase();
    const rest = [...d].filter((c) => c !== tone).join('').normalize('NFC');
    const base = rest.normalize('NFD')[0];
    const shape = rest.normalize('NFD').slice(1);
    const up = (s: string) => (upper ? s.toUpperCase() : s);
    let enc: string;
    if (rest.toLowerCase() === 'đ') enc = upper ? 'Ñ' : 'ñ';
    else if (rest.toLowerCase() === 'ơ') enc = upper ? 'Ô' : 'ô';
    else if (rest.toLowerCase() === 'ư') enc = upper ? 'Ö' : 'ö';
    else if (rest.toLowerCase() === 'y' && tone === '\u0323') {
      out += upper ? 'Î' : 'î';
      continue;
    }
    else if (rest.toLowerCase() === 'i' && tone) {
      // VNI has single characters for toned i: ì í æ ó ò.
      enc = up({ '\u0300': 'ì', '\u0301': 'í', '\u0309': 'æ', '\u0303': 'ó', '\u0323': 'ò' }[tone]!);
      out += enc;
      continue;
    } else if (shape === '\u0302') {
      enc = base + (tone ? up(VNI_CIRCUMFLEX_TONED[tone]) : up('â'));
      out += enc;
      continue;
    } else if (shape === '\u0306') {
      enc = base + (tone ? up(VNI_BREVE_TONED[tone]) : up('ê'));
      out += enc;
      continue;
    } else enc = rest;
    out += enc + (tone ? VNI_TONES[tone][upper ? 1 : 0] : '');
  }
  return out;
}

const toTcvn3ByTable = (s: string) => [...s.normalize('NFC')].map((c) => TCVN3[c] ?? c).join('');

const VOWELS = 'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ';

describe('legacy-encoding: decoding', () => {
  it('decodes every lower-case Vietnamese letter of the TCVN3 table', () => {
    for (const ch of VOWELS) assert.equal(decodeLegacy(toTcvn3ByTable(ch), 'tcvn3'), ch, `${ch} ← ${toTcvn3ByTable(ch)}`);
  });

  it('decodes every Vietnamese letter of the VNI table, lower and upper case (with the ơ/ư correction)', () => {
    for (const ch of VOWELS + VOWELS.toUpperCase()) assert.equal(decodeLegacy(toVniByTable(ch), 'vni'), ch, `${ch} ← ${toVniByTable(ch)}`);
  });

  it('decodes real phrases and puts the tone in the new place', () => {
    const phrases = [
      'Ủy ban nhân dân tỉnh Quảng Ninh', 'Đảng Cộng sản Việt Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam',
      'Thời gian thực hiện: thường xuyên', 'Cơ quan chủ trì: Sở Nội vụ', 'Kế hoạch thực hiện Nghị quyết số 05-NQ/TU',
      'Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ đạo', 'Độc lập - Tự do - Hạnh phúc', 'những người trực tiếp',
    ];
    for (const p of phrases) {
      assert.equal(decodeLegacy(toTcvn3ByTable(p), 'tcvn3'), p, toTcvn3ByTable(p));
      assert.equal(decodeLegacy(toVniByTable(p), 'vni'), p, toVniByTable(p));
    }
    // Old tone placement in the source comes out new, as the drafts are matched.
    assert.equal(decodeLegacy('Uû ban', 'tcvn3'), 'Ủy ban');
    assert.equal(decodeLegacy('hoµ b×nh', 'tcvn3'), 'hòa bình');
  });

  it('reads Vietnamese syllables', () => {
    for (const w of ['Ủy', 'nghiêng', 'khuya', 'quốc', 'giữa', 'người', 'trường', 'oanh', 'chuyển']) assert.ok(isVietnameseSyllable(w), w);
    for (const w of ['café', 'año', 'Müller', 'nh©n', 'Uû', 'hoáá', 'xyz']) assert.ok(!isVietnameseSyllable(w), w);
  });
});

describe('legacy-encoding: finding runs', () => {
  const index = bundledIndex();
  const findings = (text: string) => lint(text, { index }).diagnostics.filter((d) => d.code === 'legacy-encoding');

  it('finds TCVN3 and VNI runs, whole, with the encoding named', () => {
    const text = 'KẾ HOẠCH\nCăn cứ Uû ban nh©n d©n tØnh Qu¶ng Ninh và UÛy ban nhaân daân huyeän.\n';
    const f = findings(text);
    assert.deepEqual(f.map((d) => text.slice(d.offsets.start, d.offsets.end)), ['Uû ban nh©n d©n tØnh Qu¶ng', 'UÛy ban nhaân daân huyeän']);
    assert.match(f[0].message.vi, /bảng mã cũ TCVN3 \(ABC, phông \.VnTime\).*"Uû ban nh©n d©n tØnh Qu¶ng" — đúng là "Ủy ban nhân dân tỉnh Quảng"/);
    assert.match(f[1].message.en, /legacy VNI .*should read "Ủy ban nhân dân huyện"/);
    assert.equal(f[0].severity, 'warning');
  });

  it('keeps the TCVN3 ư (U+00AD, dropped by normalisation) when converting', () => {
    const text = 'KẾ HOẠCH\nTh\u00adêng trùc Ban Th\u00adêng vô TØnh ñy nh\u00ad c\u00ad¬ng lÜnh:\n';
    const result = lint(text, { index });
    const d = result.diagnostics.find((x) => x.code === 'legacy-encoding')!;
    assert.equal(d.data?.converted, 'Thường trực Ban Thường vụ Tỉnh ủy như cương lĩnh');
    const fixed = applyEdits(text, fixesFor(result, d)[0].edits);
    assert.equal(fixed, 'KẾ HOẠCH\nThường trực Ban Thường vụ Tỉnh ủy như cương lĩnh:\n');
  });

  it('never reports the seeds, which are Unicode', () => {
    for (const name of Object.values(SEEDS)) assert.deepEqual(findings(seed(name)).map((d) => d.range.start.line), [], name);
  });

  it('never reports ordinary Unicode Vietnamese, symbols or foreign words', () => {
    const text = [
      'KẾ HOẠCH', 'Các cơ quan, đơn vị tổ chức thực hiện; báo cáo kết quả về Ủy ban nhân dân tỉnh.',
      'Hòa, hoà, thủy, thuỷ, quý, khuya, nghiêng, ông bà, à ơi, ô tô, ê-kíp, ý chí, ủy viên.',
      '© 2024 Văn phòng Tỉnh ủy; § 3; 5 µm; 10 × 20; 1/2 ÷ 4; «trích dẫn»; ¶ 2; ° C; ± 5 %.',
      'año, café, naïve, Müller, Zürich, garçon, São Paulo, déjà vu, façade, Ångström, smørrebrød.',
    ].join('\n');
    assert.deepEqual(findings(text), []);
    assert.deepEqual(findings(text.normalize('NFD')), []);
  });

  it('never reports text made of Vietnamese syllables (property)', () => {
    const syllables = seed(SEEDS.plan000).split(/[^\p{L}]+/u).filter((w) => w && isVietnameseSyllable(w));
    assert.ok(syllables.length > 500);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 40 }), fc.constantFrom(' ', ', ', '. ', '\n'), (words, sep) => {
        assert.deepEqual(findLegacyRuns(normalize(words.join(sep)).text), []);
      }),
      { numRuns: 500 },
    );
  });
});

describe('legacy-encoding: fixes', () => {
  const index = bundledIndex();
  const text = 'KẾ HOẠCH\r\nCăn cứ Uû ban nh©n d©n tØnh;\r\n**Thôøi gian thöïc hieän:** Quý I/2026.\r\n';

  it('the quick fix converts one run and leaves the rest', () => {
    const result = lint(text, { index });
    const d = result.diagnostics.find((x) => x.code === 'legacy-encoding')!;
    const [fix] = fixesFor(result, d);
    assert.equal(fix.title.vi, 'Chuyển sang Unicode: "Ủy ban nhân dân tỉnh"');
    assert.equal(fix.preferred, true);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, 'KẾ HOẠCH\r\nCăn cứ Ủy ban nhân dân tỉnh;\r\n**Thôøi gian thöïc hieän:** Quý I/2026.\r\n');
    assert.equal(lint(fixed, { index }).diagnostics.filter((x) => x.code === 'legacy-encoding').length, 1);
  });

  it('the whole-document conversion converts every run, CRLF and Markdown kept', () => {
    const edits = legacyEncodingEdits(text);
    assert.equal(edits.length, 2);
    assert.equal(applyEdits(text, edits), 'KẾ HOẠCH\r\nCăn cứ Ủy ban nhân dân tỉnh;\r\n**Thời gian thực hiện:** Quý I/2026.\r\n');
    assert.deepEqual(legacyEncodingEdits(seed(SEEDS.plan000)), []);
  });
});

describe('legacy-encoding: seed text retyped in the old encodings', () => {
  const index = bundledIndex();
  const original = seed(SEEDS.plan000);
  const lines = original.split(/\r?\n/);
  // A paragraph of real prose from seed 000 (the first long line of part II).
  const at = lines.findIndex((l, i) => i > lines.findIndex((x) => /^II[-.]/.test(x)) && l.length > 120 && !/^\d/.test(l));
  const paragraph = lines[at];

  for (const [name, encode] of [['VNI', toVniByTable], ['TCVN3 (lower case, as .VnTime types it)', (s: string) => toTcvn3ByTable(s.toLowerCase())]] as const) {
    it(`finds a ${name} paragraph pasted into seed 000, and converts it back`, () => {
      const pasted = encode(paragraph);
      assert.notEqual(pasted, paragraph);
      const text = [...lines.slice(0, at), pasted, ...lines.slice(at + 1)].join('\n');
      const found = lint(text, { index }).diagnostics.filter((d) => d.code === 'legacy-encoding');
      assert.ok(found.length >= 1, 'at least one run');
      assert.deepEqual([...new Set(found.map((d) => d.range.start.line))], [at], 'only on the pasted line');
      const back = applyEdits(text, legacyEncodingEdits(text)).split('\n')[at];
      const expected = name === 'VNI' ? paragraph : paragraph.toLowerCase();
      assert.equal(foldTonePlacement(back.normalize('NFC')), foldTonePlacement(expected.normalize('NFC')));
      // The rest of the plan analyses as before: the paste adds no other finding.
      const others = (t: string) => lint(t, { index }).diagnostics.filter((d) => d.code !== 'legacy-encoding').map((d) => `${d.code}@${d.range.start.line}`);
      assert.deepEqual(others(text), others(original.replace(/\r\n/g, '\n')));
    });
  }
});
