// Tables: Markdown pipe tables, tab-separated rows (what Word's tables
// become in a text conversion) and HTML rows written one to a line. Ragged or unterminated tables are read as
// far as they go and marked, never thrown on.

import type { Line, Table, TableCell } from './model';

const PIPE_ROW = /^\s*\|/;
const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function splitPipes(line: Line): TableCell[] {
  const cells: TableCell[] = [];
  const t = line.text;
  let i = t.indexOf('|') + 1;
  let cellStart = i;
  for (; i <= t.length; i++) {
    const ch = t[i];
    if (ch === '\\' && t[i + 1] === '|') {
      i++;
      continue;
    }
    if (ch === '|' || i === t.length) {
      const rawCell = t.slice(cellStart, i);
      if (i === t.length && !rawCell.trim()) break; // after a closing pipe
      const lead = rawCell.length - rawCell.trimStart().length;
      const text = rawCell.trim();
      const start = line.start + cellStart + lead;
      cells.push({ text: text.replace(/\\\|/g, '|'), span: { start, end: start + text.length } });
      cellStart = i + 1;
    }
  }
  return cells;
}

function splitTabs(line: Line): TableCell[] {
  const cells: TableCell[] = [];
  let start = 0;
  const t = line.text;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || t[i] === '\t') {
      const raw = t.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      cells.push({ text, span: { start: line.start + start + lead, end: line.start + start + lead + text.length } });
      start = i + 1;
    }
  }
  return cells;
}

const HTML_CELL = /<t([dh])\b[^>]*>([\s\S]*?)(?=<\/t[dh]>|<t[dh]\b|<\/tr>|$)/gi;

/** A row of an HTML table written on one line (`<tr><td>1</td><td>…</td></tr>`): two cells or more. */
export function isHtmlRow(text: string): boolean {
  if (!text.includes('<')) return false;
  const m = text.match(/<t[dh]\b/gi);
  return !!m && m.length >= 2;
}

function splitHtml(line: Line): TableCell[] {
  const cells: TableCell[] = [];
  HTML_CELL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HTML_CELL.exec(line.text))) {
    const inner = m[2];
    const at = m.index + m[0].length - inner.length;
    const text = inner.replace(/<[^>]+>/g, '').trim();
    const lead = inner.length - inner.trimStart().length;
    const start = line.start + at + (text ? lead : 0);
    cells.push({ text, span: { start, end: start + (text ? inner.trim().length : 0) } });
  }
  return cells;
}

/** Whether a line is a row of a Markdown pipe table. */
export function isPipeRow(text: string): boolean {
  return PIPE_ROW.test(text);
}

/**
 * The tables of `lines`. `pipe` and `tabs` say whether line k is a pipe row
 * and how many tabs it holds (the parse has read every line already).
 */
export function readTables(
  lines: Line[],
  pipe: (k: number) => boolean = (k) => isPipeRow(lines[k].text),
  tabs: (k: number) => number = (k) => countTabs(lines[k].text),
  html: (k: number) => boolean = (k) => isHtmlRow(lines[k].text),
): Table[] {
  const tables: Table[] = [];
  let i = 0;
  while (i < lines.length) {
    if (pipe(i)) {
      const block: Line[] = [];
      while (i < lines.length && pipe(i)) block.push(lines[i++]);
      tables.push(pipeTable(block));
      continue;
    }
    if (html(i)) {
      const block: Line[] = [];
      while (i < lines.length && html(i)) block.push(lines[i++]);
      if (block.length >= 2) tables.push(htmlTable(block));
      continue;
    }
    if (tabs(i) >= 2) {
      const block: Line[] = [];
      while (i < lines.length && tabs(i) >= 2) block.push(lines[i++]);
      if (block.length >= 2) tables.push(tabTable(block));
      continue;
    }
    i++;
  }
  return tables;
}

export function countTabs(s: string): number {
  let n = 0;
  for (let k = s.indexOf('\t'); k >= 0; k = s.indexOf('\t', k + 1)) n++;
  return n;
}

function pipeTable(block: Line[]): Table {
  const header = splitPipes(block[0]);
  const hasSeparator = block.length > 1 && SEPARATOR.test(block[1].text);
  const body = block.slice(hasSeparator ? 2 : 1);
  const rows = body.map((l) => ({ cells: splitPipes(l), line: l.index, span: { start: l.start, end: l.end } }));
  let malformed: string | undefined;
  if (!hasSeparator) malformed = 'separator';
  else if (rows.some((r) => r.cells.length !== header.length)) malformed = 'ragged';
  const last = block[block.length - 1];
  return {
    format: 'markdown',
    header,
    rows,
    span: { start: block[0].start, end: last.end },
    startLine: block[0].index,
    endLine: last.index,
    malformed,
  };
}

function htmlTable(block: Line[]): Table {
  const header = splitHtml(block[0]);
  const rows = block.slice(1).map((l) => ({ cells: splitHtml(l), line: l.index, span: { start: l.start, end: l.end } }));
  const last = block[block.length - 1];
  return { format: 'html', header, rows, span: { start: block[0].start, end: last.end }, startLine: block[0].index, endLine: last.index };
}

function tabTable(block: Line[]): Table {
  const header = splitTabs(block[0]);
  const rows = block.slice(1).map((l) => ({ cells: splitTabs(l), line: l.index, span: { start: l.start, end: l.end } }));
  const last = block[block.length - 1];
  return { format: 'tsv', header, rows, span: { start: block[0].start, end: last.end }, startLine: block[0].index, endLine: last.index };
}
