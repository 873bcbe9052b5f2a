// A .docx package: its parts (zip entries) as bytes, and the XML parts as DOM
// documents. Reading never trusts the sizes a zip declares: entries are
// limited before they are inflated, so a zip bomb is refused, not expanded.

import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Document as XmlDocument, Element } from '@xmldom/xmldom';
import type { Msg } from '../core/rules/types';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** Inflated size allowed for the whole package: far above any real plan, far below a bomb. */
const MAX_PACKAGE_BYTES = 400_000_000;

/** A file that is not a Word document, or a broken one: said in one line, never thrown as a crash. */
export class DocxError extends Error {
  constructor(readonly msg: Msg) {
    super(msg.vi);
  }
}

export class DocxPackage {
  private constructor(readonly parts: Map<string, Uint8Array>) {}

  static read(bytes: Uint8Array): DocxPackage {
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new DocxError({ vi: 'Không phải tệp Word .docx (không phải gói zip): không kiểm tra.', en: 'Not a Word .docx file (not a zip package): not checked.' });
    let total = 0;
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes, {
        filter: (f) => {
          total += f.originalSize;
          if (total > MAX_PACKAGE_BYTES) throw new DocxError({ vi: 'Tệp .docx giải nén ra quá lớn: không kiểm tra.', en: 'The .docx package is too large once inflated: not checked.' });
          return true;
        },
      });
    } catch (e) {
      if (e instanceof DocxError) throw e;
      throw new DocxError({ vi: `Tệp .docx hỏng (${(e as Error).message}): không kiểm tra.`, en: `Broken .docx file (${(e as Error).message}): not checked.` });
    }
    const pkg = new DocxPackage(new Map(Object.entries(entries)));
    if (!pkg.parts.has('word/document.xml')) throw new DocxError({ vi: 'Tệp zip không có word/document.xml: không phải văn bản Word, không kiểm tra.', en: 'The zip has no word/document.xml: not a Word document, not checked.' });
    return pkg;
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  text(name: string): string | undefined {
    const bytes = this.parts.get(name);
    return bytes && strFromU8(bytes);
  }

  /** The part parsed as XML, or undefined when it is absent. */
  xml(name: string): XmlDocument | undefined {
    const source = this.text(name);
    return source === undefined ? undefined : parseXml(source, name);
  }

  setXml(name: string, doc: XmlDocument): void {
    this.parts.set(name, strToU8(new XMLSerializer().serializeToString(doc)));
  }

  setText(name: string, text: string): void {
    this.parts.set(name, strToU8(text));
  }

  /** The package as zip bytes; [Content_Types].xml first, as Word writes it. */
  write(): Uint8Array {
    const out: Record<string, Uint8Array> = {};
    const names = [...this.parts.keys()].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
    for (const n of names) out[n] = this.parts.get(n)!;
    return zipSync(out, { level: 6 });
  }
}

export function parseXml(source: string, name: string): XmlDocument {
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(source, 'text/xml');
  } catch (e) {
    const why = (e as Error).message.split('\n')[0];
    throw new DocxError({ vi: `Tệp .docx hỏng: phần ${name} không đọc được (${why}).`, en: `Broken .docx file: part ${name} cannot be read (${why}).` });
  }
}

/** Element children of `parent` (in the w: namespace when `local` is given, with that local name). */
export function children(parent: Element | XmlDocument, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    if (local === undefined || (e.localName === local && e.namespaceURI === W)) out.push(e);
  }
  return out;
}

export function child(parent: Element, local: string): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === local && (n as Element).namespaceURI === W) return n as Element;
  }
  return undefined;
}

/** A w: attribute (`w:val`). */
export function wAttr(e: Element | undefined, local: string): string | undefined {
  if (!e) return undefined;
  const v = e.getAttributeNS(W, local);
  return v === null || v === '' ? (e.hasAttributeNS(W, local) ? '' : undefined) : v;
}

/** An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): undefined when absent. */
export function onOff(e: Element | undefined): boolean | undefined {
  if (!e) return undefined;
  const v = wAttr(e, 'val');
  return !(v === '0' || v === 'false' || v === 'off');
}
