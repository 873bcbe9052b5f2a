// Precision of the citation rules on the Official Gazette texts (edited and
// published: a real contradiction there is rare). Each false finding found on
// the 395 texts is a test here, on its real sentence and on a small fixture,
// with the real contradiction beside it still found.

import assert from 'node:assert/strict';
import { DirectiveEntry, DirectiveIndex } from '../server/src/core/index/directiveIndex';
import { lint } from '../server/src/core/lint';
import { parsePlan } from '../server/src/core/plan/parse';
import { readHeader } from '../server/src/core/plan/header';
import { toDocNumber } from '../server/src/core/citations/docNumber';
import { Corpus, SourceText, buildIndexDetailed, withoutTexts } from '../scripts/build-index';
import { check, corpusFile, summary } from './helpers';

const CITATION_RULES = ['unknown-directive', 'citation-date-mismatch', 'inconsistent-citation'];

function gazette(name: string): string {
  return corpusFile(`congbao/${name}`);
}

function entry(number: string, date: string, extra: Partial<DirectiveEntry> = {}): DirectiveEntry {
  const doc = toDocNumber(number)!;
  return { number: doc.raw, key: doc.key, type: 'Thông tư', date, source: 'test', ...extra };
}

/** Citation findings, hints left out, with an index of `entries` alone. */
function findings(text: string, entries: DirectiveEntry[]): string[] {
  const d = lint(text, { index: new DirectiveIndex(entries) }).diagnostics.filter((x) => x.severity !== 'hint');
  return summary(d, CITATION_RULES);
}

const STATE_HEADER = ['BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', 'Số: 02/2025/TT-BLĐTBXH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Hà Nội, ngày 10 tháng 01 năm 2025', 'THÔNG TƯ', 'Quy định chế độ báo cáo thống kê', ''];

describe("a consolidated text's header (văn bản hợp nhất)", () => {
  const VBHN = 'thue_tncn__van-ban-hop-nhat-so-5-vbhn-btc-469151.txt';

  it('ends at a type title with a footnote mark (THÔNG TƯ1) or a joint one (THÔNG TƯ LIÊN TỊCH)', () => {
    assert.equal(readHeader(parsePlan(gazette(VBHN))).type?.text, 'THÔNG TƯ1');
    assert.equal(readHeader(parsePlan(gazette('cong_doan__van-ban-hop-nhat-so-835-vbhn-bldtbxh-41446.txt'))).type?.text, 'THÔNG TƯ LIÊN TỊCH');
  });

  it('takes no date from a sentence cut by the line (ngày 05 tháng 05 năm 2025.), so later amendments are not "after the plan"', () => {
    const h = readHeader(parsePlan(gazette(VBHN)));
    assert.equal(h.date, undefined);
    const after = check(gazette(VBHN)).filter((d) => d.data?.reason === 'after-plan');
    assert.deepEqual(after, []); // was 54
    for (const name of ['cong_doan__van-ban-hop-nhat-so-835-vbhn-bldtbxh-41446.txt', 'cong_doan__van-ban-hop-nhat-so-605-vbhn-bldtbxh-41352.txt', 'bhxh__van-ban-hop-nhat-so-16-vbhn-btc-30897.txt']) {
      assert.deepEqual(check(gazette(name)).filter((d) => d.data?.reason === 'after-plan').map((d) => d.range.start.line + 1), [], name);
    }
  });

  it('fixture: a date line with its place, or the date alone, is still the date; a line going on after the date is not', () => {
    const date = (lines: string[]) => readHeader(parsePlan(lines.join('\n'))).date?.iso;
    assert.equal(date(['ỦY BAN NHÂN DÂN TỈNH SƠN LA', 'Số: 12/KH-UBND', 'Sơn La, ngày 05 tháng 01 năm 2026', 'KẾ HOẠCH']), '2026-01-05');
    assert.equal(date(['ỦY BAN NHÂN DÂN TỈNH SƠN LA', 'Số: 12/KH-UBND', 'ngày 05 tháng 01 năm 2026', 'KẾ HOẠCH']), '2026-01-05');
    assert.equal(date(['VĂN BẢN HỢP NHẤT - BỘ TÀI CHÍNH', 'QUYẾT ĐỊNH1', 'Quyết định số 60/2015/QĐ-TTg', 'ngày 27 tháng 11 năm 2015 của Thủ tướng Chính phủ']), undefined);
    assert.equal(date(['VĂN BẢN HỢP NHẤT - BỘ TÀI CHÍNH', 'Thông tư số 19/2025/TT-BTC có hiệu lực thi hành kể từ', 'ngày 05 tháng 05 năm 2025.']), undefined);
  });

  it('a citation dated after a dated text is still found (positive)', () => {
    const t = [...STATE_HEADER, 'Căn cứ Nghị định số 62/2024/NĐ-CP ngày 07/6/2025 của Chính phủ;'].join('\n');
    assert.ok(lint(t, { index: DirectiveIndex.empty() }).diagnostics.some((d) => d.data?.reason === 'after-plan' || d.data?.reason === 'number-year'));
    const late = [...STATE_HEADER, 'Căn cứ Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị;'].join('\n');
    assert.ok(lint(late, { index: DirectiveIndex.empty() }).diagnostics.some((d) => d.data?.reason === 'after-plan'));
  });
});

describe('inconsistent-citation judges by the date the text and index bear out, not by the first', () => {
  const TT02 = 'bhxh__thong-tu-so-02-2025-tt-bldtbxh-43964.txt';

  it('real: Phụ lục I of Thông tư 02/2025/TT-BLĐTBXH writes 10/01/2024 once, then 10/01/2025 some fifty times: only the slip is found', () => {
    const t = gazette(TT02);
    assert.match(t.split('\n')[144], /Thông tư số 02\/2025\/TT-BLĐTBXH ngày 10\/01\/2024/);
    assert.deepEqual(summary(check(t), CITATION_RULES), ['145:citation-date-mismatch', '145:inconsistent-citation']); // was 51 + 2 near misses
  });

  it('real: Nghị định 35/2022/NĐ-CP cited six times wrongly in one text is found at each wrong date, never at its right one', () => {
    const found = summary(check(gazette('uu_dai_dt__thong-tu-so-05-2025-tt-bkhdt-44340.txt')), ['inconsistent-citation']).map((x) => Number(x.split(':')[0]));
    assert.deepEqual(found, [2407, 2423, 2515, 2532, 2672, 2675]);
  });

  const body = (dates: string[]) => ['TỈNH ỦY BẮC GIANG', '', 'KẾ HOẠCH', 'thử', '', ...dates.map((d) => `Thực hiện Chỉ thị số 77-CT/TU ngày ${d} của Ban Thường vụ Tỉnh ủy;`)].join('\n');

  it('fixture: a slip in the first of four citations is found there, not at the three right ones', () => {
    assert.deepEqual(findings(body(['05/3/2021', '15/3/2021', '15/3/2021', '15/3/2021']), []), ['6:inconsistent-citation']);
  });

  it('fixture: the date the index verifies is the reference, even written less often', () => {
    const e = entry('77-CT/TU', '2021-03-15', { type: 'Chỉ thị', locality: 'Bắc Giang' });
    assert.deepEqual(findings(body(['05/3/2021', '15/3/2021', '05/3/2021']), [e]).filter((x) => x.endsWith('inconsistent-citation')), ['6:inconsistent-citation', '8:inconsistent-citation']);
  });

  it('fixture: two citations, two dates and no other evidence: found at the second, as before', () => {
    assert.deepEqual(findings(body(['15/3/2021', '05/3/2021']), []), ['7:inconsistent-citation']);
  });
});

describe("a citation of the document's own number is the document", () => {
  it('real: the annexes of Thông tư 13/2023/TT-BLĐTBXH (ban hành kèm theo Thông tư số 13/2023/TT-BLĐTBXH …) get no "did you mean 14/2023?"', () => {
    const t = gazette('cong_doan__thong-tu-so-13-2023-tt-bldtbxh-41157.txt');
    assert.match(t, /Ban hành kèm theo Thông tư số 13\/2023\/TT-BLĐTBXH ngày 29 tháng 12 năm 2023/);
    const sibling = entry('14/2023/TT-BLĐTBXH', '2023-12-29');
    const later = entry('05/2023/TT-BLĐTBXH', '2024-03-01'); // a series out of order would otherwise make it a near miss
    assert.deepEqual(findings(t, [sibling, later]).filter((x) => x.endsWith('unknown-directive')), []);
  });

  const own = (date: string) => [...STATE_HEADER, 'Phụ lục I', `(Ban hành kèm theo Thông tư số 02/2025/TT-BLĐTBXH ngày ${date} của Bộ trưởng)`].join('\n');
  const index = [entry('01/2025/TT-BLĐTBXH', '2025-01-10'), entry('01/2024/TT-BLĐTBXH', '2024-12-31')];

  it('fixture: its own number and date: nothing', () => {
    assert.deepEqual(findings(own('10/01/2025'), index), []);
  });

  it('fixture: its own number under a date of another year is still found (positive)', () => {
    assert.deepEqual(findings(own('10/01/2024'), index), ['10:citation-date-mismatch']);
  });
});

describe('near-miss only where a number breaks the order of its series', () => {
  // Thông tư 18/2022/TT-BLĐTBXH, line 126 (left out of a hold-out index build, its neighbours kept).
  const REAL = '5. Thông tư số 44/2016/TT-BLĐTBXH ngày 28/12/2016 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội';
  const plan = (line: string) => [...STATE_HEADER, line].join('\n');
  const batch = ['43', '45', '46', '47', '54'].map((n) => entry(`${n}/2016/TT-BLĐTBXH`, '2016-12-28'));

  it('real: one of a batch of circulars signed on 28/12/2016 is no slip for its sibling', () => {
    assert.ok(gazette('hdld__thong-tu-so-18-2022-tt-bldtbxh-37982.txt').includes('Thông tư số 44/2016/TT-BLĐTBXH ngày 28/12/2016 của Bộ trưởng Bộ'));
    assert.deepEqual(findings(plan(REAL), batch), []);
  });

  it('fixture: a number higher than one issued months later is a slip: did you mean …? (positive)', () => {
    const index = [entry('57-NQ/TW', '2024-12-22', { type: 'Nghị quyết' }), entry('66-NQ/TW', '2025-04-30', { type: 'Nghị quyết' })];
    const t = plan('Căn cứ Nghị quyết số 75-NQ/TW ngày 22/12/2024 của Bộ Chính trị;');
    const d = lint(t, { index: new DirectiveIndex(index) }).diagnostics.filter((x) => x.code === 'unknown-directive');
    assert.equal(d.length, 1);
    assert.equal(d[0].severity, 'warning');
    assert.match(d[0].message.vi, /có phải Nghị quyết số 57-NQ\/TW ngày 22\/12\/2024/);
  });

  it('fixture: the same slip without evidence of order is unverifiable, a hint', () => {
    const t = plan('Căn cứ Nghị quyết số 75-NQ/TW ngày 22/12/2024 của Bộ Chính trị;');
    const d = lint(t, { index: new DirectiveIndex([entry('57-NQ/TW', '2024-12-22', { type: 'Nghị quyết' })]) }).diagnostics.filter((x) => x.code === 'unknown-directive');
    assert.deepEqual(d.map((x) => x.severity), ['hint']);
  });
});

describe('the build: a catalogue date in doubt, and hold-out builds', () => {
  const cite = (name: string, date: string): SourceText => ({
    name: `corpus/congbao/${name}.txt`,
    text: `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 10 tháng 3 năm 2024\nTHÔNG TƯ\n\nCăn cứ Thông tư số 31/2019/TT-BLĐTBXH ngày ${date} của Bộ trưởng Bộ Lao động - Thương binh và Xã hội;\n`,
  });
  const corpus = (texts: SourceText[]): Corpus => ({
    normative: [{ so_hieu: '31/2019/TT-BLĐTBXH', loai: 'Thông tư', ngay_ban_hanh: '31/12/2019', co_quan: 'Bộ Lao động - Thương binh và Xã hội' }],
    numbers: [],
    gazette: [],
    texts,
    catalogues: [],
  });
  const dates = (c: Corpus) => buildIndexDetailed(c).entries.filter((e) => e.key === '31/2019/TT-BLĐTBXH').map((e) => e.date).sort();

  it('three texts agreeing on another date than the Pháp điển: both dates are kept, and neither contradicts a citation', () => {
    // Real: three Gazette texts cite 31/2019/TT-BLĐTBXH of 30/12/2019, the Pháp điển lists 31/12/2019.
    assert.deepEqual(dates(corpus(['a', 'b', 'c'].map((n) => cite(n, '30/12/2019')))), ['2019-12-30', '2019-12-31']);
    assert.deepEqual(summary(check(gazette('hd_khoan__thong-tu-so-07-2023-tt-bldtbxh-40090.txt')), ['citation-date-mismatch']).filter((x) => x.startsWith('958:')), []);
  });

  it('two texts do not outweigh the catalogue (positive: its date stays the only one)', () => {
    assert.deepEqual(dates(corpus(['a', 'b'].map((n) => cite(n, '30/12/2019')))), ['2019-12-31']);
  });

  it('withoutTexts leaves out the texts listed, by name or by path', () => {
    const c = corpus(['a', 'b', 'c'].map((n) => cite(n, '30/12/2019')));
    assert.deepEqual(withoutTexts(c, ['a.txt', 'corpus/congbao/b.txt', '']).texts.map((t) => t.name), ['corpus/congbao/c.txt']);
    assert.deepEqual(dates(withoutTexts(c, ['a.txt'])), ['2019-12-31']);
  });
});
