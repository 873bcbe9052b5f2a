// A lead or a time the plan gives once for all its tasks (issue 15, point 3):
// read only from a sentence whose object is the plan, never from one task's.

import assert from 'node:assert/strict';
import { hover } from '../../server/src/core/features/hover';
import { taskList } from '../../server/src/core/features/taskList';
import { lint } from '../../server/src/core/lint';
import { parsePlan } from '../../server/src/core/plan/parse';
import { taskInfos } from '../../server/src/core/plan/tasks';
import { bundledIndex, check, corpusPlan, seed, SEEDS } from '../helpers';

const HEAD = `UỶ BAN NHÂN DÂN
TỈNH TUYÊN QUANG
Số: 15/KH-UBND
Tuyên Quang, ngày 10 tháng 01 năm 2026

KẾ HOẠCH
Triển khai công tác cải cách hành chính năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao chất lượng phục vụ người dân.

II. NHIỆM VỤ
1. Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh.
2. Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính.
3. Kiện toàn đội ngũ cán bộ làm công tác một cửa các cấp.

III. TỔ CHỨC THỰC HIỆN
`;

const NO_PERIOD = HEAD.replace('cải cách hành chính năm 2026', 'cải cách hành chính');

function plan(closing: string, head = HEAD): string {
  return head + closing + '\n';
}

function codes(text: string): string[] {
  return check(text)
    .filter((d) => d.code === 'missing-lead-agency' || d.code === 'missing-deadline')
    .map((d) => `${d.range.start.line + 1}:${d.code}`)
    .sort();
}

const PLAN_WIDE = 'Giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan triển khai thực hiện Kế hoạch này; định kỳ báo cáo UBND tỉnh.';

describe('plan-wide lead and time', () => {
  it('without a plan-wide sentence and without a period, every task lacks its lead and time', () => {
    const text = plan('Các sở, ngành căn cứ chức năng, nhiệm vụ tổ chức thực hiện.', NO_PERIOD);
    assert.deepEqual(codes(text).length, 6);
  });

  it('a sentence that assigns the whole plan gives every task its lead; the title gives the period', () => {
    const text = plan(PLAN_WIDE);
    assert.deepEqual(codes(text), []);
    const infos = taskInfos(parsePlan(text));
    assert.equal(infos.length, 3);
    for (const t of infos) {
      assert.deepEqual(t.lead.names, ['Sở Nội vụ']);
      assert.equal((t.lead.source as { kind: string }).kind, 'plan-wide');
      assert.equal(t.deadline.text, 'năm 2026');
    }
  });

  it('a collective body that leads the plan: UBND các huyện, thị xã, thành phố chủ trì thực hiện Kế hoạch', () => {
    const t = taskInfos(parsePlan(plan('UBND các huyện, thị xã, thành phố chủ trì thực hiện Kế hoạch.')))[0];
    assert.equal(t.lead.status, 'collective');
    assert.deepEqual(t.lead.names, ['UBND các huyện, thị xã, thành phố']);
  });

  it('a task that names its own lead and time keeps them', () => {
    const own = HEAD.replace(
      '2. Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính.',
      '2. Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính.\n- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n- Thời gian thực hiện: Quý II/2026.',
    );
    const infos = taskInfos(parsePlan(plan(PLAN_WIDE, own)));
    assert.deepEqual(infos.map((t) => t.lead.names[0]), ['Sở Nội vụ', 'Sở Khoa học và Công nghệ', 'Sở Nội vụ']);
    // The title's period is no assignment: beside a task that gives its own time, one without is forgotten.
    assert.deepEqual(infos.map((t) => t.deadline.text), [undefined, 'Quý II/2026', undefined]);
  });

  it('an empty lead field is a blank left in the form: still reported', () => {
    const own = HEAD.replace(
      '2. Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính.',
      '2. Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính.\n- Cơ quan chủ trì:\n- Thời gian thực hiện:',
    );
    assert.deepEqual(codes(plan(PLAN_WIDE, own)), ['15:missing-deadline', '15:missing-lead-agency']);
  });

  it('a sentence that assigns one task is not plan-wide', () => {
    const text = plan('Giao Sở Tài chính chủ trì, phối hợp với các ngành, đơn vị liên quan tổng hợp kế hoạch khắc phục hạn chế, khuyết điểm.', NO_PERIOD);
    assert.equal(codes(text).filter((c) => c.endsWith('missing-lead-agency')).length, 3);
  });

  it('a monitoring sentence gives no lead: theo dõi, đôn đốc việc thực hiện Kế hoạch này', () => {
    const text = plan('Giao Văn phòng UBND tỉnh chủ trì theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này.');
    assert.equal(codes(text).filter((c) => c.endsWith('missing-lead-agency')).length, 3);
  });

  it('real monitoring sentences of the corpus give no lead (qd844, nq109, seed 004)', () => {
    const joined = (text: string, from: number, to: number) => text.split('\n').slice(from - 1, to).map((l) => l.trim()).join(' ');
    const real = [
      joined(corpusPlan('qd844-ttg-ke-hoach-hanh-dong.txt'), 252, 254),
      joined(corpusPlan('nq109-cp-chuong-trinh-hanh-dong.txt'), 954, 956),
      seed(SEEDS.compilation004).split('\n').find((l) => l.includes('Giao Ban cán sự đảng UBND tỉnh chủ trì') && l.includes('Kế hoạch này'))!,
    ];
    for (const sentence of real.map((x) => x.replace(/^\d+\.\s*/, ''))) {
      assert.match(sentence, /chủ trì, phối hợp .*(?:Kế hoạch|Chương trình)/);
      assert.equal(codes(plan(sentence)).filter((c) => c.endsWith('missing-lead-agency')).length, 3, sentence);
    }
  });

  it('a "chủ trì" inside a task is that task\'s, not the plan\'s', () => {
    const own = HEAD.replace(
      '2. Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính.',
      '2. Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính. Sở Khoa học và Công nghệ chủ trì triển khai thực hiện Kế hoạch này.',
    );
    const infos = taskInfos(parsePlan(plan('Các sở, ngành tổ chức thực hiện.', own)));
    assert.equal(infos[0].lead.status, 'missing');
    assert.equal(infos[2].lead.status, 'missing');
  });

  it('a year the title is about, before the plan was signed, is no period (khắc phục khuyết điểm năm 2025)', () => {
    const head = HEAD.replace('Triển khai công tác cải cách hành chính năm 2026', 'Khắc phục hạn chế, khuyết điểm sau kiểm điểm năm 2025');
    assert.equal(codes(plan(PLAN_WIDE, head)).filter((c) => c.endsWith('missing-deadline')).length, 3);
  });

  it('a plan-level Thời gian thực hiện line gives the period', () => {
    const head = NO_PERIOD;
    assert.deepEqual(codes(plan(PLAN_WIDE + '\nThời gian thực hiện: trong năm 2026.', head)), []);
  });

  it('the plan-wide period gives no deadline-before-plan', () => {
    const head = HEAD.replace('ngày 10 tháng 01 năm 2026', 'ngày 10 tháng 01 năm 2027').replace('cải cách hành chính năm 2026', 'cải cách hành chính giai đoạn 2021 - 2027');
    assert.equal(check(plan(PLAN_WIDE, head)).filter((d) => d.code === 'deadline-before-plan').length, 0);
  });

  it('hover and task list say the lead was given once for the whole plan', () => {
    const text = plan(PLAN_WIDE);
    const result = lint(text, { index: bundledIndex() });
    const list = taskList(result, true);
    assert.equal(list.tasks[0].leadFrom, 'plan-wide');
    assert.equal(list.tasks[0].deadlineFrom, 'plan-wide');
    const line = text.split('\n').findIndex((l) => l.startsWith('1. Rà soát'));
    const h = hover(result, { line, character: 3 }, bundledIndex());
    const at = text.split('\n').indexOf(PLAN_WIDE) + 1;
    assert.match(String(h?.contents), new RegExp(`Chủ trì: Sở Nội vụ \\(giao chung cho cả kế hoạch, dòng ${at}\\)`));
    assert.match(String(h?.contents), /Thời gian: năm 2026 \(giao chung cho cả kế hoạch, dòng 6\)/);
  });
});

describe('plan-wide lead line on real text (hanoi-kh173: II.3 Đơn vị chủ trì thực hiện: Sở Văn hoá và Thể thao)', () => {
  const hanoi = corpusPlan('hanoi-kh173-ubnd-2026.txt');
  const leadLines = hanoi.split('\n').filter((l) => /^\s*- Đơn vị chủ trì:/.test(l));

  it('activities whose fellows name no lead of their own take the plan-level lead; 3.3 beside 3.1, 3.2 (Đơn vị thực hiện) is reported', () => {
    assert.equal(leadLines.length, 10);
    const stripped = hanoi.split('\n').filter((l) => !/^\s*- Đơn vị chủ trì:/.test(l)).join('\n');
    assert.deepEqual(codes(stripped), ['137:missing-lead-agency']);
    const infos = taskInfos(parsePlan(stripped));
    assert.equal(infos.length, 10);
    const wide = infos.filter((t) => (t.lead.source as { kind?: string } | undefined)?.kind === 'plan-wide');
    assert.deepEqual(wide.map((t) => t.number), ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '4']);
    for (const t of wide) {
      assert.deepEqual(t.lead.names, ['Sở Văn hóa và Thể thao']); // tone-folded as the analysis reads it
      assert.equal((t.lead.source as { line: number }).line, 64);
    }
  });

  it('one activity without its lead line among activities that have theirs is still reported (the line was forgotten)', () => {
    const lines = hanoi.split('\n');
    lines.splice(91, 1);
    assert.deepEqual(codes(lines.join('\n')), ['89:missing-lead-agency']);
  });
});
