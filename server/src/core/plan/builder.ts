// Builds a plan's structure from lines already read (lineReading.ts), in one
// cheap pass: each kind of line — layout (tables, page artefacts, scopes,
// footnotes, recipients, the title), part heading, section heading, labelled
// field, item — has its own method, and the cursor says where the next line
// goes. Re-run whole after every edit; only the readings are reused.

import type { Citation } from '../citations/extract';
import type { LegacyRun } from '../text/legacyEncoding';
import type { NormalizedText } from '../text/normalize';
import type { LabelTable } from './labels';
import type { LabelMatch, LineReading } from './lineReading';
import type { Activity, Field, Item, Line, Part, PartKind, Plan, Scope, Section } from './model';
import { romanValue } from './flatTables';
import { looksLikePlan } from './looksLikePlan';
import { pageArtefacts } from './pageArtefacts';
import { LineContext, endsSentence } from './lineContext';
import { flaggedLines, lineFlags } from './lineFlags';
import { readPlanTables } from './planTables';
import { bodyKind, ScopeOwner } from './documentKind';
import { assignRoles, settleSections } from './roles';
import { placeSection } from './sectionLists';
import { scopeAt, scopeTitle } from './scopes';
import type { TableReuse } from './tableReuse';

const LETTER_ITEM = /^\s*([a-zđ])\)\s+/;

type PartReading = NonNullable<LineReading['part']>;
type SectionReading = NonNullable<LineReading['section']>;
type Label = NonNullable<LabelMatch>;

interface Cursor {
  part: Part | undefined;
  stack: Section[];
  field: Field | undefined;
  /** The last item, to join a paragraph broken by a page or footnote. */
  item: { item: Item; list: Item[]; tail: string } | undefined;
}

/** The plan from lines already read: the structure is rebuilt in one cheap pass over the readings. */
export function buildPlan(nt: NormalizedText, lines: Line[], readings: LineReading[], labels: LabelTable, citations: Citation[], legacyRuns: LegacyRun[], reuse?: TableReuse): Plan {
  const builder = new PlanBuilder(lines, readings, reuse);
  builder.placeLines();
  return builder.finish({ nt, labels, citations, legacyRuns });
}

class PlanBuilder {
  /** One flag a line (a Set of thousands of table lines costs more than the rest of the pass); the Set is made if asked for. */
  private readonly skip: Uint8Array;
  readonly parts: Part[] = [];
  readonly sections: Section[] = [];
  readonly scopes: Scope[] = [];
  private readonly artefacts: Uint8Array;
  private readonly tables: Plan['tables'];
  /** One flag a line: tables of long appendices hold thousands of lines. */
  private readonly tableLines: Uint8Array;
  private scope: Scope | undefined;
  private readonly cur: Cursor = { part: undefined, stack: [], field: undefined, item: undefined };
  private inFootnotes = false;
  private inRecipients = false;
  private titleInfo: Plan['title'];
  private lastLetterKind: PartKind | undefined;
  private lastContentEnd = 0;
  /** What the body and each scope hold (documentKind.ts). */
  private readonly owner: ScopeOwner;
  private readonly context = new LineContext();

  constructor(
    private readonly lines: Line[],
    private readonly readings: LineReading[],
    reuse: TableReuse | undefined,
  ) {
    this.skip = new Uint8Array(lines.length);
    const flags = lineFlags(readings);
    this.artefacts = pageArtefacts(flags);
    const { tables, tableLines } = readPlanTables(lines, readings, flags, this.artefacts, reuse);
    this.tables = tables;
    this.tableLines = tableLines;
    this.owner = new ScopeOwner(bodyKind(lines, readings));
  }

  /** Places every line but those of tables. */
  placeLines(): void {
    // Table lines are skipped without visiting their line objects (most lines of an appendix-heavy plan).
    this.skip.set(this.tableLines);
    for (let k = 0; k < this.lines.length; k++) {
      if (this.tableLines[k]) continue;
      if (this.artefacts[k]) {
        this.skip[k] = 1;
        continue;
      }
      this.line(this.lines[k]);
    }
  }

  /** Places one line. */
  private line(line: Line): void {
    const r = this.readings[line.index];
    if (this.layoutLine(line, r)) return;
    if (r.part) return this.partHeading(line, r.part);
    if (r.section) return this.sectionHeading(line, r.section);
    const top = this.top();
    // Under a numbered field (1.1.2. Giải pháp:), a further label belongs to the task.
    const owner = top?.fieldKind && top.parent ? top.parent : top;
    if (r.label && owner) return this.fieldLine(line, r.bodyOffset, r.label, owner);
    this.itemLine(line, r, top);
  }

  /** Lines that are not structure (footnotes, recipients, comments, quoted text: an item of the clause that quotes it) or open a scope or the title: true when taken. */
  private layoutLine(line: Line, r: LineReading): boolean {
    if (r.blank) return true;
    if (this.context.step(r) && !r.recipients) {
      this.itemLine(line, r, this.top(), true);
      return true;
    }
    const opens = scopeAt(this.readings, line.index, this.scope, this.sections.length > 0 || this.scopes.length > 0);
    if (opens) {
      this.openScope(line, opens);
      if (!this.titleInfo && r.title) this.titleInfo = { span: { start: line.start, end: line.end }, line: line.index, summary: this.scope!.title };
      return true;
    }
    if (r.comment || r.footnote) return this.skipLine(line);
    if (r.footnoteRule) {
      this.inFootnotes = true;
      return this.skipLine(line);
    }
    if (this.inFootnotes) {
      if (r.note) return this.skipLine(line);
      this.inFootnotes = false;
    }
    if (r.recipients) {
      this.recipients(line);
      return true;
    }
    if (this.inRecipients) {
      if (r.bullet >= 0) return this.skipLine(line);
      this.inRecipients = false;
    }
    if (!this.titleInfo && r.title) {
      this.title(line);
      return true;
    }
    return false;
  }

  private skipLine(line: Line): true {
    this.skip[line.index] = 1;
    return true;
  }

  /** `Nơi nhận:` ends the body: what is open is closed. */
  private recipients(line: Line): void {
    this.inRecipients = true;
    this.skip[line.index] = 1;
    this.closeSection(this.lastContentEnd);
    this.cur.stack = [];
    this.cur.field = undefined;
    this.cur.item = undefined;
    if (this.cur.part) this.cur.part = undefined;
  }

  /** `KẾ HOẠCH` and its trích yếu, the two lines after it. */
  private title(line: Line): void {
    const next = this.lines.slice(line.index + 1, line.index + 4).map((l) => l.text.trim());
    this.titleInfo = { span: { start: line.start, end: line.end }, line: line.index, summary: next.filter((t) => t && !/^[-_*]+$/.test(t)).slice(0, 2).join(' ') };
  }

  /** An article, appendix or attached document starts: what came before is closed. */
  private openScope(line: Line, kind: Scope['kind']): void {
    this.closeSection(this.lastContentEnd);
    const label = line.text.replace(/^[\s#*]+|[\s*]+$/g, '');
    this.scope = { kind, holds: this.owner.holds(kind, label, this.readings, line.index), label, title: scopeTitle(this.lines, this.readings, line.index), line: line.index, span: { start: line.start, end: line.end } };
    this.scopes.push(this.scope);
    this.cur.part = undefined;
    this.cur.stack = [];
    this.cur.field = undefined;
    this.cur.item = undefined;
    this.inRecipients = false;
    this.inFootnotes = false;
  }

  /** `I- MỤC ĐÍCH, YÊU CẦU`, `B. NỘI DUNG`. */
  private partHeading(line: Line, pm: PartReading): void {
    const numeralStart = line.start + pm.numeralAt;
    this.closeSection(this.lastContentEnd);
    let kind = pm.kind;
    if (pm.letter) this.lastLetterKind = kind;
    // A Roman part of no telling title inside `B. NHIỆM VỤ…` sets out work too.
    else if (kind === 'other' && this.lastLetterKind === 'work') kind = 'work';
    const part: Part = {
      numeral: pm.numeral,
      ordinal: pm.letter ? 0 : romanValue(pm.numeral),
      title: pm.title,
      kind,
      headingSpan: { start: numeralStart, end: line.end },
      span: { start: numeralStart, end: line.end },
      headingLine: line.index,
      sections: [],
      implicit: false,
      scope: this.scope,
    };
    this.parts.push(part);
    this.cur.part = part;
    this.cur.stack = [];
    this.cur.field = undefined;
    this.cur.item = undefined;
    this.lastContentEnd = line.end;
  }

  /** Sections before any part heading sit in a part of their own. */
  private implicitPart(line: Line): Part {
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
      scope: this.scope,
    };
    this.parts.push(part);
    return part;
  }

  /** `1.2.`, `### 1.2.3. Title`: a section under the last one of fewer components. */
  private sectionHeading(line: Line, sm: SectionReading): void {
    const components = sm.components.slice();
    const numberStart = line.start + sm.numberAt;
    const titleStart = line.end - sm.titleRaw.length;
    const cur = this.cur;
    const part = cur.part ?? (cur.part = this.implicitPart(line));
    this.closeSection(this.lastContentEnd);
    const placed = placeSection(cur.stack, components, this.context.underHeading);
    cur.stack.length = placed.keep;
    const parent = cur.stack[cur.stack.length - 1];
    const section: Section = {
      number: sm.number,
      components,
      title: sm.title,
      numberSpan: { start: numberStart, end: numberStart + sm.raw.length },
      titleSpan: { start: titleStart, end: titleStart + sm.titleRaw.trimEnd().length },
      headingLine: line.index,
      span: { start: numberStart, end: line.end },
      parent,
      list: placed.list,
      children: [],
      part,
      fieldKind: sm.label?.kind,
      fields: [],
      items: [],
      role: 'item',
      activities: [],
    };
    if (placed.restart) section.list = section;
    this.sections.push(section);
    if (parent) parent.children.push(section);
    else part.sections.push(section);
    cur.stack.push(section);
    cur.item = undefined;
    cur.field = undefined;
    if (sm.label && parent) this.numberedField(line, sm.label, titleStart, section, parent);
    part.span.end = line.end;
    this.lastContentEnd = line.end;
  }

  /** A section whose title is a label (`1.1.2. Cơ quan chủ trì: …`): also a field of its parent. */
  private numberedField(line: Line, label: Label, titleStart: number, section: Section, parent: Section): void {
    const valueStart = titleStart + label.length;
    const inlineValue = line.text.slice(valueStart - line.start).trim();
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
    this.cur.field = field;
    if (inlineValue) this.addItem(line, inlineValue, line.end - inlineValue.length, true);
  }

  /** A labelled field, possibly after a bullet: `- Cơ quan chủ trì: Sở Nội vụ.` */
  private fieldLine(line: Line, bodyOffset: number, label: Label, owner: Section): void {
    const labelStart = line.start + bodyOffset;
    const valueStart = labelStart + label.length;
    const inlineValue = line.text.slice(valueStart - line.start).trim();
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
    this.cur.field = field;
    this.cur.item = undefined;
    if (inlineValue) this.addItem(line, inlineValue, line.end - inlineValue.length, true);
    this.closeSection(line.end);
    this.lastContentEnd = line.end;
    if (this.cur.part) this.cur.part.span.end = line.end;
  }

  /** Bullet or paragraph: an item of the open field or section; `a)`, `b)` may start an activity, unless `quoted`. */
  private itemLine(line: Line, r: LineReading, top: Section | undefined, quoted = false): void {
    const cur = this.cur;
    if (cur.stack.length) {
      const raw = line.text;
      const letter = r.bullet >= 0 && !quoted ? LETTER_ITEM.exec(raw) : null;
      // `b)` after `- Thời gian thực hiện: …` starts the next item, not more of the time.
      if (letter && cur.field && cur.field.kind !== 'content' && cur.field.kind !== 'solution') cur.field = undefined;
      this.addItem(line, raw.slice(r.bodyOffset).trim(), line.start + r.bodyOffset, r.bullet >= 0);
      const owner = top?.fieldKind && top.parent ? top.parent : top;
      if (letter && owner && !cur.field && cur.item) this.activity(line, letter, owner, cur.item.item);
      if (cur.field) cur.field.valueSpan.end = line.end;
      this.closeSection(line.end);
      this.lastContentEnd = line.end;
    }
    if (cur.part) cur.part.span.end = line.end;
  }

  /** A lettered item, kept as an activity if its section has two or more that carry fields (roles.ts). */
  private activity(line: Line, letter: RegExpExecArray, owner: Section, item: Item): void {
    const headStart = line.start + letter.index + letter[0].length - letter[0].trimStart().length;
    owner.activities.push({ letter: letter[1], title: item.text, headSpan: { start: headStart, end: line.end }, line: line.index, span: { start: line.start, end: line.end }, fields: [], section: owner, item } as Activity & { item: Item });
  }

  private addItem(line: Line, body: string, bodyStart: number, bullet: boolean): void {
    const cur = this.cur;
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
    const section = this.top();
    const list = cur.field ? cur.field.items : section ? section.items : undefined;
    if (!list) {
      cur.item = undefined;
      return;
    }
    list.push(item);
    cur.item = { item, list, tail: body };
  }

  private top(): Section | undefined {
    return this.cur.stack[this.cur.stack.length - 1];
  }

  private closeSection(end: number): void {
    for (const s of this.cur.stack) s.span.end = Math.max(s.span.end, end);
  }

  /** The plan, once every line is placed. */
  finish(rest: Pick<Plan, 'nt' | 'labels' | 'citations' | 'legacyRuns'>): Plan {
    settleSections(this.sections);
    assignRoles(this.parts, this.owner.body);
    const skip = this.skip;
    let skipped: Set<number> | undefined;
    return {
      nt: rest.nt,
      lines: this.lines,
      readings: this.readings,
      labels: rest.labels,
      legacyRuns: rest.legacyRuns,
      parts: this.parts,
      sections: this.sections,
      citations: rest.citations,
      tables: this.tables,
      scopes: this.scopes,
      get skipped() {
        return (skipped ??= flaggedLines(skip));
      },
      looksLikePlan: looksLikePlan(this.lines),
      ownNumber: rest.citations.find((c) => c.own),
      title: this.titleInfo,
    };
  }
}
