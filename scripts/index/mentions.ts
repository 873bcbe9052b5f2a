// What a citation's text says of the document beside its number and date:
// the type word, the issuer and the subject (`về …`), read from running text.

import { Citation } from '../../server/src/core/citations/extract';

export interface Mention {
  seed: string;
  raw: string;
  /** The type word the text writes, if any. */
  type?: string;
  issuer?: string;
  subject?: string;
}

/** Known issuing bodies that may follow a date after a comma: `ngày 28/8/2025, Ban Thường vụ Tỉnh ủy Bắc Ninh về …`. */
const COMMA_ISSUER =
  /^,\s*((?:Ban|Bộ Chính trị|Thường trực|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy|UBND|HĐND|Ủy ban|Chính phủ|Thủ tướng|Quốc hội|Văn phòng|BCH)[^,;:.()\n\t“”"]*?)(?=\s+(?:về|v\/v|V\/v)\s|[,;:.()\n\t]|$)/u;
/** Words after which an issuer read by extractCitations runs into the sentence. */
const ISSUER_TAIL = /\s+(?:ban hành|quy định|chưa|thực hiện|đã|là|được|đề ra|nhằm)(?:\s.*)?$/u;
const SUBJECT_START = /^\s*,?\s+(về|v\/v|V\/v)\s+/u;
const QUOTED_TITLE = /^\s*,?\s*“([^”\n]{3,300})”/u;
const SUBJECT_MAX = 200;

/** Words that start the rest of a sentence, not a body's name (`Bộ Tài chính hướng dẫn …`). */
const SENTENCE_WORD = /(?<!\p{L})(?:hướng|quy|sửa|phê|bãi|điều|tạm|để|cho|có|ngày|thành lập|quản lý|về|bổ)(?!\p{L})/u;
/** Last words of a name cut by a line break (`Bộ Tài`, `Bộ trưởng Bộ Kế`). */
const CUT_WORD = /(?<!\p{L})(?:Bộ|Tài|Lao|Kế|Công|Nông|Quốc|Khoa|Thủ|Chính|Văn|Ủy|Uỷ|và|Thông tin|Thông tin và Truyền|Môi|Phát|Thủy|Nông nghiệp và)$/u;

function cleanIssuer(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.split('\t')[0].replace(ISSUER_TAIL, '').replace(/[\s,;:.-]+$/u, '').trim();
  // Read from running text: a name that runs on into the sentence, or is cut by a page, is no name.
  if (!t || /\d/.test(t) || SENTENCE_WORD.test(t) || CUT_WORD.test(t) || t.split(/\s+/).length > 14) return undefined;
  return t;
}

/** Cuts a subject to at most SUBJECT_MAX characters at a word boundary. */
export function clip(s: string): string {
  if (s.length <= SUBJECT_MAX) return s;
  const cut = s.lastIndexOf(' ', SUBJECT_MAX - 1);
  return `${s.slice(0, cut > 0 ? cut : SUBJECT_MAX - 1).replace(/[\s,;:-]+$/u, '')}…`;
}

/**
 * The subject a citation states after its end: `về …` (or `v/v …`) up to `;`,
 * `.`, an unmatched `)`, a tab or a line break (not a page break inside a
 * sentence; not inside “…”). A short parenthesis is kept whole (`(PCI)`); an
 * abbreviation note `(sau đây viết tắt …)` or a long aside ends the subject. A later citation in a list (`…, Nghị quyết số …`)
 * ends it too; one the subject names (`về tiếp tục thực hiện Chỉ thị số …`)
 * stays in it.
 */
function readSubject(text: string, from: number, citationStarts: number[]): string | undefined {
  const tail = text.slice(from, from + 800);
  const m = SUBJECT_START.exec(tail);
  if (m) {
    const bodyStart = from + m[0].length;
    let end = bodyStart;
    let depth = 0;
    let openedAt = -1;
    let quoted = false;
    for (; end < text.length && end < bodyStart + 800; end++) {
      const c = text[end];
      if (c === '\n') {
        // A page break inside a sentence: the text goes on in lower case after blank lines.
        const next = /^\n+\s*(\S)/u.exec(text.slice(end, end + 10));
        if (next && /\p{Ll}/u.test(next[1])) continue;
        break;
      }
      if (c === '\t') break;
      if (c === '“') quoted = true;
      else if (c === '”') quoted = false;
      if (quoted) continue;
      if (c === '(') {
        // A short gloss such as `(PCI)` belongs to the title; a note `(sau đây …)` or a long aside ends it.
        const close = text.indexOf(')', end);
        if (depth === 0 && (/^\(\s*sau đây/u.test(text.slice(end, end + 12)) || close < 0 || close - end > 40)) break;
        if (depth === 0) openedAt = end;
        depth++;
      } else if (c === ')') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (c === ';' || (c === '.' && !/\d/.test(text[end + 1] ?? '')))) break;
    }
    if (depth > 0) end = openedAt; // unclosed parenthesis: drop it
    for (const s of citationStarts) {
      if (s <= bodyStart || s >= end) continue;
      if (/(?:,|;|\s(?:và|hoặc))\s*$/u.test(text.slice(bodyStart, s))) {
        end = s;
        break;
      }
    }
    const body = text
      .slice(bodyStart, end)
      .replace(/\s+/g, ' ')
      .replace(/(?:[\s,;:-]+|\s+(?:và|hoặc|của|theo|tại))+$/u, '')
      .trim();
    if (!body) return undefined;
    return clip(`${m[1].toLowerCase() === 'về' ? 'Về' : 'V/v'} ${body}`);
  }
  const q = QUOTED_TITLE.exec(tail);
  if (q) return clip(q[1].replace(/\s+/g, ' ').trim());
  return undefined;
}

/** Most frequent value, ties to the first met. */
export function mostFrequent(values: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

export function citationMention(seed: string, text: string, cs: Citation[], k: number): Mention {
  const c = cs[k];
  const later: number[] = [];
  for (let j = k + 1; j < cs.length && cs[j].start < c.end + 900; j++) later.push(cs[j].start);
  let end = c.end;
  let issuer = cleanIssuer(c.issuer?.text);
  if (!c.issuer && c.date) {
    const m = COMMA_ISSUER.exec(text.slice(end, end + 160));
    if (m) {
      issuer = m[1].trim();
      end += m[0].length;
    }
  }
  const mention: Mention = { seed, raw: c.number.raw };
  if (c.typeSpan && c.type) mention.type = c.type;
  if (issuer) mention.issuer = issuer;
  const subject = readSubject(text, end, later);
  if (subject) mention.subject = subject;
  return mention;
}
