import assert from 'node:assert/strict';
import { hover } from '../../server/src/core/features/hover';
import { lint } from '../../server/src/core/lint';
import { DirectiveIndex } from '../../server/src/core/index/directiveIndex';
import { bundledIndex, crlf, fixture, nfd, seed, SEEDS } from '../helpers';
import { analyse, posOf, textAt } from './util';

// A plan of Tỉnh ủy Bắc Giang: its local citations are read in Bắc Giang.
const TEXT =
  'TỈNH ỦY BẮC GIANG\n\nKẾ HOẠCH\n\n' +
  'Căn cứ Nghị quyết số 111-NQ/TU ngày 11/6/2021 của Tỉnh ủy về chuyển đổi số;\n' +
  'Nghị quyết số 109-NQ/TU ngày 08/6/2021 của Tỉnh ủy;\n' +
  'Nghị quyết số 109-NQ/TU;\n' +
  'Nghị quyết số 109-NQ/TU ngày 01/02/2019;\n' +
  'Nghị quyết số 190-NQ/TU ngày 08/6/2021 của Tỉnh ủy.\n';

function hoverAt(text: string, needle: string, k = 0, lang: 'vi' | 'en' = 'vi', index = bundledIndex()) {
  return hover(analyse(text), posOf(text, needle, k), index, lang);
}

describe('hover', () => {
  it('shows type, number, date, issuer and trích yếu of an indexed citation, from anywhere in its span', () => {
    for (const [needle, k] of [['Nghị quyết số 111', 0], ['111-NQ', 4], ['11/6/2021', 2], ['của Tỉnh ủy về', 5]] as const) {
      const h = hoverAt(TEXT, needle, k);
      assert.ok(h, `no hover at ${needle}`);
      assert.match(h.contents, /\*\*Nghị quyết số 111-NQ\/TU\*\* ngày 11\/6\/2021 của Tỉnh ủy/);
      assert.match(h.contents, /Trích yếu: Về chuyển đổi số tỉnh Bắc Giang/);
      assert.equal(textAt(TEXT, h.range), 'Nghị quyết số 111-NQ/TU ngày 11/6/2021 của Tỉnh ủy');
    }
  });

  it('shows nothing outside a citation or task heading', () => {
    assert.equal(hoverAt(TEXT, 'Căn cứ'), undefined);
    assert.equal(hoverAt(TEXT, 'về chuyển đổi', 4), undefined);
  });

  it('lists both documents numbered 109-NQ/TU and marks the one of the cited date', () => {
    const h = hoverAt(TEXT, '109-NQ/TU ngày 08')!;
    assert.match(h.contents, /ứng với 2 văn bản/);
    assert.match(h.contents, /ngày 08\/6\/2021 của Tỉnh ủy ✓ \*khớp ngày trích dẫn\*/);
    assert.match(h.contents, /ngày 04\/7\/2016 của Ban Chấp hành Đảng bộ tỉnh\n/);
    assert.equal((h.contents.match(/✓/g) ?? []).length, 1);
  });

  it('reads a later short mention as the document its earlier dated citation names', () => {
    const short = hoverAt(TEXT, '109-NQ/TU;')!;
    assert.equal((short.contents.match(/✓/g) ?? []).length, 1);
    assert.match(short.contents, /ngày 08\/6\/2021 của Tỉnh ủy ✓/);
  });

  it('asks for a date when 109-NQ/TU is cited without one, and says when the date matches neither', () => {
    const alone = 'Nghị quyết số 109-NQ/TU;\n' + TEXT;
    const undated = hoverAt(alone, '109-NQ/TU;')!;
    assert.match(undated.contents, /08\/6\/2021[\s\S]*04\/7\/2016/);
    assert.match(undated.contents, /không ghi ngày/);
    assert.doesNotMatch(undated.contents, /✓/);
    const wrong = hoverAt(alone, '109-NQ/TU ngày 01')!;
    assert.match(wrong.contents, /Ngày trích dẫn 01\/2\/2019 không khớp văn bản nào/);
  });

  it('says an unknown number is not indexed and lists the nearest numbers', () => {
    const h = hoverAt(TEXT, '190-NQ')!;
    assert.match(h.contents, /Số 190-NQ\/TU không có trong danh mục văn bản/);
    const near = h.contents.split('Số gần nhất trong danh mục:')[1] ?? '';
    assert.match(near, /^\n\n- \*\*Nghị quyết số \d+-NQ\/TU\*\*/);
    assert.match(near, /Nghị quyết số 109-NQ\/TU\*\* ngày 04\/7\/2016/);
    const empty = hoverAt(TEXT, '190-NQ', 0, 'vi', DirectiveIndex.empty())!;
    assert.doesNotMatch(empty.contents, /gần nhất/);
  });

  it('reads a plan that names no province in the locality of the setting, as the rules do', () => {
    const text = 'KẾ HOẠCH\n\nCăn cứ Nghị quyết số 111-NQ/TU ngày 11/6/2021 của Tỉnh ủy;\n';
    const at = posOf(text, '111-NQ');
    const unset = hover(lint(text, { index: bundledIndex() }), at, bundledIndex())!;
    assert.match(unset.contents, /không có trong danh mục/);
    const set = hover(lint(text, { index: bundledIndex(), locality: 'Bắc Giang' }), at, bundledIndex())!;
    assert.match(set.contents, /Trích yếu: Về chuyển đổi số/);
    assert.match(set.contents, /Đã đối chiếu: khớp danh mục\. Phạm vi: văn bản của cơ quan địa phương Bắc Giang/);
    assert.match(set.contents, /Nguồn: bundled: Tỉnh ủy Bắc Giang/);
  });

  it('answers in English when asked', () => {
    const h = hoverAt(TEXT, '111-NQ', 0, 'en')!;
    assert.match(h.contents, /Subject: Về chuyển đổi số/);
    assert.match(hoverAt(TEXT, '190-NQ', 0, 'en')!.contents, /is not in the document index/);
  });

  it('finds citations in 000 under CRLF and NFD, and inside Markdown bold', () => {
    const text = seed(SEEDS.plan000);
    for (const variant of [text, crlf(text), nfd(text)]) {
      const h = hoverAt(variant, '05-NQ/TW', 1);
      assert.ok(h);
      assert.match(h.contents, /Về đổi mới, nâng cao hiệu lực công tác kiểm tra, giám sát/);
    }
    const md = fixture('markdown/plan.md');
    // Found inside the bold; the fixture names no province, so the local number cannot be checked.
    const h = hoverAt(md, '111-NQ/TU**', 2)!;
    assert.match(h.contents, /Trích dẫn: Nghị quyết số 111-NQ\/TU ngày 11\/6\/2021/);
    assert.match(h.contents, /chưa rõ tỉnh/);
  });

  it('summarises a task on its heading: lead, coordination, deadline', () => {
    const text = seed(SEEDS.plan000);
    const h = hoverAt(text, '1.1. Công tác tổ chức', 8)!;
    assert.match(h.contents, /\*\*Nhiệm vụ 1\.1\.\*\* Công tác tổ chức xây dựng Đảng/);
    assert.match(h.contents, /Chủ trì: Ban Tổ chức Đảng ủy/);
    assert.match(h.contents, /Phối hợp: Các ban, cơ quan của Đảng ủy/);
    assert.match(h.contents, /Thời gian: Hoàn thành trong quý II\/2026/);
    // A group heading and a field line are not tasks.
    assert.equal(hoverAt(text, '1. Về công tác xây dựng Đảng', 5), undefined);
    assert.equal(hoverAt(text, '1.1.3. Cơ quan chủ trì', 9), undefined);
  });
});
