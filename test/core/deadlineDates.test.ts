// The last day a written deadline allows, as deadline-before-plan reads it.

import assert from 'node:assert/strict';
import { deadlineEnd } from '../../server/src/core/plan/deadlineDates';
import { check, fixture, summary } from '../helpers';

const dmy = (s: string) => {
  const d = deadlineEnd(s);
  return d && `${d.day}/${d.month}/${d.year}`;
};

describe('deadlineEnd', () => {
  const cases: [string, string | undefined][] = [
    ['Quý I/2026', '31/3/2026'],
    ['quý II năm 2026', '30/6/2026'],
    ['Quý IV2026', '31/12/2026'],
    ['Tháng 3/2026', '31/3/2026'],
    ['Tháng 02/2026', '28/2/2026'],
    ['tháng 12 năm 2025', '31/12/2025'],
    ['01/2025', '31/1/2025'],
    ['Năm 2025', '31/12/2025'],
    ['2026 - 2030', '31/12/2030'],
    ['Trong năm 2023, 2024', '31/12/2024'],
    ['trước ngày 20 tháng 4 năm 2026', '20/4/2026'],
    ['ngày 11/9/2026 (thứ Sáu)', '11/9/2026'],
    // Starts, standing duties, deferrals and texts without a date: no last day.
    ['Từ quý II/2027', undefined],
    ['từ ngày 11/9 đến hết năm 2026', undefined],
    ['Thường xuyên', undefined],
    ['2026 và hằng năm', undefined],
    ['Theo Kế hoạch của Ủy ban Thường vụ Quốc hội', undefined],
    ['Kỳ họp thứ nhất Quốc hội khóa XVI', undefined],
    ['Tháng 13/2026', undefined],
  ];
  for (const [text, want] of cases) {
    it(`${text} → ${want ?? 'none'}`, () => assert.equal(dmy(text), want));
  }
});

describe('deadline-before-plan without a plan date', () => {
  it('reports nothing when the plan gives no date', () => {
    const text = fixture('rules/deadline-before-plan.txt').replace(/ *\{[a-z-]+\}/g, '').replace('Bắc Ninh, ngày 08 tháng 4 năm 2026', 'Bắc Ninh, ngày    tháng 4 năm 2026');
    assert.deepEqual(summary(check(text), ['deadline-before-plan']), []);
  });
});
