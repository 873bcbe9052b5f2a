// Parses a draft, plain text or Markdown, into parts, sections, fields and
// items. Line based: a Word/PDF conversion gives one paragraph per line, and
// Markdown headings and bullets are lines too. Each line is read alone
// (lineReading.ts), then the builder (builder.ts) places them; after an edit
// only the changed lines are read again.

import { extractCitations } from '../citations/extract';
import { citationsAfterChange, extractCitationsAfterChange, TextSlice } from '../citations/incremental';
import { findLegacyRuns } from '../text/legacyEncoding';
import type { TextChange } from '../text/change';
import { LazyNormalizedText, normalize, NormalizedText } from '../text/normalize';
import { lastAtOrBefore } from '../text/search';
import { DEFAULT_LABEL_TABLE, LabelTable } from './labels';
import type { Line, Plan } from './model';
import { buildPlan } from './builder';
import { spliceLineFlags } from './lineFlags';
import { LineReading, readLine, splitLines } from './lineReading';

export { readLine } from './lineReading';
export type { LineReading } from './lineReading';
export { looksLikePlan, looksLikePlanText } from './looksLikePlan';

export interface ParseOptions {
  labels?: LabelTable;
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
