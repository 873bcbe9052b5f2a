// Hand-made .docx packages for the tests: the fewest parts Word and
// LibreOffice accept, with the XML written out so each test says what it holds.

import { strToU8, zipSync } from 'fflate';
import type { LintOptions } from '../../server/src/core/lint';
import { checkDocx } from '../../server/src/docx/check';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A paragraph of plain runs; `**x**` marks a bold run, `*x*` an italic one. */
export function p(text: string, pPr = ''): string {
  // Emphasis hugs its words (`*x*`), so a bullet star (`* x`) stays text.
  const runs = text.split(/(\*\*(?=\S)[^*]+?(?<=\S)\*\*|\*(?=\S)[^*]+?(?<=\S)\*)/).filter(Boolean).map((part) => {
    if (/^\*\*\S[\s\S]*\*\*$/.test(part) && part.length > 4) return `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${esc(part.slice(2, -2))}</w:t></w:r>`;
    if (/^\*\S[\s\S]*\*$/.test(part) && part.length > 2) return `<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">${esc(part.slice(1, -1))}</w:t></w:r>`;
    return `<w:r><w:t xml:space="preserve">${esc(part)}</w:t></w:r>`;
  });
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs.join('')}</w:p>`;
}

/** A table; `borders` false gives a layout table (no tblBorders, no style). */
export function table(rows: string[][], borders = true): string {
  const tblBorders = borders
    ? '<w:tblBorders>' + ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('') + '</w:tblBorders>'
    : '';
  const cols = Math.max(...rows.map((r) => r.length));
  return `<w:tbl><w:tblPr>${tblBorders}</w:tblPr><w:tblGrid>${'<w:gridCol w:w="2000"/>'.repeat(cols)}</w:tblGrid>${rows
    .map((r) => `<w:tr>${r.map((c) => `<w:tc>${c.split('\n').map((line) => p(line)).join('')}</w:tc>`).join('')}</w:tr>`)
    .join('')}</w:tbl>`;
}

export interface MinimalDocx {
  body: string;
  numbering?: string;
  footnotes?: string;
  styles?: string;
}

export function minimalDocx(parts: MinimalDocx): Uint8Array {
  const overrides = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    parts.numbering ? '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' : '',
    parts.footnotes ? '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>' : '',
    parts.styles ? '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' : '',
  ].join('');
  const rels = [
    parts.numbering ? `<Relationship Id="rIdN" Type="${R_NS}/numbering" Target="numbering.xml"/>` : '',
    parts.footnotes ? `<Relationship Id="rIdF" Type="${R_NS}/footnotes" Target="footnotes.xml"/>` : '',
    parts.styles ? `<Relationship Id="rIdS" Type="${R_NS}/styles" Target="styles.xml"/>` : '',
  ].join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R_NS}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${parts.body}<w:sectPr/></w:body></w:document>`),
  };
  if (parts.numbering) files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W_NS}">${parts.numbering}</w:numbering>`);
  if (parts.footnotes) files['word/footnotes.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="${W_NS}">${parts.footnotes}</w:footnotes>`);
  if (parts.styles) files['word/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W_NS}">${parts.styles}</w:styles>`);
  return zipSync(files);
}

/** A text as a Word file with one paragraph per line, as a text pasted into Word is. */
export function docxOfLines(text: string): Uint8Array {
  return minimalDocx({ body: text.split('\n').map((line) => p(line)).join('') });
}

/** The findings of a Word file less hints (a citation the index cannot vouch for), as the text helper check() gives them. */
export function checkWord(bytes: Uint8Array, options: LintOptions): ReturnType<typeof checkDocx> {
  const r = checkDocx(bytes, options);
  return { ...r, diagnostics: r.diagnostics.filter((d) => d.severity !== 'hint') };
}
