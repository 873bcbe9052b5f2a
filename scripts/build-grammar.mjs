#!/usr/bin/env node
// Generates syntaxes/kehoach.tmLanguage.json and
// syntaxes/kehoach-markdown.injection.tmLanguage.json.
//
//   node test/grammar/build-grammar.mjs
//
// The grammar is generated because every Vietnamese keyword must match in
// NFC and NFD (decomposed combining marks, also half-composed forms), in old
// and new tone placement (Uỷ/Ủy, hoà/hòa) and, for most keywords, in any
// letter case. Writing those alternations by hand is error-prone; edit the
// word lists and building blocks below and re-run this script, then
// `npm run test:grammar`.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------- helpers

const TONE = '\u0300\u0301\u0303\u0309\u0323';
const reTone = `[${TONE}]`;

/** Escape one literal character for an Oniguruma pattern. */
function escChar(c) {
  const cp = c.codePointAt(0);
  if (cp >= 0x300 && cp <= 0x36f) return `\\x{${cp.toString(16).toUpperCase().padStart(4, '0')}}`;
  if (/[\\^$.|?*+()[\]{}\/-]/.test(c)) return '\\' + c;
  return c;
}
const escStr = (s) => [...s].map(escChar).join('');

/** All spellings of one NFC character: NFC, NFD and half-composed forms. */
function spellings(c) {
  const out = new Set([c]);
  const d = c.normalize('NFD');
  if (d !== c) {
    out.add(d);
    const [base, ...marks] = [...d];
    if (marks.length === 2) {
      for (const [m1, m2] of [[marks[0], marks[1]], [marks[1], marks[0]]]) {
        const p = (base + m1).normalize('NFC');
        if ([...p].length === 1) out.add(p + m2);
      }
    }
  }
  return [...out];
}

/** Regex for one character, optionally case-insensitive. */
function charRe(c, ci) {
  const cases = ci ? [...new Set([c.toLowerCase(), c.toUpperCase()])] : [c];
  const forms = [...new Set(cases.flatMap(spellings))];
  const singles = forms.filter((f) => [...f].length === 1);
  const multis = forms.filter((f) => [...f].length > 1);
  if (multis.length === 0) return singles.length === 1 ? escChar(singles[0]) : `[${singles.map(escChar).join('')}]`;
  const parts = [];
  if (singles.length === 1) parts.push(escChar(singles[0]));
  else if (singles.length > 1) parts.push(`[${singles.map(escChar).join('')}]`);
  for (const m of multis) parts.push(escStr(m));
  return `(?:${parts.join('|')})`;
}

/** Old/new tone placement variants of one word (NFC in, NFC out). */
function toneVariants(word) {
  const d = word.normalize('NFD');
  const out = new Set([word.normalize('NFC')]);
  const swaps = [
    // o + tone + a/e  <->  o + a/e + tone   (hòa/hoà, hòe/hoè)
    [new RegExp(`(^|[^qQ])([oO])(${reTone})([aAeE])(?![\\p{L}\\p{M}])`, 'u'), '$1$2$4$3'],
    [new RegExp(`(^|[^qQ])([oO])([aAeE])(${reTone})(?![\\p{L}\\p{M}])`, 'u'), '$1$2$4$3'],
    // u + tone + y  <->  u + y + tone       (ủy/uỷ, thủy/thuỷ)
    [new RegExp(`(^|[^qQ])([uU])(${reTone})([yY])(?![\\p{L}\\p{M}])`, 'u'), '$1$2$4$3'],
    [new RegExp(`(^|[^qQ])([uU])([yY])(${reTone})(?![\\p{L}\\p{M}])`, 'u'), '$1$2$4$3'],
  ];
  for (const [re, rep] of swaps) if (re.test(d)) out.add(d.replace(re, rep).normalize('NFC'));
  return [...out];
}

const S = '[ \\t\\x{00A0}]+'; // one or more blanks between words
const SO = '[ \\t\\x{00A0}]*'; // optional blanks
const WB = '(?<![\\p{L}\\p{M}\\p{N}])'; // not preceded by a word character
const WE = '(?![\\p{L}\\p{M}\\p{N}])'; // not followed by a word character
const EMPH = '(?:\\*\\*|\\*|__|_)';

/**
 * Regex for a Vietnamese phrase: words joined by blanks, every letter in
 * NFC/NFD, tone placement variants, case-insensitive unless ci === false.
 */
function vi(phrase, { ci = true } = {}) {
  return phrase
    .split(' ')
    .map((w) => {
      const vs = toneVariants(w).map((v) => [...v].map((c) => charRe(c, ci)).join(''));
      return vs.length === 1 ? vs[0] : `(?:${vs.join('|')})`;
    })
    .join(S);
}
const alt = (phrases, opts) =>
  '(?:' + [...phrases].sort((a, b) => b.length - a.length).map((p) => vi(p, opts)).join('|') + ')';

// ------------------------------------------------------------ word lists

const DOC_TYPES = [
  'Nghị quyết liên tịch', 'Nghị quyết', 'Chỉ thị', 'Kết luận', 'Quyết định', 'Quy định',
  'Kế hoạch', 'Chương trình hành động', 'Chương trình', 'Hướng dẫn', 'Thông báo kết luận',
  'Thông báo', 'Thông tri', 'Công văn', 'Công điện', 'Báo cáo', 'Đề án', 'Nghị định',
  'Thông tư liên tịch', 'Thông tư', 'Luật', 'Bộ luật', 'Pháp lệnh', 'Quy chế', 'Tờ trình',
  'Văn bản', 'Điều lệ',
];
const TITLE_WORDS = [
  'KẾ HOẠCH', 'NGHỊ QUYẾT', 'CHỈ THỊ', 'KẾT LUẬN', 'QUYẾT ĐỊNH', 'QUY ĐỊNH', 'CHƯƠNG TRÌNH HÀNH ĐỘNG',
  'CHƯƠNG TRÌNH', 'HƯỚNG DẪN', 'THÔNG BÁO', 'THÔNG TRI', 'BÁO CÁO', 'ĐỀ ÁN', 'TỜ TRÌNH', 'QUY CHẾ',
  'PHỤ LỤC', 'CÔNG VĂN', 'ĐỀ CƯƠNG',
];
const LABELS = {
  lead: [
    'Cơ quan chủ trì', 'Đơn vị chủ trì', 'Cơ quan thực hiện', 'Đơn vị thực hiện', 'Cơ quan chủ trì thực hiện',
    'Đơn vị chủ trì thực hiện', 'Cơ quan tham mưu', 'Đơn vị tham mưu', 'Chủ trì', 'Tham mưu',
    'Phân công theo dõi, chỉ đạo', 'Phân công chỉ đạo', 'Phân công theo dõi', 'Phân công thực hiện',
    'Phân công', 'Trách nhiệm thực hiện', 'Người chịu trách nhiệm',
  ],
  cooperate: ['Cơ quan phối hợp', 'Đơn vị phối hợp', 'Phối hợp', 'Cơ quan phối hợp thực hiện'],
  deadline: [
    'Thời gian thực hiện', 'Thời gian hoàn thành', 'Thời hạn hoàn thành', 'Thời hạn', 'Thời gian',
    'Tiến độ thực hiện', 'Tiến độ', 'Lộ trình thực hiện', 'Lộ trình',
  ],
  content: [
    'Nội dung cần khắc phục', 'Nội dung khắc phục', 'Nội dung thực hiện', 'Nội dung',
    'Giải pháp khắc phục', 'Giải pháp thực hiện', 'Giải pháp', 'Hạn chế, khuyết điểm', 'Hạn chế',
    'Khuyết điểm', 'Nguyên nhân', 'Kết quả', 'Kết quả đạt được', 'Sản phẩm', 'Yêu cầu', 'Mục tiêu',
  ],
};

// -------------------------------------------------------- building blocks

const SEG = '\\p{Lu}[\\p{L}\\p{M}\\d]*'; // symbol segment: NQ, TW, QĐi, BTCTU, QH15, TTg
const DASH = '[-\\x{2013}]'; // hyphen or en dash
const PARTY_NO = `\\d{1,5}${DASH}${SEG}(?:/${SEG}(?:${DASH}${SEG})*)+`; // 05-NQ/TW, 05-QC/BTCTU-BDVTU
const LEGAL_NO = `\\d{1,5}/\\d{4}/${SEG}(?:${DASH}${SEG})*`; // 43/2022/QH15, 44/2015/NĐ-CP
const ADMIN_NO = `\\d{1,5}/${SEG}(?:${DASH}${SEG})+`; // 11/NQ-CP, 16/CT–TTg
const DOCNO_CORE = `(?:${LEGAL_NO}|${PARTY_NO}|${ADMIN_NO})`;
const DOCNO = `(?<![\\p{L}\\p{M}\\p{N}/])${DOCNO_CORE}(?![\\p{L}\\p{M}\\p{N}/])`;
// after the word "số" a looser form is accepted: 12/UBND, or a blank number /UBND-THĐT
const DOCNO_LOOSE = `(?:${DOCNO_CORE}|\\d{1,5}/${SEG}|/${SEG}(?:${DASH}${SEG})*)(?![\\p{L}\\p{M}\\p{N}/])`;

const NGAY = vi('ngày');
const THANG = vi('tháng');
const NAM = vi('năm');
const QUY = vi('quý');
const DATE_NUM = '(?<![\\d/])(?:\\d{1,2}/\\d{1,2}/\\d{4}|\\d{1,2}-\\d{1,2}-\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4})(?![\\d/])';
const BLANK_FIELD = '[ \\t.\\x{2026}_]*';
const DATE_WORDS = `${NGAY}${S}(?:\\d{1,2}${S}|${BLANK_FIELD})${THANG}${S}(?:\\d{1,2}${S}|${BLANK_FIELD})${NAM}${S}\\d{4}`;
const DATE_FULL = `(?:${NGAY}${SO}${DATE_NUM}|${DATE_WORDS})`;
const ROMAN_Q = '(?:IV|I{1,3}|[1-4])';
const QUARTER = `${QUY}${S}${ROMAN_Q}(?:/|${S}${NAM}${S})\\d{4}`;
const MONTH = `${THANG}${S}\\d{1,2}(?:/|${S}${NAM}${S})\\d{4}`;
const HALF = `\\d{1,2}${S}${THANG}${S}(?:${vi('đầu')}|${vi('cuối')})${S}${NAM}${S}\\d{4}`;
const PERIOD = `(?:${WB}(?:${DATE_WORDS}|${NGAY}${SO}${DATE_NUM}|${QUARTER}|${MONTH}|${HALF})(?!\\d)|${DATE_NUM})`;

const VERB = `(?:(?:${alt(['đã', 'sẽ', 'phải'])})${S})?(?:${alt(['hoàn thành', 'thực hiện', 'triển khai', 'xong', 'ban hành'])})`;
const TRIGGER = alt(['trước', 'trong', 'chậm nhất', 'chậm nhất là', 'chậm nhất trong', 'chậm nhất trước',
  'chậm nhất vào', 'đến hết', 'trước hết', 'vào', 'đến', 'từ nay đến']);
// group 1: the period after a trigger word; group 2: "năm 2026" after verb + trigger
const DEADLINE = `${WB}(?:(?:${VERB}${S})?(?:${TRIGGER})${S}(${PERIOD})|${VERB}${S}(?:${alt(['trong', 'trước'])})${S}(${NAM}${S}\\d{4})(?!\\d))`;
// not after a negation: "chưa được thực hiện thường xuyên" is a shortcoming, not a deadline
const ONGOING = `${WB}(?<![cC]hưa |được |[kK]hông )${vi('thực hiện')}${S}${vi('thường xuyên')}(?:(?:,${SO}|${S})${alt(['liên tục', 'hằng năm', 'hàng năm', 'trong năm'])}(?:${S}\\d{4})?)?(?:${SO}\\(${SO}${alt(['trong năm', 'hằng năm', 'hàng năm'])}(?:${S}\\d{4})?${SO}\\))?${WE}`;

const TYPE = alt(DOC_TYPES);
const STOP = `${S}(?:${alt(['về', 'v/v', 'để', 'nhằm', 'theo', 'tại', 'ngày', 'trong', 'đã', 'đối với', 'và các', 'với'])}|${vi('và')}${S}(?:${TYPE}))${WE}`;
const ISSUER_CH = '[^;,.()\\[\\]{}*_\\t\\n\\x{201C}\\x{201D}"\\x{2013}\\x{2014}:]';
const ISSUER = `\\p{Lu}(?:(?!${STOP})${ISSUER_CH})*(?<![ \\t\\x{00A0}])`;

const FN_DIGITS = '[\\x{00B9}\\x{00B2}\\x{00B3}\\x{2070}\\x{2074}-\\x{2079}]';
const FN_MARK = `(?:${FN_DIGITS}+|\\x{207D}${FN_DIGITS}+\\x{207E})`;

const LABEL_ALTS = `(?:(${alt(LABELS.lead)})|(${alt(LABELS.cooperate)})|(${alt(LABELS.deadline)})|(${alt(LABELS.content)}))`;
// label text, then the colon inside or outside the emphasis: "Nội dung:", "*Nội dung:*", "*Nội dung*:"
const LABEL_TAIL = `${SO}(?:(:)${SO}(${EMPH})?|(${EMPH})${SO}(:))`;
const labelCaptures = (offset) => ({
  [offset + 1]: { name: 'punctuation.definition.emphasis.begin.kehoach' },
  [offset + 2]: { name: 'keyword.other.label.kehoach' },
  [offset + 3]: { name: 'keyword.other.label.lead.kehoach' },
  [offset + 4]: { name: 'keyword.other.label.cooperate.kehoach' },
  [offset + 5]: { name: 'keyword.other.label.deadline.kehoach' },
  [offset + 6]: { name: 'keyword.other.label.content.kehoach' },
  [offset + 7]: { name: 'punctuation.separator.key-value.kehoach' },
  [offset + 8]: { name: 'punctuation.definition.emphasis.end.kehoach' },
  [offset + 9]: { name: 'punctuation.definition.emphasis.end.kehoach' },
  [offset + 10]: { name: 'punctuation.separator.key-value.kehoach' },
});
const LABEL_CORE = `(${EMPH})?(${LABEL_ALTS})${LABEL_TAIL}`; // 10 groups
const LABEL_AHEAD = `(?:${EMPH})?(?:${alt([...LABELS.lead, ...LABELS.cooperate, ...LABELS.deadline, ...LABELS.content])})${SO}(?:${EMPH})?${SO}:`;

// Title of a numbered section: short, does not end like a sentence, no "key: value".
const SEC_TITLE = `(?=[^\\n\\t]{2,200}$)(?![^\\n]*:[ \\t])(?!${LABEL_AHEAD})(${EMPH})?([\\p{L}(\\x{201C}"][^\\n\\t]*?[^\\s.;:,*_])(${EMPH})?${SO}$`;
const SEC_NUM_PREFIX = `^${SO}(#{1,6}${S})?(${EMPH})?`;

// --------------------------------------------------------------- grammar

const sectionHeading = (numRe, level) => ({
  name: `markup.heading.${level}.kehoach`,
  match: `${SEC_NUM_PREFIX}(${numRe})(${EMPH})?${S}${SEC_TITLE}`,
  captures: {
    1: { name: 'punctuation.definition.heading.kehoach' },
    2: { name: 'punctuation.definition.emphasis.begin.kehoach' },
    3: { name: 'constant.numeric.section.kehoach' },
    4: { name: 'punctuation.definition.emphasis.end.kehoach' },
    5: { name: 'punctuation.definition.emphasis.begin.kehoach' },
    6: { name: 'entity.name.section.kehoach', patterns: [{ include: '#inline' }] },
    7: { name: 'punctuation.definition.emphasis.end.kehoach' },
  },
});

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Kế hoạch',
  scopeName: 'text.kehoach',
  comment: 'GENERATED by test/grammar/build-grammar.mjs: edit that script, not this file.',
  patterns: [
    { include: '#footnote-line' },
    { include: '#recipients' },
    { include: '#signature' },
    { include: '#title-line' },
    { include: '#own-number-line' },
    { include: '#part-heading' },
    { include: '#section-heading' },
    { include: '#section' },
    { include: '#list-item' },
    { include: '#label-deadline' },
    { include: '#label' },
    { include: '#preamble' },
    { include: '#item-number' },
    { include: '#subject-line' },
    { include: '#inline' },
  ],
  repository: {
    inline: {
      patterns: [
        { include: '#deadline-paren' },
        { include: '#deadline' },
        { include: '#ongoing' },
        { include: '#citation' },
        { include: '#document-number' },
        { include: '#date' },
        { include: '#footnote-ref' },
        { include: '#national' },
        { include: '#motto' },
      ],
    },
    'footnote-line': {
      name: 'meta.footnote.kehoach comment.line.footnote.kehoach',
      begin: `^${SO}(${FN_MARK})(?=[ \\t])`,
      beginCaptures: { 1: { name: 'constant.other.reference.footnote.kehoach' } },
      end: '$',
      patterns: [
        { include: '#citation' },
        { include: '#document-number' },
        { include: '#date' },
      ],
    },
    'footnote-ref': {
      comment: 'Superscript digits glued to a word; not after units like m², km³.',
      match: `(?<=[\\p{L}\\p{M}\\p{N})\\].,;:\\x{201D}"*_])(?<![\\d\\s]m|[\\d\\s]km|[\\d\\s]cm|[\\d\\s]dm|[\\d\\s]mm)(${FN_MARK})`,
      captures: { 1: { name: 'constant.other.reference.footnote.kehoach' } },
    },
    recipients: {
      name: 'meta.recipients.kehoach',
      begin: `^${SO}(${EMPH})?(${alt(['Nơi nhận', 'Kính gửi'])})${SO}(?:(:)${SO}(${EMPH})?|(${EMPH})${SO}(:)|(?=${SO}$))`,
      beginCaptures: {
        1: { name: 'punctuation.definition.emphasis.begin.kehoach' },
        2: { name: 'markup.heading.recipients.kehoach' },
        3: { name: 'punctuation.separator.key-value.kehoach' },
        4: { name: 'punctuation.definition.emphasis.end.kehoach' },
        5: { name: 'punctuation.definition.emphasis.end.kehoach' },
        6: { name: 'punctuation.separator.key-value.kehoach' },
      },
      end: `^(?!${SO}(?:[-+\\x{2022}\\x{2013}*]${S}|$))`,
      patterns: [
        {
          match: `^${SO}([-+\\x{2022}\\x{2013}*])${S}(.*?)${SO}$`,
          captures: {
            1: { name: 'punctuation.definition.list.begin.kehoach' },
            2: { name: 'meta.recipient.kehoach', patterns: [{ include: '#recipient-parts' }] },
          },
        },
        { include: '#recipient-parts' },
      ],
    },
    'recipient-parts': {
      patterns: [
        {
          name: 'comment.other.recipient-note.kehoach',
          match: `\\(${SO}(?:${EMPH})?(?:(?:${alt(['để'])})${S})?(?:${alt(['báo cáo', 'b/c', 'thực hiện', 't/h', 'phối hợp', 'p/h', 'chỉ đạo', 'theo dõi', 'biết', 'đăng tải', 'thay báo cáo'])})(?:${EMPH})?${SO}\\)`,
        },
        {
          name: 'keyword.other.archive.kehoach',
          match: `${WB}${vi('Lưu')}(?=${SO}:|${S}\\S)`,
        },
      ],
    },
    signature: {
      name: 'meta.signature.kehoach',
      begin: `^${SO}(\\*\\*|\\*)?(T/M|K/T|T/L|(?:TM|KT|TL|TUQ|Q)\\.|(?:TM|KT|TL|TUQ)(?=[ \\t]))(?=[ \\t\\p{Lu}])${SO}((?:\\p{Lu}|\\p{M})[\\p{Lu}\\p{M}\\d ,./\\-]*?)?${SO}(\\*\\*|\\*)?${SO}$`,
      beginCaptures: {
        0: { name: 'keyword.other.signature.kehoach' },
        1: { name: 'punctuation.definition.bold.begin.kehoach' },
        2: { name: 'storage.modifier.signature.kehoach' },
        3: { name: 'entity.name.organization.signature.kehoach' },
        4: { name: 'punctuation.definition.bold.end.kehoach' },
      },
      end: `^(?=${SO}\\S)(?!${SO}(?:\\*\\*|\\*)?(?:T/M|K/T|T/L|TM|KT|TL|TUQ|Q\\.|(?:\\p{Lu}|\\p{M})[\\p{Lu}\\p{M}\\d ,./\\-]*(?:\\*\\*|\\*)?${SO}$))`,
      patterns: [
        {
          match: `^${SO}(\\*\\*|\\*)?(T/M|K/T|T/L|(?:TM|KT|TL|TUQ|Q)\\.|(?:TM|KT|TL|TUQ)(?=[ \\t]))(?=[ \\t\\p{Lu}])${SO}((?:\\p{Lu}|\\p{M})[\\p{Lu}\\p{M}\\d ,./\\-]*?)?${SO}(\\*\\*|\\*)?${SO}$`,
          captures: {
            0: { name: 'keyword.other.signature.kehoach' },
            1: { name: 'punctuation.definition.bold.begin.kehoach' },
            2: { name: 'storage.modifier.signature.kehoach' },
            3: { name: 'entity.name.organization.signature.kehoach' },
            4: { name: 'punctuation.definition.bold.end.kehoach' },
          },
        },
        {
          match: `^${SO}(\\*\\*|\\*)?((?:\\p{Lu}|\\p{M})[\\p{Lu}\\p{M}\\d ,./\\-]*?)${SO}(\\*\\*|\\*)?${SO}$`,
          captures: {
            0: { name: 'keyword.other.signature.kehoach' },
            1: { name: 'punctuation.definition.bold.begin.kehoach' },
            2: { name: 'keyword.other.signature.position.kehoach' },
            3: { name: 'punctuation.definition.bold.end.kehoach' },
          },
        },
      ],
    },
    'title-line': {
      name: 'markup.heading.title.kehoach',
      match: `^${SO}(#{1,6}${S})?(${EMPH})?(${alt(TITLE_WORDS, { ci: false })})(${EMPH})?${SO}$`,
      captures: {
        1: { name: 'punctuation.definition.heading.kehoach' },
        2: { name: 'punctuation.definition.emphasis.begin.kehoach' },
        3: { name: 'entity.name.type.document.kehoach' },
        4: { name: 'punctuation.definition.emphasis.end.kehoach' },
      },
    },
    'own-number-line': {
      name: 'meta.document-number.kehoach',
      match: `^${SO}(${EMPH})?(${vi('Số')})${SO}(:)?${SO}(${DOCNO_LOOSE})(${EMPH})?`,
      captures: {
        1: { name: 'punctuation.definition.emphasis.begin.kehoach' },
        2: { name: 'keyword.other.number-prefix.kehoach' },
        3: { name: 'punctuation.separator.key-value.kehoach' },
        4: { name: 'constant.other.document-number.kehoach' },
        5: { name: 'punctuation.definition.emphasis.end.kehoach' },
      },
    },
    'part-heading': {
      name: 'markup.heading.1.kehoach',
      match: `^${SO}(#{1,6}${S})?(${EMPH})?(?:(${vi('Phần')})${S})?([IVXLC]{1,7})${SO}([-.\\x{2013}\\x{2014}:)])${SO}((?:\\p{Lu}|[\\d\\x{201C}"(])[^\\p{Ll}*_\\n]*?)(${EMPH})?(?=${SO}$|(?<=[*_])|\\*|_)`,
      captures: {
        1: { name: 'punctuation.definition.heading.kehoach' },
        2: { name: 'punctuation.definition.emphasis.begin.kehoach' },
        3: { name: 'keyword.other.part.kehoach' },
        4: { name: 'constant.numeric.part.kehoach' },
        5: { name: 'punctuation.separator.part.kehoach' },
        6: { name: 'entity.name.section.part.kehoach' },
        7: { name: 'punctuation.definition.emphasis.end.kehoach' },
      },
    },
    'section-heading': {
      comment: 'A numbered line that looks like a heading (short, no sentence end, no label).',
      patterns: [
        sectionHeading('\\d{1,2}\\.', 2),
        sectionHeading('\\d{1,2}\\.\\d{1,2}\\.?', 3),
        sectionHeading('\\d{1,2}(?:\\.\\d{1,2}){2,}\\.?', 4),
      ],
    },
    section: {
      comment: 'A numbered paragraph: number, then maybe a field label, then running text.',
      name: 'meta.section.kehoach',
      begin: `${SEC_NUM_PREFIX}(\\d{1,2}(?:\\.\\d{1,2})*\\.|\\d{1,2}(?:\\.\\d{1,2})+)(${EMPH})?(?=[ \\t]|$)`,
      beginCaptures: {
        1: { name: 'punctuation.definition.heading.kehoach' },
        2: { name: 'punctuation.definition.emphasis.begin.kehoach' },
        3: { name: 'constant.numeric.section.kehoach' },
        4: { name: 'punctuation.definition.emphasis.end.kehoach' },
      },
      end: '$',
      patterns: [{ include: '#label-deadline' }, { include: '#label' }, { include: '#inline' }],
    },
    'list-item': {
      begin: `^${SO}([-+\\x{2022}\\x{2013}]|\\*(?=[ \\t]))${S}`,
      beginCaptures: { 1: { name: 'punctuation.definition.list.begin.kehoach' } },
      end: '$',
      patterns: [{ include: '#label-deadline' }, { include: '#label' }, { include: '#inline' }],
    },
    'label-deadline': {
      comment: 'Deadline field: the value up to the end of the line is the deadline.',
      name: 'meta.label.kehoach',
      match: `(?:^|\\G)${SO}(${EMPH})?((?:((?!))|((?!))|(${alt(LABELS.deadline)})|((?!))))${LABEL_TAIL}${SO}(\\S.*?)?${SO}$`,
      captures: {
        ...labelCaptures(0),
        11: { name: 'string.other.deadline.kehoach', patterns: [{ include: '#date' }, { include: '#footnote-ref' }, { include: '#citation' }] },
      },
    },
    label: {
      name: 'meta.label.kehoach',
      match: `(?:^|\\G)${SO}${LABEL_CORE}`,
      captures: labelCaptures(0),
    },
    'label-inline': {
      comment: 'For the Markdown injection: a label after a list marker, a number or emphasis.',
      name: 'meta.label.kehoach',
      match: `(?:(?<=^|[-+*\\x{2022}\\x{2013}][ \\t]|\\.[ \\t]|\\)[ \\t]|\\*|_)|^[ \\t]+)${LABEL_CORE}`,
      captures: labelCaptures(0),
    },
    preamble: {
      match: `^${SO}(${alt(['Căn cứ', 'Thực hiện', 'Theo đề nghị của', 'Xét đề nghị của'])})(?!${S}${vi('thường xuyên')})${WE}`,
      captures: { 1: { name: 'keyword.control.preamble.kehoach' } },
    },
    'item-number': {
      match: `^${SO}(\\(\\d{1,2}\\)|[a-zđ]\\))(?=[ \\t])`,
      captures: { 1: { name: 'constant.numeric.item.kehoach' } },
    },
    'subject-line': {
      match: `^${SO}([Vv]/[Vv])${WE}`,
      captures: { 1: { name: 'keyword.other.subject.kehoach' } },
    },
    citation: {
      name: 'meta.citation.kehoach',
      match: `${WB}(${TYPE})(?:${S}(${vi('số')})${SO}|${S})(${DOCNO_LOOSE})(?:(,)?${SO}(${DATE_FULL}))?(?:${S}(${vi('của')})${S}(${ISSUER}))?`,
      captures: {
        1: { name: 'support.type.document.kehoach' },
        2: { name: 'keyword.other.number-prefix.kehoach' },
        3: { name: 'constant.other.document-number.kehoach' },
        4: { name: 'punctuation.separator.comma.kehoach' },
        5: { name: 'constant.numeric.date.kehoach' },
        6: { name: 'keyword.other.issuer.kehoach' },
        7: { name: 'entity.name.organization.kehoach' },
      },
    },
    'document-number': {
      match: `${WB}(?:(${vi('số')})${SO})?(${DOCNO_CORE})(?![\\p{L}\\p{M}\\p{N}/])`,
      captures: {
        1: { name: 'keyword.other.number-prefix.kehoach' },
        2: { name: 'constant.other.document-number.kehoach' },
      },
    },
    date: {
      name: 'constant.numeric.date.kehoach',
      match: PERIOD,
    },
    deadline: {
      name: 'string.other.deadline.kehoach',
      match: DEADLINE,
      captures: {
        1: { name: 'constant.numeric.date.kehoach' },
        2: { name: 'constant.numeric.date.kehoach' },
      },
    },
    'deadline-paren': {
      name: 'string.other.deadline.kehoach',
      match: `(\\()${SO}(${EMPH})?(${alt(['thời gian hoàn thành', 'thời gian thực hiện', 'thời hạn hoàn thành', 'thời hạn'])})${SO}(:)${SO}([^)\\n]*?)(${EMPH})?${SO}(\\))`,
      captures: {
        1: { name: 'punctuation.definition.deadline.begin.kehoach' },
        3: { name: 'keyword.other.label.deadline.kehoach' },
        4: { name: 'punctuation.separator.key-value.kehoach' },
        5: { patterns: [{ include: '#date' }] },
        7: { name: 'punctuation.definition.deadline.end.kehoach' },
      },
    },
    ongoing: {
      name: 'string.other.deadline.kehoach',
      match: ONGOING,
    },
    national: {
      name: 'markup.heading.national.kehoach',
      match: `${WB}(?:${alt(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'ĐẢNG CỘNG SẢN VIỆT NAM'], { ci: false })})${WE}`,
    },
    motto: {
      name: 'markup.heading.motto.kehoach',
      match: `${WB}${vi('Độc lập')}${SO}[-\\x{2013}\\x{2014}]${SO}${vi('Tự do')}${SO}[-\\x{2013}\\x{2014}]${SO}${vi('Hạnh phúc')}${WE}`,
    },
  },
};

const injection = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  scopeName: 'markdown.kehoach.injection',
  comment: 'GENERATED by test/grammar/build-grammar.mjs. Highlights plan vocabulary inside Markdown.',
  // Only inside paragraphs and headings: matching before Markdown has opened its
  // paragraph/list block would stop Markdown from recognising that block.
  injectionSelector:
    'L:text.html.markdown meta.paragraph.markdown -markup.fenced_code -markup.inline.raw -markup.raw -comment, ' +
    'L:text.html.markdown markup.heading.markdown -markup.inline.raw -comment',
  patterns: [
    { include: 'text.kehoach#deadline-paren' },
    { include: 'text.kehoach#deadline' },
    { include: 'text.kehoach#ongoing' },
    { include: 'text.kehoach#citation' },
    { include: 'text.kehoach#document-number' },
    { include: 'text.kehoach#date' },
    { include: 'text.kehoach#footnote-ref' },
    { include: 'text.kehoach#label-inline' },
    { include: 'text.kehoach#national' },
    { include: 'text.kehoach#motto' },
    { include: 'text.kehoach#preamble' },
    { include: '#recipients-heading' },
    { include: '#part-number' },
    { include: '#section-number' },
    { include: '#signature' },
  ],
  repository: {
    'recipients-heading': {
      match: `(?<=^|\\*)(${alt(['Nơi nhận', 'Kính gửi'])})${SO}(:)`,
      captures: {
        1: { name: 'markup.heading.recipients.kehoach' },
        2: { name: 'punctuation.separator.key-value.kehoach' },
      },
    },
    'part-number': {
      comment: 'Roman part number at the start of a heading: "## I- MỤC ĐÍCH", "**II. NỘI DUNG**".',
      match: `(?<=^|#[ \\t]|^\\*\\*)([IVXLC]{1,7})${SO}([-.\\x{2013}\\x{2014}])${SO}(?=\\p{Lu}[^\\p{Ll}\\n]*$)`,
      captures: {
        1: { name: 'constant.numeric.part.kehoach' },
        2: { name: 'punctuation.separator.part.kehoach' },
      },
    },
    'section-number': {
      comment: 'Section number in a heading or bold: "### 1.1. Title", "**1.1.** Title".',
      match: '(?<=^|#[ \\t]|^\\*\\*)(\\d{1,2}(?:\\.\\d{1,2})*\\.|\\d{1,2}(?:\\.\\d{1,2})+)(?=\\*\\*|[ \\t])',
      captures: { 1: { name: 'constant.numeric.section.kehoach' } },
    },
    signature: {
      match: `^${SO}(\\*\\*|\\*)?(T/M|K/T|T/L|(?:TM|KT|TL|TUQ|Q)\\.|(?:TM|KT|TL|TUQ)(?=[ \\t]))(?=[ \\t])`,
      captures: { 2: { name: 'keyword.other.signature.kehoach storage.modifier.signature.kehoach' } },
    },
  },
};

const write = (rel, obj) => {
  writeFileSync(join(root, rel), JSON.stringify(obj, null, 2) + '\n');
  console.log('wrote', rel);
};
write('syntaxes/kehoach.tmLanguage.json', grammar);
write('syntaxes/kehoach-markdown.injection.tmLanguage.json', injection);
