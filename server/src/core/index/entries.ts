// From the raw values of one entry, as a reader found them, to a checked
// DirectiveEntry: a bad entry is reported with its line and skipped, a good
// one kept. Shared by the JSON and CSV readers.

import { DocNumber, toDocNumber } from '../citations/docNumber';
import { TYPE_BY_CODE } from '../citations/extract';
import { DirectiveEntry, DirectiveIndex } from './directiveIndex';
import type { IndexCoverage } from './coverage';
import { Field, FIELD_VI, FieldReader } from './fields';
import type { At, IndexProblem, LoadedIndex, Where } from './problems';
import { numberScope } from './scope';

/** One raw entry: values by field, and where the entry and each value stand. */
export interface RawEntry {
  at: Where;
  values: Partial<Record<Field, unknown>>;
  /** Where each value stands; a value with none stands at `at`. */
  where?: Partial<Record<Field, Where>>;
}

/** Fields two entries of one document may not disagree on. */
const CONFLICT_FIELDS = ['type', 'issuer', 'subject', 'status'] as const satisfies readonly Field[];

const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && !v.trim());

export interface CollectorOptions {
  /** 1-based position of an offset, computed only for a problem. */
  pos: (offset: number) => At;
  /**
   * Off on the fast paths: a per-entry map costs a third of a 100,000-entry
   * load, and DirectiveIndex merges repeats anyway. They see a repeat by the
   * index being shorter than the list (see `repeatFree`), and hand the file
   * to the positional reader, which reports conflicts with their lines.
   */
  trackDuplicates: boolean;
  /** What the file declares it covers (`"coverage": {…}`, or a CSV's `.coverage.json`). */
  coverage?: IndexCoverage;
}

/** The checked entries of one file and the problems met. */
export class EntryCollector {
  readonly entries: DirectiveEntry[] = [];
  readonly problems: IndexProblem[] = [];
  readonly fields = new FieldReader();
  /** The locality the file declares, for entries of local bodies that name none. */
  private readonly locality?: string;
  /**
   * Number → the first entry of each date and its line, to catch duplicates.
   * Keyed by the number alone (a string the entry already holds) with the few
   * dates of one number in a list: no key string is built per entry.
   */
  private readonly seen = new Map<string, { entry: DirectiveEntry; line: number }[]>();

  constructor(
    private readonly file: string,
    private readonly options: CollectorOptions,
  ) {
    const c = options.coverage;
    if (c?.level === 'local') this.locality = c.locality;
  }

  problem(where: Where, vi: string, en: string): void {
    const at = typeof where === 'number' ? this.options.pos(where) : where;
    const p: IndexProblem = { file: this.file, line: at.line, message: { vi: `Dòng ${at.line}: ${vi}`, en: `Line ${at.line}: ${en}` } };
    if (at.column !== undefined) p.column = at.column;
    this.problems.push(p);
  }

  /** Validates and adds one entry; a bad entry is reported and skipped. */
  add(raw: RawEntry): void {
    const doc = this.number(raw);
    if (!doc) return;
    const date = this.date(raw, doc);
    if (date === undefined) return;
    const typeText = this.text(raw, 'type');
    const entry: DirectiveEntry = {
      number: doc.raw,
      key: doc.key,
      type: typeText ? this.fields.type(typeText) : TYPE_BY_CODE[doc.code] ?? 'Văn bản',
      date,
      source: this.file,
    };
    const issuer = this.text(raw, 'issuer');
    // Only a local body's number belongs to a locality; a central one listed beside it does not.
    const locality = this.text(raw, 'locality') ?? this.locality;
    if (locality && numberScope(doc).level === 'local') entry.locality = locality;
    const subject = this.text(raw, 'subject');
    const status = this.text(raw, 'status');
    if (issuer) entry.issuer = issuer;
    if (subject) entry.subject = subject;
    if (status) entry.status = status;
    if (this.options.trackDuplicates && this.duplicate(entry, raw.at)) return;
    this.entries.push(entry);
  }

  private whereOf(raw: RawEntry, f: Field): Where {
    return raw.where?.[f] ?? raw.at;
  }

  private number(raw: RawEntry): DocNumber | undefined {
    const value = raw.values.number;
    if (blank(value)) {
      this.problem(this.whereOf(raw, 'number'), 'thiếu số, ký hiệu văn bản (trường "number" hoặc "so"); bỏ qua mục này', 'missing document number ("number"); entry skipped');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.problem(this.whereOf(raw, 'number'), 'số, ký hiệu văn bản phải là chuỗi, ví dụ "109-NQ/TU"; bỏ qua mục này', 'the document number must be a string such as "109-NQ/TU"; entry skipped');
      return undefined;
    }
    const doc = toDocNumber(value);
    if (!doc) {
      const shown = this.fields.clean(value);
      this.problem(
        this.whereOf(raw, 'number'),
        `"${shown}" không phải số, ký hiệu văn bản (dạng 109-NQ/TU, 66/NQ-CP, 34/2019/NĐ-CP); bỏ qua mục này`,
        `"${shown}" is not a document number (like 109-NQ/TU, 66/NQ-CP, 34/2019/NĐ-CP); entry skipped`,
      );
    }
    return doc;
  }

  /** The ISO date, null when none is given, undefined (reported) when it is not a date. */
  private date(raw: RawEntry, doc: DocNumber): string | null | undefined {
    const value = raw.values.date;
    if (blank(value)) return null;
    const iso = typeof value === 'string' ? this.fields.date(value) : undefined;
    if (iso) return iso;
    const shown = typeof value === 'string' ? this.fields.clean(value) : JSON.stringify(value);
    this.problem(
      this.whereOf(raw, 'date'),
      `ngày ban hành "${shown}" của văn bản ${doc.raw} không hợp lệ (viết 08/6/2021 hoặc 2021-06-08); bỏ qua mục này`,
      `invalid date "${shown}" for ${doc.raw} (write 08/6/2021 or 2021-06-08); entry skipped`,
    );
    return undefined;
  }

  /** A text field, cleaned; a value that is not a string is reported and ignored. */
  private text(raw: RawEntry, f: Field): string | undefined {
    const value = raw.values[f];
    if (value === null || value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.problem(this.whereOf(raw, f), `trường ${FIELD_VI[f]} phải là chuỗi; bỏ qua trường này`, `field "${f}" must be a string; field ignored`);
      return undefined;
    }
    return this.fields.clean(value) || undefined;
  }

  /**
   * A second entry for the same number and date: the first is kept. Reported
   * when the two disagree (which one is right is the drafter's call); an exact
   * repeat only adds missing fields, as merging files does.
   */
  private duplicate(entry: DirectiveEntry, where: Where): boolean {
    const at = typeof where === 'number' ? this.options.pos(where) : where;
    const same = this.seen.get(entry.key);
    const first = same?.find((s) => s.entry.date === entry.date);
    if (!first) {
      const seen = { entry, line: at.line };
      if (same) same.push(seen);
      else this.seen.set(entry.key, [seen]);
      return false;
    }
    const conflicts = CONFLICT_FIELDS.filter((f) => entry[f] !== undefined && first.entry[f] !== undefined && entry[f] !== first.entry[f]);
    if (conflicts.length) {
      const f = conflicts[0];
      this.problem(
        at,
        `văn bản ${entry.number}${entry.date ? ` ngày ${entry.date}` : ''} đã có ở dòng ${first.line} với ${FIELD_VI[f]} khác ("${first.entry[f]}" và "${entry[f]}"); giữ mục ở dòng ${first.line}`,
        `${entry.number}${entry.date ? ` of ${entry.date}` : ''} is already listed on line ${first.line} with a different ${f} ("${first.entry[f]}" vs "${entry[f]}"); the entry on line ${first.line} is kept`,
      );
    }
    for (const f of CONFLICT_FIELDS) if (first.entry[f] === undefined && entry[f] !== undefined) first.entry[f] = entry[f];
    return true;
  }

  result(): LoadedIndex {
    const coverage = this.options.coverage;
    return { index: DirectiveIndex.owning(this.entries, coverage ? [coverage] : []), problems: this.problems };
  }

  /** The result, or undefined when the file repeats a number + date (the index merged two entries). */
  repeatFree(): LoadedIndex | undefined {
    const count = this.entries.length;
    const r = this.result();
    return r.index.all().length === count ? r : undefined;
  }
}
