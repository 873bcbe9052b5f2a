// Inline suppression comments: which lines each form turns a rule off on.
import * as assert from 'assert';
import { check, summary } from '../helpers';

/** A plan whose three tasks each lack a lead agency (lines 5, 8, 11), with `comments` lines put in by line. */
function plan(comments: Record<number, string>): string {
  const lines = ['KẾ HOẠCH', 'thử', '', 'II. NHIỆM VỤ, GIẢI PHÁP'];
  const task = (n: number) => [`${n}. Nhiệm vụ số ${n}`, 'Thời gian thực hiện: Quý IV/2026.', ''];
  const body = [...lines, ...task(1), ...task(2), ...task(3)];
  const out: string[] = [];
  body.forEach((l, i) => {
    if (comments[i + 1]) out.push(comments[i + 1]);
    out.push(l);
  });
  return out.join('\n');
}

const leads = (text: string) => summary(check(text), ['missing-lead-agency']);

describe('suppression comments', () => {
  it('without comments every task is reported', () => {
    assert.deepStrictEqual(leads(plan({})), ['5:missing-lead-agency', '8:missing-lead-agency', '11:missing-lead-agency']);
  });
  it('disable-next-line hides one line only', () => {
    assert.deepStrictEqual(leads(plan({ 5: '<!-- kehoach-disable-next-line missing-lead-agency -->' })), ['9:missing-lead-agency', '12:missing-lead-agency']);
  });
  it('disable rule … enable rule hides the stretch between', () => {
    const text = plan({ 5: '<!-- kehoach-disable missing-lead-agency -->', 8: '<!-- kehoach-enable missing-lead-agency -->' });
    assert.deepStrictEqual(leads(text), ['10:missing-lead-agency', '13:missing-lead-agency']);
  });
  it('a bare enable ends a disable of one rule (it used to stay hidden to the end)', () => {
    const text = plan({ 5: '<!-- kehoach-disable missing-lead-agency -->', 8: '<!-- kehoach-enable -->' });
    assert.deepStrictEqual(leads(text), ['10:missing-lead-agency', '13:missing-lead-agency']);
  });
  it('enable of another rule does not end the stretch', () => {
    const text = plan({ 5: '<!-- kehoach-disable missing-lead-agency -->', 8: '<!-- kehoach-enable missing-deadline -->' });
    assert.deepStrictEqual(leads(text), []);
  });
  it('a bare disable hides every rule to the end when nothing enables', () => {
    assert.deepStrictEqual(leads(plan({ 8: '<!-- kehoach-disable -->' })), ['5:missing-lead-agency']);
  });
});
