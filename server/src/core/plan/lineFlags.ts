// What the passes over every line of a plan ask of each line's reading, as
// bits in one typed array: page artefacts, tables, flattened-table headers and
// suppression comments are looked for in it, so a pass over thousands of lines
// (a long appendix table) does not visit thousands of reading objects. After an
// edit the array of the previous readings is spliced as the readings are: the
// flags of a reading are a function of it alone.

import type { FlatCell } from './flatTables';

/** The parts of a line reading the flags are made of (see LineReading). */
export interface FlaggedReading {
  blank: boolean;
  pipeRow: boolean;
  htmlRow: boolean;
  tabs: number;
  runningHeader: boolean;
  bareNumber: boolean;
  centred: boolean;
  htmlComment: boolean;
  cell: FlatCell;
}

export const BLANK = 1;
export const PIPE_ROW = 2;
export const HTML_ROW = 4;
/** Two tabs or more: a row of a tab-separated table. */
export const TAB_ROW = 8;
/** `STT`, `TT`: a flattened table's first header cell. */
export const FIRST_COLUMN = 16;
export const RUNNING_HEADER = 32;
export const BARE_NUMBER = 64;
/** A page number set alone (a bare number, centred). */
export const PAGE_NUMBER = 128;
export const HTML_COMMENT = 256;

export function flagsOf(r: FlaggedReading): number {
  return (
    (r.blank ? BLANK : 0) |
    (r.pipeRow ? PIPE_ROW : 0) |
    (r.htmlRow ? HTML_ROW : 0) |
    (r.tabs >= 2 ? TAB_ROW : 0) |
    (r.cell.firstColumn ? FIRST_COLUMN : 0) |
    (r.runningHeader ? RUNNING_HEADER : 0) |
    (r.bareNumber ? BARE_NUMBER : 0) |
    (r.bareNumber && r.centred ? PAGE_NUMBER : 0) |
    (r.htmlComment ? HTML_COMMENT : 0)
  );
}

const flagsByReadings = new WeakMap<readonly FlaggedReading[], Uint16Array>();

/** The flags of every line (computed once per readings array). */
export function lineFlags(readings: readonly FlaggedReading[]): Uint16Array {
  let flags = flagsByReadings.get(readings);
  if (!flags) {
    flags = new Uint16Array(readings.length);
    for (let k = 0; k < readings.length; k++) flags[k] = flagsOf(readings[k]);
    flagsByReadings.set(readings, flags);
  }
  return flags;
}

/**
 * The flags of `next`, which is `prev` with its readings [first, after)
 * replaced by `next`'s [first, first + count): copied where they are the same.
 */
export function spliceLineFlags(prev: readonly FlaggedReading[], next: readonly FlaggedReading[], first: number, after: number, count: number): void {
  const old = flagsByReadings.get(prev);
  if (!old) return;
  const flags = new Uint16Array(next.length);
  flags.set(old.subarray(0, first));
  for (let k = first; k < first + count; k++) flags[k] = flagsOf(next[k]);
  flags.set(old.subarray(after), first + count);
  flagsByReadings.set(next, flags);
}

/** The indexes of the lines flagged (the builder's skipped lines). */
export function flaggedLines(flags: Uint8Array): Set<number> {
  const out = new Set<number>();
  for (let k = 0; k < flags.length; k++) if (flags[k]) out.add(k);
  return out;
}
