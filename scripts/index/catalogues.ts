// Seed 004's catalogues (MỤC LỤC, DANH MỤC): one row a document, with its
// number, type, date, issuer and trích yếu.

import { toDocNumber } from '../../server/src/core/citations/docNumber';
import { isoDate } from '../../server/src/core/citations/dates';
import { DOCUMENT_TYPES } from '../../server/src/core/citations/extract';

export interface CatalogueRow {
  /** The catalogue the row stands in: `MỤC LỤC` or `DANH MỤC`. */
  catalogue: string;
  /** 1-based line in the seed. */
  line: number;
  number: string;
  key: string;
  type: string;
  date: string;
  issuer?: string;
  subject: string;
  status?: string;
}

const TYPE_WORDS = DOCUMENT_TYPES.join('|');
/** `41<TAB>Đề án số 01-ĐA/TU ngày 14/7/2021[ của …]<TAB>Về …<TAB>page` */
const CATALOGUE_ROW = new RegExp(
  `^(\\d{1,3})\\t\\s*(${TYPE_WORDS})(?:\\s+số)?\\s+(\\S+?)\\s*,?\\s*ngày\\s+(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4})` +
    `(?:\\s+của\\s+([^\\t]+?))?\\s*\\t\\s*([^\\t]*?)\\s*(?:\\t\\s*(\\d*)\\s*)?$`,
  'iu',
);
const CATALOGUE_TITLE = /^\s*(MỤC LỤC|DANH MỤC)\s*$/u;
const CATALOGUE_HEADER = /^TT\t/u;
/** `I Tỉnh ủy ban hành`, `III Kinh tế - xã hội` */
const CATALOGUE_SECTION = /^([IVX]+)[.\s]\s*([^\t]+?)\s*\t*$/u;
/** A note closing the trích yếu: `(Tài liệu mật - đã gửi trực tiếp …)`. */
const STATUS_NOTE = /\s*\(\s*(Tài liệu mật|Tuyệt mật|Tối mật|Mật|Hết hiệu lực|Đã hết hiệu lực)\b[^()]*\)\s*$/u;

export function canonicalType(word: string): string {
  const lower = word.toLocaleLowerCase('vi');
  return DOCUMENT_TYPES.find((t) => t.toLocaleLowerCase('vi') === lower) ?? word;
}

/** Rows of every catalogue in a normalised text. */
export function parseCatalogues(text: string): CatalogueRow[] {
  const lines = text.split('\n');
  const rows: CatalogueRow[] = [];
  let catalogue: string | undefined;
  let seenHeader = false;
  let preamble = 0;
  let sectionIssuer: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const title = CATALOGUE_TITLE.exec(line);
    if (title) {
      catalogue = title[1];
      seenHeader = false;
      preamble = 0;
      sectionIssuer = undefined;
      continue;
    }
    if (!catalogue) continue;
    if (!seenHeader) {
      if (CATALOGUE_HEADER.test(line)) seenHeader = true;
      else if (++preamble > 20) catalogue = undefined; // a title word, not a catalogue
      continue;
    }
    if (!line.trim() || CATALOGUE_HEADER.test(line)) continue;
    const row = CATALOGUE_ROW.exec(line);
    if (row) {
      const doc = toDocNumber(row[3]);
      const date = isoDate(Number(row[4]), Number(row[5]), Number(row[6]));
      if (!doc || !date) continue;
      let subject = row[8].replace(/\s+/g, ' ').trim();
      let status: string | undefined;
      const note = STATUS_NOTE.exec(subject);
      if (note) {
        status = note[1];
        subject = subject.slice(0, note.index).trim();
      }
      const r: CatalogueRow = {
        catalogue,
        line: i + 1,
        number: doc.raw,
        key: doc.key,
        type: canonicalType(row[2]),
        date,
        subject,
      };
      const issuer = row[7]?.trim() || sectionIssuer;
      if (issuer) r.issuer = issuer;
      if (status) r.status = status;
      rows.push(r);
      continue;
    }
    const section = CATALOGUE_SECTION.exec(line);
    if (section) {
      // "Tỉnh ủy ban hành" names the issuer; a field heading ("Kinh tế - xã hội") does not.
      const issued = /^(.+?)\s+ban hành$/u.exec(section[2]);
      sectionIssuer = issued ? issued[1] : undefined;
      continue;
    }
    catalogue = undefined; // the body of the compilation begins
  }
  return rows;
}
