// recipients-form: the Nơi nhận list as the rules of form write it. State (NĐ
// 30/2020 Phụ lục I, 9d): each recipient on its own line from `-`, ending with
// `;`, the last line `- Lưu: VT, <unit>.` Party (HD 36-HD/VPTW): the lines end
// with `,` and the last is `- Lưu Văn phòng …` (or `- Lưu VT`), with a full stop.

import type { RecipientEntry, RecipientList } from '../plan/closing';
import { formScope, formSystem } from './formScope';
import { headerOf } from '../plan/header';
import type { Finding, Msg, Rule } from './types';

type System = 'party' | 'state' | undefined;

/** The punctuation an entry ends with, past a note in brackets (`- Thường trực Tỉnh ủy, (báo cáo)`). */
function terminator(text: string): string {
  let t = text.replace(/[*_\s]+$/, '');
  for (let i = 0; i < 2 && t.endsWith(')'); i++) {
    const open = t.lastIndexOf('(');
    if (open <= 0) break;
    const before = t.slice(0, open).trimEnd();
    if (/[;,.]$/.test(before)) return before.slice(-1);
    t = before;
  }
  return /[;,.:]$/.test(t) ? t.slice(-1) : '';
}

const LUU = /^Lưu(?!\p{L})/u;
const PLACEHOLDER = /…|\.{3}/u;

function body(entry: RecipientEntry): string {
  return entry.text.replace(/^[-–—•+]\s*/u, '');
}

function entryEnd(entry: RecipientEntry, system: System, grouped: boolean): Msg | undefined {
  const end = terminator(entry.text);
  // A line of a brace group (`- A` / `- B` `} (báo cáo),`): its punctuation stands after the group's note.
  if (!end && grouped) return undefined;
  if (system === 'state' && end !== ';') return { vi: 'Mỗi dòng nơi nhận kết thúc bằng dấu chấm phẩy (;).', en: 'Each recipient line ends with a semicolon (;).' };
  if (system === 'party' && end !== ',') return { vi: 'Mỗi dòng nơi nhận của văn bản Đảng kết thúc bằng dấu phẩy (,).', en: 'Each recipient line of a Party document ends with a comma (,).' };
  if (!system && end !== ';' && end !== ',') return { vi: 'Mỗi dòng nơi nhận kết thúc bằng dấu chấm phẩy (;) hoặc, ở văn bản Đảng, dấu phẩy (,).', en: 'Each recipient line ends with a semicolon (;), or a comma (,) in a Party document.' };
  return undefined;
}

function lastLine(entry: RecipientEntry, system: System): Msg | undefined {
  const text = body(entry);
  const sample = system === 'party' ? '- Lưu Văn phòng …' : '- Lưu: VT, …';
  if (!LUU.test(text)) {
    return { vi: `Danh sách nơi nhận kết thúc bằng dòng lưu văn bản: "${sample}."`, en: `The recipients list ends with the filing line: "${sample}."` };
  }
  if (system === 'state' && !/^Lưu\s*:\s*VT(?!\p{L})/u.test(text)) {
    return { vi: 'Dòng cuối nơi nhận ghi "Lưu: VT, <đơn vị soạn thảo>." (chữ Lưu, dấu hai chấm, VT).', en: 'The last line reads "Lưu: VT, <drafting unit>." (Lưu, a colon, VT).' };
  }
  if (terminator(entry.text) !== '.') return { vi: 'Dòng cuối nơi nhận kết thúc bằng dấu chấm (.).', en: 'The last recipient line ends with a full stop (.).' };
  return undefined;
}

function check(list: RecipientList, system: System): Finding[] {
  const out: Finding[] = [];
  const { entries } = list;
  if (!entries.length) return [{ span: list.label.span, message: { vi: 'Mục "Nơi nhận" không có dòng nào.', en: '"Nơi nhận" lists no recipient.' } }];
  entries.forEach((entry, i) => {
    // A template's blanks (`- …;`, `- Lưu: VT, …`) are to be filled in: no finding on what is not written yet.
    if (PLACEHOLDER.test(entry.text)) return;
    const messages: (Msg | undefined)[] = [];
    if (!entry.dashed) messages.push({ vi: 'Mỗi dòng nơi nhận bắt đầu bằng gạch đầu dòng (-).', en: 'Each recipient line begins with a dash (-).' });
    // Two bare lines in a row are a brace group too.
    const bare = (e?: RecipientEntry) => !!e && !terminator(e.text);
    const grouped = !!list.groupNote || bare(entries[i - 1]) || (i + 1 < entries.length - 1 && bare(entries[i + 1]));
    messages.push(i === entries.length - 1 ? lastLine(entry, system) : entryEnd(entry, system, grouped));
    for (const message of messages) if (message) out.push({ span: entry.span, message });
  });
  return out;
}

export const recipientsForm: Rule = {
  id: 'recipients-form',
  defaultSeverity: 'information',
  description: {
    vi: 'Nơi nhận đúng thể thức: mỗi dòng bắt đầu bằng "-", kết thúc bằng ";" (văn bản Đảng: ","), dòng cuối "- Lưu: VT, …." (văn bản Đảng: "- Lưu Văn phòng …").',
    en: 'The recipients list is in form: each line begins with "-" and ends with ";" ("," in a Party document), the last is "- Lưu: VT, …." ("- Lưu Văn phòng …" for the Party).',
  },
  docs: 'docs/rules/recipients-form.md',
  check({ plan }) {
    const h = headerOf(plan);
    if (formScope(h) === 'fragment' || !h.recipients) return [];
    return check(h.recipients, formSystem(h));
  },
};
