// What one line of a draft is, read from its text alone: part or section
// heading, label, bullet, footnote, table row, attachment, page artefact. The
// builder (builder.ts) turns these readings into the plan's structure.

import type { LabelTable } from './labels';
import { partKind } from './partTitles';
import type { Line, PartKind } from './model';
import { FlatCell, readFlatLine } from './flatTables';
import { typeTitle } from './documentKind';
import { endsSentence } from './lineContext';
import { articleNumber, attachedBy, attachmentStart, AttachmentStart, isBareNumber, isFormStart, isNationalHeading, isRunningHeader, QuoteMarks, quoteMarks } from './layout';
import { countTabs, isHtmlRow, isPipeRow } from './tables';

const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
// `I- MỤC ĐÍCH`, `II. NỘI DUNG`, `III – TỔ CHỨC`, `## I. …`
// Up to ten spaces before it: `pdftotext -layout` indents headings.
const PART_HEADING = /^[ \t\f]{0,10}(?:#{1,6}\s+)?([IVX]{1,5})\s*[-.:)]\s*(\S.*)$/;
// Some Party documents put lettered parts above the Roman ones: `B. NỘI DUNG`.
const LETTER_PART = /^[ \t\f]{0,10}(?:#{1,6}\s+)?([A-H])\.\s+(\S.*)$/;
// `1.`, `1.1.`, `1.1.1`, `### 1.2.` — a single level needs its dot (see readLine).
// The number is whole: not the head of a decimal (`2.000 cc`), a code
// (`0608.`, `01.02`) or a list of codes (`84.50, 85.09`).
const SECTION_HEADING = /^[ \t\f]{0,10}(?:#{1,6}\s+)?([1-9]\d?(?:\.[1-9]\d?)*)(?![\d,]|\.\d)(\.(?!\d))?\s*(?=\S)(.*)$/;
const TYPED_NUMBER = /^[ \t\f]{0,10}(?:#{1,6}\s+)?([1-9]\d?(?:\.[1-9]\d?)*)(\.\s*)$/;
const BULLET = /^\s*(?:[-+*•–]|\d{1,2}\)|[a-zđ]\))\s+/;
const SUPERSCRIPTS = '¹²³⁴⁵⁶⁷⁸⁹⁰';
const FOOTNOTE_LINE = /^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^\w+\]:)/;
const FOOTNOTE_RULE = /^\s*(?:[_\-=]{5,}|(?:\*\s*){3,})\s*$/;
const NUMBERED_NOTE = /^\s*\(\d{1,2}\)\s/;
const RECIPIENTS = /^\s*(?:#{1,6}\s+)?Nơi nhận\s*:?/i;
const COMMENT = /^\s*<!--.*-->\s*$/;
const TRAILING_MARKERS = /(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^\w+\])+\s*$/;
/** A title can end in markers only if its last non-space character is a superscript digit or `]`. */
const MARKER_END = /[¹²³⁴⁵⁶⁷⁸⁹⁰\]]$/;

/** `title` without trailing footnote markers, trimmed. The test first spares most titles the unanchored regex. */
function stripTrailingMarkers(title: string): string {
  const t = title.trim();
  return MARKER_END.test(t) ? title.replace(TRAILING_MARKERS, '').trim() : t;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  // indexOf jumps from break to break natively instead of testing each character.
  for (let start = 0; ; ) {
    const i = text.indexOf('\n', start);
    const end = i < 0 ? text.length : i;
    lines.push({ index: lines.length, start, end, text: text.slice(start, end) });
    if (i < 0) return lines;
    start = i + 1;
  }
}

/** A title stands when its letters are mostly capitals (parts are set in capitals). */
export function isUpperTitle(s: string): boolean {
  let upper = 0;
  let lower = 0;
  let left = s.length;
  for (const ch of s) {
    // Even if every character left were a capital, there would be too few: a paragraph is given up at its start.
    if (upper + left < lower * 3) return false;
    left -= ch.length;
    if (ch >= 'a' && ch <= 'z') lower++;
    else if (ch >= 'A' && ch <= 'Z') upper++;
    else if (ch.toLowerCase() !== ch) upper++;
    else if (ch.toUpperCase() !== ch) lower++;
  }
  return upper > 0 && upper >= lower * 3;
}

export type LabelMatch = ReturnType<LabelTable['match']>;

/**
 * What a line is, read from its text alone (every regular expression the
 * parse needs runs here, once per line). Holds no offsets, so after an edit
 * the readings of unchanged lines are reused as they are.
 */
export interface LineReading {
  blank: boolean;
  comment: boolean;
  /** Holds `<!--` (where suppression comments start). */
  htmlComment: boolean;
  pipeRow: boolean;
  tabs: number;
  /** A one-line HTML table row (`<tr><td>…</td><td>…</td></tr>`). */
  htmlRow: boolean;
  footnote: boolean;
  footnoteRule: boolean;
  /** A numbered or digit-led line, which continues footnotes. */
  note: boolean;
  recipients: boolean;
  /** Length of the bullet and its spaces, -1 without one. */
  bullet: number;
  /** `KẾ HOẠCH` alone on the line. */
  title: boolean;
  part?: { numeral: string; numeralAt: number; title: string; letter: boolean; kind: PartKind };
  section?: { raw: string; number: string; components: number[]; numberAt: number; titleRaw: string; title: string; label: LabelMatch };
  /** The label the text after the bullet (or indentation) starts with. */
  label: LabelMatch;
  bodyOffset: number;
  /** Opens an appendix, a list or an attached document (see layout.ts). */
  attachment?: AttachmentStart;
  /** `(Kèm theo …)`: marks the title before it as an attached document's. */
  attachedBy: boolean;
  /** `Điều N.` */
  article?: number;
  /** A running header or signature stamp of a PDF. */
  runningHeader: boolean;
  /** A number alone on the line (a page number next to a running header). */
  bareNumber: boolean;
  /** A form feed or deep indentation: a page number set alone. */
  centred: boolean;
  /** The line as a cell of a flattened table. */
  cell: FlatCell;
  /** Its quotation marks: quoted text belongs to another document (the builder follows them from line to line). */
  quote: QuoteMarks;
  /** `Mẫu số 01`: a form starts. */
  form: boolean;
  /** The national (or Party) heading: a document with a header of its own starts. */
  nationalHeading: boolean;
  /** A type title alone on the line (`NGHỊ ĐỊNH`, `KẾ HOẠCH`), see documentKind.ts. */
  typeTitle: string | undefined;
  /** Words that end no sentence (`Nội dung thực hiện`, not `Tổ chức hội nghị.`): what could head the lines under it (lineContext.ts). */
  openEnded: boolean;
}

/** `2.` alone, as SECTION_HEADING's groups: the dot is read as the title (a number being typed). */
function typedNumber(raw: string): RegExpExecArray | null {
  const m = TYPED_NUMBER.exec(raw);
  if (!m) return null;
  const out = [m[0], m[1], undefined, m[2]] as unknown as RegExpExecArray;
  out.index = 0;
  return out;
}

const WORD = /\p{L}{2}/u;

/** Reads one line (see LineReading). */
export function readLine(raw: string, labels: LabelTable): LineReading {
  // Every pattern below is anchored at the line start: the first visible
  // character rules most of them out without running them.
  const t = raw.trimStart();
  const ch = t.charAt(0);
  const digit = ch >= '0' && ch <= '9';
  const hash = ch === '#';
  const bm = digit || '-+*•–'.includes(ch) || (ch >= 'a' && ch <= 'z') || ch === 'đ' ? BULLET.exec(raw) : null;
  const bodyOffset = bm ? bm[0].length : raw.length - t.length;
  const reading: LineReading = {
    blank: !t.trimEnd(),
    comment: ch === '<' && COMMENT.test(raw),
    htmlComment: raw.includes('<!--'),
    pipeRow: ch === '|' && isPipeRow(raw),
    tabs: countTabs(raw),
    htmlRow: isHtmlRow(raw),
    footnote: (ch === '[' || SUPERSCRIPTS.includes(ch)) && FOOTNOTE_LINE.test(raw),
    footnoteRule: '_-=*'.includes(ch) && FOOTNOTE_RULE.test(raw),
    note: (ch === '(' && NUMBERED_NOTE.test(raw)) || (digit && /^\s*\d{1,2}\s/.test(raw)),
    recipients: (ch === 'N' || ch === 'n' || hash) && RECIPIENTS.test(raw),
    bullet: bm ? bm[0].length : -1,
    title: (ch === 'K' || hash) && /^\s*(?:#{1,6}\s+)?KẾ HOẠCH\s*$/.test(raw),
    // Every key, in one order: the passes over all lines see one object shape.
    part: undefined,
    section: undefined,
    label: undefined,
    bodyOffset,
    attachment: undefined,
    attachedBy: false,
    article: undefined,
    runningHeader: false,
    bareNumber: false,
    centred: false,
    cell: readFlatLine(raw),
    quote: quoteMarks(raw),
    form: false,
    nationalHeading: false,
    typeTitle: undefined,
    openEnded: false,
  };
  if (reading.blank) return reading;
  reading.openEnded = WORD.test(raw) && !endsSentence(raw);
  reading.form = (ch === 'M' || hash) && isFormStart(raw);
  reading.nationalHeading = (ch === 'C' || ch === 'Đ' || hash || raw.includes('CỘNG HÒA')) && isNationalHeading(raw);
  reading.typeTitle = isUpperTitle(t) ? typeTitle(raw) : undefined;
  reading.attachment = attachmentStart(raw);
  reading.attachedBy = (ch === '(' || ch === '*' || ch === '_' || ch === 'K' || ch === 'k' || ch === 'B' || ch === 'b') && attachedBy(raw);
  reading.article = ch === 'Đ' || ch === '*' || hash ? articleNumber(raw) : undefined;
  reading.runningHeader = 'CKNETcke'.includes(ch) && isRunningHeader(raw);
  if (digit && isBareNumber(raw)) {
    reading.bareNumber = true;
    reading.centred = raw.includes('\f') || raw.length - t.length >= 20;
  }
  const roman = ch === 'I' || ch === 'V' || ch === 'X' || hash ? PART_HEADING.exec(raw) : null;
  const letter = roman || !((ch >= 'A' && ch <= 'H') || hash) ? null : LETTER_PART.exec(raw);
  const pm = roman && ROMAN.test(roman[1]) ? roman : letter;
  if (pm && (isUpperTitle(pm[2]) || hash)) {
    const title = stripTrailingMarkers(pm[2]);
    reading.part = { numeral: pm[1], numeralAt: raw.indexOf(pm[1]), title, letter: !!letter, kind: partKind(title) };
    return reading;
  }
  // A number being typed (`2.`, `1.2.`) is a heading with no title yet.
  const sm = digit || hash ? SECTION_HEADING.exec(raw) ?? typedNumber(raw) : null;
  // A single level needs its dot (`1.`): `2 ngày` is no heading.
  if (sm && (sm[2] || sm[1].includes('.') || sm[3].startsWith('.'))) {
    const number = sm[1];
    reading.section = {
      raw: sm[1],
      number,
      components: number.split('.').map(Number),
      numberAt: raw.indexOf(sm[1]),
      titleRaw: sm[3],
      title: stripTrailingMarkers(sm[3]),
      label: labels.match(sm[3]),
    };
    return reading;
  }
  reading.label = labels.match(raw.slice(bodyOffset));
  return reading;
}
