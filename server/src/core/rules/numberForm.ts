// number-form: the Số, ký hiệu line as the rules of form write it. State (NĐ
// 30/2020 Phụ lục I, 3c): `Số: 15/KH-UBND`, a colon after Số, a leading zero
// below 10, the type's abbreviation first in the ký hiệu. Party (HD
// 36-HD/VPTW): `Số 15-KH/TU`, no colon. A draft leaves the number blank until
// it is registered (`Số: /UBND-THĐT`): only what is written is judged.

import { KNOWN_CODES, PARTY_CODE, STATE_CODE, typeOfCode } from '../plan/documentTypes';
import { headerOf, type PlanHeader } from '../plan/header';
import { formScope, formSystem } from './formScope';
import type { Finding, Msg, Rule } from './types';

interface WrittenNumber {
  colon: boolean;
  /** The digits, '' when left blank. */
  digits: string;
  /** `state`: `15/KH-UBND`, `05/2019/NĐ-CP`; `party`: `15-KH/TU`. */
  form: 'state' | 'party';
  /** The type's abbreviation as written: first segment of the ký hiệu (state), before the slash (Party). */
  code: string;
  /** A normative number carries the year (`05/2019/NĐ-CP`). */
  year: boolean;
}

const STATE_FORM = /^Số\s*(:)?\s*(\d*)\s*\/\s*(?:(\d{4})\s*\/\s*)?([\p{L}]+)/u;
const PARTY_FORM = /^Số\s*(:)?\s*(\d*)\s*-\s*([\p{L}]+)\s*\/\s*\S/u;

export function readNumber(text: string): WrittenNumber | undefined {
  const p = PARTY_FORM.exec(text);
  if (p) return { colon: !!p[1], digits: p[2], form: 'party', code: p[3], year: false };
  const s = STATE_FORM.exec(text);
  if (s) return { colon: !!s[1], digits: s[2], form: 'state', code: s[4], year: !!s[3] };
  return undefined;
}

function leadingZero(n: WrittenNumber): Msg | undefined {
  if (!/^[1-9]$/.test(n.digits)) return undefined;
  return {
    vi: `Số nhỏ hơn 10 phải ghi thêm số 0 phía trước: ${n.form === 'state' ? `Số: 0${n.digits}/…` : `Số 0${n.digits}-…`}.`,
    en: `A number below 10 takes a leading zero: 0${n.digits}.`,
  };
}

function colon(n: WrittenNumber, system: 'party' | 'state', written: string): Msg | undefined {
  const rest = written.replace(/^Số\s*:?\s*/, '');
  if (system === 'state' && !n.colon) return { vi: `Văn bản hành chính ghi "Số:" có dấu hai chấm: "Số: ${rest}".`, en: `An administrative document writes "Số:" with a colon: "Số: ${rest}".` };
  if (system === 'party' && n.colon) return { vi: `Văn bản của Đảng ghi "Số" không có dấu hai chấm: "Số ${rest}".`, en: `A Party document writes "Số" without a colon: "Số ${rest}".` };
  return undefined;
}

function form(n: WrittenNumber, system: 'party' | 'state'): Msg | undefined {
  if (n.form === system) return undefined;
  return system === 'state'
    ? { vi: 'Văn bản hành chính ghi số theo dạng số/ký hiệu: Số: 15/KH-UBND, không theo dạng của Đảng (15-KH/TU).', en: 'An administrative document is numbered number/symbol (Số: 15/KH-UBND), not in the Party form (15-KH/TU).' }
    : { vi: 'Văn bản của Đảng ghi số theo dạng số-tên loại/cơ quan: Số 15-KH/TU.', en: 'A Party document is numbered number-type/body: Số 15-KH/TU.' };
}

/** The ký hiệu names the document's type: a KẾ HOẠCH is `…/KH-…`, not `…/QĐ-…`. */
function typeCode(n: WrittenNumber, h: PlanHeader, system: 'party' | 'state'): Msg | undefined {
  const table = system === 'party' ? PARTY_CODE : STATE_CODE;
  const type = h.type?.text;
  const expected = type ? table[type] : undefined;
  if (!type || !expected || n.code === expected || n.year) return undefined;
  const named = typeOfCode(n.code, table);
  if (named) {
    return {
      vi: `Ký hiệu "${n.code}" là của ${named.toLowerCase()}, nhưng văn bản là ${type}: ký hiệu phải là "${expected}".`,
      en: `The symbol "${n.code}" stands for ${named}, but the document is a ${type}: its symbol is "${expected}".`,
    };
  }
  return KNOWN_CODES.has(n.code)
    ? undefined
    : {
        vi: `Ký hiệu "${n.code}" không phải chữ viết tắt tên loại văn bản: ${type} viết tắt là "${expected}".`,
        en: `"${n.code}" is not the abbreviation of a document type: ${type} is "${expected}".`,
      };
}

export const numberForm: Rule = {
  id: 'number-form',
  defaultSeverity: 'warning',
  description: {
    vi: 'Số, ký hiệu đúng thể thức: văn bản hành chính "Số: 05/KH-UBND" (có dấu hai chấm, thêm số 0 khi nhỏ hơn 10), văn bản của Đảng "Số 05-KH/TU" (không có dấu hai chấm); ký hiệu đúng tên loại văn bản.',
    en: 'The number is in the form of its system: state "Số: 05/KH-UBND" (colon, leading zero below 10), Party "Số 05-KH/TU" (no colon); the symbol names the document type.',
  },
  docs: 'docs/rules/number-form.md',
  check({ plan }) {
    const h = headerOf(plan);
    if (formScope(h) === 'fragment' || !h.number) return [];
    const n = readNumber(h.number.text);
    const system = formSystem(h);
    if (!n || !system) return [];
    const out: Finding[] = [];
    const wrongForm = form(n, system);
    for (const message of wrongForm ? [wrongForm] : [colon(n, system, h.number.text), leadingZero(n), typeCode(n, h, system)]) {
      if (message) out.push({ span: h.number.span, message });
    }
    return out;
  },
};
