// Document types and the abbreviations their numbers carry (ký hiệu).
// State: NĐ 30/2020/NĐ-CP Phụ lục III, Mục I (Bảng chữ viết tắt tên loại văn
// bản hành chính), as also listed in `loai_vanban.json` of the project
// tiennnict/chuan-hoa-the-thuc (CC-BY-4.0, credited here and in
// docs/rules/number-form.md). Party: Hướng dẫn 36-HD/VPTW (2018), as the
// Party numbers of the corpus and seeds write them (`05-NQ/TW`, `08-QĐi/TW`,
// `15-KH/BTCTU`). Normative documents (Luật Ban hành VBQPPL): NĐ, TT, TTLT…

/** Type title (upper case, as the header sets it) → state abbreviation. */
export const STATE_CODE: Record<string, string> = {
  'NGHỊ QUYẾT': 'NQ',
  'QUYẾT ĐỊNH': 'QĐ',
  'CHỈ THỊ': 'CT',
  'QUY CHẾ': 'QC',
  'QUY ĐỊNH': 'QyĐ',
  'THÔNG CÁO': 'TC',
  'THÔNG BÁO': 'TB',
  'HƯỚNG DẪN': 'HD',
  'CHƯƠNG TRÌNH': 'CTr',
  'CHƯƠNG TRÌNH HÀNH ĐỘNG': 'CTr',
  'KẾ HOẠCH': 'KH',
  'PHƯƠNG ÁN': 'PA',
  'ĐỀ ÁN': 'ĐA',
  'DỰ ÁN': 'DA',
  'BÁO CÁO': 'BC',
  'BIÊN BẢN': 'BB',
  'TỜ TRÌNH': 'TTr',
  'HỢP ĐỒNG': 'HĐ',
  'CÔNG ĐIỆN': 'CĐ',
  'NGHỊ ĐỊNH': 'NĐ',
  'THÔNG TƯ': 'TT',
};

/** Type title → Party abbreviation (HD 36-HD/VPTW). */
export const PARTY_CODE: Record<string, string> = {
  'NGHỊ QUYẾT': 'NQ',
  'QUYẾT ĐỊNH': 'QĐ',
  'CHỈ THỊ': 'CT',
  'KẾT LUẬN': 'KL',
  'QUY ĐỊNH': 'QĐi',
  'QUY CHẾ': 'QC',
  'HƯỚNG DẪN': 'HD',
  'KẾ HOẠCH': 'KH',
  'CHƯƠNG TRÌNH': 'CTr',
  'CHƯƠNG TRÌNH HÀNH ĐỘNG': 'CTr',
  'THÔNG BÁO': 'TB',
  'BÁO CÁO': 'BC',
  'TỜ TRÌNH': 'TTr',
  'ĐỀ ÁN': 'ĐA',
  'CÔNG VĂN': 'CV',
};

/** Every abbreviation of a type that a number may carry: state (Phụ lục III, chuan-hoa-the-thuc), Party, normative. */
export const KNOWN_CODES = new Set<string>([
  ...Object.values(STATE_CODE),
  ...Object.values(PARTY_CODE),
  'BGN', 'BTT', 'GN', 'TTh', 'GUQ', 'GM', 'GGT', 'GNP', 'PG', 'PC', 'PB', 'SY', 'TrS', 'SL',
  'TT', 'TTLT', 'NQLT', 'QH', 'UBTVQH', 'L', 'PL', 'LCT', 'BS', 'QTr',
]);

/** A code that names a type with a different title: a KẾ HOẠCH numbered `…/QĐ-…`. */
export function typeOfCode(code: string, table: Record<string, string>): string | undefined {
  return Object.entries(table).find(([, c]) => c === code)?.[0];
}
