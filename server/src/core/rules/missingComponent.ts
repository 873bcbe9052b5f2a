// missing-component: a part of the document's form is absent (NĐ 30/2020
// Phụ lục I, Mục II; HD 36-HD/VPTW). Judged only on a whole document (see
// formScope): a text whose header was lost in copying is not missing it.

import { headerOf, type PlanHeader } from '../plan/header';
import type { Plan, Span } from '../plan/model';
import { formScope, formSystem } from './formScope';
import type { Finding, Msg, Rule } from './types';

interface Part {
  present: (h: PlanHeader, plan: Plan) => boolean;
  /** Which documents need it. */
  of: 'state' | 'party' | 'both';
  /** Said of the header (at its first line) or of the end (at the type title). */
  where: 'header' | 'end';
  name: Msg;
}

const PARTS: Part[] = [
  { of: 'state', where: 'header', present: (h) => !!h.heading, name: { vi: 'Quốc hiệu (CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)', en: 'the national title (CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)' } },
  { of: 'state', where: 'header', present: (h) => !!h.motto, name: { vi: 'Tiêu ngữ (Độc lập - Tự do - Hạnh phúc)', en: 'the motto (Độc lập - Tự do - Hạnh phúc)' } },
  { of: 'party', where: 'header', present: (h) => !!h.heading, name: { vi: 'tiêu đề ĐẢNG CỘNG SẢN VIỆT NAM', en: 'the heading ĐẢNG CỘNG SẢN VIỆT NAM' } },
  { of: 'both', where: 'header', present: (h) => h.bodies.length > 0, name: { vi: 'tên cơ quan ban hành', en: 'the issuing body' } },
  { of: 'both', where: 'header', present: (h) => !!h.number, name: { vi: 'số, ký hiệu', en: 'the number and symbol (Số, ký hiệu)' } },
  { of: 'both', where: 'header', present: (h) => !!h.dateLine, name: { vi: 'địa danh và ngày tháng năm ban hành', en: 'the place and date of issue' } },
  { of: 'both', where: 'header', present: (h) => !!h.summary, name: { vi: 'trích yếu nội dung (dòng dưới tên loại)', en: 'the subject line (trích yếu) under the type title' } },
  { of: 'both', where: 'end', present: hasContent, name: { vi: 'nội dung văn bản', en: 'the body of the document' } },
  { of: 'both', where: 'end', present: (h) => !!h.signature, name: { vi: 'quyền hạn, chức vụ, họ tên người ký', en: 'the signature block (authority, position, name)' } },
  // The Official Gazette prints documents without their Nơi nhận.
  { of: 'both', where: 'end', present: (h) => !!h.recipients || h.gazette, name: { vi: 'nơi nhận', en: 'the recipients (Nơi nhận)' } },
];

/** Some text between the trích yếu and the signature or Nơi nhận. */
function hasContent(h: PlanHeader, plan: Plan): boolean {
  const from = (h.summary ?? h.type)!.line + 1;
  const to = Math.min(h.signature?.line ?? Infinity, h.recipients?.label.line ?? Infinity, plan.lines.length);
  for (let i = from; i < to; i++) if (/\p{L}{2}/u.test(plan.lines[i].text) && i !== h.summary?.line) return true;
  return false;
}

/** A Gazette text cut between two issues (`(Xem tiếp theo Công báo số 1205 + 1206)`): its end is in the next one. */
const CONTINUED = /\(\s*Xem tiếp (?:theo )?Công báo/iu;

function continuedElsewhere(plan: Plan): boolean {
  for (let i = plan.lines.length - 1, seen = 0; i >= 0 && seen < 10; i--) {
    if (!plan.lines[i].text.trim()) continue;
    seen++;
    if (CONTINUED.test(plan.lines[i].text)) return true;
  }
  return false;
}

function spanOf(h: PlanHeader, where: Part['where']): Span {
  const first = where === 'header' ? (h.bodies[0] ?? h.heading ?? h.number ?? h.dateLine) : undefined;
  return (first ?? h.type ?? h.summary)!.span;
}

/** Which component is missing: its place in the order of the form. */
export interface MissingComponentData {
  part: number;
}

export const missingComponent: Rule<MissingComponentData> = {
  id: 'missing-component',
  defaultSeverity: 'warning',
  description: {
    vi: 'Văn bản có đủ các thành phần thể thức bắt buộc: Quốc hiệu, Tiêu ngữ (hoặc ĐẢNG CỘNG SẢN VIỆT NAM), cơ quan ban hành, số ký hiệu, địa danh và ngày, tên loại và trích yếu, nội dung, chữ ký, nơi nhận.',
    en: 'The document has every required part of its form: national title and motto (or ĐẢNG CỘNG SẢN VIỆT NAM), issuing body, number, place and date, type and subject line, body, signature block, recipients.',
  },
  docs: 'docs/rules/missing-component.md',
  check({ plan }) {
    const h = headerOf(plan);
    if (formScope(h) !== 'whole') return [];
    const system = formSystem(h);
    const out: Finding<MissingComponentData>[] = [];
    const cut = continuedElsewhere(plan);
    for (const part of PARTS) {
      if (part.of !== 'both' && part.of !== system) continue;
      if (part.where === 'end' && cut) continue;
      if (part.present(h, plan)) continue;
      const kind = system === 'party' ? { vi: 'văn bản của Đảng', en: 'a Party document' } : { vi: 'văn bản hành chính', en: 'an administrative document' };
      out.push({
        span: spanOf(h, part.where),
        message: {
          vi: `Thiếu ${part.name.vi}: thành phần bắt buộc của ${kind.vi}${system === 'party' ? ' (Hướng dẫn 36-HD/VPTW)' : ' (Nghị định 30/2020/NĐ-CP, Phụ lục I)'}.`,
          en: `Missing ${part.name.en}: a required part of ${kind.en}${system === 'party' ? ' (Hướng dẫn 36-HD/VPTW)' : ' (Decree 30/2020/NĐ-CP, Appendix I)'}.`,
        },
        data: { part: PARTS.indexOf(part) },
      });
    }
    return out;
  },
};
