// Reading the XML of a generated .docx in tests.

import { DOMParser } from '@xmldom/xmldom';
import { FORM_RULE_IDS } from '../../server/src/core/rules/formScope';
import type { Document as XmlDocument, Element, Node } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

export function xml(source: string): XmlDocument {
  return new DOMParser().parseFromString(source, 'text/xml');
}

export function all(root: XmlDocument | Element, local: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(W_NS, local));
}

export function attr(e: Element | undefined, local: string): string | undefined {
  return e?.getAttributeNS(W_NS, local) ?? undefined;
}

/** The text of an element's w:t descendants. */
export function textOf(e: Element): string {
  return all(e, 't').map((t) => t.textContent ?? '').join('');
}

/** The w:p whose text is `text` (trimmed), or undefined. */
export function paragraph(doc: XmlDocument, text: string): Element | undefined {
  return all(doc, 'p').find((p) => textOf(p).trim() === text);
}

/** Whether every run of a paragraph is bold. */
export function allBold(p: Element): boolean {
  const runs = all(p, 'r').filter((r) => textOf(r).trim());
  return runs.length > 0 && runs.every((r) => all(r, 'b').some((b) => attr(b, 'val') !== 'false' && attr(b, 'val') !== '0'));
}

/** Findings reduced to what survives a change of line layout: rule and the words they start on. */
export function findingKeys(text: string, diags: { code: string; offsets: { start: number; end: number } }[]): string[] {
  // What the draft says, not its form: the export lays out the header and closing anew (FORM_OFF).
  return diags.filter((d) => !(FORM_RULE_IDS as readonly string[]).includes(d.code)).map((d) => `${d.code} «${text.slice(d.offsets.start, d.offsets.end + 40).replace(/\*+/g, '').replace(/\s+/g, ' ').trim().slice(0, 30)}»`).sort();
}

/** Comment id → the text between its commentRangeStart and commentRangeEnd, in document order. */
export function commentedText(doc: XmlDocument): Map<string, string> {
  const out = new Map<string, string>();
  const open = new Set<string>();
  const walk = (n: Node | null): void => {
    for (; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const e = n as unknown as Element;
      if (e.localName === 'commentRangeStart') {
        open.add(attr(e, 'id')!);
        out.set(attr(e, 'id')!, '');
      } else if (e.localName === 'commentRangeEnd') open.delete(attr(e, 'id')!);
      else if (e.localName === 't') for (const id of open) out.set(id, out.get(id)! + (e.textContent ?? ''));
      else walk(e.firstChild as unknown as Node | null);
    }
  };
  walk(doc.documentElement as unknown as Node);
  return out;
}
