// `kehoach table [--format md|csv|json] FILE`: the assignment table of a plan.

import { assignmentLines, toCsv, toMarkdown } from '../core/plan/assignmentTable';
import { parsePlan } from '../core/plan/parse';
import { unreadable } from '../core/lint';
import type { Msg } from '../core/rules/types';
import { CommandSpec, commandHelp, Lang, LANG_OPTION, parseOptions } from './options';
import { CLI_SIZE_LIMIT, readTextFile } from './readFile';
import { loadWord } from '../docx/sniff';
import { UsageError } from './usageError';

export const TABLE_COMMAND: CommandSpec = {
  name: 'table',
  operands: { vi: 'TỆP', en: 'FILE' },
  summary: { vi: 'in bảng phân công của một kế hoạch', en: "prints a plan's assignment table" },
  options: [
    { name: 'format', value: 'md|csv|json', default: 'md', help: { vi: 'md: bảng Markdown (mặc định); csv; json', en: 'md: a Markdown table (default); csv; json' } },
    LANG_OPTION,
  ],
  exitCodes: [
    { vi: '0  đã in bảng', en: '0  the table was printed' },
    { vi: '2  sai cách gọi, hoặc tệp không đọc được', en: '2  a usage error, or the file cannot be read' },
  ],
};

const notChecked = (file: string, why: Msg, lang: Lang) => new UsageError({ vi: `${file}: ${why.vi}`, en: `${file}: ${why.en}` }, lang);

export function runTable(args: string[], lang: Lang, out: (s: string) => void): number {
  const { values, operands } = parseOptions(TABLE_COMMAND, args, lang);
  if (values.help) {
    out(commandHelp(TABLE_COMMAND, lang));
    return 0;
  }
  const format = values.format;
  if (format !== 'md' && format !== 'csv' && format !== 'json') {
    throw new UsageError({ vi: `--format nhận md, csv hoặc json, không nhận "${format}"`, en: `--format takes md, csv or json, not "${format}"` }, lang, 'table');
  }
  if (operands.length !== 1) {
    throw new UsageError({ vi: `lệnh table cần đúng một tệp (nhận ${operands.length})`, en: `table takes exactly one file (got ${operands.length})` }, lang, 'table');
  }
  const file = operands[0];
  const read = readTextFile(file);
  if ('error' in read) throw new UsageError(read.error, lang);
  if ('skipped' in read) throw notChecked(file, read.skipped, lang);
  const text = 'docx' in read ? loadWord().readDocx(read.docx).text : read.text;
  const why = unreadable(text, undefined, CLI_SIZE_LIMIT);
  if (why) throw notChecked(file, why, lang);
  const lines = assignmentLines(parsePlan(text));
  if (format === 'json') out(JSON.stringify(lines, null, 2));
  else if (format === 'csv') out(toCsv(lines, lang).replace(/\r\n$/, ''));
  else out(toMarkdown(lines, lang).trimEnd());
  return 0;
}
