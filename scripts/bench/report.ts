// One row per figure: value, unit, the target it is held to (if any) and
// PASS/FAIL; printed as a table and kept for bench/results.json.

export interface Target {
  /** The figure must be at most this… */
  max?: number;
  /** …or at least this. */
  min?: number;
  text: string;
}

export interface Row {
  section: string;
  name: string;
  value: number | null;
  unit: string;
  target?: Target;
  /** Undefined when the row has no target or was not measured. */
  pass?: boolean;
  note?: string;
}

export class Report {
  readonly rows: Row[] = [];

  /**
   * `informative`: a missed target fails nothing (the short form's few runs on a shared
   * machine are noisy); the line then says "miss (informative)", never FAIL.
   */
  constructor(private readonly informative = false) {}

  section(title: string): void {
    console.log(`\n## ${title}`);
  }

  add(section: string, name: string, value: number | null, unit: string, target?: Target, note?: string): Row {
    const row: Row = { section, name, value, unit };
    if (target) row.target = target;
    if (target && value !== null && Number.isFinite(value)) row.pass = (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
    if (note) row.note = note;
    this.rows.push(row);
    const shown = value === null ? 'not measured' : `${format(value)} ${unit}`;
    const verdict = row.pass === undefined ? '' : row.pass ? 'PASS' : this.informative ? 'miss (informative)' : 'FAIL';
    console.log(
      `${name.padEnd(58)} ${shown.padStart(14)}  ${(target ? `target ${target.text}` : '').padEnd(22)} ${verdict.padEnd(4)}${note ? `  ${note}` : ''}`,
    );
    return row;
  }

  failures(): Row[] {
    return this.rows.filter((r) => r.pass === false);
  }
}

export function format(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}
