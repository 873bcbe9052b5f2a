// The plan skeleton filled with the issuer's header from the settings
// (`kehoach.issuer.body`, `kehoach.issuer.superior`, `kehoach.locality`): the
// static snippets cannot read settings, so the server offers it as a
// completion at the top of a plan that has no header yet. The skeleton is in
// the form its own rules check (NĐ 30/2020 Phụ lục I; HD 36-HD/VPTW).

export interface Issuer {
  /** `SỞ Y TẾ`, `BAN THƯỜNG VỤ HUYỆN ỦY`. */
  body: string;
  /** `UBND TỈNH TUYÊN QUANG`, `ĐẢNG BỘ TỈNH TUYÊN QUANG`. */
  superior: string;
  /** `Tuyên Quang`. */
  locality: string;
}

export type System = 'state' | 'party';

/** A Party body or superior: a committee, a Party organisation. */
const PARTY_BODY = /(?<!\p{L})(?:ĐẢNG|(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|HUYỆN) ỦY|CHI BỘ|BAN THƯỜNG VỤ|BAN CHẤP HÀNH)(?!\p{L})/u;

export function issuerSystem(issuer: Issuer): System | undefined {
  const t = `${issuer.superior} ${issuer.body}`.toUpperCase();
  if (!t.trim()) return undefined;
  return PARTY_BODY.test(t) ? 'party' : 'state';
}

/** Text as a snippet default: `$`, `}` and `\` escaped. */
function esc(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** The date line's date: a zero on the day below 10 and on months 1 and 2 only. */
const DATE = 'ngày ${#:$CURRENT_DATE} tháng ${#:${CURRENT_MONTH/^0([3-9])$/$1/}} năm ${#:$CURRENT_YEAR}';

function stateHeader(i: Issuer): string[] {
  const superior = i.superior ? [esc(i.superior.toUpperCase())] : [];
  const body = esc(i.body.toUpperCase()) || 'TÊN CƠ QUAN BAN HÀNH';
  const code = /^(?:ỦY BAN NHÂN DÂN|UBND)(?!\p{L})/u.test(i.body.toUpperCase()) ? 'UBND' : '…';
  return [
    ...superior,
    `\${#:${body}}`,
    `Số: \${#:…}/KH-\${#:${code}}`,
    '',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '',
    `\${#:${esc(i.locality) || 'Địa danh'}}, ${DATE}`,
  ];
}

function partyHeader(i: Issuer): string[] {
  return [
    `\${#:${esc(i.superior.toUpperCase()) || 'ĐẢNG BỘ …'}}`,
    `\${#:${esc(i.body.toUpperCase()) || 'BAN THƯỜNG VỤ …'}}`,
    '*',
    'Số ${#:…}-KH/${#:…}',
    '',
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    '',
    `\${#:${esc(i.locality) || 'Địa danh'}}, ${DATE}`,
  ];
}

function body(): string[] {
  return [
    '',
    'KẾ HOẠCH',
    '${#:…}',
    '',
    'Căn cứ ${#:…};',
    '',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '',
    '1. ${#:…}',
    '',
    'II. NỘI DUNG, NHIỆM VỤ',
    '',
    '1. ${#:Tên nhiệm vụ}',
    '',
    '- Cơ quan chủ trì: ${#:…}.',
    '- Cơ quan phối hợp: ${#:…}.',
    '- Thời gian thực hiện: ${#:Hoàn thành trong quý} ${#:II/$CURRENT_YEAR}.',
    '',
    'III. TỔ CHỨC THỰC HIỆN',
    '',
    '${#:…}',
    '',
  ];
}

function stateEnd(i: Issuer): string[] {
  const collective = esc(i.body.toUpperCase()) || 'ỦY BAN NHÂN DÂN';
  return [
    'Nơi nhận:',
    '- ${#:…};',
    '- Lưu: VT, ${#:…}.',
    '',
    `TM. \${#:${collective}}`,
    '${#:CHỦ TỊCH}',
    '',
    '${#:Họ và tên}',
    '$0',
  ];
}

function partyEnd(): string[] {
  return [
    'Nơi nhận:',
    '- ${#:…},',
    '- Lưu Văn phòng ${#:…}.',
    '',
    '${#|T/M BAN THƯỜNG VỤ,T/M BAN CHẤP HÀNH,K/T BÍ THƯ,T/L BAN THƯỜNG VỤ|}',
    '${#:BÍ THƯ}',
    '',
    '${#:Họ và tên}',
    '$0',
  ];
}

/** The skeleton of a plan of `system`, with the issuer's header, as a snippet. */
export function skeletonSnippet(system: System, issuer: Issuer): string {
  const lines = system === 'party' ? [...partyHeader(issuer), ...body(), ...partyEnd()] : [...stateHeader(issuer), ...body(), ...stateEnd(issuer)];
  // Tab stops are written `${#` and numbered here, top to bottom, so that none is skipped.
  let n = 0;
  return lines.join('\n').replace(/\$\{#/g, () => `\${${++n}`);
}
