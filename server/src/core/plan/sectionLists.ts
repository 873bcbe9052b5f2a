// Where a numbered section goes among the open ones, when lists may start
// anew under a heading: the items of each indicator, form or procedure
// (`0101. Diện tích` then `1. Khái niệm`, `2. Phân tổ…`) are numbered from 1
// under it, and numbering.ts and the duplicate rule check each such list on
// its own. Sequential state: the builder calls it on every analysis.

import type { Section } from './model';

export interface Placement {
  /** How many open sections stay open (the last is the parent). */
  keep: number;
  /** The first section of the list numbered anew the section belongs to; undefined in the part's own numbering. */
  list?: Section;
  /** The section starts such a list. */
  restart?: boolean;
}

/**
 * Where a section numbered `c` goes, given the open sections. A `1.` starts a
 * list: under a deeper section (`1.2.2. Tỷ lệ…` then `1. Khái niệm…`, `2. Phân
 * tổ…`) it is that section's own list; after a `5.` it is the next list of its
 * kind (the items of the next indicator, form or procedure, under a heading not
 * numbered). A list runs on while its numbers follow on; a number of an outer
 * list (`1.2.3.`) closes it. Only under a heading (a line that ends no
 * sentence): a `1.` after a paragraph is a number used twice.
 */
export function placeSection(stack: Section[], c: number[], underHeading: boolean): Placement {
  const deepest = stack[stack.length - 1];
  if (c.length === 1 && c[0] === 1 && deepest && underHeading) {
    if (deepest.components.length > 1) return { keep: stack.length, restart: true };
    return { keep: listBase(stack, deepest.list), restart: true };
  }
  // The lists open on the stack, innermost first.
  for (let k = stack.length - 1; k >= 0; k--) {
    const list = stack[k].list;
    if (!list || (k > 0 && stack[k - 1].list === list)) continue;
    if (c.length === 1) {
      const sibling = lastAtLevel(stack, k, 1);
      if (sibling && c[0] === sibling.components[0] + 1) return { keep: k, list };
      continue;
    }
    const prefix = c.slice(0, -1).join('.');
    for (let j = stack.length - 1; j >= k; j--) if (stack[j].number === prefix) return { keep: j + 1, list };
  }
  // The part's own numbering: pop to the level above the number's.
  let keep = 0;
  while (keep < stack.length && !stack[keep].list && stack[keep].components.length < c.length) keep++;
  return { keep, list: undefined };
}

/** Where the open sections of `list` start on the stack. */
function listBase(stack: Section[], list: Section | undefined): number {
  let k = stack.length;
  while (k > 0 && stack[k - 1].list === list) k--;
  return k;
}

function lastAtLevel(stack: Section[], from: number, level: number): Section | undefined {
  for (let j = stack.length - 1; j >= from; j--) if (stack[j].components.length === level) return stack[j];
  return undefined;
}
