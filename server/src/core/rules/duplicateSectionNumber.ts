// duplicate-section-number: a number appears twice within one part.

import type { Plan, Section, Table } from '../plan/model';
import { TaskRow, taskRows } from '../plan/taskTables';
import { expectedNumber, NumberingData, RENUMBER_ALL, renumberFixes } from './renumberFix';
import type { Finding, Json, Rule } from './types';

/** The later of two uses of a number: a section, or a row of a task table. */
export type DuplicateData = NumberingData & {
  number: string;
  /** 0-based line of the first use. */
  firstLine: number;
  row?: TaskRow;
};

export const duplicateSectionNumber: Rule<DuplicateData> = {
  id: 'duplicate-section-number',
  defaultSeverity: 'error',
  description: {
    vi: 'Không được trùng số mục trong cùng một phần, số thứ tự trong cùng một bảng nhiệm vụ.',
    en: 'A section number appears only once within a part, a row number once within a task table.',
  },
  docs: 'docs/rules/duplicate-section-number.md',
  check({ plan }) {
    const out: Finding<DuplicateData>[] = [];
    const seen = new Map<string, Section>();
    const lists = new Map<Section, number>();
    for (const s of plan.sections) {
      // Numbers restart in every part (I, II and III each have their 1., 2., 3.)
      // and in a list that starts anew under a section (see sectionLists.ts).
      const list = s.list ? lists.get(s.list) ?? lists.set(s.list, lists.size).get(s.list) : '';
      const key = `${plan.parts.indexOf(s.part)}|${list}|${s.number}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, s);
        continue;
      }
      const where = s.part.numeral ? ` trong phần ${s.part.numeral}` : '';
      const whereEn = s.part.numeral ? ` in part ${s.part.numeral}` : '';
      out.push({
        span: s.numberSpan,
        message: {
          vi: `Số mục ${s.number} bị trùng${where} (đã dùng ở dòng ${first.headingLine + 1}).`,
          en: `Section number ${s.number} is used twice${whereEn} (first on line ${first.headingLine + 1}).`,
        },
        related: [{ span: first.numberSpan, message: { vi: `Số ${s.number} dùng lần đầu`, en: `First use of ${s.number}` } }],
        data: { number: s.number, firstLine: first.headingLine, section: s },
      });
    }
    out.push(...rowDuplicates(plan));
    return out;
  },
  facts({ number, firstLine, row }): Record<string, Json> {
    return row ? { number, firstLine, row: true } : { number, firstLine };
  },
  fixes: ({ data: { section } }, ctx) => (section ? renumberFixes(ctx, section, expectedNumber(ctx, section)) : []),
  fixAll: RENUMBER_ALL,
};

/**
 * A row number used twice in one task table. Numbers that restart at 1 under
 * each group row (`I.`, `II.`) are checked within their group.
 */
function rowDuplicates(plan: Plan): Finding<DuplicateData>[] {
  const out: Finding<DuplicateData>[] = [];
  const byTable = new Map<Table, TaskRow[]>();
  for (const r of taskRows(plan)) {
    const rows = byTable.get(r.table);
    if (rows) rows.push(r);
    else byTable.set(r.table, [r]);
  }
  for (const rows of byTable.values()) {
    const restarts = rows.some((r, i) => i > 0 && r.number === '1' && r.group !== rows[i - 1].group);
    const seen = new Map<string, TaskRow>();
    for (const r of rows) {
      const key = `${restarts ? r.group ?? '' : ''}|${r.number}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, r);
        continue;
      }
      const where = r.scope && r.scope.kind !== 'article' ? ` trong ${r.scope.label}` : '';
      const whereEn = r.scope && r.scope.kind !== 'article' ? ` in ${r.scope.label}` : '';
      out.push({
        span: r.numberSpan,
        message: {
          vi: `Số thứ tự ${r.number} bị trùng${where} (đã dùng ở dòng ${first.row.line + 1}).`,
          en: `Row number ${r.number} is used twice${whereEn} (first on line ${first.row.line + 1}).`,
        },
        related: [{ span: first.numberSpan, message: { vi: `Số ${r.number} dùng lần đầu`, en: `First use of ${r.number}` } }],
        data: { number: r.number, firstLine: first.row.line, row: r },
      });
    }
  }
  return out;
}
