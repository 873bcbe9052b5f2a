// Parses a draft, plain text or Markdown, into parts, sections, fields and
// items. Line based: a Word/PDF conversion gives one paragraph per line, and
// Markdown headings and bullets are lines too.

import { Citation, extractCitations } from '../citations/extract';
import { citationsAfterChange, extractCitationsAfterChange, TextSlice } from '../citations/incremental';
import { findLegacyRuns, LegacyRun } from '../text/legacyEncoding';
import type { TextChange } from '../text/change';
import { LazyNormalizedText, normalize, NormalizedText } from '../text/normalize';
import { lastAtOrBefore } from '../text/search';
import { DEFAULT_LABEL_TABLE, LabelTable } from './labels';
import { partKind } from './partTitles';
import type { Activity, Field, Item, Line, Part, PartKind, Plan, Scope, Section } from './model';
import { FlatCell, readFlatLine, readFlatTables } from './flatTables';
import { articleNumber, attachedBy, attachmentStart, AttachmentStart, isBareNumber, isRunningHeader } from './layout';
import type { TableReuse } from './tableReuse';
import { BARE_NUMBER, BLANK, FIRST_COLUMN, HTML_ROW, lineFlags, PAGE_NUMBER, PIPE_ROW, RUNNING_HEADER, spliceLineFlags, TAB_ROW } from './lineFlags';
import { countTabs, isHtmlRow, isPipeRow, readTables } from './tables';

export interface ParseOptions {
  labels?: LabelTable;
}

const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
// `I- MỤC ĐÍCH`, `II. NỘI DUNG`, `III – TỔ CHỨC`, `## I. …`
// Up to ten spaces before it: `pdftotext -layout` indents headings.
const PART_HEADING = /^[ \t\f]{0,10}(?:#{1,6}\s+)?([IVX]{1,5})\s*[-.:)]\s*(\S.*)$/;
// Some Party documents put lettered parts above the Roman ones: `B. NỘI DUNG`.
const LETTER_PART = /^[ \t\f]{0,10}(?:#{1,6}\s+)?([A-H])\.\s+(\S.*)$/;
// `1.`, `1.1.`, `1.1.1`, `### 1.2.` — a single level needs its dot.
const SECTION_HEADING = /^[ \t\f]{0,10}(?:#{1,6}\s+)?(\d{1,2}(?:\.\d{1,2})+|\d{1,2}(?=\.))\.?\s*(?=\S)(.*)$/;
const BULLET = /^\s*(?:[-+*•–]|\d{1,2}\)|[a-zđ]\))\s+/;
const LETTER_ITEM = /^\s*([a-zđ])\)\s+/;
const SUPERSCRIPTS = '¹²³⁴⁵⁶⁷⁸⁹⁰';
const FOOTNOTE_LINE = /^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^\w+\]:)/;
const FOOTNOTE_RULE = /^\s*(?:[_\-=]{5,}|(?:\*\s*){3,})\s*$/;
const NUMBERED_NOTE = /^\s*\(\d{1,2}\)\s/;
const RECIPIENTS = /^\s*(?:#{1,6}\s+)?Nơi nhận\s*:?/i;
const COMMENT = /^\s*<!--.*-->\s*$/;
const TRAILING_MARKERS = /(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^\w+\])+\s*$/;
/** A title can end in markers only if its last non-space character is a superscript digit or `]`. */
const MARKER_END = /[¹²³⁴⁵⁶⁷⁸⁹⁰\]]$/;

/** `title` without trailing footnote markers, trimmed. The test first spares most titles the unanchored regex. */
function stripTrailingMarkers(title: string): string {
  const t = title.trim();
  return MARKER_END.test(t) ? title.replace(TRAILING_MARKERS, '').trim() : t;
}
/** Whether `s` ends a sentence: `[.;:!?]["”)]?\s*$`, read from the end instead of a regex over the whole paragraph. */
function endsSentence(s: string): boolean {
  let k = s.length - 1;
  while (k >= 0 && /\s/.test(s[k])) k--;
  if (k >= 0 && (s[k] === '"' || s[k] === '”' || s[k] === ')')) k--;
  return k >= 0 && '.;:!?'.includes(s[k]);
}

const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10 };

function romanToInt(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUE[s[i]];
    const next = ROMAN_VALUE[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  // indexOf jumps from break to break natively instead of testing each character.
  for (let start = 0; ; ) {
    const i = text.indexOf('\n', start);
    const end = i < 0 ? text.length : i;
    lines.push({ index: lines.length, start, end, text: text.slice(start, end) });
    if (i < 0) return lines;
    start = i + 1;
  }
}

/** A title stands when its letters are mostly capitals (parts are set in capitals). */
function isUpperTitle(s: string): boolean {
  let upper = 0;
  let lower = 0;
  let left = s.length;
  for (const ch of s) {
    // Even if every character left were a capital, there would be too few: a paragraph is given up at its start.
    if (upper + left < lower * 3) return false;
    left -= ch.length;
    if (ch >= 'a' && ch <= 'z') lower++;
    else if (ch >= 'A' && ch <= 'Z') upper++;
    else if (ch.toLowerCase() !== ch) upper++;
    else if (ch.toUpperCase() !== ch) lower++;
  }
  return upper > 0 && upper >= lower * 3;
}

/** The subject of a decision or resolution that issues or approves a plan, programme or scheme. */
const ISSUES_PLAN = /(?<!\p{L})(?:kế hoạch|chương trình|đề án)(?!\p{L})/iu;

export function looksLikePlan(lines: Line[]): boolean {
  let seen = 0;
  let decision = -1;
  for (const line of lines) {
    const t = line.text.replace(/^[\s#>*]+/, '').trim();
    if (!t) continue;
    if (/^(?:KẾ HOẠCH|CHƯƠNG TRÌNH HÀNH ĐỘNG|DANH MỤC CÁC NHIỆM VỤ|BIỂU PHÂN CÔNG)(?!\p{L})/u.test(t) && isUpperTitle(t.slice(0, 8))) return true;
    // `NGHỊ QUYẾT` / `Ban hành Chương trình hành động…`: the plan is attached.
    if (/^(?:QUYẾT ĐỊNH|NGHỊ QUYẾT)\s*$/.test(t)) decision = seen;
    else if (decision >= 0 && seen - decision <= 2 && ISSUES_PLAN.test(t)) return true;
    if (++seen >= 30) break;
  }
  return false;
}

/** The same test on raw text, reading only its head: cheap for any document. */
export function looksLikePlanText(original: string): boolean {
  return looksLikePlan(splitLines(normalize(original.slice(0, 8000)).text));
}

type LabelMatch = ReturnType<LabelTable['match']>;

/**
 * What a line is, read from its text alone (every regular expression the
 * parse needs runs here, once per line). Holds no offsets, so after an edit
 * the readings of unchanged lines are reused as they are.
 */
export interface LineReading {
  blank: boolean;
  comment: boolean;
  /** Holds `<!--` (where suppression comments start). */
  htmlComment: boolean;
  pipeRow: boolean;
  tabs: number;
  /** A one-line HTML table row (`<tr><td>…</td><td>…</td></tr>`). */
  htmlRow: boolean;
  footnote: boolean;
  footnoteRule: boolean;
  /** A numbered or digit-led line, which continues footnotes. */
  note: boolean;
  recipients: boolean;
  /** Length of the bullet and its spaces, -1 without one. */
  bullet: number;
  /** `KẾ HOẠCH` alone on the line. */
  title: boolean;
  part?: { numeral: string; numeralAt: number; title: string; letter: boolean; kind: PartKind };
  section?: { raw: string; number: string; components: number[]; numberAt: number; titleRaw: string; title: string; label: LabelMatch };
  /** The label the text after the bullet (or indentation) starts with. */
  label: LabelMatch;
  bodyOffset: number;
  /** Opens an appendix, a list or an attached document (see layout.ts). */
  attachment?: AttachmentStart;
  /** `(Kèm theo …)`: marks the title before it as an attached document's. */
  attachedBy: boolean;
  /** `Điều N.` */
  article?: number;
  /** A running header or signature stamp of a PDF. */
  runningHeader: boolean;
  /** A number alone on the line (a page number next to a running header). */
  bareNumber: boolean;
  /** A form feed or deep indentation: a page number set alone. */
  centred: boolean;
  /** The line as a cell of a flattened table. */
  cell: FlatCell;
}

/** Reads one line (see LineReading). */
export function readLine(raw: string, labels: LabelTable): LineReading {
  // Every pattern below is anchored at the line start: the first visible
  // character rules most of them out without running them.
  const t = raw.trimStart();
  const ch = t.charAt(0);
  const digit = ch >= '0' && ch <= '9';
  const hash = ch === '#';
  const bm = digit || '-+*•–'.includes(ch) || (ch >= 'a' && ch <= 'z') || ch === 'đ' ? BULLET.exec(raw) : null;
  const bodyOffset = bm ? bm[0].length : raw.length - t.length;
  const reading: LineReading = {
    blank: !t.trimEnd(),
    comment: ch === '<' && COMMENT.test(raw),
    htmlComment: raw.includes('<!--'),
    pipeRow: ch === '|' && isPipeRow(raw),
    tabs: countTabs(raw),
    htmlRow: isHtmlRow(raw),
    footnote: (ch === '[' || SUPERSCRIPTS.includes(ch)) && FOOTNOTE_LINE.test(raw),
    footnoteRule: '_-=*'.includes(ch) && FOOTNOTE_RULE.test(raw),
    note: (ch === '(' && NUMBERED_NOTE.test(raw)) || (digit && /^\s*\d{1,2}\s/.test(raw)),
    recipients: (ch === 'N' || ch === 'n' || hash) && RECIPIENTS.test(raw),
    bullet: bm ? bm[0].length : -1,
    title: (ch === 'K' || hash) && /^\s*(?:#{1,6}\s+)?KẾ HOẠCH\s*$/.test(raw),
    // Every key, in one order: the passes over all lines see one object shape.
    part: undefined,
    section: undefined,
    label: undefined,
    bodyOffset,
    attachment: undefined,
    attachedBy: false,
    article: undefined,
    runningHeader: false,
    bareNumber: false,
    centred: false,
    cell: readFlatLine(raw),
  };
  if (reading.blank) return reading;
  reading.attachment = attachmentStart(raw);
  reading.attachedBy = (ch === '(' || ch === '*' || ch === '_' || ch === 'K' || ch === 'k' || ch === 'B' || ch === 'b') && attachedBy(raw);
  reading.article = ch === 'Đ' || ch === '*' || hash ? articleNumber(raw) : undefined;
  reading.runningHeader = 'CKNETcke'.includes(ch) && isRunningHeader(raw);
  if (digit && isBareNumber(raw)) {
    reading.bareNumber = true;
    reading.centred = raw.includes('\f') || raw.length - t.length >= 20;
  }
  const roman = ch === 'I' || ch === 'V' || ch === 'X' || hash ? PART_HEADING.exec(raw) : null;
  const letter = roman || !((ch >= 'A' && ch <= 'H') || hash) ? null : LETTER_PART.exec(raw);
  const pm = roman && ROMAN.test(roman[1]) ? roman : letter;
  if (pm && (isUpperTitle(pm[2]) || hash)) {
    const title = stripTrailingMarkers(pm[2]);
    reading.part = { numeral: pm[1], numeralAt: raw.indexOf(pm[1]), title, letter: !!letter, kind: partKind(title) };
    return reading;
  }
  const sm = digit || hash ? SECTION_HEADING.exec(raw) : null;
  if (sm) {
    const number = sm[1].replace(/\.$/, '');
    reading.section = {
      raw: sm[1],
      number,
      components: number.split('.').map(Number),
      numberAt: raw.indexOf(sm[1]),
      titleRaw: sm[2],
      title: stripTrailingMarkers(sm[2]),
      label: labels.match(sm[2]),
    };
    return reading;
  }
  reading.label = labels.match(raw.slice(bodyOffset));
  return reading;
}

interface Cursor {
  part: Part | undefined;
  stack: Section[];
  field: Field | undefined;
  /** The last item, to join a paragraph broken by a page or footnote. */
  item: { item: Item; list: Item[]; tail: string } | undefined;
}

export function parsePlan(original: string, options: ParseOptions = {}): Plan {
  const nt = normalize(original);
  return parseNormalized(nt, options);
}

export function parseNormalized(nt: NormalizedText, options: ParseOptions = {}): Plan {
  const labels = options.labels ?? DEFAULT_LABEL_TABLE;
  const lines = splitLines(nt.text);
  const readings = lines.map((l) => readLine(l.text, labels));
  return buildPlan(nt, lines, readings, labels, extractCitations(nt.text), findLegacyRuns(nt.text));
}

/**
 * The plan of `nt` after an edit of `prev`'s text, where `change` (normalised
 * offsets, starting and ending at line starts, as renormalize gives it) covers
 * every changed character: only the lines in it are split and read again; the
 * readings of the others are reused, and the structure is rebuilt from them.
 * The same plan as parseNormalized(nt) (property-tested).
 */
export function reparse(prev: Plan, next: { nt: LazyNormalizedText; change: TextChange; text: string }, options: ParseOptions = {}): Plan {
  const labels = options.labels ?? DEFAULT_LABEL_TABLE;
  const { nt, change, text: changed } = next;
  const old = prev.lines;
  const oldLength = prev.nt.map.length;
  // Lines wholly before the change are kept; those from the first wholly after it are shifted.
  const first = Math.max(0, lastAtOrBefore(old.length, (k) => old[k].start, change.start - 1) + 1);
  const toEnd = change.oldEnd >= oldLength;
  let after = toEnd ? old.length : first;
  while (after < old.length && old[after].start < change.oldEnd) after++;
  const startsLine = change.start === 0 || old[first]?.start === change.start;
  const endsLine = toEnd ? change.newEnd === nt.map.length : old[after]?.start === change.oldEnd && changed.endsWith('\n');
  if (labels !== prev.labels || !startsLine || !endsLine) return parseNormalized(nt, options);
  const delta = change.newEnd - change.oldEnd;
  const lines: Line[] = old.slice(0, first);
  const readings: LineReading[] = prev.readings.slice(0, first);
  const pieces = changed.split('\n');
  // Unless the change reaches the end, the piece after its last line break is the first unchanged line.
  if (!toEnd) pieces.pop();
  let start = change.start;
  for (const piece of pieces) {
    lines.push({ index: lines.length, start, end: start + piece.length, text: piece });
    readings.push(readLine(piece, labels));
    start += piece.length + 1;
  }
  const shift = lines.length - after;
  for (let k = after; k < old.length; k++) {
    const l = old[k];
    lines.push({ index: k + shift, start: l.start + delta, end: l.end + delta, text: l.text });
    readings.push(prev.readings[k]);
  }
  spliceLineFlags(prev.readings, readings, first, after, pieces.length);
  const legacyRuns = spliceRuns(prev.legacyRuns, change, findLegacyRuns(changed));
  // The whole text, when a feature asks for it, is the lines joined: the previous text is let go.
  nt.rebase(() => lines.map((l) => l.text).join('\n'));
  // Citations from the lines around the change; the whole text only if they do not suffice.
  const around = linesAround(lines, change.start - CITATION_SLICE_BEFORE, change.newEnd + CITATION_SLICE_AFTER, nt.map.length);
  const citations = citationsAfterChange(prev.citations, around, change) ?? extractCitationsAfterChange(prev.citations, nt.text, change);
  const reuse = { edit: { first, end: after + shift, shift, delta }, tables: prev.tables };
  return buildPlan(nt, lines, readings, labels, citations, legacyRuns, reuse);
}

/** Units of text around a change handed to the citation reader: enough for a citation's reach (220) several times over. */
const CITATION_SLICE_BEFORE = 4096;
const CITATION_SLICE_AFTER = 2048;

/** The whole lines holding [from, to) of a text `length` long, as a slice with its offset. */
function linesAround(lines: Line[], from: number, to: number, length: number): TextSlice {
  const a = Math.max(0, lastAtOrBefore(lines.length, (k) => lines[k].start, from));
  const b = Math.max(a, lastAtOrBefore(lines.length, (k) => lines[k].start, to));
  const parts: string[] = [];
  for (let k = a; k <= b; k++) parts.push(lines[k].text);
  return { text: parts.join('\n') + (b < lines.length - 1 ? '\n' : ''), base: lines[a].start, length };
}

/** Spans before a change kept, the window's found anew (relative to the change start), those after it shifted. */
function spliceRuns<T extends { start: number; end: number }>(prev: T[], change: TextChange, found: T[]): T[] {
  const delta = change.newEnd - change.oldEnd;
  const out = prev.filter((r) => r.end <= change.start);
  for (const r of found) out.push({ ...r, start: r.start + change.start, end: r.end + change.start });
  for (const r of prev) if (r.start >= change.oldEnd) out.push({ ...r, start: r.start + delta, end: r.end + delta });
  return out;
}

/** The plan from lines already read: the structure is rebuilt in one cheap pass over the readings. */
function buildPlan(nt: NormalizedText, lines: Line[], readings: LineReading[], labels: LabelTable, citations: Citation[], legacyRuns: LegacyRun[], reuse?: TableReuse): Plan {
  // One flag a line (a Set of thousands of table lines costs more than the rest of the pass); the Set is made if asked for.
  const skip = new Uint8Array(lines.length);
  const parts: Part[] = [];
  const sections: Section[] = [];
  const scopes: Scope[] = [];
  const flags = lineFlags(readings);
  const artefacts = pageArtefacts(flags);
  const tables = readTables(lines, (k) => (flags[k] & PIPE_ROW) !== 0, (k) => (flags[k] & TAB_ROW ? 2 : 0), (k) => (flags[k] & HTML_ROW) !== 0);
  // One flag a line: tables of long appendices hold thousands of lines.
  const tableLines = new Uint8Array(lines.length);
  for (const t of tables) tableLines.fill(1, t.startLine, t.endLine + 1);
  const flat = readFlatTables(lines, { cell: (k) => readings[k].cell, firstColumn: (k) => (flags[k] & FIRST_COLUMN) !== 0, taken: (k) => tableLines[k] === 1, artefact: (k) => artefacts[k] === 1, stop: (k) => stopsTable(readings[k]) }, reuse);
  for (const t of flat) tableLines.fill(1, t.startLine, t.endLine + 1);
  if (flat.length) tables.push(...flat), tables.sort((a, b) => a.startLine - b.startLine);
  let scope: Scope | undefined;

  const cur: Cursor = { part: undefined, stack: [], field: undefined, item: undefined };
  let inFootnotes = false;
  let inRecipients = false;
  let titleInfo: Plan['title'];
  let lastLetterKind: PartKind | undefined;

  const closeSection = (end: number) => {
    for (const s of cur.stack) s.span.end = Math.max(s.span.end, end);
  };
  const lastContentEnd = { value: 0 };

  const implicitPart = (line: Line): Part => {
    const part: Part = {
      numeral: '',
      ordinal: 0,
      title: '',
      kind: 'other',
      headingSpan: { start: line.start, end: line.start },
      span: { start: line.start, end: line.end },
      headingLine: line.index,
      sections: [],
      implicit: true,
      scope,
    };
    parts.push(part);
    return part;
  };
  /** An article, appendix or attached document starts: what came before is closed. */
  const openScope = (line: Line, kind: Scope['kind']) => {
    closeSection(lastContentEnd.value);
    scope = { kind, label: line.text.replace(/^[\s#*]+|[\s*]+$/g, ''), title: scopeTitle(lines, readings, line.index), line: line.index, span: { start: line.start, end: line.end } };
    scopes.push(scope);
    cur.part = undefined;
    cur.stack = [];
    cur.field = undefined;
    cur.item = undefined;
    inRecipients = false;
    inFootnotes = false;
  };

  const addItem = (line: Line, body: string, bodyStart: number, bullet: boolean) => {
    const item: Item = { span: { start: bodyStart, end: line.end }, text: body, line: line.index };
    // A paragraph that carries on a sentence cut by a page break or a footnote.
    const prev = cur.item;
    // The end of the joined text is its last non-empty piece's (the pieces are trimmed and joined by a space):
    // reading the text itself would flatten the joined string at every line.
    if (!bullet && prev && (!endsSentence(prev.tail) || /^\p{Ll}/u.test(body))) {
      prev.item.text += ' ' + body;
      if (body) prev.tail = body;
      prev.item.span.end = line.end;
      return;
    }
    const section = cur.stack[cur.stack.length - 1];
    const list = cur.field ? cur.field.items : section ? section.items : undefined;
    if (!list) {
      cur.item = undefined;
      return;
    }
    list.push(item);
    cur.item = { item, list, tail: body };
  };

  const extendField = (line: Line) => {
    if (!cur.field) return;
    cur.field.valueSpan.end = line.end;
  };

  // Table lines are skipped without visiting their line objects (most lines of an appendix-heavy plan).
  skip.set(tableLines);
  for (let k = 0; k < lines.length; k++) {
    if (tableLines[k]) continue;
    if (artefacts[k]) {
      skip[k] = 1;
      continue;
    }
    const line = lines[k];
    const raw = line.text;
    const r = readings[k];
    if (r.blank) continue;
    const opens = scopeAt(readings, line.index, scope);
    if (opens) {
      openScope(line, opens);
      if (!titleInfo && r.title) titleInfo = { span: { start: line.start, end: line.end }, line: line.index, summary: scope!.title };
      continue;
    }
    if (r.comment) {
      skip[line.index] = 1;
      continue;
    }
    if (r.footnote) {
      skip[line.index] = 1;
      continue;
    }
    if (r.footnoteRule) {
      inFootnotes = true;
      skip[line.index] = 1;
      continue;
    }
    if (inFootnotes) {
      if (r.note) {
        skip[line.index] = 1;
        continue;
      }
      inFootnotes = false;
    }
    if (r.recipients) {
      inRecipients = true;
      skip[line.index] = 1;
      closeSection(lastContentEnd.value);
      cur.stack = [];
      cur.field = undefined;
      cur.item = undefined;
      if (cur.part) cur.part = undefined;
      continue;
    }
    if (inRecipients) {
      if (r.bullet >= 0) {
        skip[line.index] = 1;
        continue;
      }
      inRecipients = false;
    }
    if (!titleInfo && r.title) {
      titleInfo = { span: { start: line.start, end: line.end }, line: line.index, summary: '' };
      const next = lines.slice(line.index + 1, line.index + 4).map((l) => l.text.trim());
      titleInfo.summary = next.filter((t) => t && !/^[-_*]+$/.test(t)).slice(0, 2).join(' ');
      continue;
    }

    // Part heading.
    const pm = r.part;
    if (pm) {
      const title = pm.title;
      const numeralStart = line.start + pm.numeralAt;
      closeSection(lastContentEnd.value);
      let kind = pm.kind;
      if (pm.letter) lastLetterKind = kind;
      // A Roman part of no telling title inside `B. NHIỆM VỤ…` sets out work too.
      else if (kind === 'other' && lastLetterKind === 'work') kind = 'work';
      const part: Part = {
        numeral: pm.numeral,
        ordinal: pm.letter ? 0 : romanToInt(pm.numeral),
        title,
        kind,
        headingSpan: { start: numeralStart, end: line.end },
        span: { start: numeralStart, end: line.end },
        headingLine: line.index,
        sections: [],
        implicit: false,
        scope,
      };
      parts.push(part);
      cur.part = part;
      cur.stack = [];
      cur.field = undefined;
      cur.item = undefined;
      lastContentEnd.value = line.end;
      continue;
    }

    // Numbered section.
    const sm = r.section;
    if (sm) {
      const number = sm.number;
      const components = sm.components.slice();
      const numberStart = line.start + sm.numberAt;
      const titleRaw = sm.titleRaw;
      const titleStart = line.end - titleRaw.length;
      const part = cur.part ?? (cur.part = implicitPart(line));
      closeSection(lastContentEnd.value);
      while (cur.stack.length && cur.stack[cur.stack.length - 1].components.length >= components.length) cur.stack.pop();
      const parent = cur.stack[cur.stack.length - 1];
      const label = sm.label;
      const cleanTitle = sm.title;
      const section: Section = {
        number,
        components,
        title: cleanTitle,
        numberSpan: { start: numberStart, end: numberStart + sm.raw.length },
        titleSpan: { start: titleStart, end: titleStart + titleRaw.trimEnd().length },
        headingLine: line.index,
        span: { start: numberStart, end: line.end },
        parent,
        children: [],
        part,
        fieldKind: label?.kind,
        fields: [],
        items: [],
        role: 'item',
        activities: [],
      };
      sections.push(section);
      if (parent) parent.children.push(section);
      else part.sections.push(section);
      cur.stack.push(section);
      cur.item = undefined;
      cur.field = undefined;
      if (label && parent) {
        const valueStart = titleStart + label.length;
        const inlineValue = raw.slice(valueStart - line.start).trim();
        const field: Field = {
          kind: label.kind,
          label: label.label,
          labelSpan: { start: titleStart, end: titleStart + label.length - 1 },
          inlineValue,
          value: inlineValue,
          valueSpan: { start: valueStart, end: line.end },
          items: [],
          line: line.index,
          section,
        };
        parent.fields.push(field);
        cur.field = field;
        if (inlineValue) addItem(line, inlineValue, line.end - inlineValue.length, true);
      }
      part.span.end = line.end;
      lastContentEnd.value = line.end;
      continue;
    }

    // A labelled field, possibly after a bullet.
    const bodyOffset = r.bodyOffset;
    const body = raw.slice(bodyOffset);
    const top = cur.stack[cur.stack.length - 1];
    // Under a numbered field (1.1.2. Giải pháp:), a further label belongs to the task.
    const owner = top?.fieldKind && top.parent ? top.parent : top;
    const label = r.label;
    if (label && owner) {
      const labelStart = line.start + bodyOffset;
      const valueStart = labelStart + label.length;
      const inlineValue = raw.slice(valueStart - line.start).trim();
      const field: Field = {
        kind: label.kind,
        label: label.label,
        labelSpan: { start: labelStart, end: valueStart - 1 },
        inlineValue,
        value: inlineValue,
        valueSpan: { start: valueStart, end: line.end },
        items: [],
        line: line.index,
      };
      owner.fields.push(field);
      const activity = owner.activities[owner.activities.length - 1];
      if (activity) {
        field.activity = activity;
        activity.fields.push(field);
        activity.span.end = line.end;
      }
      cur.field = field;
      cur.item = undefined;
      if (inlineValue) addItem(line, inlineValue, line.end - inlineValue.length, true);
      closeSection(line.end);
      lastContentEnd.value = line.end;
      if (cur.part) cur.part.span.end = line.end;
      continue;
    }

    // Bullet or paragraph: an item of the open field or section.
    if (cur.stack.length) {
      const letter = r.bullet >= 0 ? LETTER_ITEM.exec(raw) : null;
      // `b)` after `- Thời gian thực hiện: …` starts the next item, not more of the time.
      if (letter && cur.field && cur.field.kind !== 'content' && cur.field.kind !== 'solution') cur.field = undefined;
      addItem(line, body.trim(), line.start + bodyOffset, r.bullet >= 0);
      const owner = top?.fieldKind && top.parent ? top.parent : top;
      if (letter && owner && !cur.field && cur.item) {
        const item = cur.item.item;
        owner.activities.push({ letter: letter[1], title: item.text, headSpan: { start: line.start + letter.index + letter[0].length - letter[0].trimStart().length, end: line.end }, line: line.index, span: { start: line.start, end: line.end }, fields: [], section: owner, item } as Activity & { item: Item });
      }
      extendField(line);
      closeSection(line.end);
      lastContentEnd.value = line.end;
    }
    if (cur.part) cur.part.span.end = line.end;
  }

  // Field values run on over their items; lettered items are activities when two or more carry fields.
  for (const s of sections) {
    settleActivities(s);
    for (const f of s.fields) {
      f.value = f.items.map((it) => it.text).join('\n');
      if (f.items.length) f.valueSpan.end = Math.max(f.valueSpan.end, f.items[f.items.length - 1].span.end);
    }
  }
  assignRoles(parts);
  const ownNumber = citations.find((c) => c.own);
  let skipped: Set<number> | undefined;
  return {
    nt,
    lines,
    readings,
    labels,
    legacyRuns,
    parts,
    sections,
    citations,
    tables,
    scopes,
    get skipped() {
      return (skipped ??= flaggedLines(skip));
    },
    looksLikePlan: looksLikePlan(lines),
    ownNumber,
    title: titleInfo,
  };
}

/** The indexes of the lines flagged. */
function flaggedLines(flags: Uint8Array): Set<number> {
  const out = new Set<number>();
  for (let k = 0; k < flags.length; k++) if (flags[k]) out.add(k);
  return out;
}

/** Lines of running headers, signature stamps and the page numbers set next to them or alone. */
function pageArtefacts(flags: Uint16Array): Uint8Array {
  const out = new Uint8Array(flags.length);
  for (let k = 0; k < flags.length; k++) {
    const f = flags[k];
    if (!(f & (PAGE_NUMBER | RUNNING_HEADER))) continue;
    if (f & PAGE_NUMBER) out[k] = 1;
    if (!(f & RUNNING_HEADER)) continue;
    out[k] = 1;
    // The page number stands just before or after the header, sometimes twice.
    for (const step of [-1, 1]) {
      let seen = 0;
      for (let j = k + step; j >= 0 && j < flags.length && seen < 3; j += step) {
        const q = flags[j];
        if (q & BLANK) continue;
        seen++;
        if (q & BARE_NUMBER) out[j] = 1;
        else if (!(q & RUNNING_HEADER)) break;
      }
    }
  }
  return out;
}

/** A line past which no flattened table runs. */
function stopsTable(r: LineReading): boolean {
  return !!(r.attachment || r.article !== undefined || r.recipients || (r.part && !r.part.letter && r.part.kind !== 'other'));
}

const SCOPE_LOOKAHEAD = 8;

/** Which scope the line at `k` opens, if any (see layout.ts). */
function scopeAt(readings: LineReading[], k: number, current: Scope | undefined): Scope['kind'] | undefined {
  const r = readings[k];
  if (r.article !== undefined) return 'article';
  switch (r.attachment) {
    case 'appendix':
      return 'appendix';
    case 'list':
      // `DANH MỤC…` just under `PHỤ LỤC II` is that appendix's title.
      return current?.kind === 'appendix' && nonBlankBetween(readings, current.line, k) <= 3 ? undefined : 'appendix';
    case 'document':
      for (let j = k + 1; j < readings.length && j <= k + SCOPE_LOOKAHEAD; j++) if (readings[j].attachedBy) return 'document';
      return undefined;
    default:
      return undefined;
  }
}

function nonBlankBetween(readings: LineReading[], from: number, to: number): number {
  let n = 0;
  for (let j = from + 1; j < to; j++) if (!readings[j].blank) n++;
  return n;
}

/** The lines in capitals after a scope's label: its title. */
function scopeTitle(lines: Line[], readings: LineReading[], k: number): string {
  const out: string[] = [];
  for (let j = k + 1; j < lines.length && out.length < 4; j++) {
    if (readings[j].blank) continue;
    const t = lines[j].text.replace(/^[\s#*]+|[\s*]+$/g, '');
    if (!isUpperTitle(t) || readings[j].part || readings[j].section) break;
    out.push(t);
  }
  return out.join(' ');
}

/**
 * Keeps a section's lettered items as activities only when two or more carry
 * lead or time lines: fields after the last of a section's `a)`, `b)` items
 * belong to the section. Titles are read once the items are joined.
 */
function settleActivities(s: Section): void {
  const list = s.activities as (Activity & { item?: Item })[];
  if (!list.length) return;
  if (list.filter((a) => a.fields.length).length < 2) {
    for (const a of list) for (const f of a.fields) f.activity = undefined;
    s.activities = [];
    return;
  }
  for (const a of list) {
    if (a.item) a.title = a.item.text;
    delete a.item;
  }
}

function hasWorkFields(s: Section): boolean {
  return s.fields.some((f) => f.kind !== 'content' && f.kind !== 'solution');
}

/** Groups, tasks, fields and plain items, by part kind and shape. */
function assignRoles(parts: Part[]): void {
  for (const part of parts) {
    // A part of unknown kind whose sections carry leads or deadlines sets out work;
    // the clauses of a decision's article never do (Điều 2. … 2. Cơ quan chủ trì: …).
    const clauses = part.implicit && part.scope?.kind === 'article';
    if (part.kind === 'other' && !clauses && someSection(part.sections, hasWorkFields)) part.kind = 'work';
    const visit = (s: Section) => {
      if (s.fieldKind && s.parent) s.role = 'field';
      else if (part.kind !== 'work') s.role = 'item';
      else if (s.activities.length) s.role = 'group';
      else if (s.children.some((c) => !(c.fieldKind && c.parent))) s.role = 'group';
      else s.role = 'task';
      s.children.forEach(visit);
    };
    part.sections.forEach(visit);
  }
}

function someSection(list: Section[], pred: (s: Section) => boolean): boolean {
  return list.some((s) => pred(s) || someSection(s.children, pred));
}

