// A .docx as the text the analysis reads, with where each piece came from.
// One line per paragraph; Word's numbering rendered as text (`1.1. `); bold
// and italic runs as Markdown emphasis (`**…**`, which the normaliser strips
// for the checks and an import keeps); tables with borders as Markdown
// tables, borderless ones (the header, Nơi nhận beside the signature) as the
// lines of their cells; footnote marks as superscript digits and the
// footnotes' text at the end, as a text conversion of the page would show.

import type { Document as XmlDocument, Element } from '@xmldom/xmldom';
import { Numbering } from './numbering';
import { child, children, DocxError, DocxPackage, onOff, W, wAttr } from './package';
import { Styles, tableBorders } from './styles';

/** Where a piece of the text stands in the Word file; numbers are 1-based. */
export type Location =
  | { kind: 'paragraph'; paragraph: number }
  | { kind: 'cell'; table: number; row: number; cell: number }
  | { kind: 'footnote'; footnote: number };

/** A stretch of the text and the paragraphs of the file it was read from. */
export interface TextBlock {
  start: number;
  end: number;
  location: Location;
  /** First and last w:p of the stretch: where a comment on it is anchored. */
  first: Element;
  last: Element;
  /** For a paragraph read as a line of its own: where each w:t's characters stand in the text. */
  pieces?: TextPiece[];
}

/** The characters of one w:t and the offsets they were written at (emphasis marks and labels skipped). */
export interface TextPiece {
  t: Element;
  run: Element;
  /** Offset in the text of each character of t, and of its end. */
  at: number[];
}

export interface DocxText {
  text: string;
  /** In text order, not overlapping. */
  blocks: TextBlock[];
  pkg: DocxPackage;
  document: XmlDocument;
  /** The footnotes part the footnote blocks were read from, when there is one. */
  footnotes?: XmlDocument;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

interface Segment {
  text: string;
  bold: boolean;
  italic: boolean;
  /** The w:t elements the text holds, from where in it. */
  sources: { t: Element; run: Element; from: number; length: number }[];
}

class Reader {
  readonly lines: string[] = [];
  readonly blocks: TextBlock[] = [];
  private length = 0;
  private paragraphs = 0;
  private tables = 0;
  /** Footnote id → its mark number, in order of reference. */
  readonly footnoteMarks = new Map<string, number>();

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
  ) {}

  /** Adds a line; returns its start offset. */
  private push(line: string): number {
    const start = this.length;
    this.lines.push(line);
    this.length += line.length + 1;
    return start;
  }

  body(container: Element): void {
    for (const e of children(container)) {
      if (e.namespaceURI !== W) continue;
      if (e.localName === 'p') this.paragraph(e);
      else if (e.localName === 'tbl') this.table(e);
      else if (e.localName === 'sdt') {
        const content = child(e, 'sdtContent');
        if (content) this.body(content);
      } else if (e.localName === 'customXml') this.body(e);
    }
  }

  private paragraph(p: Element): void {
    const n = ++this.paragraphs;
    const { text, pieces } = this.trackedText(p);
    const start = this.push(text);
    this.blocks.push({ start, end: start + text.length, location: { kind: 'paragraph', paragraph: n }, first: p, last: p, pieces: shift(pieces, start) });
  }

  private table(tbl: Element): void {
    const t = ++this.tables;
    const style = wAttr(child(child(tbl, 'tblPr') ?? tbl, 'tblStyle'), 'val');
    const rows = children(tbl, 'tr');
    const columns = Math.max(children(child(tbl, 'tblGrid') ?? tbl, 'gridCol').length, ...rows.map((r) => rowWidth(r)));
    const framed = (tableBorders(child(tbl, 'tblPr')) ?? this.styles.tableBorders(style)) && columns > 1;
    rows.forEach((tr, r) => (framed ? this.markdownRow(tr, t, r + 1, columns, r === 0) : this.layoutRow(tr, t, r + 1)));
  }

  /** A borderless table lays text out on the page: each cell's paragraphs as lines. */
  private layoutRow(tr: Element, table: number, row: number): void {
    children(tr, 'tc').forEach((tc, c) => {
      for (const p of cellParagraphs(tc)) {
        const { text, pieces } = this.trackedText(p);
        const start = this.push(text);
        this.blocks.push({ start, end: start + text.length, location: { kind: 'cell', table, row, cell: c + 1 }, first: p, last: p, pieces: shift(pieces, start) });
      }
    });
  }

  private markdownRow(tr: Element, table: number, row: number, columns: number, header: boolean): void {
    let line = '|';
    const cells: { from: number; to: number; c: number; ps: Element[] }[] = [];
    let width = 0;
    children(tr, 'tc').forEach((tc, c) => {
      const tcPr = child(tc, 'tcPr');
      const merged = tcPr && child(tcPr, 'vMerge') && wAttr(child(tcPr, 'vMerge'), 'val') !== 'restart';
      const ps = cellParagraphs(tc);
      const text = merged ? '' : ps.map((p) => this.paragraphText(p, ' ').trim()).filter(Boolean).join(' ').replace(/\|/g, '\\|');
      line += ' ';
      const from = line.length;
      line += text;
      if (ps.length && !merged) cells.push({ from, to: line.length, c: c + 1, ps });
      line += ' |';
      const span = Number(wAttr(child(tcPr ?? tc, 'gridSpan'), 'val') ?? 1);
      for (let k = 1; k < span; k++) line += '  |';
      width += Math.max(1, span);
    });
    for (; width < columns; width++) line += '  |';
    const start = this.push(line);
    for (const cell of cells) {
      this.blocks.push({ start: start + cell.from, end: start + cell.to, location: { kind: 'cell', table, row, cell: cell.c }, first: cell.ps[0], last: cell.ps[cell.ps.length - 1] });
    }
    if (header) this.push('|' + ' --- |'.repeat(columns));
  }

  /** The paragraph's text: list label, runs with emphasis marks; line breaks as `breakAs`. */
  paragraphText(p: Element, breakAs: string): string {
    return this.trackedText(p, breakAs).text;
  }

  /** paragraphText, with where each w:t's characters were written (offsets in the line). */
  trackedText(p: Element, breakAs = '\n'): { text: string; pieces: TextPiece[] } {
    const pPr = child(p, 'pPr');
    const pStyle = wAttr(child(pPr ?? p, 'pStyle'), 'val');
    const segments: Segment[] = [];
    const base = { bold: this.styles.bold(pStyle, true) ?? false, italic: this.styles.italic(pStyle, true) ?? false };
    this.runs(p, segments, base, breakAs);
    const label = this.label(pPr, pStyle);
    const body = emphasised(segments);
    return { text: label + body.text, pieces: shift(body.pieces, label.length) };
  }

  private label(pPr: Element | undefined, pStyle: string | undefined): string {
    const numPr = pPr && child(pPr, 'numPr');
    const own = numPr && wAttr(child(numPr, 'numId'), 'val');
    const list = own !== undefined ? { numId: own, ilvl: Number(wAttr(child(numPr!, 'ilvl'), 'val') ?? 0) } : this.styles.numbering(pStyle);
    return list ? this.numbering.next(list.numId, list.ilvl) : '';
  }

  private runs(parent: Element, out: Segment[], base: { bold: boolean; italic: boolean }, breakAs: string): void {
    for (const e of children(parent)) {
      if (e.namespaceURI !== W) continue;
      switch (e.localName) {
        case 'r':
          this.run(e, out, base, breakAs);
          break;
        case 'hyperlink':
        case 'ins':
        case 'smartTag':
        case 'fldSimple':
        case 'customXml':
        case 'moveTo':
        case 'dir':
        case 'bdo':
          this.runs(e, out, base, breakAs);
          break;
        case 'sdt': {
          const content = child(e, 'sdtContent');
          if (content) this.runs(content, out, base, breakAs);
          break;
        }
        default: // pPr, del, moveFrom, bookmarks, comment ranges, proofErr: no text
      }
    }
  }

  private run(r: Element, out: Segment[], base: { bold: boolean; italic: boolean }, breakAs: string): void {
    const rPr = child(r, 'rPr');
    const rStyle = wAttr(child(rPr ?? r, 'rStyle'), 'val');
    const bold = onOff(rPr && child(rPr, 'b')) ?? this.styles.bold(rStyle) ?? base.bold;
    const italic = onOff(rPr && child(rPr, 'i')) ?? this.styles.italic(rStyle) ?? base.italic;
    let text = '';
    const sources: Segment['sources'] = [];
    for (const e of children(r)) {
      if (e.namespaceURI !== W) continue;
      switch (e.localName) {
        case 't': {
          const t = e.textContent ?? '';
          sources.push({ t: e, run: r, from: text.length, length: t.length });
          text += t;
          break;
        }
        case 'tab':
        case 'ptab':
          text += ' ';
          break;
        case 'br':
        case 'cr':
          if (wAttr(e, 'type') !== 'page' && wAttr(e, 'type') !== 'column') text += breakAs;
          break;
        case 'noBreakHyphen':
          text += '-';
          break;
        case 'footnoteReference': {
          const id = wAttr(e, 'id') ?? '';
          if (!this.footnoteMarks.has(id)) this.footnoteMarks.set(id, this.footnoteMarks.size + 1);
          text += superscript(this.footnoteMarks.get(id)!);
          break;
        }
        default:
      }
    }
    if (text) out.push({ text, bold, italic, sources });
  }

  footnotes(doc: XmlDocument | undefined): void {
    if (!doc?.documentElement || !this.footnoteMarks.size) return;
    const byId = new Map(children(doc.documentElement, 'footnote').map((f) => [wAttr(f, 'id') ?? '', f]));
    for (const [id, mark] of this.footnoteMarks) {
      const note = byId.get(id);
      const ps = note ? children(note, 'p') : [];
      if (!ps.length) continue;
      // The note's own reference mark (w:footnoteRef) has no text: the mark is written here.
      const text = `${superscript(mark)} ${ps.map((p) => this.paragraphText(p, ' ').trim()).join(' ')}`;
      const start = this.push(text);
      this.blocks.push({ start, end: start + text.length, location: { kind: 'footnote', footnote: mark }, first: ps[0], last: ps[ps.length - 1] });
    }
  }
}

function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]);
}

/** Grid columns a row spans. */
function rowWidth(tr: Element): number {
  return children(tr, 'tc').reduce((w, tc) => w + Math.max(1, Number(wAttr(child(child(tc, 'tcPr') ?? tc, 'gridSpan'), 'val') ?? 1)), 0);
}

/** The paragraphs of a cell, those of nested tables included, in order. */
function cellParagraphs(tc: Element): Element[] {
  const out: Element[] = [];
  for (const e of children(tc)) {
    if (e.namespaceURI !== W) continue;
    if (e.localName === 'p') out.push(e);
    else if (e.localName === 'tbl') for (const tr of children(e, 'tr')) for (const inner of children(tr, 'tc')) out.push(...cellParagraphs(inner));
    else if (e.localName === 'sdt') out.push(...children(child(e, 'sdtContent') ?? e, 'p'));
  }
  return out;
}

/** Runs joined, each bold or italic stretch wrapped in `**`/`*` around its non-blank part; where each w:t went. */
function emphasised(segments: Segment[]): { text: string; pieces: TextPiece[] } {
  const merged: Segment[] = [];
  for (const s of segments) {
    const last = merged[merged.length - 1];
    if (last && last.bold === s.bold && last.italic === s.italic) {
      last.sources.push(...s.sources.map((src) => ({ ...src, from: src.from + last.text.length })));
      last.text += s.text;
    } else merged.push({ ...s, sources: [...s.sources] });
  }
  let out = '';
  const pieces: TextPiece[] = [];
  for (const s of merged) {
    const mark = (s.bold ? '**' : '') + (s.italic ? '*' : '');
    const marked = !!mark && !!s.text.trim();
    const lead = marked ? /^\s*/.exec(s.text)![0].length : 0;
    const words = marked ? s.text.trim().length : s.text.length;
    const m = marked ? mark.length : 0;
    // Character k of the stretch is written after the opening mark once past the lead, after both marks once past the words.
    const place = (k: number) => out.length + k + (k >= lead && marked ? m : 0) + (k >= lead + words && marked ? m : 0);
    for (const src of s.sources) pieces.push({ t: src.t, run: src.run, at: Array.from({ length: src.length + 1 }, (_, i) => place(src.from + i)) });
    out += marked ? s.text.slice(0, lead) + mark + s.text.trim() + [...mark].reverse().join('') + s.text.slice(lead + words) : s.text;
  }
  return { text: out, pieces };
}

function shift(pieces: TextPiece[], by: number): TextPiece[] {
  if (!by) return pieces;
  for (const p of pieces) for (let i = 0; i < p.at.length; i++) p.at[i] += by;
  return pieces;
}

export function readDocx(bytes: Uint8Array): DocxText {
  try {
    return readPackage(DocxPackage.read(bytes));
  } catch (e) {
    // Elements nested tens of thousands deep exhaust the stack (of the parser or of the walk): a broken file, said as one.
    if (e instanceof RangeError) throw new DocxError({ vi: 'Tệp .docx hỏng: các phần tử lồng nhau quá sâu, không kiểm tra.', en: 'Broken .docx file: elements nested too deeply, not checked.' });
    throw e;
  }
}

function readPackage(pkg: DocxPackage): DocxText {
  const document = pkg.xml('word/document.xml')!;
  const body = document.documentElement && children(document.documentElement, 'body')[0];
  const reader = new Reader(new Styles(pkg.xml('word/styles.xml')), new Numbering(pkg.xml('word/numbering.xml')));
  if (body) reader.body(body);
  const footnotes = pkg.xml('word/footnotes.xml');
  reader.footnotes(footnotes);
  return { text: reader.lines.join('\n'), blocks: reader.blocks, pkg, document, footnotes };
}
