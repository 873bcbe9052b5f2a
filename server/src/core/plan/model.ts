// The document model of a plan: parts → sections → fields and items.
// All spans are offsets in the normalised text (see text/normalize.ts).

import type { Citation, Span } from '../citations/extract';
import type { LegacyRun } from '../text/legacyEncoding';
import type { NormalizedText } from '../text/normalize';
import type { DocumentKind } from './documentKind';
import type { LabelTable } from './labels';
import type { LineReading } from './lineReading';

export type { Span };

export type FieldKind =
  | 'content'
  | 'solution'
  | 'lead'
  | 'coordination'
  | 'executor'
  | 'deadline'
  | 'oversight'
  | 'advisor';

export type PartKind = 'aims' | 'work' | 'organisation' | 'other';

export interface Line {
  index: number;
  start: number;
  /** End of the line's text (before the line break). */
  end: number;
  text: string;
}

/** A bullet or a paragraph, with paragraphs split by page breaks joined back. */
export interface Item {
  span: Span;
  text: string;
  line: number;
}

export interface Field {
  kind: FieldKind;
  /** The label as written (`Cơ quan chủ trì`). */
  label: string;
  labelSpan: Span;
  /** Text after the colon on the label line, trimmed. */
  inlineValue: string;
  /** Everything the value runs on over: inline value and continuation lines. */
  value: string;
  valueSpan: Span;
  /** Bullets and paragraphs under the label. */
  items: Item[];
  line: number;
  /** The numbered section whose title is this field (000's `1.1.3. Cơ quan chủ trì:`). */
  section?: Section;
  /** The lettered activity (`b)`) the field stands under, when its section sets out activities. */
  activity?: Activity;
}

/**
 * A lettered item (`a)`, `b)`… `đ)`) carrying its own lead or time lines:
 * an activity, the task, inside its numbered section (then a group).
 */
export interface Activity {
  letter: string;
  /** The item's text, joined over its lines. */
  title: string;
  /** The letter and the first line of the title. */
  headSpan: Span;
  line: number;
  /** From the letter to the activity's last field. */
  span: Span;
  fields: Field[];
  section: Section;
}

export type SectionRole = 'group' | 'task' | 'field' | 'item';

export interface Section {
  /** Canonical number without trailing dot: `1.2.4`. */
  number: string;
  components: number[];
  title: string;
  numberSpan: Span;
  titleSpan: Span;
  headingLine: number;
  /** From the number to the end of the section's last line. */
  span: Span;
  parent?: Section;
  /** The section under which this one's list starts anew (`1.2.2.` over `1.`, `2.`); undefined in the part's own numbering. */
  list?: Section;
  children: Section[];
  part: Part;
  /** Set when the heading itself is a field label. */
  fieldKind?: FieldKind;
  fields: Field[];
  /** Bullets and paragraphs in the body outside any field. */
  items: Item[];
  role: SectionRole;
  /** Lettered activities with lead or time lines of their own (two or more, else none). */
  activities: Activity[];
}

/**
 * Where a part stands: the body, an article of the decision (`Điều 2.`), an
 * appendix (`Phụ lục II`, `Biểu…`, `Danh mục…`) or the document attached to
 * a decision or resolution (`ban hành kèm theo`) or with a header of its own,
 * a form (`Mẫu số 01`). Each is its own numbering scope.
 */
export interface Scope {
  kind: 'body' | 'article' | 'appendix' | 'document' | 'form';
  /** What the scope's text holds: a plan's (tasks are read) or a text that rules, decides or is a form. */
  holds: DocumentKind;
  /** As written: `Phụ lục II`, `Điều 2`, `KẾ HOẠCH HÀNH ĐỘNG`. */
  label: string;
  /** The title lines after the label, joined (`DANH MỤC CÁC NHIỆM VỤ…`). */
  title: string;
  line: number;
  span: Span;
}

export interface Part {
  numeral: string;
  /** 1 for I, 2 for II… 0 for the implicit part before any heading. */
  ordinal: number;
  title: string;
  kind: PartKind;
  headingSpan: Span;
  span: Span;
  headingLine: number;
  sections: Section[];
  implicit: boolean;
  /** The article, appendix or attached document the part belongs to; undefined in the body. */
  scope?: Scope;
}

export interface TableCell {
  text: string;
  span: Span;
}

export interface TableRow {
  cells: TableCell[];
  line: number;
  span: Span;
  /** A flattened table's row: a numbered row or a group row (`I.`), its number and its group. */
  kind?: 'row' | 'group';
  key?: string;
  group?: string;
}

export interface Table {
  /** `flat`: flattened by PDF extraction, one cell per line (see flatTables.ts). */
  format: 'markdown' | 'tsv' | 'html' | 'flat';
  header: TableCell[];
  rows: TableRow[];
  span: Span;
  startLine: number;
  endLine: number;
  /** A Markdown table with no `|---|` separator row or with ragged rows. */
  malformed?: string;
}

export interface Plan {
  nt: NormalizedText;
  lines: Line[];
  /** What each line is, from its text alone: reused for unchanged lines after an edit. */
  readings: LineReading[];
  /** The label table the lines were read with. */
  labels: LabelTable;
  /** Runs of TCVN3/VNI text (line by line). */
  legacyRuns: LegacyRun[];
  parts: Part[];
  /** Every numbered section, in document order. */
  sections: Section[];
  citations: Citation[];
  tables: Table[];
  /** Articles, appendices and attached documents, in document order. */
  scopes: Scope[];
  /** Line indexes of footnotes, recipients and comments: not structure. */
  skipped: Set<number>;
  /** A `KẾ HOẠCH` title stands among the first lines. */
  looksLikePlan: boolean;
  /** The `Số …` line's number, when there is one. */
  ownNumber?: Citation;
  /** Title line (`KẾ HOẠCH`) and the trích yếu after it. */
  title?: { span: Span; line: number; summary: string };
}
