// malformed-table: a Markdown table that cannot be read as one.

import type { Finding, Rule } from './types';

export const malformedTable: Rule = {
  id: 'malformed-table',
  defaultSeverity: 'warning',
  description: {
    vi: 'Bảng Markdown phải có dòng tiêu đề, dòng phân cách |---| và đủ cột ở mỗi dòng.',
    en: 'A Markdown table has a header, a |---| separator row and the same number of cells in every row.',
  },
  docs: 'docs/rules/malformed-table.md',
  check({ plan }) {
    const out: Finding[] = [];
    for (const t of plan.tables) {
      if (t.format !== 'markdown' || !t.malformed) continue;
      const firstLine = plan.lines[t.startLine];
      out.push({
        span: { start: firstLine.start, end: firstLine.end },
        message:
          t.malformed === 'separator'
            ? {
                vi: 'Bảng thiếu dòng phân cách |---| sau dòng tiêu đề: bảng có thể hiển thị sai và không đọc được bảng phân công.',
                en: 'The table lacks the |---| separator row after its header: it may render wrongly and cannot be read as an assignment table.',
              }
            : {
                vi: `Bảng có dòng không đủ ${t.header.length} cột như dòng tiêu đề.`,
                en: `Some rows of the table do not have the header's ${t.header.length} cells.`,
              },
      });
    }
    return out;
  },
};
