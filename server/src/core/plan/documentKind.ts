// What a document sets out, read from its type title: a plan or programme of
// work (task rules read it), or a text that rules, decides or reports (Luật,
// Nghị định, Thông tư, Quy chế, Báo cáo… assign no tasks of their own). A
// decision or resolution holds a plan when its subject issues one; a draft
// with no type title is read as a plan.

import type { Line } from './model';
import type { LineReading } from './lineReading';

/** A type title alone on its line, a footnote marker or digit glued to it (`NGHỊ ĐỊNH1`). */
const TYPE_TITLE = /^\s{0,40}(?:#{1,6}\s+)?(\p{Lu}[\p{Lu} ]{2,40}?)\s*(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?\s*$/u;
/** Documents that set out work one task at a time: task rules read them. */
const PLAN_TYPES = new Set(['KẾ HOẠCH', 'KẾ HOẠCH HÀNH ĐỘNG', 'CHƯƠNG TRÌNH', 'CHƯƠNG TRÌNH HÀNH ĐỘNG', 'CHƯƠNG TRÌNH CÔNG TÁC', 'ĐỀ ÁN', 'PHƯƠNG ÁN']);
/** Documents that rule, decide or report: they assign no tasks of their own. */
const OTHER_TYPES = new Set([
  'LUẬT', 'BỘ LUẬT', 'PHÁP LỆNH', 'LỆNH', 'NGHỊ ĐỊNH', 'THÔNG TƯ', 'THÔNG TƯ LIÊN TỊCH', 'NGHỊ QUYẾT', 'NGHỊ QUYẾT LIÊN TỊCH',
  'QUYẾT ĐỊNH', 'CHỈ THỊ', 'VĂN BẢN HỢP NHẤT', 'VĂN BẢN QUY PHẠM PHÁP LUẬT', 'QUY CHẾ', 'QUY ĐỊNH', 'ĐIỀU LỆ', 'HƯỚNG DẪN',
  'THÔNG BÁO', 'KẾT LUẬN', 'BÁO CÁO', 'TỜ TRÌNH', 'THÔNG TRI', 'CÔNG ĐIỆN',
]);
/** Words after `CHƯƠNG TRÌNH`, `KẾ HOẠCH` that name a course or a form, not a programme of work. */
const NOT_WORK_PROGRAMME = /^(?:CHƯƠNG TRÌNH|KẾ HOẠCH)\s+(?:KHUNG|ĐÀO TẠO|BỒI DƯỠNG|GIÁO DỤC|HỌC|MÔN|MÔ-ĐUN|GIẢNG DẠY|LỰA CHỌN NHÀ THẦU|QUẢN LÝ RỦI RO|SỬ DỤNG ĐẤT|VỐN|TÀI CHÍNH)(?!\p{L})/u;
/** The Gazette's section heading: the text under it rules; its type title says more. */
const GAZETTE_SECTION = 'VĂN BẢN QUY PHẠM PHÁP LUẬT';
/** How far into the text the body's type title is looked for (non-blank lines). */
const HEAD_LINES = 60;

/** What a document of this type title holds: `plan` (tasks), `other` (rules, decisions, reports, forms). */
export type DocumentKind = 'plan' | 'other';

/** The type title standing alone on the line (`NGHỊ ĐỊNH`, `KẾ HOẠCH`), if it is one. */
export function typeTitle(raw: string): string | undefined {
  const m = TYPE_TITLE.exec(raw);
  if (!m) return undefined;
  const t = m[1].replace(/\s+/g, ' ').trim();
  return PLAN_TYPES.has(t) || OTHER_TYPES.has(t) ? t : undefined;
}

export function typeKind(title: string): DocumentKind {
  return PLAN_TYPES.has(title) ? 'plan' : 'other';
}

/** A decision or resolution: it holds a plan when its subject issues or approves one. */
function decides(title: string): boolean {
  return title === 'QUYẾT ĐỊNH' || title === 'NGHỊ QUYẾT';
}

/** The subject of a decision that issues or approves a plan, programme or scheme of work (not a course). */
export function issuesPlan(summary: string): boolean {
  const m = /(?<!\p{L})(?:kế hoạch|chương trình|đề án|phương án)(?!\p{L}).{0,40}/iu.exec(summary);
  return !!m && !NOT_WORK_PROGRAMME.test(m[0].toUpperCase());
}

/** What an attached document of this title holds: a plan or programme of work, or something else. */
export function attachedKind(title: string): DocumentKind {
  const t = title.replace(/^[\s#*]+/, '').replace(/\s+/g, ' ');
  if (NOT_WORK_PROGRAMME.test(t)) return 'other';
  return /^(?:KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|PHƯƠNG ÁN|DANH MỤC CÁC NHIỆM VỤ|BIỂU PHÂN CÔNG)(?!\p{L})/u.test(t) ? 'plan' : 'other';
}

/**
 * What the body holds, read from the type title of its header: a plan or
 * programme; a decision or resolution that issues one (its appendices hold
 * the plan's tasks); or a text that rules, decides or reports. A draft with
 * no type title is read as a plan.
 */
export function bodyKind(lines: Line[], readings: LineReading[]): DocumentKind {
  let normative = false;
  for (let k = 0, seen = 0; k < readings.length && seen < HEAD_LINES; k++) {
    const r = readings[k];
    if (r.blank) continue;
    seen++;
    if (r.part || r.section || r.article !== undefined || r.attachment) return normative ? 'other' : 'plan';
    if (!r.typeTitle) continue;
    if (r.typeTitle === GAZETTE_SECTION) {
      normative = true;
      continue;
    }
    if (typeKind(r.typeTitle) === 'plan') return 'plan';
    return decides(r.typeTitle) && issuesPlan(summaryAfter(lines, readings, k)) ? 'plan' : 'other';
  }
  return normative ? 'other' : 'plan';
}

/** The two lines after a title: its trích yếu. */
function summaryAfter(lines: Line[], readings: LineReading[], k: number): string {
  const out: string[] = [];
  for (let j = k + 1; j < lines.length && out.length < 2; j++) if (!readings[j].blank && !readings[j].runningHeader) out.push(lines[j].text.trim());
  return out.join(' ');
}

/** What a document with a header of its own (at the national heading `k`) holds, by the type title under it. */
export function headedKind(readings: LineReading[], k: number): DocumentKind {
  for (let j = k + 1, seen = 0; j < readings.length && seen < 15; j++) {
    if (readings[j].blank) continue;
    seen++;
    const t = readings[j].typeTitle;
    if (t) return typeKind(t);
  }
  return 'other';
}

/** What each scope holds, in line order: the builder asks as it opens them. */
export class ScopeOwner {
  /** What the document the current scope belongs to holds: the body, or the last attached document. */
  private owner: DocumentKind;

  constructor(readonly body: DocumentKind) {
    this.owner = body;
  }

  /** What a scope of `kind` opened at line `k` (label as written) holds. */
  holds(kind: string, label: string, readings: LineReading[], k: number): DocumentKind {
    // Articles and appendices belong to the document before them; an attached document or a form is its own.
    if (kind === 'document') this.owner = readings[k].nationalHeading ? headedKind(readings, k) : attachedKind(label);
    return kind === 'form' ? 'other' : this.owner;
  }
}
