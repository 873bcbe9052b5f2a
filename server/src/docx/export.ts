// A plan's text as a Word document laid out by the rules of form: Nghị định
// 30/2020/NĐ-CP Phụ lục I for state bodies, Hướng dẫn 36-HD/VPTW for Party
// ones. A4, margins top and bottom 20 mm, left 30 mm, right 15 mm (in the
// ranges 20–25, 30–35, 15–20), Times New Roman; the header a borderless
// two-column table (issuing body and number left, national or Party heading
// and the date line right) with its ruling lines; the type bold and centred,
// the trích yếu under it; body paragraphs justified, numbers kept as typed;
// Markdown and tab tables as real tables; Nơi nhận beside the signature.
// Every line of the text is written, so a check of the exported file finds
// what a check of the text finds.

import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { IParagraphOptions, ParagraphChild } from 'docx';
import { countTabs, isPipeRow } from '../core/plan/tables';
import { FormParts, IS_NUMBER, plain, splitForm } from './form';
import { joinWrapped } from './reflow';
import { styledRuns } from './runs';

/** Twips per millimetre. */
const MM = 56.7;
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) },
};
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
export const FONT = 'Times New Roman';

/** Sizes in points, per form (Phụ lục I; Hướng dẫn 36-HD/VPTW). */
interface Sizes {
  body: number;
  issuer: number;
  heading: number;
  motto: number;
  number: number;
  date: number;
  type: number;
  summary: number;
  recipientsLabel: number;
  recipients: number;
  signature: number;
}
const STATE: Sizes = { body: 14, issuer: 13, heading: 12, motto: 14, number: 13, date: 14, type: 14, summary: 14, recipientsLabel: 12, recipients: 11, signature: 14 };
const PARTY: Sizes = { body: 14, issuer: 14, heading: 15, motto: 0, number: 14, date: 14, type: 16, summary: 14, recipientsLabel: 14, recipients: 12, signature: 14 };

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };

export interface ExportOptions {
  /** Force the Party or the state form; by default read from the text (heading, number, signature). */
  party?: boolean;
  /** One paragraph per line, as typed: no joining of lines broken by a PDF conversion. */
  keepLines?: boolean;
  /**
   * The issuer's header from the settings (issue 14, part 5), used only where
   * the text names none: superior body, issuing body, locality (the date line
   * then reads `<locality>, ngày … tháng … năm …`, to be filled in at signing).
   */
  letterhead?: { superior?: string; issuer?: string; locality?: string };
}

export async function exportDocx(text: string, options: ExportOptions = {}): Promise<Uint8Array> {
  const form = splitForm(text);
  if (options.party !== undefined) form.party = options.party;
  fillLetterhead(form, options.letterhead);
  const sizes = form.party ? PARTY : STATE;
  const notes = footnotes(form);
  const children: (Paragraph | Table)[] = [];
  if (form.type) children.push(header(form, sizes), ...titleBlock(form, sizes));
  const join = options.keepLines ? (lines: string[]) => lines : joinWrapped;
  children.push(...bodyBlocks(join(form.body), sizes, notes));
  if (form.recipients.length || form.signature.length) children.push(closing(form, sizes));
  children.push(...bodyBlocks(join(form.tail), sizes, notes));
  const doc = new Document({
    creator: 'kehoach',
    styles: { default: { document: { run: { font: FONT, size: sizes.body * 2 } } } },
    footnotes: Object.fromEntries([...notes.byMark].map(([mark, n]) => [n.id, { children: [para(n.text, { size: 12 }, { alignment: AlignmentType.JUSTIFIED })] }])),
    sections: [
      {
        properties: { titlePage: true, page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        // Page numbers centred in the top margin, none on the first page (Phụ lục I, I.7).
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 28 })] })] }),
          first: new Header({ children: [new Paragraph({})] }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Header parts the text lacks, from the settings; what the text has is kept. */
function fillLetterhead(form: FormParts, head: ExportOptions['letterhead']): void {
  if (!head || !form.type) return;
  const clean = (v: string | undefined) => v?.trim().replace(/\s+/g, ' ').toUpperCase() || undefined;
  if (!form.left.some((l) => !IS_NUMBER.test(l))) {
    const bodies = [clean(head.superior), clean(head.issuer)].filter((v): v is string => !!v);
    form.left.unshift(...bodies);
  }
  const locality = head.locality?.trim();
  if (!form.date && locality) form.date = `${locality}, ngày      tháng      năm ${new Date().getFullYear()}`;
}

interface RunStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

function para(text: string, style: RunStyle, options: IParagraphOptions = {}, notes?: Footnotes): Paragraph {
  const runs: ParagraphChild[] = [];
  for (const r of styledRuns(text)) {
    for (const piece of notes ? notes.split(r.text) : [{ text: r.text }]) {
      if ('note' in piece && piece.note !== undefined) runs.push(new FootnoteReferenceRun(piece.note));
      else runs.push(new TextRun({ text: piece.text, font: FONT, size: style.size * 2, bold: style.bold || r.bold, italics: style.italic || r.italic, underline: style.underline ? {} : undefined }));
    }
  }
  return new Paragraph({ ...options, children: runs });
}

/** A short ruling line under a centred text: a bottom border over the middle of the cell. */
function rule(fraction: number, cellWidth: number): Paragraph {
  const side = Math.round((cellWidth * (1 - fraction)) / 2);
  return new Paragraph({ border: { bottom: LINE }, indent: { left: side, right: side }, spacing: { after: 60 }, children: [] });
}

function cell(children: Paragraph[], width: number, columnSpan?: number): TableCell {
  return new TableCell({ children: children.length ? children : [new Paragraph({})], width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, columnSpan, verticalAlign: VerticalAlignTable.TOP });
}

function layoutTable(rows: TableCell[][], widths: number[]): Table {
  return new Table({
    // A header or a signature block is never split across pages.
    rows: rows.map((cells) => new TableRow({ children: cells, cantSplit: true })),
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
}

const centred = (spacing = 0): IParagraphOptions => ({ alignment: AlignmentType.CENTER, spacing: { before: spacing, after: 0 } });

/** Header: issuing body and number left; national (or Party) heading and date line right; two rows so number and date stand on one line. */
function header(form: FormParts, s: Sizes): Table {
  const leftWidth = Math.round(TEXT_WIDTH * (form.party ? 0.45 : 0.38));
  const rightWidth = TEXT_WIDTH - leftWidth;
  const number = form.left.find((l) => IS_NUMBER.test(l));
  const bodies = form.left.filter((l) => l !== number);
  const issuerFrom = issuerStart(bodies);
  const left: Paragraph[] = bodies.map((b, k) => para(b, { size: s.issuer, bold: k >= issuerFrom }, centred()));
  if (bodies.length) left.push(form.party ? para('*', { size: s.issuer }, centred()) : rule(0.4, leftWidth));
  const right: Paragraph[] = form.party
    ? [para('ĐẢNG CỘNG SẢN VIỆT NAM', { size: s.heading, bold: true }, centred()), rule(0.8, rightWidth)]
    : [para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: s.heading, bold: true }, centred()), para('Độc lập - Tự do - Hạnh phúc', { size: s.motto, bold: true }, centred()), rule(0.62, rightWidth)];
  const numberCell = number ? [para(number, { size: s.number }, centred(60))] : [];
  const dateCell = form.date ? [para(form.date, { size: s.date, italic: true }, centred(60))] : [];
  return layoutTable(
    [
      [cell(left, leftWidth), cell(right, rightWidth)],
      [cell(numberCell, leftWidth), cell(dateCell, rightWidth)],
    ],
    [leftWidth, rightWidth],
  );
}

/** A body named by its kind alone (`ỦY BAN NHÂN DÂN`), its place on the next line (`TỈNH TUYÊN QUANG`): one name on two lines. */
const KIND_ONLY = /^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|ĐẢNG ỦY|ĐẢNG ĐOÀN|BAN CÁN SỰ ĐẢNG)$/u;
const PLACE = /^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s/u;

/**
 * The line where the issuing body's name starts (bold); the lines above name
 * the superior body (regular). The last line is the issuer, with the one above
 * when the two are a kind and its place.
 */
function issuerStart(bodies: string[]): number {
  const last = bodies.length - 1;
  if (last >= 1 && KIND_ONLY.test(bodies[last - 1]) && PLACE.test(bodies[last])) return last - 1;
  return Math.max(0, last);
}

function titleBlock(form: FormParts, s: Sizes): Paragraph[] {
  const out = [para(form.type!, { size: s.type, bold: true }, centred(360))];
  form.summary.forEach((line, k) => out.push(para(line, { size: s.summary, bold: true }, centred())));
  out.push(form.party ? para('-----', { size: s.summary }, centred()) : rule(0.3, TEXT_WIDTH));
  return out;
}

const PART = /^[IVXLC]+\s*[.\-–]\s/;
const SECTION = /^(\d{1,2}(?:\.\d{1,2}){0,5})\.?\s/;

/** Body paragraphs and tables, in order; blank lines give way to paragraph spacing. */
function bodyBlocks(lines: string[], s: Sizes, notes: Footnotes): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (!raw.trim() || notes.isNote(raw)) continue;
    const table = readTable(lines, i);
    if (table) {
      out.push(dataTable(table.rows, s));
      i = table.end - 1;
      continue;
    }
    out.push(bodyParagraph(raw, s, notes));
  }
  return out;
}

function bodyParagraph(raw: string, s: Sizes, notes: Footnotes): Paragraph {
  const heading = /^\s*#{1,6}\s+/.exec(raw);
  const text = heading ? raw.slice(heading[0].length) : raw.trim();
  const words = plain(text);
  const spacing = { before: 120, after: 0, line: 288 };
  // Markdown headings and upper-case lines (a part, QUYẾT NGHỊ:) set apart; numbered headings bold as typed in plans.
  if (heading && words === words.toUpperCase() && !PART.test(words)) return para(text, { size: s.body, bold: true }, { alignment: AlignmentType.CENTER, spacing });
  const section = SECTION.exec(words);
  const bold = !!heading || PART.test(words) || (!!section && section[1].split('.').length <= 2 && words.length <= 160 && !/[.;:]$/.test(words) && !/:\s+\S/.test(words));
  return para(text, { size: s.body, bold }, { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: Math.round(10 * MM) }, spacing }, notes);
}

/** The rows of a table starting at line `i`: Markdown pipe rows (not a malformed table: that stays as written) or rows of two or more tabs. */
function readTable(lines: string[], i: number): { rows: string[][]; end: number } | undefined {
  if (isPipeRow(lines[i])) {
    let end = i;
    while (end < lines.length && isPipeRow(lines[end])) end++;
    const block = lines.slice(i, end);
    const rows = block.filter((_, k) => k !== 1).map(splitPipes);
    const wellFormed = block.length > 1 && /^\s*\|?\s*:?-{2,}/.test(block[1]) && rows.every((r) => r.length === rows[0].length);
    return wellFormed ? { rows, end } : undefined;
  }
  if (countTabs(lines[i]) >= 2) {
    let end = i;
    while (end < lines.length && countTabs(lines[end]) >= 2) end++;
    return end - i >= 2 ? { rows: lines.slice(i, end).map((l) => l.split('\t').map((c) => c.trim())), end } : undefined;
  }
  return undefined;
}

function splitPipes(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

function dataTable(rows: string[][], s: Sizes): Table {
  const columns = Math.max(...rows.map((r) => r.length));
  // Columns as wide as their average text, within bounds: a TT column stays narrow, a task column takes the room.
  const weights = Array.from({ length: columns }, (_, c) => Math.max(3, Math.min(40, averageLength(rows, c))));
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.round((TEXT_WIDTH * w) / total));
  const size = Math.max(11, s.body - 2);
  return new Table({
    rows: rows.map(
      (r, k) =>
        new TableRow({
          tableHeader: k === 0,
          children: Array.from({ length: columns }, (_, c) =>
            new TableCell({ width: { size: widths[c], type: WidthType.DXA }, children: [para(r[c] ?? '', { size, bold: k === 0 }, { alignment: k === 0 ? AlignmentType.CENTER : AlignmentType.LEFT })] }),
          ),
        }),
    ),
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
  });
}

function averageLength(rows: string[][], c: number): number {
  const lengths = rows.map((r) => plain(r[c] ?? '').length);
  return lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
}

/** Nơi nhận (left) beside the signature block (right), in one borderless row. */
function closing(form: FormParts, s: Sizes): Table {
  const leftWidth = Math.round(TEXT_WIDTH * 0.5);
  const rightWidth = TEXT_WIDTH - leftWidth;
  const label = form.party ? para('Nơi nhận:', { size: s.recipientsLabel, underline: true }) : para('Nơi nhận:', { size: s.recipientsLabel, bold: true, italic: true });
  const left = [label, ...form.recipients.map((r) => para(r, { size: s.recipients }))];
  const right: Paragraph[] = [];
  const name = form.signature.length > 1 ? form.signature[form.signature.length - 1] : undefined;
  for (const line of form.signature) {
    if (line === name) right.push(new Paragraph({ spacing: { before: 1400 }, children: [] }));
    const bracket = /^[[(].*[\])]$/.test(line);
    right.push(para(line, { size: s.signature, bold: !bracket, italic: bracket }, centred()));
  }
  return layoutTable([[cell([new Paragraph({ spacing: { before: 240 }, children: [] }), ...left], leftWidth), cell([new Paragraph({ spacing: { before: 240 }, children: [] }), ...right], rightWidth)]], [leftWidth, rightWidth]);
}

const SUP_CLASS = '[⁰¹²³⁴⁵⁶⁷⁸⁹]+';

interface Footnotes {
  byMark: Map<string, { id: number; text: string }>;
  isNote(line: string): boolean;
  split(text: string): ({ text: string } | { text: string; note: number })[];
}

/**
 * Footnotes typed as text (a mark `¹` after a word, the note `¹ …` on a line of
 * its own) become Word footnotes; a mark without its note stays text.
 */
function footnotes(form: FormParts): Footnotes {
  const byMark = new Map<string, { id: number; text: string }>();
  const noteLine = new RegExp(`^\\s*(${SUP_CLASS})\\s+(.+)$`);
  for (const line of [...form.body, ...form.tail]) {
    const m = noteLine.exec(line);
    if (m && !byMark.has(m[1])) byMark.set(m[1], { id: byMark.size + 1, text: m[2].trim() });
  }
  const mark = new RegExp(`(?<=\\S)(${SUP_CLASS})`, 'g');
  return {
    byMark,
    isNote: (line) => {
      const m = noteLine.exec(line);
      return !!m && byMark.get(m[1])?.text === m[2].trim();
    },
    split: (text) => {
      if (!byMark.size) return [{ text }];
      const out: ({ text: string } | { text: string; note: number })[] = [];
      let last = 0;
      for (const m of text.matchAll(mark)) {
        const note = byMark.get(m[1]);
        if (!note) continue;
        out.push({ text: text.slice(last, m.index) });
        out.push({ text: '', note: note.id });
        last = m.index! + m[0].length;
      }
      out.push({ text: text.slice(last) });
      return out.filter((p) => p.text || 'note' in p);
    },
  };
}
