// The layout of a document around the plan: where an attachment (Phụ lục,
// Biểu, Danh mục, the plan attached to a decision), an article (Điều 1.), a
// form (Mẫu số 01) or a document with a header of its own starts; where quoted
// text of another document (an amendment's “1. …”) opens and closes; and which
// lines are artefacts of extraction (running headers, page numbers, signature
// stamps) that stand between the lines of a paragraph or a table. Read from
// one line's text alone. What a type title says a document holds: documentKind.ts.

/** `Phụ lục`, `PHỤ LỤC II`, `Phụ lục số 1`, `PHỤ LỤC I: DANH MỤC…` on a line of its own. */
const APPENDIX = /^\s{0,12}(?:#{1,6}\s+)?(?:PHỤ LỤC|Phụ lục|BIỂU|Biểu)(?:\s+(?:số\s+)?(?:[IVX]{1,5}|\d{1,2}[a-z]?))?\s*(?:[.:–-]\s*(.*))?$/;
/** An appendix's own title set in capitals: `DANH MỤC CÁC NHIỆM VỤ…`, `BIỂU PHÂN CÔNG…`. */
const LIST_TITLE = /^\s{0,12}(?:#{1,6}\s+)?(?:DANH MỤC|BIỂU)\s+\S/;
/** The title of a document attached to a decision or resolution. */
const DOCUMENT_TITLE = /^\s{0,40}(?:#{1,6}\s+)?(?:KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|QUY CHẾ|QUY ĐỊNH|ĐIỀU LỆ|HƯỚNG DẪN|DANH MỤC)(?:\s|$)/;
/** `(Kèm theo Quyết định số…)`, `Ban hành kèm theo…`. */
const ATTACHED_BY = /^\s*[*_(]*\s*(?:ban hành\s+)?kèm theo\b/i;
/** `Điều 1.`, `**Điều 2.**`, `Điều 3:`. */
const ARTICLE = /^\s{0,12}(?:#{1,6}\s+)?Điều\s+(\d{1,3})\s*[.:]/;
/** The Official Gazette's running header and the signature stamp of a PDF. */
const RUNNING_HEADER = /^\s*(?:CÔNG BÁO\s*\/|Ký bởi\s*:|Người ký\s*:|Email\s*:|Cơ quan\s*:\s*\S.*(?:VĂN PHÒNG|Văn phòng)|Ngày ký\s*:|Thời gian ký\s*:)/;
const PAGE_NUMBER = /^[\s\f]*\d{1,4}\s*$/;
/**
 * `Mẫu số 01`, `Mẫu I.1`, `Mẫu II-3`, `Mẫu số: B11-BH`, `Mẫu số 03. Biên bản…`,
 * `Mẫu số 01/Phụ lục I`: a form, numbered on its own. Not a sentence that
 * names one (`Mẫu số 01 tại Phụ lục…`).
 */
const FORM = /^\s{0,12}(?:#{1,6}\s+)?(?:Mẫu|MẪU)(?:\s+(?:số|SỐ))?\s*:?\s*[0-9IVXA-Z][0-9A-ZĐa-z.\-]*(?:\/|\s*$|\s*[.:–-]\s+\S|\s+\()/u;
/** The national heading (or the Party's) that opens a document's own header. */
const NATIONAL_HEADING = /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s*$|^\s*(?:#{1,6}\s+)?ĐẢNG CỘNG SẢN VIỆT NAM\s*$/;

export type AttachmentStart = 'appendix' | 'list' | 'document';

/** Whether the line opens an attachment, and of which kind. */
export function attachmentStart(raw: string): AttachmentStart | undefined {
  const ch = raw.trimStart().replace(/^#+\s*/, '').charAt(0);
  if (ch !== 'P' && ch !== 'B' && ch !== 'D' && ch !== 'K' && ch !== 'C' && ch !== 'Q' && ch !== 'H' && ch !== 'Đ') return undefined;
  const m = APPENDIX.exec(raw);
  if (m && (!m[1] || isCapitals(m[1]))) return 'appendix';
  if (LIST_TITLE.test(raw) && isCapitals(raw)) return 'list';
  if (DOCUMENT_TITLE.test(raw) && isCapitals(raw)) return 'document';
  return undefined;
}

export function attachedBy(raw: string): boolean {
  return ATTACHED_BY.test(raw);
}

/** The article number of a `Điều N.` line. */
export function articleNumber(raw: string): number | undefined {
  const m = raw.includes('Điều') ? ARTICLE.exec(raw) : null;
  return m ? Number(m[1]) : undefined;
}

export function isRunningHeader(raw: string): boolean {
  return RUNNING_HEADER.test(raw);
}

/** A bare number: a page number when it stands next to a running header or a form feed. */
export function isBareNumber(raw: string): boolean {
  return PAGE_NUMBER.test(raw);
}

export function isFormStart(raw: string): boolean {
  return FORM.test(raw);
}

export function isNationalHeading(raw: string): boolean {
  return NATIONAL_HEADING.test(raw) && isCapitals(raw);
}

/** How a line stands to quoted text: see quoteMarks. */
export interface QuoteMarks {
  /** Starts with a quotation mark: the line is quoted (an amendment's new wording `“1. Người lao động…`). */
  starts: boolean;
  /** Opening minus closing curly marks: `… như sau: “1.` opens a quote that runs on over the next lines. */
  delta: number;
  /** An odd number of straight marks `"`: each opens or closes, by where the text stands. */
  straight: boolean;
}

const NO_QUOTES: QuoteMarks = { starts: false, delta: 0, straight: false };

/** The quotation marks of a line (see QuoteMarks). */
export function quoteMarks(raw: string): QuoteMarks {
  if (!/[“”"]/.test(raw)) return NO_QUOTES;
  let delta = 0;
  let straight = 0;
  for (const ch of raw) {
    if (ch === '“') delta++;
    else if (ch === '”') delta--;
    else if (ch === '"') straight++;
  }
  const starts = /^\s*(?:#{1,6}\s+)?[“"]/.test(raw);
  // Quoted wording runs on over lines from the line start or after `như sau:`;
  // a name quoted inside a sentence whose closing mark was lost does not.
  if (delta > 0 && !starts && !/:\s*“[^”]*$/.test(raw)) delta = 0;
  // Straight marks count only on a line of no curly ones (`“2 con số"` is one quote).
  const curly = /[“”]/.test(raw);
  return { starts, delta, straight: !curly && straight % 2 === 1 && (starts || /:\s*"[^"]*$/.test(raw) || /"\s*[.;,:)]*\s*$/.test(raw)) };
}

/** Letters mostly capitals (titles are set in capitals). */
export function isCapitals(s: string): boolean {
  let upper = 0;
  let lower = 0;
  for (const ch of s) {
    if (ch.toLowerCase() !== ch) upper++;
    else if (ch.toUpperCase() !== ch) lower++;
  }
  return upper > 0 && upper >= lower * 3;
}
