// date-line-form: the place and date of issue as the rules of form write them
// (NĐ 30/2020 Phụ lục I, 4b–c; HD 36-HD/VPTW alike): `Tuyên Quang, ngày 05
// tháng 01 năm 2026` — a zero before a day below 10 and before months 1 and 2,
// a real date, the place before it. A draft leaves the day (or more) blank
// until it is signed: blanks are not findings, what is written is judged.
// Citations dated after the document belong to the citation rules.

import { isoDate } from '../citations/dates';
import { cells } from '../plan/cells';
import { headerOf, type PlanHeader } from '../plan/header';
import type { Plan } from '../plan/model';
import { formScope } from './formScope';
import type { Finding, Msg, Rule } from './types';

const PARTS = /ngày\s*(?<day>\d+)?[\s.…_]*tháng\s*(?<month>\d+)?[\s.…_]*năm\s*(?<year>\d+)?/iu;

function zeros(day: string | undefined, month: string | undefined): Msg[] {
  const out: Msg[] = [];
  if (day && /^[1-9]$/.test(day)) {
    out.push({ vi: `Ngày nhỏ hơn 10 phải ghi thêm số 0 phía trước: "ngày 0${day}".`, en: `A day below 10 takes a leading zero: "ngày 0${day}".` });
  }
  if (month && /^[12]$/.test(month)) {
    out.push({ vi: `Tháng 1, 2 phải ghi thêm số 0 phía trước: "tháng 0${month}".`, en: `Months 1 and 2 take a leading zero: "tháng 0${month}".` });
  }
  return out;
}

function validity(day: string | undefined, month: string | undefined, written: string | undefined): Msg | undefined {
  if (!day || !month || !written) return undefined;
  // A footnote marker glued to the year by PDF extraction (`năm 20264` for `năm 2026⁴`).
  const year = /^(?:19|20)\d\d\d{1,2}$/.test(written) ? written.slice(0, 4) : written;
  if (year.length !== 4) return { vi: `Năm phải ghi đủ bốn chữ số: "năm ${year}".`, en: `The year is written in four digits: "năm ${year}".` };
  if (isoDate(Number(day), Number(month), Number(year))) return undefined;
  return { vi: `Ngày ${day} tháng ${month} năm ${year} không có thật.`, en: `${day}/${month}/${year} is not a real date.` };
}

/** The place may stand in a cell of its own before the date (`Hà Nội,` far to the left of `ngày …`). */
function placeWritten(h: PlanHeader, plan: Plan): boolean {
  if (h.place) return true;
  const row = cells(plan.lines[h.dateLine!.line]);
  const at = row.findIndex((c) => c.span.start === h.dateLine!.span.start);
  return at > 0 && /,$/.test(row[at - 1].text);
}

export const dateLineForm: Rule = {
  id: 'date-line-form',
  defaultSeverity: 'warning',
  description: {
    vi: 'Địa danh và ngày tháng năm ban hành đúng thể thức: "Tuyên Quang, ngày 05 tháng 01 năm 2026" — thêm số 0 trước ngày nhỏ hơn 10 và tháng 1, 2; ngày có thật; có địa danh.',
    en: 'The place and date of issue are in form: "Tuyên Quang, ngày 05 tháng 01 năm 2026" — a leading zero on days below 10 and months 1 and 2; a real date; the place first.',
  },
  docs: 'docs/rules/date-line-form.md',
  check({ plan }) {
    const h = headerOf(plan);
    if (formScope(h) === 'fragment' || !h.dateLine) return [];
    const m = PARTS.exec(h.dateLine.text);
    if (!m) return [];
    const { day, month, year } = m.groups!;
    const messages = [...zeros(day, month), validity(day, month, year)];
    if (!placeWritten(h, plan)) {
      messages.push({ vi: 'Thiếu địa danh trước ngày tháng năm ban hành: "Tuyên Quang, ngày …".', en: 'The place of issue is missing before the date: "Tuyên Quang, ngày …".' });
    }
    return messages.filter((message): message is Msg => !!message).map((message): Finding => ({ span: h.dateLine!.span, message }));
  },
};
