// A reviewed copy of a Word file: each finding written as a real Word comment
// (word/comments.xml, its content type and relationship, a comment range
// around the words the finding is about and a reference run), signed
// kehoach. The original bytes are not touched; comments already in the file
// are kept and the new ones numbered after them. Hints (a citation the
// index cannot vouch for) are no defect a reviewer sends back: not written.

import type { Document as XmlDocument, Element } from '@xmldom/xmldom';
import type { Msg, Severity } from '../core/rules/types';
import type { LocatedDiagnostic } from './check';
import { child, children, CT, parseXml, REL, W, wAttr } from './package';
import type { DocxText, TextBlock, TextPiece } from './read';

export const AUTHOR = 'kehoach';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';

const SEVERITY: Record<Severity, Msg> = {
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  information: { vi: 'Thông tin', en: 'Information' },
  hint: { vi: 'Gợi ý', en: 'Hint' },
};

export interface AnnotateOptions {
  lang?: 'vi' | 'en';
  /** ISO date written on each comment; now by default. */
  date?: string;
}

/** The package of `doc` with one comment per located finding, as zip bytes; returns how many were written. */
export function annotate(doc: DocxText, all: LocatedDiagnostic[], options: AnnotateOptions = {}): { bytes: Uint8Array; comments: number } {
  const findings = all.filter((d) => d.severity !== 'hint');
  const lang = options.lang ?? 'vi';
  const date = options.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const target = commentsPart(doc);
  const comments = doc.pkg.xml(target) ?? parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}"/>`, target);
  let id = nextId(comments, doc.document);
  let written = 0;
  const located = findings.filter((d) => d.location);
  const byBlock = new Map<number, { id: number; start: number; end: number }[]>();
  for (const d of located) {
    const text = `${SEVERITY[d.severity][lang]}: ${d.message[lang]} (${d.code})`;
    comments.documentElement!.appendChild(commentElement(comments, id, text, date));
    const list = byBlock.get(d.location!.block) ?? [];
    list.push({ id, start: d.offsets.start, end: d.offsets.end });
    byBlock.set(d.location!.block, list);
    id++;
    written++;
  }
  for (const [k, list] of byBlock) anchorAll(doc.blocks[k], list);
  doc.pkg.setXml('word/document.xml', doc.document);
  if (doc.footnotes) doc.pkg.setXml('word/footnotes.xml', doc.footnotes);
  doc.pkg.setXml(target, comments);
  return { bytes: doc.pkg.write(), comments: written };
}

/** The part comments go in: the one the document's relationships name, else word/comments.xml (declared here). */
function commentsPart(doc: DocxText): string {
  const relsName = 'word/_rels/document.xml.rels';
  const rels = doc.pkg.xml(relsName) ?? parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${REL}"/>`, relsName);
  const existing = Array.from(rels.getElementsByTagNameNS(REL, 'Relationship')).find((r) => r.getAttribute('Type') === COMMENTS_REL);
  if (existing) {
    const t = existing.getAttribute('Target') ?? 'comments.xml';
    return t.startsWith('/') ? t.slice(1) : `word/${t}`;
  }
  const used = new Set(Array.from(rels.getElementsByTagNameNS(REL, 'Relationship')).map((r) => r.getAttribute('Id')));
  let n = 1;
  while (used.has(`rIdKehoach${n}`)) n++;
  const rel = rels.createElementNS(REL, 'Relationship');
  rel.setAttribute('Id', `rIdKehoach${n}`);
  rel.setAttribute('Type', COMMENTS_REL);
  rel.setAttribute('Target', 'comments.xml');
  rels.documentElement!.appendChild(rel);
  doc.pkg.setXml(relsName, rels);
  const typesName = '[Content_Types].xml';
  const types = doc.pkg.xml(typesName)!;
  const declared = Array.from(types.getElementsByTagNameNS(CT, 'Override')).some((o) => o.getAttribute('PartName') === '/word/comments.xml');
  if (!declared) {
    const o = types.createElementNS(CT, 'Override');
    o.setAttribute('PartName', '/word/comments.xml');
    o.setAttribute('ContentType', COMMENTS_TYPE);
    types.documentElement!.appendChild(o);
    doc.pkg.setXml(typesName, types);
  }
  return 'word/comments.xml';
}

/** One past the largest comment id in use (in the comments or in ranges of the body). */
function nextId(comments: XmlDocument, document: XmlDocument): number {
  let max = -1;
  for (const c of children(comments.documentElement!, 'comment')) max = Math.max(max, Number(wAttr(c, 'id') ?? -1));
  for (const local of ['commentRangeStart', 'commentReference']) {
    for (const e of Array.from(document.getElementsByTagNameNS(W, local))) max = Math.max(max, Number(wAttr(e, 'id') ?? -1));
  }
  return max + 1;
}

function w(doc: XmlDocument, local: string, attrs: Record<string, string> = {}): Element {
  const prefix = doc.documentElement?.lookupPrefix(W) ?? 'w';
  const e = doc.createElementNS(W, `${prefix}:${local}`);
  for (const [k, v] of Object.entries(attrs)) e.setAttributeNS(W, `${prefix}:${k}`, v);
  return e;
}

function commentElement(doc: XmlDocument, id: number, text: string, date: string): Element {
  const c = w(doc, 'comment', { id: String(id), author: AUTHOR, date, initials: 'KH' });
  const p = w(doc, 'p');
  const refRun = w(doc, 'r');
  refRun.appendChild(w(doc, 'annotationRef'));
  p.appendChild(refRun);
  const run = w(doc, 'r');
  const t = w(doc, 't');
  t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
  t.appendChild(doc.createTextNode(text));
  run.appendChild(t);
  p.appendChild(run);
  c.appendChild(p);
  return c;
}

/** Where a comment boundary falls: before character `k` of the w:t `piece.t`. */
interface Boundary {
  piece: TextPiece;
  k: number;
  offset: number;
  /** The run that starts at the boundary, once the run holding it is split there. */
  node?: Element;
}

/**
 * Comments on the words they are about: the runs holding a finding's first
 * and last characters are split there and the range put between. A finding
 * that has no characters of its own in the file (a Word list label) or that
 * spans paragraphs is put around its paragraphs.
 */
function anchorAll(block: TextBlock, list: { id: number; start: number; end: number }[]): void {
  const pieces = block.first === block.last ? (block.pieces ?? []).filter((p) => p.at.length > 1) : [];
  const points = new Map<string, Boundary>();
  const boundary = (piece: TextPiece, k: number): Boundary => {
    const key = `${pieces.indexOf(piece)}:${k}`;
    let b = points.get(key);
    if (!b) points.set(key, (b = { piece, k, offset: piece.at[k] }));
    return b;
  };
  const ranges: { id: number; from?: Boundary; to?: Boundary }[] = list.map(({ id, start, end }) => {
    const first = pieces.find((p) => p.at[p.at.length - 2] >= start);
    const lastPiece = [...pieces].reverse().find((p) => p.at[0] < Math.max(end, start + 1));
    if (!first || !lastPiece) return { id };
    const from = boundary(first, first.at.findIndex((o) => o >= start));
    const chars = lastPiece.at.slice(0, -1).filter((o) => o < Math.max(end, start + 1)).length;
    return { id, from, to: boundary(lastPiece, chars) };
  });
  // From the end of the paragraph back: a split leaves the characters before it in the elements the earlier boundaries name.
  for (const b of [...points.values()].sort((x, y) => y.offset - x.offset || y.k - x.k)) b.node = splitRun(b.piece, b.k);
  for (const r of ranges) {
    if (!r.from?.node || !r.to?.node) {
      anchor(block.first, block.last, r.id);
      continue;
    }
    const doc = block.first.ownerDocument!;
    r.from.node.parentNode!.insertBefore(w(doc, 'commentRangeStart', { id: String(r.id) }), r.from.node);
    const ref = w(doc, 'r');
    ref.appendChild(w(doc, 'commentReference', { id: String(r.id) }));
    r.to.node.parentNode!.insertBefore(w(doc, 'commentRangeEnd', { id: String(r.id) }), r.to.node);
    r.to.node.parentNode!.insertBefore(ref, r.to.node);
  }
}

/** Splits the run holding `piece.t` before its character `k`; returns the new run holding the rest (inserted after). */
function splitRun(piece: TextPiece, k: number): Element {
  const { run, t } = piece;
  const text = t.textContent ?? '';
  // At the start of a run's text nothing needs splitting: the boundary is the run itself.
  if (k === 0 && children(run).every((e, i) => i >= children(run).indexOf(t) || e.localName === 'rPr')) return run;
  const rest = run.cloneNode(true) as Element;
  const index = children(run).indexOf(t);
  const restKids = children(rest);
  const restT = restKids[index];
  // The original keeps what comes before the boundary, the copy what comes after (each keeps the run properties).
  for (const e of children(run).slice(index + 1)) run.removeChild(e);
  for (const e of restKids.slice(0, index)) if (!(e.localName === 'rPr' && e.namespaceURI === W)) rest.removeChild(e);
  setText(t, text.slice(0, k));
  setText(restT, text.slice(k));
  run.parentNode!.insertBefore(rest, run.nextSibling);
  return rest;
}

function setText(t: Element, text: string): void {
  while (t.firstChild) t.removeChild(t.firstChild);
  t.appendChild(t.ownerDocument!.createTextNode(text));
  t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
}

/** A comment range from the start of `first` to the end of `last`, and the reference run after it. */
function anchor(first: Element, last: Element, id: number): void {
  const doc = first.ownerDocument!;
  const start = w(doc, 'commentRangeStart', { id: String(id) });
  const pPr = child(first, 'pPr');
  first.insertBefore(start, pPr ? pPr.nextSibling : first.firstChild);
  const lastDoc = last.ownerDocument!;
  last.appendChild(w(lastDoc, 'commentRangeEnd', { id: String(id) }));
  const ref = w(lastDoc, 'r');
  ref.appendChild(w(lastDoc, 'commentReference', { id: String(id) }));
  last.appendChild(ref);
}
