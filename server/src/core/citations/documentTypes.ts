// The document types of Party and state documents: the one table the citation
// reader, the header reader, the number grammar and the TextMate grammar
// (scripts/build-grammar.ts) take their words and codes from.

export interface DocumentType {
  /** As running text writes it: `Nghị quyết`. */
  name: string;
  /** Type code inside numbers: `NQ` in 05-NQ/TW, `NĐ` in 30/2020/NĐ-CP. */
  code?: string;
  /** The code stands in Party numbers (`05-NQ/TW`), so the number grammar accepts it there. */
  party: boolean;
  /** Read before a number as a citation's type word (`Nghị quyết số 05-NQ/TW`). */
  cited: boolean;
  /** Stands alone in capitals as a document's title (`KẾ HOẠCH`), ending its header. */
  title: boolean;
  /** Looked up in the directive index when cited (a licence or contract is not). */
  directive: boolean;
}

type Use = 'cited' | 'title' | 'party' | 'not-directive';

function type(name: string, uses: Use[], code?: string): DocumentType {
  const has = (u: Use) => uses.includes(u);
  return { name, code, party: has('party'), cited: has('cited'), title: has('title'), directive: !has('not-directive') };
}

/** Longest first where one name starts another, so `Chương trình hành động` wins over `Chương trình`. */
export const DOCUMENT_TYPE_TABLE: readonly DocumentType[] = [
  type('Chương trình hành động', ['cited', 'title']),
  type('Thông tư liên tịch', ['cited']),
  type('Thông báo kết luận', ['cited']),
  type('Nghị quyết liên tịch', ['cited']),
  type('Chương trình', ['cited', 'title', 'party'], 'CTr'),
  type('Nghị quyết', ['cited', 'title', 'party'], 'NQ'),
  type('Chỉ thị', ['cited', 'title', 'party'], 'CT'),
  type('Kết luận', ['cited', 'title', 'party'], 'KL'),
  type('Quyết định', ['cited', 'title', 'party'], 'QĐ'),
  type('Quy định', ['cited', 'title', 'party'], 'QĐi'),
  type('Kế hoạch', ['cited', 'title', 'party'], 'KH'),
  type('Hướng dẫn', ['cited', 'title', 'party'], 'HD'),
  type('Thông báo', ['cited', 'title', 'party'], 'TB'),
  type('Thông tri', ['cited', 'title', 'party'], 'TT'),
  type('Công văn', ['cited', 'title', 'party'], 'CV'),
  type('Báo cáo', ['cited', 'title', 'party'], 'BC'),
  type('Đề án', ['cited', 'title', 'party'], 'ĐA'),
  type('Nghị định', ['cited', 'title'], 'NĐ'),
  type('Thông tư', ['cited', 'title']),
  type('Luật', ['cited', 'title']),
  type('Pháp lệnh', ['cited']),
  type('Quy chế', ['cited', 'title', 'party'], 'QC'),
  type('Tờ trình', ['cited', 'title', 'party'], 'TTr'),
  type('Văn bản', ['cited']),
  type('Giấy chứng nhận', ['cited', 'not-directive']),
  type('Giấy phép', ['cited', 'not-directive']),
  type('Hợp đồng', ['cited', 'not-directive']),
  type('Đề cương', ['title']),
  type('Quy trình', ['party'], 'QTr'),
  type('Biên bản', ['party'], 'BB'),
];

/** Type words a citation can start with, longest first. */
export const DOCUMENT_TYPES = DOCUMENT_TYPE_TABLE.filter((t) => t.cited).map((t) => t.name);

/** Documents cited by number that are no directives: never looked up in the index. */
export const NOT_DIRECTIVES: ReadonlySet<string> = new Set(DOCUMENT_TYPE_TABLE.filter((t) => !t.directive).map((t) => t.name));

/** Titles that stand alone on a line and end the header (`KẾ HOẠCH`, `NGHỊ QUYẾT`). */
export const TITLE_TYPES = DOCUMENT_TYPE_TABLE.filter((t) => t.title).map((t) => t.name.toUpperCase());

/** Headings of a page with no header of its own: an appendix or a catalogue. */
export const APPENDIX_TITLES = ['PHỤ LỤC', 'MỤC LỤC', 'DANH MỤC'];

/** Type implied by a type code, for numbers cited without a type word. */
export const TYPE_BY_CODE: Record<string, string> = Object.fromEntries(
  DOCUMENT_TYPE_TABLE.filter((t) => t.code).map((t) => [t.code!, t.name]),
);

/** A code in a Party number whose document type is not said (bổ sung). */
const PARTY_CODES_WITHOUT_TYPE = ['BS'];

/** Party type codes, each also as typed with D for Đ (QDi, DA), longest first. */
export const PARTY_CODES: readonly string[] = [
  ...new Set(
    [...DOCUMENT_TYPE_TABLE.filter((t) => t.party && t.code).map((t) => t.code!), ...PARTY_CODES_WITHOUT_TYPE].flatMap((c) => [
      c,
      c.replace(/Đ/g, 'D'),
    ]),
  ),
].sort((a, b) => b.length - a.length);
