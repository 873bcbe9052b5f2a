// What the index says of one citation: verified, contradicted (with the
// reason and what would fix it) or unverifiable. A citation is compared only
// with entries of its own scope (central, or its locality) and, for numbers
// that restart, of its own term or year: anything else is another document.

import type { Citation, CitationDate } from '../citations/extract';
import { checkedAgainstIndex } from '../citations/extract';
import { isoDate } from '../citations/dates';
import type { DocNumber } from '../citations/docNumber';
import type { DirectiveEntry, DirectiveIndex } from './directiveIndex';
import { covers, IndexCoverage } from './coverage';
import { localityOfIssuer, numberScope, periodOf } from './scope';
import { localityKey } from '../plan/header';
import type { Span } from '../plan/model';

/** Where a citation's plan stands: its locality and its own date. */
export interface CitationContext {
  index: DirectiveIndex;
  /** The plan's locality (header, else setting). */
  locality?: string;
  /** The plan's own date, ISO. */
  planDate?: string;
  /** Keys of the plan's own numbers (`Số: 02/2025/TT-BLĐTBXH`): a citation of one is the document itself. */
  ownNumbers?: ReadonlySet<string>;
}

export type ContradictionReason =
  /** `44/2015/NĐ-CP ngày 06/5/2016`. */
  | 'number-year'
  /** `ngày 31/4/2026`. */
  | 'impossible-date'
  /** Issued after the plan that cites it. */
  | 'after-plan'
  /** Indexed in the same scope and term or year under another date. */
  | 'indexed-date'
  /** Inside a complete coverage and not listed. */
  | 'not-in-complete-scope'
  /** Not indexed, but one digit away from an indexed document of the same type and date. */
  | 'near-miss';

export interface CitationScope {
  level: 'central' | 'local';
  /** The locality a local citation is read in, if known. */
  locality?: string;
  /** The locality came from the citation's own issuer (`của Tỉnh ủy Bắc Giang`). */
  explicit: boolean;
}

export type Verdict =
  | { outcome: 'verified'; entry: DirectiveEntry; scope: CitationScope }
  | {
      outcome: 'contradicted';
      reason: ContradictionReason;
      scope: CitationScope;
      /** Where the finding goes: the date, or the number. */
      span: Span;
      /** Dates that would be right (ISO), for the date fix. */
      dates?: string[];
      /** Entries the reason refers to (indexed date, near miss). */
      entries?: DirectiveEntry[];
      coverage?: IndexCoverage;
    }
  /** `indexed`: the number is listed, but the citation does not say which of its documents (no date) or in which term. */
  | { outcome: 'unverifiable'; scope: CitationScope; indexed?: boolean };

/** The date a citation gives, its own or its earlier full mention's. */
export function effectiveDate(c: Citation): CitationDate | undefined {
  return c.date ?? c.antecedent?.date;
}

/** The scope a citation is read in: the issuer it names, else the plan's locality. */
export function citationScope(c: Citation, ctx: CitationContext): CitationScope {
  const s = numberScope(c.number);
  if (s.level === 'central') return { level: 'central', explicit: false };
  const issuer = c.issuer ?? c.antecedent?.issuer;
  const named = issuer && localityOfIssuer(issuer.text);
  if (named) return { level: 'local', locality: named, explicit: true };
  return ctx.locality ? { level: 'local', locality: ctx.locality, explicit: false } : { level: 'local', explicit: false };
}

/** Whether an indexed entry belongs to the citation's scope. */
export function inScope(e: DirectiveEntry, scope: CitationScope): boolean {
  if (scope.level === 'central') return !e.locality;
  // A workspace entry without a locality is the workspace's own.
  if (!e.locality) return !scope.explicit;
  return !!scope.locality && localityKey(e.locality) === localityKey(scope.locality);
}

/** Serial variants one digit changed or two neighbours swapped away: `57` → `58`, `75`, `07`… */
export function nearSerials(serial: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < serial.length; i++) {
    for (let d = 0; d <= 9; d++) {
      const v = serial.slice(0, i) + d + serial.slice(i + 1);
      if (v !== serial) out.add(v);
    }
    if (i + 1 < serial.length && serial[i] !== serial[i + 1]) out.add(serial.slice(0, i) + serial[i + 1] + serial[i] + serial.slice(i + 2));
  }
  // `05` and `5` are one number: keys drop leading zeros.
  return [...out].map((v) => String(Number(v))).filter((v) => v !== '0' && v !== serial);
}

function nearMisses(doc: DocNumber, date: string, type: string | undefined, scope: CitationScope, index: DirectiveIndex): DirectiveEntry[] {
  const m = /^(\d+)(.*)$/.exec(doc.key);
  if (!m || !outOfOrder(doc, Number(m[1]), m[2], date, scope, index)) return [];
  const out: DirectiveEntry[] = [];
  for (const serial of nearSerials(m[1])) {
    for (const e of index.byKey(serial + m[2])) {
      if (e.date === date && inScope(e, scope) && (!type || e.type === type)) out.push(e);
    }
  }
  return out;
}

/** Days a number may be taken out of its order of dates (registered one day, signed a few days later). */
const ORDER_SLACK_DAYS = 7;
/** Serials probed on each side of a cited one for the order of its series. */
const ORDER_REACH = 200;

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/**
 * Whether a serial cannot stand at its date in its series (same suffix, same
 * term or year): numbers are given in the order of issue, so an indexed lower
 * number issued clearly later, or a higher one clearly earlier, shows the
 * cited one is a slip. Without such evidence a number next to an indexed one
 * of the same date is most likely its sibling: a ministry or the Government
 * signs several documents a day (Thông tư 42 to 47/2016/TT-BLĐTBXH, all of
 * 28/12/2016).
 */
export function outOfOrder(doc: DocNumber, serial: number, suffix: string, date: string, scope: CitationScope, index: DirectiveIndex): boolean {
  const period = periodOf(doc, date);
  if (period === undefined) return false;
  const day = dayNumber(date);
  const from = Math.max(1, serial - ORDER_REACH);
  for (let k = from; k <= serial + ORDER_REACH; k++) {
    if (k === serial) continue;
    for (const e of index.byKey(k + suffix)) {
      if (!e.date || !inScope(e, scope) || periodOf(doc, e.date) !== period) continue;
      const gap = dayNumber(e.date) - day;
      if ((k < serial && gap > ORDER_SLACK_DAYS) || (k > serial && gap < -ORDER_SLACK_DAYS)) return true;
    }
  }
  return false;
}

/**
 * How many agreeing texts a harvested date needs before another catalogue's
 * different date for the same normative number is in doubt (the build then
 * keeps both): the agreement rule's dominance, two texts and three times the
 * one against them.
 */
export const HARVEST_OUTWEIGHS = 3;

/** The year of a normative number (`44/2015/NĐ-CP` → 2015). */
function numberYear(doc: DocNumber): number | undefined {
  if (doc.form !== 'legal') return undefined;
  return Number(doc.key.split('/')[1]);
}

function dateSpan(c: Citation): Span {
  return c.date ? { start: c.date.start, end: c.date.end } : c.badDate ? { start: c.badDate.start, end: c.badDate.end } : c.numberSpan;
}

/** The verdict on one citation, or undefined for what is not checked against the index (the plan's own number…). */
export function verifyCitation(c: Citation, ctx: CitationContext): Verdict | undefined {
  if (!checkedAgainstIndex(c)) return undefined;
  const scope = citationScope(c, ctx);
  const s = numberScope(c.number);
  const list = ctx.index.byKey(c.number.key).filter((e) => inScope(e, scope));
  const dated = list.filter((e) => e.date);
  const contradicted = (reason: ContradictionReason, extra: { dates?: string[]; entries?: DirectiveEntry[]; span?: Span; coverage?: IndexCoverage } = {}): Verdict => ({
    outcome: 'contradicted',
    reason,
    scope,
    span: extra.span ?? dateSpan(c),
    ...(extra.dates?.length ? { dates: extra.dates } : {}),
    ...(extra.entries?.length ? { entries: extra.entries } : {}),
    ...(extra.coverage ? { coverage: extra.coverage } : {}),
  });
  if (c.badDate) return contradicted('impossible-date', { dates: sameDocumentDates(dated, c.number, undefined) });
  const date = effectiveDate(c);
  if (!date) return list.length === 1 ? { outcome: 'verified', entry: list[0], scope } : { outcome: 'unverifiable', scope, ...(list.length ? { indexed: true } : {}) };
  // Only the citation's own date is checked: a short mention's is checked where it is written.
  const own = !!c.date;
  const year = numberYear(c.number);
  if (own && year !== undefined && year !== date.year) {
    const fixed = isoDate(date.day, date.month, year);
    const indexed = dated.map((e) => e.date!);
    return contradicted('number-year', { dates: indexed.length ? indexed : fixed ? [fixed] : [] });
  }
  if (own && ctx.planDate && date.iso > ctx.planDate) return contradicted('after-plan', { dates: dated.map((e) => e.date!).filter((d) => d <= ctx.planDate!) });
  // The document itself (`ban hành kèm theo Thông tư số …` in its own annex): its header says what it is.
  if (ctx.ownNumbers?.has(c.number.key)) return !ctx.planDate || date.iso === ctx.planDate ? undefined : { outcome: 'unverifiable', scope };
  const exact = list.find((e) => e.date === date.iso);
  if (exact) return { outcome: 'verified', entry: exact, scope };
  const same = sameDocumentDates(dated, c.number, periodOf(c.number, date.iso));
  if (same.length) return own ? contradicted('indexed-date', { dates: same, entries: dated.filter((e) => same.includes(e.date!)) }) : { outcome: 'unverifiable', scope };
  // Listed without a date: the number is known, its date cannot be checked.
  const undated = list.find((e) => !e.date);
  if (undated && (s.numbering === 'fixed' || list.length === 1)) return { outcome: 'verified', entry: undated, scope };
  // Entries of other terms or years are other documents: the number may still be a slip for a neighbour.
  if (!own) return { outcome: 'unverifiable', scope };
  const near = nearMisses(c.number, date.iso, c.type, scope, ctx.index);
  if (near.length) return contradicted('near-miss', { entries: near, span: c.numberSpan });
  const coverage = ctx.index.coverage().find((cov) => cov.complete && covers(cov, c.number, s, scope.locality, c.type, date.iso));
  if (coverage) return contradicted('not-in-complete-scope', { span: c.numberSpan, coverage });
  return { outcome: 'unverifiable', scope };
}

/**
 * Dates of indexed entries that are the same document as a citation in
 * `period` (undefined: the citation's date does not say which term): for a
 * normative number every entry, else those of the same term or year.
 */
function sameDocumentDates(dated: readonly DirectiveEntry[], doc: DocNumber, period: string | undefined): string[] {
  if (numberScope(doc).numbering === 'fixed') return dated.map((e) => e.date!);
  if (period === undefined) return [];
  return dated.filter((e) => periodOf(doc, e.date!) === period).map((e) => e.date!);
}

/** Verdicts of every citation of a plan, computed once per plan, index and context. */
const memo = new WeakMap<object, { index: DirectiveIndex; locality?: string; planDate?: string; verdicts: (Verdict | undefined)[] }>();

/**
 * Verdicts by what a citation says (number, type, date, issuer, its earlier
 * mention's): after an edit almost every citation says what it said before,
 * and its verdict only needs its span again. Per index and plan context.
 */
const byContent = new WeakMap<DirectiveIndex, Map<string, Map<string, Verdict | undefined>>>();
const CONTENT_LIMIT = 50_000;

function contentKey(c: Citation): string {
  const a = c.antecedent;
  const flags = (c.own ? 1 : 0) + (c.typeSpan ? 2 : 0) + (c.badDate ? 4 : 0);
  return `${c.number.key}\u0000${c.type ?? ''}\u0000${flags}\u0000${c.date?.iso ?? ''}\u0000${c.issuer?.text ?? ''}\u0000${a?.date?.iso ?? ''}\u0000${a?.issuer?.text ?? ''}`;
}

/** A verdict of the same content, with the spans of this citation. */
function placed(v: Verdict | undefined, c: Citation): Verdict | undefined {
  if (v?.outcome !== 'contradicted') return v;
  const onNumber = v.reason === 'near-miss' || v.reason === 'not-in-complete-scope';
  return { ...v, span: onNumber ? c.numberSpan : dateSpan(c) };
}

export function verdicts(citations: readonly Citation[], ctx: CitationContext): (Verdict | undefined)[] {
  const hit = memo.get(citations);
  if (hit && hit.index === ctx.index && hit.locality === ctx.locality && hit.planDate === ctx.planDate) return hit.verdicts;
  // Per plan context (locality and date): the open plans of several provinces each keep theirs.
  const ownNumbers = new Set(citations.filter((c) => c.own).map((c) => c.number.key));
  ctx = { ...ctx, ownNumbers };
  const place = `${ctx.locality ?? ''}\u0000${ctx.planDate ?? ''}\u0000${[...ownNumbers].join(' ')}`;
  let places = byContent.get(ctx.index);
  if (!places) byContent.set(ctx.index, (places = new Map()));
  let known = places.get(place);
  if (!known || known.size > CONTENT_LIMIT) {
    if (places.size > 64) places.clear();
    places.set(place, (known = new Map()));
  }
  const out = citations.map((c) => {
    const key = contentKey(c);
    if (known.has(key)) return placed(known.get(key), c);
    const v = verifyCitation(c, ctx);
    known.set(key, v);
    return v;
  });
  memo.set(citations, { index: ctx.index, locality: ctx.locality, planDate: ctx.planDate, verdicts: out });
  return out;
}
