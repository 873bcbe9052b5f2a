// A reviewed copy of a Word file: each finding written as a real Word comment
// (word/comments.xml, its content type and relationship, a comment range
// around the paragraphs the finding stands in and a reference run), signed
// kehoach. The original bytes are not touched; comments already in the file
// are kept and the new ones numbered after them.

import type { Document as XmlDocument, Element } from '@xmldom/xmldom';
import type { Severity } from '../core/rules/types';
import type { LocatedDiagnostic } from './check';
import { child, children, CT, parseXml, REL, W, wAttr } from './package';
import type { DocxText } from './read';

export const AUTHOR = 'kehoach';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';

const SEVERITY_VI: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', information: 'Thông tin', hint: 'Gợi ý' };
const SEVERITY_EN: Record<Severity, string> = { error: 'Error', warning: 'Warning', information: 'Information', hint: 'Hint' };

export interface AnnotateOptions {
  lang?: 'vi' | 'en';
  /** ISO date written on each comment; now by default. */
  date?: string;
}

/** The package of `doc` with one comment per located finding, as zip bytes; returns how many were written. */
export function annotate(doc: DocxText, findings: LocatedDiagnostic[], options: AnnotateOptions = {}): { bytes: Uint8Array; comments: number } {
  const lang = options.lang ?? 'vi';
  const date = options.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const target = commentsPart(doc);
  const comments = doc.pkg.xml(target) ?? parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}"/>`, target);
  let id = nextId(comments, doc.document);
  let written = 0;
  for (const d of findings) {
    if (!d.location) continue;
    const block = doc.blocks[d.location.block];
    const text = `${(lang === 'vi' ? SEVERITY_VI : SEVERITY_EN)[d.severity]}: ${d.message[lang]} (${d.code})`;
    comments.documentElement!.appendChild(commentElement(comments, id, text, date));
    anchor(block.first, block.last, id);
    id++;
    written++;
  }
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
