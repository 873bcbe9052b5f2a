// The document's header (NĐ 30/2020 Phụ lục I; HD 36-HD/VPTW): issuing body
// and its superior, the national or Party heading, Số/ký hiệu, place and date,
// and the document type. Read from the lines above the type title, where a
// PDF's two columns (`pdftotext -layout`) may share a line. Other rules take the
// plan's own date and locality from here: a citation of `03-CT/TU` means the
// Tỉnh ủy of the plan's province, and a deadline is judged against its date.

import { isoDate } from '../citations/dates';
import { APPENDIX_TITLES, TITLE_TYPES } from '../citations/documentTypes';
import { asciiKey } from '../text/vietnamese';
import { cells, noteRead, tracked, type HeaderLine } from './cells';
import { readRecipients, readSignature, type RecipientList, type SignatureBlock } from './closing';
import type { Plan, Span } from './model';

export type { HeaderLine, RecipientList, SignatureBlock };

export interface HeaderDate {
  iso: string;
  day: number;
  month: number;
  year: number;
  /** As written: `28 tháng 4 năm 2026`. */
  written: string;
  span: Span;
  line: number;
}

export interface PlanHeader {
  /** Issuing body lines, top to bottom: superior body first (`ĐẢNG BỘ TỈNH BẮC GIANG`, `HUYỆN ỦY YÊN DŨNG`). */
  bodies: HeaderLine[];
  /** `party` under ĐẢNG CỘNG SẢN VIỆT NAM or a Party number; `state` under the Quốc hiệu or a state number. */
  system?: 'party' | 'state';
  /** The body is central (Chính phủ, a ministry, the Central Committee…): no locality. */
  central: boolean;
  /** Province or centrally-run city the issuing body belongs to, as a display name: `Tuyên Quang`. */
  locality?: string;
  /** `Quốc hiệu`/`ĐẢNG CỘNG SẢN VIỆT NAM` line. */
  heading?: HeaderLine;
  /** `Độc lập - Tự do - Hạnh phúc`. */
  motto?: HeaderLine;
  /** The `Số …` line. */
  number?: HeaderLine;
  /** Place of the date line as written (`Hà Nội`), also when the date has blanks (a draft). */
  place?: HeaderLine;
  /** The date line's whole text. */
  dateLine?: HeaderLine;
  /** The document's date, when the date line gives day, month and year and they make a real date. */
  date?: HeaderDate;
  /** The document type title (`KẾ HOẠCH`, `NGHỊ QUYẾT`…). */
  type?: HeaderLine;
  /** The trích yếu: the lines under the type title, joined; for a công văn the `V/v …` line. */
  summary?: HeaderLine;
  /** A công văn: no type title, its trích yếu after `V/v`. */
  letter: boolean;
  /** The text is an edition of the Official Gazette (`CÔNG BÁO/Số …` running headers): it leaves out Nơi nhận. */
  gazette: boolean;
  /** The first signature block after the type title: the document's own (an appended text has its own further down). */
  signature?: SignatureBlock;
  /** The first Nơi nhận list after the type title. */
  recipients?: RecipientList;
}

/**
 * Type titles that end the header; a joint one (`THÔNG TƯ LIÊN TỊCH`) too, and
 * one with the mark of a footnote glued on (`THÔNG TƯ1` in a consolidated text).
 */
const TYPE_TITLE = new RegExp(`^(?:${TITLE_TYPES.join('|')})(?: LIÊN TỊCH)?\\d{0,2}$`);
const HEADER_LINES = 40;
/** `V/v xây dựng Kế hoạch…`: the trích yếu of a công văn. */
const VV = /^V\/v\s+\S/;
/** The Gazette's running header, also with its first letter lost in extraction (`ÔNG BÁO/Số 1239…`). */
const GAZETTE = /^C?ÔNG BÁO(?!\p{L})/u;
const AUTHORITY_LINE =
  /^(?:CHÍNH PHỦ|THỦ TƯỚNG|CHỦ TỊCH|BỘ TRƯỞNG|ỦY BAN|UBND|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|HỘI ĐỒNG|TỈNH ỦY|THÀNH ỦY|ĐẢNG ỦY|BỘ CHÍNH TRỊ|BAN BÍ THƯ|QUỐC HỘI)(?!\p{L})/u;
/** Lines under the type title that are no longer its trích yếu. */
const SUMMARY_END = /^(?:Căn cứ|Kính gửi|Phần|Chương|Điều\s+\d|[IVX]+\s*[.\-–)]|\d+\s*[.)])(?!\p{L})|^[-_–—=*.\s]+$/u;
/**
 * How a body's first paragraph opens; a trích yếu may open so too (`Thực hiện
 * Chỉ thị số 52-CT/TW…`), but it is short and does not end in `;` or `:`.
 */
const OPENING = /^(?:Thực hiện|Theo|Để|Nhằm|Trên cơ sở)(?!\p{L})/u;
/** An appendix or catalogue heading: a page that has no header of its own. */
const NOT_HEADER = new RegExp(`^(?:${APPENDIX_TITLES.join('|')})(?!\\p{L})`, 'u');
const QUOC_HIEU = /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/;
const DANG_HEADING = /^ĐẢNG CỘNG SẢN VIỆT NAM$/;
const MOTTO = /^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc$/i;
const NUMBER_LINE = /^Số(?=[\s:\d])/;
const DATE_LINE = /^(?:(?<place>[^,\d]{2,40}?)\s*,\s*)?ngày(?!\p{L})(?<rest>.*)$/iu;
const DATE_PARTS = /^\s*(?<day>\d{1,2})?\s*tháng\s*(?<month>\d{1,2})?\s*năm\s*(?<year>\d{4})?/i;
/** Running headers of the Official Gazette and page numbers: extraction artefacts, not header parts. */
const ARTEFACT = /^(?:CÔNG BÁO(?!\p{L}).*|\d{1,4}|[-_–—=*.\s]+|VĂN BẢN (?:QUY PHẠM )?PHÁP LUẬT(?: KHÁC)?)$/iu;

// Central bodies (upper-case, diacritics kept). A body starting with one of
// these has no locality even when the date line names Hà Nội.
const CENTRAL =
  /^(?:CHÍNH PHỦ|THỦ TƯỚNG|QUỐC HỘI|ỦY BAN THƯỜNG VỤ QUỐC HỘI|CHỦ TỊCH NƯỚC|VĂN PHÒNG (?:CHÍNH PHỦ|QUỐC HỘI|CHỦ TỊCH NƯỚC|TRUNG ƯƠNG)|BỘ(?!\p{L})|BAN CHẤP HÀNH TRUNG ƯƠNG|BỘ CHÍNH TRỊ|BAN BÍ THƯ|TÒA ÁN NHÂN DÂN TỐI CAO|VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO|KIỂM TOÁN NHÀ NƯỚC|NGÂN HÀNG NHÀ NƯỚC|THANH TRA CHÍNH PHỦ|ỦY BAN TRUNG ƯƠNG|.*(?<!\p{L})TRUNG ƯƠNG$)/u;

// `TỈNH ỦY X`, `THÀNH ỦY X`, `… TỈNH X`, `… THÀNH PHỐ X`: X is the locality.
const PROVINCE_COMMITTEE = /(?<!\p{L})(?:TỈNH|THÀNH) ỦY\s+(\p{Lu}[\p{Lu}\s.-]*)$/u;
const PROVINCE_NAMED = /(?<!\p{L})(?:TỈNH|THÀNH PHỐ|TP\.?)\s+(\p{Lu}[\p{Lu}\s.-]*)$/u;
/** Units below a province: their own name is not the province's. */
const BELOW_PROVINCE = /(?<!\p{L})(?:HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|THỊ ỦY)(?!\p{L})/u;

/**
 * A cell that glues the body to the Quốc hiệu (`CHÍNH PHỦ CỘNG HÒA XÃ HỘI…`),
 * or the Party heading to the date line (`ĐẢNG CỘNG SẢN VIỆT NAM*Bắc Giang,
 * ngày…*`, Word converted to Markdown), is two cells.
 */
function splitQuocHieu(cell: HeaderLine): HeaderLine[] {
  const party = /^(ĐẢNG CỘNG SẢN VIỆT NAM)[\s*_]*(?=\S)/u.exec(cell.text);
  if (party) {
    const rest = cell.text.slice(party[0].length);
    return [
      { text: party[1], line: cell.line, span: { start: cell.span.start, end: cell.span.start + party[1].length } },
      { text: rest, line: cell.line, span: { start: cell.span.end - rest.length, end: cell.span.end } },
    ];
  }
  const m = QUOC_HIEU.exec(cell.text);
  if (!m || m.index === 0) return [cell];
  const before = cell.text.slice(0, m.index).trimEnd();
  const after = cell.text.slice(m.index);
  return [
    { text: before, line: cell.line, span: { start: cell.span.start, end: cell.span.start + before.length } },
    { text: after, line: cell.line, span: { start: cell.span.start + m.index, end: cell.span.end } },
  ];
}

function isUpper(text: string): boolean {
  return /\p{Lu}/u.test(text) && text === text.toUpperCase();
}

function titleCase(name: string): string {
  return name
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** The province named by one body line, if it names one. */
export function localityOfBody(body: string): string | undefined {
  const t = body.replace(/\s+/g, ' ').trim().toUpperCase();
  if (BELOW_PROVINCE.test(t) && !/(?<!\p{L})TỈNH(?!\p{L})/u.test(t)) return undefined;
  const m = PROVINCE_COMMITTEE.exec(t) ?? PROVINCE_NAMED.exec(t);
  if (!m) return undefined;
  const name = m[1].replace(/[.\s-]+$/, '').trim();
  return name.length >= 2 ? titleCase(name) : undefined;
}

const ALIASES: Record<string, string> = {
  'ho chi minh': 'tp ho chi minh',
  'tp hcm': 'tp ho chi minh',
  'hcm': 'tp ho chi minh',
  'bac can': 'bac kan',
};

/** The key two names of one locality share: no diacritics, no `tỉnh`/`thành phố`, lower case. */
export function localityKey(name: string): string {
  const k = asciiKey(name)
    .replace(/[.,]/g, ' ')
    .replace(/^\s*(?:tinh|thanh pho|tp)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return ALIASES[k] ?? k;
}

/**
 * `Hà Nội, ngày 05 tháng 01 năm 2026`, or the date alone (`ngày … tháng … năm
 * 2026`); a line that only starts with a date and goes on (`ngày 27 tháng 7
 * năm 2011 của Thủ tướng Chính phủ`, `ngày 05 tháng 05 năm 2025.`) is a
 * sentence cut by the line, not the document's date.
 */
function isDateLine(t: string): boolean {
  const m = DATE_LINE.exec(t);
  if (!m) return false;
  const parts = DATE_PARTS.exec(m.groups!.rest);
  if (!parts) return false;
  return !!m.groups!.place || !/[^\s*_]/.test(m.groups!.rest.slice(parts[0].length));
}

function readDate(cell: HeaderLine): { place?: HeaderLine; date?: HeaderDate } | undefined {
  const m = DATE_LINE.exec(cell.text);
  if (!m) return undefined;
  const parts = DATE_PARTS.exec(m.groups!.rest);
  if (!parts) return undefined;
  const placeText = m.groups!.place?.trim();
  const place = placeText ? { text: placeText, line: cell.line, span: { start: cell.span.start, end: cell.span.start + placeText.length } } : undefined;
  const { day, month, year } = parts.groups!;
  if (!day || !month || !year) return { place };
  const iso = isoDate(Number(day), Number(month), Number(year));
  if (!iso) return { place };
  const at = cell.text.search(/ngày/i);
  const written = cell.text.slice(at + 4).trim();
  return {
    place,
    date: { iso, day: Number(day), month: Number(month), year: Number(year), written, line: cell.line, span: { start: cell.span.start + at, end: cell.span.end } },
  };
}

/** The header of a plan, from its first lines up to the type title. */
const headers = new WeakMap<object, PlanHeader>();

/**
 * The header of an analysed plan, read once per analysis: the citation
 * rules, the form rules, deadline-before-plan and completion all ask for it,
 * and reading the closing walks the text from the title to its end.
 */
export function headerOf(plan: Pick<Plan, 'lines'>): PlanHeader {
  let h = headers.get(plan);
  if (!h) {
    const seen = { last: -1 };
    h = tracked(seen, () => readHeader(plan));
    headers.set(plan, h);
    lastRead.set(h, seen.last);
  }
  return h;
}

/** The last line each header reading looked at (every reader looks at a line through cells, or notes it). */
const lastRead = new WeakMap<PlanHeader, number>();

/**
 * After an edit, `next` has `prev`'s header when every line its reading
 * looked at is unchanged: a reparse keeps the lines before the edit as the
 * same objects, and the reading is made of those lines alone (the number of
 * lines counts only when it read to the last).
 */
export function carryHeader(prev: Pick<Plan, 'lines'>, next: Pick<Plan, 'lines'>): void {
  const h = headers.get(prev);
  const last = h && lastRead.get(h);
  if (!h || last === undefined || headers.has(next)) return;
  if (last >= next.lines.length || (last >= prev.lines.length - 1 && next.lines.length !== prev.lines.length)) return;
  for (let k = 0; k <= last; k++) if (next.lines[k] !== prev.lines[k]) return;
  headers.set(next, h);
}

export function readHeader(plan: Pick<Plan, 'lines'>): PlanHeader {
  const header: PlanHeader = { bodies: [], central: false, letter: false, gazette: false };
  let seen = 0;
  /** Lines read after a `V/v` line: a date line may still follow it (the right column of the same row). */
  let afterLetter = 0;
  for (const line of plan.lines) {
    if (seen >= HEADER_LINES || header.type || afterLetter > 3) break;
    noteRead(line);
    if (!line.text.trim()) continue;
    seen++;
    if (header.letter) afterLetter++;
    const row = cells(line).flatMap(splitQuocHieu);
    if (row.length && NOT_HEADER.test(row[0].text)) break;
    if (header.letter && /^Kính gửi/i.test(row[0]?.text ?? '')) break;
    for (const cell of row) readCell(header, cell);
  }
  finish(header);
  if (header.type) header.summary = readSummary(plan.lines, header.type.line + 1);
  const from = (header.type ?? header.summary)?.line;
  if (from !== undefined) {
    header.signature = readSignature(plan.lines, from + 1);
    header.recipients = readRecipients(plan.lines, from + 1, header.system ?? header.signature?.system, header.signature);
  }
  return header;
}

/** The trích yếu under the type title: up to four lines, to a blank line, a rule or the first line of the body. */
function readSummary(lines: Plan['lines'], from: number): HeaderLine | undefined {
  let summary: HeaderLine | undefined;
  for (let i = from; i < lines.length && i < from + 6; i++) {
    const row = cells(lines[i]);
    if (!row.length) {
      if (summary) break;
      continue;
    }
    const t = row[0].text;
    if (ARTEFACT.test(t) && !/^[-_–—=*.\s]+$/.test(t)) continue;
    if (SUMMARY_END.test(t) || /^(?:QUYẾT NGHỊ|QUYẾT ĐỊNH)\s*:/.test(t)) break;
    if (OPENING.test(t) && (summary || t.length > 200 || /[;:]$/.test(t))) break;
    // The issuing authority on its own line (`CHÍNH PHỦ`) comes after the trích yếu; a trích yếu in
    // lower case does not go on in capitals.
    if (isUpper(t) && (AUTHORITY_LINE.test(t) || (summary && !isUpper(summary.text)))) break;
    summary = summary
      ? { text: `${summary.text} ${t}`, line: summary.line, span: { start: summary.span.start, end: row[0].span.end } }
      : { text: t, line: i, span: row[0].span };
  }
  return summary;
}

function readCell(header: PlanHeader, cell: HeaderLine): void {
  const t = cell.text;
  if (GAZETTE.test(t)) header.gazette = true;
  if (ARTEFACT.test(t)) return;
  if (VV.test(t) && !header.type) {
    header.summary ??= cell;
    header.letter = true;
    return;
  }
  // The heading decides the system, also over a number read above it.
  if (QUOC_HIEU.test(t)) {
    if (!header.heading) header.system = 'state';
    header.heading ??= cell;
  } else if (DANG_HEADING.test(t)) {
    if (!header.heading) header.system = 'party';
    header.heading ??= cell;
  } else if (MOTTO.test(t)) header.motto ??= cell;
  else if (NUMBER_LINE.test(t) && /\d|\//.test(t)) {
    header.number ??= cell;
    // Party `15-KH/TU` (also blank, `…-KH/…`); state `15/KH-UBND`, `/UBND-THĐT`.
    header.system ??= /-\s*\p{Lu}\p{L}*\s*\//u.test(t) && !/\/\s*[\p{Lu}]+\s*-/u.test(t) ? 'party' : 'state';
  } else if (!header.dateLine && isDateLine(t)) {
    const d = readDate(cell);
    header.dateLine = cell;
    header.place = d?.place;
    header.date = d?.date;
  } else if (TYPE_TITLE.test(t)) header.type = cell;
  else if (isUpper(t) && !header.number && !header.dateLine && t.length <= 80 && !/[;:]$/.test(t)) header.bodies.push(cell);
}

function finish(header: PlanHeader): void {
  const bodies = joinContinued(header.bodies.map((b) => b.text));
  header.central = bodies.length > 0 && CENTRAL.test(bodies[0]);
  if (!header.central) {
    for (const b of bodies) header.locality ??= localityOfBody(b);
    // A place in the date line stands for the locality only where the body does not say it is central.
    if (!header.locality && header.place && !/\d/.test(header.place.text)) header.locality = header.place.text.replace(/^(?:tỉnh|thành phố|TP\.?)\s+/i, '');
  }
}

/** `ỦY BAN NHÂN DÂN` + `THÀNH PHỐ HÀ NỘI` on two lines are one body. */
function joinContinued(texts: string[]): string[] {
  const out: string[] = [];
  for (const t of texts) {
    if (out.length && /^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)(?!\p{L})/u.test(t) && !/(?<!\p{L})(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|XÃ|PHƯỜNG)(?!\p{L})/u.test(out[out.length - 1])) {
      out[out.length - 1] += ' ' + t;
    } else out.push(t);
  }
  return out;
}
