// The end of a document (NĐ 30/2020 Phụ lục I, items 7 and 9; HD 36-HD/VPTW):
// the signature block (authority, position, name) and the Nơi nhận list. Both
// stand side by side in a two-column table, so a line may hold a recipient on
// the left and part of the signature on the right (`pdftotext -layout`).

import { cells, noteRead, type Cell, type HeaderLine } from './cells';
import type { Line, Span } from './model';

export interface Authority {
  /** As written: `TM.`, `KT.`, `TL.`, `TUQ.`, `Q.`; Party `T/M`, `K/T`, `T/L`. */
  mark: string;
  /** What follows the mark: `ỦY BAN NHÂN DÂN`, `THỦ TƯỚNG`. */
  of: string;
  cell: HeaderLine;
}

export interface SignatureBlock {
  /** Top to bottom: `TL. CHỦ TỊCH` then `KT. CHÁNH VĂN PHÒNG`. Empty when the head signs in person. */
  authorities: Authority[];
  /** The signer's position: `PHÓ THỦ TƯỚNG`, `BÍ THƯ`. */
  position?: HeaderLine;
  /** The signer's name: `Nguyễn Hòa Bình`. */
  name?: HeaderLine;
  /** `party` for T/M, K/T, T/L; `state` for TM., KT., TL., TUQ., Q. */
  system?: 'party' | 'state';
  line: number;
}

export interface RecipientEntry {
  /** The entry as written, its continuation lines joined: `- Lưu: VT, KGVX.` */
  text: string;
  line: number;
  lastLine: number;
  span: Span;
  /** Begins with a dash (`-`, `–`, `•`, `+`). */
  dashed: boolean;
}

export interface RecipientList {
  /** The `Nơi nhận:` line. */
  label: HeaderLine;
  entries: RecipientEntry[];
  /**
   * A note in brackets on a line of its own below the list (`(báo cáo),`): in
   * the original a brace joined a group of lines to it, and the group's last
   * line took its punctuation after the note.
   */
  groupNote?: HeaderLine;
}

const AUTHORITY = /^(TM\.|KT\.|TL\.|TUQ\.|Q\.|T\/M|K\/T|T\/L)\s*(\p{Lu}.*)$/u;
const POSITION = /(?<!\p{L})(?:CHỦ TỊCH|THỦ TƯỚNG|TRƯỞNG|GIÁM ĐỐC|BÍ THƯ|CHÁNH|THỐNG ĐỐC|TỔNG KIỂM TOÁN|TỔNG THANH TRA|CHỦ NHIỆM|TỔNG THƯ KÝ|CHỦ TỌA)(?!\p{L})/u;
/** A person's name: two to six capitalised words (`Phạm Thị Thanh Trà`), after a military rank where one is worn (Phụ lục I, 7c). */
const NAME = /^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)\s+)?\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u;
/** What stands between the position and the name: `[đã ký]`, `(Đã ký)`, a stray bracket, a seal note. */
const SIGNED = /^(?:[[(]?\s*(?:đã ký|ký|đã ký và đóng dấu)?\s*[\])]?|\(?chữ ký[^)]*\)?|\(?dấu[^)]*\)?)$/iu;
/** `Nơi nhận:`, also without its colon or in capitals. */
const LABEL = /^Nơi nhận(?:\s*:.*|\s*)$/iu;
const DASH = /^[-–—•+]\s*/u;
/** A right-hand column starts this far from the margin at least. */
const RIGHT_COLUMN = 20;

function isUpper(text: string): boolean {
  return /\p{Lu}/u.test(text) && text === text.toUpperCase() && !/\d/.test(text);
}

/** The signature block: the first one after `from` (the type title), where a document's own ends. */
export function readSignature(lines: Line[], from: number): SignatureBlock | undefined {
  for (let i = from; i < lines.length; i++) {
    for (const cell of cells(lines[i])) {
      const m = AUTHORITY.exec(cell.text);
      if (m) return blockFrom(lines, i, cell);
      if (isUpper(cell.text) && cell.text.length <= 50 && POSITION.test(cell.text) && nameAfter(lines, i)) {
        return { authorities: [], position: cell, name: nameAfter(lines, i), line: i };
      }
    }
  }
  return undefined;
}

function blockFrom(lines: Line[], at: number, first: Cell): SignatureBlock {
  const block: SignatureBlock = { authorities: [], line: at };
  let column = first.column;
  for (let i = at, seen = 0; i < lines.length && seen < 8; i++) {
    const cell = signatureCell(lines[i], column);
    if (!cell) continue;
    seen++;
    const m = AUTHORITY.exec(cell.text);
    if (m && !block.position) {
      block.authorities.push({ mark: m[1], of: m[2], cell });
      block.system ??= m[1].includes('/') ? 'party' : 'state';
      column = cell.column;
    } else if (!block.position && isUpper(cell.text) && cell.text.length <= 60) block.position = cell;
    else if (block.position && NAME.test(cell.text)) {
      block.name = cell;
      break;
    } else if (!SIGNED.test(cell.text)) break;
  }
  return block;
}

/** The cell of a line that stands in the signature column (near `column`): not a recipient beside it. */
function signatureCell(line: Line, column: number): Cell | undefined {
  const row = cells(line);
  if (!row.length) return undefined;
  const near = row.reduce((best, c) => (Math.abs(c.column - column) < Math.abs(best.column - column) ? c : best));
  return Math.abs(near.column - column) < RIGHT_COLUMN ? near : undefined;
}

function nameAfter(lines: Line[], at: number): HeaderLine | undefined {
  for (let i = at + 1, seen = 0; i < lines.length && seen < 3; i++) {
    const row = cells(lines[i]);
    if (!row.length) continue;
    seen++;
    const cell = row[row.length - 1];
    if (NAME.test(cell.text)) return cell;
    if (!SIGNED.test(cell.text)) return undefined;
  }
  return undefined;
}

/** How far the Nơi nhận label stands from the signature it sits beside: a long list above it, a short way below. */
const BEFORE_SIGNATURE = 60;
const AFTER_SIGNATURE = 15;

/**
 * The document's own Nơi nhận list: beside its signature block (the two share
 * the table's last row), else the first after `from`. A list far from the
 * signature belongs to an appended form (a Gazette text prints no Nơi nhận
 * of its own, but its appendices' templates have one).
 */
export function readRecipients(lines: Line[], from: number, system?: 'party' | 'state', signature?: SignatureBlock): RecipientList | undefined {
  const start = signature ? Math.max(from, signature.line - BEFORE_SIGNATURE) : from;
  const end = signature ? Math.min(lines.length, signature.line + AFTER_SIGNATURE) : lines.length;
  for (let i = start; i < end; i++) {
    const first = cells(lines[i])[0];
    if (first && first.column < RIGHT_COLUMN && LABEL.test(first.text.replace(/^[*_]+/, ''))) {
      const entries = readEntries(lines, i + 1, system);
      return { label: first, entries, groupNote: entries.length ? noteAfter(lines, entries[entries.length - 1].lastLine + 1) : undefined };
    }
  }
  return undefined;
}

/** The left-hand cell of a line of the list, if the line has one. */
function leftCell(line: Line): Cell | undefined {
  const first = cells(line)[0];
  return first && first.column < RIGHT_COLUMN ? first : undefined;
}

function readEntries(lines: Line[], from: number, system?: 'party' | 'state'): RecipientEntry[] {
  const entries: RecipientEntry[] = [];
  let blankRun = 0;
  for (let i = from; i < lines.length; i++) {
    noteRead(lines[i]);
    if (!lines[i].text.trim()) {
      if (++blankRun > 1 && entries.length) break;
      continue;
    }
    const cell = leftCell(lines[i]);
    // A line holding only the signature column: the list goes on below it.
    if (!cell) continue;
    const text = cell.text.replace(/^[*_]+|[*_]+$/g, '').trim();
    const prev = entries[entries.length - 1];
    const dashed = DASH.test(text);
    if (AUTHORITY.test(text)) break;
    // After a blank line only a dashed line carries the list on.
    if (blankRun && entries.length && !dashed) break;
    blankRun = 0;
    if (!dashed && prev && continues(prev, text, system)) {
      prev.text += ' ' + text;
      prev.lastLine = i;
      prev.span = { start: prev.span.start, end: cell.span.end };
      continue;
    }
    if (!dashed && (!/^\p{Lu}/u.test(text) || isUpper(text))) break;
    entries.push({ text, line: i, lastLine: i, span: cell.span, dashed });
    if (/^[-–—•+]?\s*Lưu(?!\p{L})/u.test(text) && /\.$/.test(text)) break;
  }
  return entries;
}

/** What a group of recipients is sent for: `(báo cáo)`, `(để biết)`, `(t/h)`. */
const NOTE = /^\(\s*[*_]?\s*(?:để\s+)?(?:báo cáo|b\/c|biết|đ\/b|thực hiện|t\/h|phối hợp|chỉ đạo|theo dõi|giám sát)[\p{L}\s/,]*[*_]?\s*\)\s*[,;.]?$/iu;

function noteAfter(lines: Line[], from: number): HeaderLine | undefined {
  for (let i = from, seen = 0; i < lines.length && seen < 3; i++) {
    const cell = leftCell(lines[i]);
    if (!cell) continue;
    seen++;
    if (NOTE.test(cell.text)) return cell;
    if (AUTHORITY.test(cell.text)) return undefined;
  }
  return undefined;
}

/**
 * A line that carries on the entry above: it starts in lower case, or the
 * entry does not end as an entry ends (`;` in a state list, `,` in a Party
 * one, `.` for the last), so a long entry wrapped after a comma goes on.
 */
function continues(prev: RecipientEntry, text: string, system?: 'party' | 'state'): boolean {
  const end = system === 'state' ? /[;.]\s*(?:\([^)]*\))?$/ : system === 'party' ? /[,.]\s*(?:\([^)]*\))?$/ : /[;,.]\s*(?:\([^)]*\))?$/;
  return /^\p{Ll}/u.test(text) || !end.test(prev.text);
}
