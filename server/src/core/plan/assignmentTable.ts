// The plan's assignment table (Biểu phân công) built from its tasks: number,
// task, lead, coordinating agencies, deadline. Exported as Markdown, CSV or
// JSON by the command line and the editor command.

import type { Plan } from './model';
import { taskInfos } from './tasks';

export interface AssignmentLine {
  number: string;
  task: string;
  lead: string;
  coordination: string;
  deadline: string;
  /** 0-based line of the task heading (or table row) in the draft. */
  line: number;
}

export const TABLE_HEADERS = {
  vi: ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'],
  en: ['No.', 'Task', 'Lead agency', 'Coordinating agencies', 'Deadline'],
};

export function assignmentLines(plan: Plan): AssignmentLine[] {
  return taskInfos(plan).map((t) => ({
    number: t.number,
    task: t.title,
    lead: t.lead.status === 'missing' ? '' : t.lead.names.join(', '),
    coordination: t.coordination.join(', '),
    deadline: t.deadline.text ?? '',
    line: t.line,
  }));
}

function cells(l: AssignmentLine): string[] {
  return [l.number, l.task, l.lead, l.coordination, l.deadline];
}

export function toMarkdown(lines: AssignmentLine[], lang: 'vi' | 'en' = 'vi'): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const head = TABLE_HEADERS[lang];
  const title = lang === 'vi' ? '## Biểu phân công thực hiện' : '## Assignment table';
  return [
    title,
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...lines.map((l) => `| ${cells(l).map(esc).join(' | ')} |`),
    '',
  ].join('\n');
}

export function toCsv(lines: AssignmentLine[], lang: 'vi' | 'en' = 'vi'): string {
  const q = (s: string) => (/[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  // A BOM so that Excel opens Vietnamese text as UTF-8.
  return '\ufeff' + [TABLE_HEADERS[lang], ...lines.map(cells)].map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
}
