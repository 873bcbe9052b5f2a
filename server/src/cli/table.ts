// `kehoach table [--format md|csv|json] FILE`: the assignment table of a plan.

import { parseArgs } from 'util';
import { assignmentLines, toCsv, toMarkdown } from '../core/plan/assignmentTable';
import { parsePlan } from '../core/plan/parse';
import { unreadable } from '../core/lint';
import { loadWord } from '../docx/sniff';
import { readTextFile } from './readFile';
import { UsageError } from './usageError';

export function runTable(args: string[], out: (s: string) => void): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'md' }, lang: { type: 'string', default: 'vi' } },
  });
  const format = values.format;
  if (format !== 'md' && format !== 'csv' && format !== 'json') throw new UsageError(`--format phải là md, csv hoặc json, nhận được "${format}"`);
  if (positionals.length !== 1) throw new UsageError('lệnh table cần đúng một tệp');
  const lang = values.lang === 'en' ? 'en' : 'vi';
  const read = readTextFile(positionals[0]);
  if ('error' in read) throw new Error(read.error);
  if ('skipped' in read) throw new Error(`${positionals[0]}: ${read.skipped.vi}`);
  const text = 'docx' in read ? loadWord().readDocx(read.docx).text : read.text;
  const why = unreadable(text);
  if (why) throw new Error(`${positionals[0]}: ${why.vi}`);
  const lines = assignmentLines(parsePlan(text));
  if (format === 'json') out(JSON.stringify(lines, null, 2));
  else if (format === 'csv') out(toCsv(lines, lang).replace(/\r\n$/, ''));
  else out(toMarkdown(lines, lang).trimEnd());
  return 0;
}
