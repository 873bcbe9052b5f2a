// A plan's text cut into the parts of the document's form (thể thức, Nghị
// định 30/2020/NĐ-CP Phụ lục I; Hướng dẫn 36-HD/VPTW for Party bodies), so
// the exporter can lay each out where the rules put it: the header (issuing
// body and number on the left, national or Party heading and the date line on
// the right), the document type and trích yếu, the body, and the closing
// (Nơi nhận beside the signature). Text conversions lay the two header
// columns and the closing side by side on one line (`pdftotext -layout`):
// such lines are split at wide gaps. Nothing is invented: a part the text
// lacks stays empty.

export interface FormParts {
  /** A Party document (Hướng dẫn 36-HD/VPTW), else a state one. */
  party: boolean;
  /** Header, left column: superior body, issuing body, number, in order. */
  left: string[];
  /** Header, right column, besides the fixed national or Party heading: the date line. */
  date?: string;
  /** `KẾ HOẠCH`, as written (upper case). */
  type?: string;
  /** Trích yếu lines, emphasis marks removed. */
  summary: string[];
  /** Body lines, as written (emphasis marks kept for the runs). */
  body: string[];
  /** Line index in the text of body[0]. */
  bodyStart: number;
  /** `Nơi nhận` list, without its label. */
  recipients: string[];
  /** Signature block: authority (TM., KT., T/M…), position, name. */
  signature: string[];
  /** What follows the signature (appendices), as written, and where it starts. */
  tail: string[];
  tailStart: number;
}

const TYPE = /^(?:KẾ HOẠCH|CHƯƠNG TRÌNH|NGHỊ QUYẾT|QUYẾT ĐỊNH|CHỈ THỊ|BÁO CÁO|THÔNG BÁO|HƯỚNG DẪN|ĐỀ ÁN|TỜ TRÌNH|KẾT LUẬN|QUY ĐỊNH|QUY CHẾ|CÔNG VĂN)(?:\s[\p{Lu}\s,]+)?$/u;
const STATE_HEADING = /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM/;
const MOTTO = /Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc/;
const PARTY_HEADING = /ĐẢNG CỘNG SẢN VIỆT NAM/;
const DATE_LINE = /[\p{Lu}][\p{L}.]*(?: {1,2}[\p{L}.]+)*,\s*ngày\s*\S*\s*tháng\s*\S*\s*năm\s*\d{4}/u;
const NUMBER = /(?<![\p{L}/])Số\s*:?\s*\d*\s*[-/]\s*[\p{L}\d&.]+(?:\s*[-/]\s*[\p{L}\d&.]+)*/u;
/** Ruling lines, page numbers and the running head of a gazette page: layout, not text. */
const LAYOUT_ONLY = /^(?:[_\-–—=.*\s]+|\d{1,4}|CÔNG BÁO\b.*)$/u;
/** A signer's name: two to six capitalised words. */
const NAME = /^(?:\p{Lu}\p{Ll}*\s+){1,5}\p{Lu}\p{Ll}*$/u;
/** A header line that is the number (`Số:`, `Số 15-KH/TU`); `\b` does not work after `ố`. */
export const IS_NUMBER = /^Số(?!\p{L})/u;
const RECIPIENTS = /^Nơi nhận\s*:?$/;
const AUTHORITY = /^(?:TM\.|T\/M|KT\.|K\/T|TL\.|T\/L|TUQ\.|Q\.)\s/;
const BODY_START = /^(?:Căn cứ|Thực hiện|Theo|Triển khai|Nhằm|Để|[IVXLC]+\s*[.-]|\d+\.|[a-zđ]\))/u;
/** A gap this wide between words is a column gap of a laid-out text, not a space. */
const COLUMN_GAP = /\s{3,}/;
/** A segment indented this far stands in the right column. */
const RIGHT_INDENT = 20;

/** The line without Markdown heading marks and emphasis, trimmed. */
export function plain(line: string): string {
  return line.replace(/^\s*#{1,6}\s+/, '').replace(/\*+|<\/?(?:b|i|u|em|strong)>/gi, '').replace(/\\(?=[.\-*()#_[\]|])/g, '').trim();
}

export function splitForm(text: string): FormParts {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const form: FormParts = { party: false, left: [], summary: [], body: [], bodyStart: 0, recipients: [], signature: [], tail: [], tailStart: lines.length };
  const title = lines.slice(0, 60).findIndex((l) => TYPE.test(plain(l)));
  let at = 0;
  let headingParty = false;
  let headingState = false;
  if (title >= 0) {
    for (const segment of lines.slice(0, title).flatMap(headerSegments)) {
      if (PARTY_HEADING.test(segment)) headingParty = true;
      else if (STATE_HEADING.test(segment)) headingState = true;
      else if (MOTTO.test(segment) || LAYOUT_ONLY.test(segment)) continue;
      else if (DATE_LINE.test(segment) && !form.date) form.date = segment.replace(/\s+/g, ' ');
      else if (NUMBER.test(segment)) form.left.push(segment.replace(/\s*([-/])\s*/g, '$1').replace(/\s+/g, ' '));
      else form.left.push(segment.replace(/\s+/g, ' '));
    }
    form.type = plain(lines[title]);
    at = title + 1;
    at = readSummary(lines, at, form.summary);
  }
  const closing = findRecipients(lines, at);
  const bodyEnd = closing >= 0 ? closing : lines.length;
  form.bodyStart = at;
  form.body = lines.slice(at, bodyEnd);
  if (closing >= 0) {
    const end = readClosing(lines, closing, form);
    form.tail = lines.slice(end);
    form.tailStart = end;
  }
  const number = form.left.find((l) => IS_NUMBER.test(l));
  form.party = headingParty || (!headingState && ((!!number && /^Số\s*\d*\s*-/.test(number)) || form.signature.some((s) => /^(?:T\/M|K\/T|T\/L)\s/.test(s))));
  return form;
}

/**
 * A header line's pieces: the fixed headings, the number and the date line
 * taken out first (they may hold wide gaps of their own, `Số:173    /KH-UBND`),
 * the rest split at column gaps.
 */
function headerSegments(line: string): string[] {
  const found: { at: number; text: string }[] = [];
  let rest = plain(line);
  if (LAYOUT_ONLY.test(rest)) return [];
  for (const anchor of [STATE_HEADING, PARTY_HEADING, MOTTO, NUMBER, DATE_LINE]) {
    const m = anchor.exec(rest);
    if (!m) continue;
    found.push({ at: m.index, text: m[0].trim() });
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  }
  for (const m of rest.matchAll(/\S+(?:\s{1,2}\S+)*/g)) found.push({ at: m.index!, text: m[0] });
  return found.sort((a, b) => a.at - b.at).map((f) => f.text);
}

/** Trích yếu: the non-blank lines right after the type (one blank line allowed before), up to the next blank line. */
function readSummary(lines: string[], from: number, out: string[]): number {
  let i = from;
  if (i < lines.length && !lines[i].trim()) i++;
  const start = i;
  for (; i < lines.length && lines[i].trim() && out.length < 4; i++) {
    const t = plain(lines[i]);
    if (BODY_START.test(t) || TYPE.test(t) || LAYOUT_ONLY.test(t) || (/^\s*#/.test(lines[i]) && i > start && !/^\s*##/.test(lines[i]))) break;
    out.push(t.replace(/\s+/g, ' '));
  }
  return out.length ? i : from;
}

/** The line of the last `Nơi nhận:` after `from`, or -1. */
function findRecipients(lines: string[], from: number): number {
  for (let i = lines.length - 1; i >= from; i--) if (RECIPIENTS.test(plain(lines[i]).split(COLUMN_GAP)[0])) return i;
  return -1;
}

/** Reads Nơi nhận and the signature from line `at`; returns the line after the closing. */
function readClosing(lines: string[], at: number, form: FormParts): number {
  let i = at;
  let inList = true;
  let blanks = 0;
  for (; i < lines.length; i++) {
    const raw = lines[i];
    if (!raw.trim()) {
      if (++blanks > 4 && form.signature.length) break;
      continue;
    }
    const indent = raw.length - raw.trimStart().length;
    const pieces = raw.trim().split(COLUMN_GAP).map(plain).filter(Boolean);
    if (i === at) pieces.shift(); // the label
    if (!pieces.length) continue;
    if (indent >= RIGHT_INDENT && inList) {
      form.signature.push(...pieces);
      blanks = 0;
      continue;
    }
    const first = pieces[0];
    const listItem = /^[-+•]/.test(first) || (inList && indent > 0 && form.recipients.length > 0 && !AUTHORITY.test(first));
    if (inList && listItem) {
      form.recipients.push(first);
      form.signature.push(...pieces.slice(1));
    } else {
      // Past the list: short lines of the signature (authority, position, [đã ký], name).
      if (/^\s*#/.test(raw) || TYPE.test(first) || first.length > 60 || (form.signature.length > 0 && blanks > 0 && BODY_START.test(first))) break;
      inList = false;
      form.signature.push(...pieces);
      // The signer's name closes the block.
      if (NAME.test(first) && form.signature.some((l) => AUTHORITY.test(l) || l === l.toUpperCase())) {
        i++;
        break;
      }
    }
    blanks = 0;
  }
  // Trailing blank lines belong to neither.
  while (i > at && !lines[i - 1].trim()) i--;
  return i;
}
