// What the styles part says about a paragraph or run: bold and italic, the
// list a paragraph style numbers with, and whether a table style draws
// borders. Followed through `w:basedOn`, as Word does.

import type { Document as XmlDocument, Element } from '@xmldom/xmldom';
import { child, children, onOff, wAttr } from './package';

interface StyleInfo {
  basedOn?: string;
  bold?: boolean;
  italic?: boolean;
  numId?: string;
  ilvl?: number;
  borders?: boolean;
}

export class Styles {
  private readonly byId = new Map<string, StyleInfo>();
  private defaultParagraph?: string;
  private defaultTable?: string;

  constructor(doc: XmlDocument | undefined) {
    const root = doc?.documentElement;
    if (!root) return;
    for (const s of children(root, 'style')) {
      const id = wAttr(s, 'styleId');
      if (!id) continue;
      const rPr = child(s, 'rPr');
      const numPr = child(child(s, 'pPr') ?? s, 'numPr');
      const info: StyleInfo = {
        basedOn: wAttr(child(s, 'basedOn'), 'val'),
        bold: onOff(rPr && child(rPr, 'b')),
        italic: onOff(rPr && child(rPr, 'i')),
        numId: numPr ? wAttr(child(numPr, 'numId'), 'val') : undefined,
        ilvl: numPr ? Number(wAttr(child(numPr, 'ilvl'), 'val') ?? 0) : undefined,
        borders: tableBorders(child(s, 'tblPr')),
      };
      this.byId.set(id, info);
      if (wAttr(s, 'default') === '1' || wAttr(s, 'default') === 'true') {
        if (wAttr(s, 'type') === 'paragraph') this.defaultParagraph = id;
        if (wAttr(s, 'type') === 'table') this.defaultTable = id;
      }
    }
  }

  /** The first value of `pick` along the basedOn chain of `id` (the default style when `id` is absent). */
  private resolve<T>(id: string | undefined, pick: (s: StyleInfo) => T | undefined, fallback?: string): T | undefined {
    let cur = id ?? fallback;
    for (let hops = 0; cur && hops < 20; hops++) {
      const s = this.byId.get(cur);
      if (!s) return undefined;
      const v = pick(s);
      if (v !== undefined) return v;
      cur = s.basedOn;
    }
    return undefined;
  }

  bold(id: string | undefined, paragraph = false): boolean | undefined {
    return this.resolve(id, (s) => s.bold, paragraph ? this.defaultParagraph : undefined);
  }

  italic(id: string | undefined, paragraph = false): boolean | undefined {
    return this.resolve(id, (s) => s.italic, paragraph ? this.defaultParagraph : undefined);
  }

  numbering(id: string | undefined): { numId: string; ilvl: number } | undefined {
    const numId = this.resolve(id, (s) => s.numId, this.defaultParagraph);
    if (!numId) return undefined;
    return { numId, ilvl: this.resolve(id, (s) => s.ilvl, this.defaultParagraph) ?? 0 };
  }

  tableBorders(id: string | undefined): boolean {
    return this.resolve(id, (s) => s.borders, this.defaultTable) ?? false;
  }
}

/** Whether a tblPr (or tcPr) draws any border: undefined when it says nothing. */
export function tableBorders(pr: Element | undefined): boolean | undefined {
  const borders = pr && (child(pr, 'tblBorders') ?? child(pr, 'tcBorders'));
  if (!borders) return undefined;
  return children(borders).some((b) => {
    const v = wAttr(b, 'val');
    return v !== undefined && v !== 'nil' && v !== 'none';
  });
}
