// What reading an index file gives: the index of its sound entries and the
// problems met, each with the 1-based line (and column) of the fault.

import { LineIndex } from '../text/lineIndex';
import type { Msg } from '../rules/types';
import { DirectiveIndex } from './directiveIndex';

export interface IndexProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column?: number;
  message: Msg;
}

export interface LoadedIndex {
  index: DirectiveIndex;
  problems: IndexProblem[];
}

/** A 1-based position as problems are reported. */
export type At = { line: number; column?: number };
/** A position, or an offset turned into one only if a problem is reported there (most entries have none). */
export type Where = At | number;

/** 1-based line and column of offsets of `text`. */
export function positionsIn(text: string): (offset: number) => At {
  const index = new LineIndex(text);
  return (offset) => {
    const p = index.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
}

/** No index, one problem on line 1: a file that could not be read at all. */
export function fileProblem(file: string, vi: string, en: string): LoadedIndex {
  return { index: DirectiveIndex.empty(), problems: [{ file, line: 1, message: { vi, en } }] };
}

/** The name of a file without its folders (the core has no path module). */
export function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
