// The tables of a plan: pipe, tab and HTML rows first, then the tables a PDF
// conversion flattened to one cell a line in what is left.

import type { LineReading } from './lineReading';
import type { Line, Table } from './model';
import { readFlatTables } from './flatTables';
import { FIRST_COLUMN, HTML_ROW, PIPE_ROW, TAB_ROW } from './lineFlags';
import type { TableReuse } from './tableReuse';
import { readTables } from './tables';

/** A line past which no flattened table runs. */
function stopsTable(r: LineReading): boolean {
  return !!(r.attachment || r.article !== undefined || r.recipients || (r.part && !r.part.letter && r.part.kind !== 'other'));
}

/** Every table in line order, and a flag for each line one of them holds; `reuse` carries the previous plan's flattened tables over an edit. */
export function readPlanTables(lines: Line[], readings: LineReading[], flags: Uint16Array, artefacts: Uint8Array, reuse?: TableReuse): { tables: Table[]; tableLines: Uint8Array } {
  const tables = readTables(lines, (k) => (flags[k] & PIPE_ROW) !== 0, (k) => (flags[k] & TAB_ROW ? 2 : 0), (k) => (flags[k] & HTML_ROW) !== 0);
  // One flag a line: tables of long appendices hold thousands of lines.
  const tableLines = new Uint8Array(lines.length);
  for (const t of tables) tableLines.fill(1, t.startLine, t.endLine + 1);
  const flat = readFlatTables(lines, { cell: (k) => readings[k].cell, firstColumn: (k) => (flags[k] & FIRST_COLUMN) !== 0, taken: (k) => tableLines[k] === 1, artefact: (k) => artefacts[k] === 1, stop: (k) => stopsTable(readings[k]) }, reuse);
  for (const t of flat) tableLines.fill(1, t.startLine, t.endLine + 1);
  if (flat.length) tables.push(...flat), tables.sort((a, b) => a.startLine - b.startLine);
  return { tables, tableLines };
}
