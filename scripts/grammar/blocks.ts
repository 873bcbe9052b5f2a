// Building blocks of the plan grammar that hold no vocabulary table: document
// numbers, dates and periods, deadline phrases, footnote marks.

import { alt, S, SO, vi, WB, WE } from './vi';

const SEG = '\\p{Lu}[\\p{L}\\p{M}\\d]*'; // symbol segment: NQ, TW, QĐi, BTCTU, QH15, TTg
const DASH = '[-\\x{2013}]'; // hyphen or en dash
const PARTY_NO = `\\d{1,5}${DASH}${SEG}(?:/${SEG}(?:${DASH}${SEG})*)+`; // 05-NQ/TW, 05-QC/BTCTU-BDVTU
const LEGAL_NO = `\\d{1,5}/\\d{4}/${SEG}(?:${DASH}${SEG})*`; // 43/2022/QH15, 44/2015/NĐ-CP
const ADMIN_NO = `\\d{1,5}/${SEG}(?:${DASH}${SEG})+`; // 11/NQ-CP, 16/CT–TTg
export const DOCNO_CORE = `(?:${LEGAL_NO}|${PARTY_NO}|${ADMIN_NO})`;
// after the word "số" a looser form is accepted: 12/UBND, or a blank number /UBND-THĐT
export const DOCNO_LOOSE = `(?:${DOCNO_CORE}|\\d{1,5}/${SEG}|/${SEG}(?:${DASH}${SEG})*)(?![\\p{L}\\p{M}\\p{N}/])`;

const NGAY = vi('ngày');
const THANG = vi('tháng');
const NAM = vi('năm');
const QUY = vi('quý');
const DATE_NUM = '(?<![\\d/])(?:\\d{1,2}/\\d{1,2}/\\d{4}|\\d{1,2}-\\d{1,2}-\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4})(?![\\d/])';
const BLANK_FIELD = '[ \\t.\\x{2026}_]*';
const DATE_WORDS = `${NGAY}${S}(?:\\d{1,2}${S}|${BLANK_FIELD})${THANG}${S}(?:\\d{1,2}${S}|${BLANK_FIELD})${NAM}${S}\\d{4}`;
export const DATE_FULL = `(?:${NGAY}${SO}${DATE_NUM}|${DATE_WORDS})`;
const ROMAN_Q = '(?:IV|I{1,3}|[1-4])';
const QUARTER = `${QUY}${S}${ROMAN_Q}(?:/|${S}${NAM}${S})\\d{4}`;
const MONTH = `${THANG}${S}\\d{1,2}(?:/|${S}${NAM}${S})\\d{4}`;
const HALF = `\\d{1,2}${S}${THANG}${S}(?:${vi('đầu')}|${vi('cuối')})${S}${NAM}${S}\\d{4}`;
export const PERIOD = `(?:${WB}(?:${DATE_WORDS}|${NGAY}${SO}${DATE_NUM}|${QUARTER}|${MONTH}|${HALF})(?!\\d)|${DATE_NUM})`;

const VERB = `(?:(?:${alt(['đã', 'sẽ', 'phải'])})${S})?(?:${alt(['hoàn thành', 'thực hiện', 'triển khai', 'xong', 'ban hành'])})`;
const TRIGGER = alt(['trước', 'trong', 'chậm nhất', 'chậm nhất là', 'chậm nhất trong', 'chậm nhất trước',
  'chậm nhất vào', 'đến hết', 'trước hết', 'vào', 'đến', 'từ nay đến']);
// group 1: the period after a trigger word; group 2: "năm 2026" after verb + trigger
export const DEADLINE = `${WB}(?:(?:${VERB}${S})?(?:${TRIGGER})${S}(${PERIOD})|${VERB}${S}(?:${alt(['trong', 'trước'])})${S}(${NAM}${S}\\d{4})(?!\\d))`;
// not after a negation: "chưa được thực hiện thường xuyên" is a shortcoming, not a deadline
export const ONGOING = `${WB}(?<![cC]hưa |được |[kK]hông )${vi('thực hiện')}${S}${vi('thường xuyên')}(?:(?:,${SO}|${S})${alt(['liên tục', 'hằng năm', 'hàng năm', 'trong năm'])}(?:${S}\\d{4})?)?(?:${SO}\\(${SO}${alt(['trong năm', 'hằng năm', 'hàng năm'])}(?:${S}\\d{4})?${SO}\\))?${WE}`;

export const ISSUER_CH = '[^;,.()\\[\\]{}*_\\t\\n\\x{201C}\\x{201D}"\\x{2013}\\x{2014}:]';

const FN_DIGITS = '[\\x{00B9}\\x{00B2}\\x{00B3}\\x{2070}\\x{2074}-\\x{2079}]';
export const FN_MARK = `(?:${FN_DIGITS}+|\\x{207D}${FN_DIGITS}+\\x{207E})`;

export const SIGN_PREFIX = '(T/M|K/T|T/L|(?:TM|KT|TL|TUQ|Q)\\.|(?:TM|KT|TL|TUQ)(?=[ \\t]))';

/** Include rules by name. */
export const includes = (...names: string[]) => names.map((n) => ({ include: n }));
