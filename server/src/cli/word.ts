// Word files on the command line:
//   kehoach export FILE --to docx|pdf [-o OUT] [--party|--state] [--keep-lines]
//   kehoach import FILE.docx [-o OUT.kh|OUT.md]
//   kehoach check --annotate OUT.docx FILE.docx (the copy; the check itself is main's)

import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { LintOptions, unreadable } from '../core/lint';
import { annotate } from '../docx/annotate';
import { checkDocx } from '../docx/check';
import { exportDocx } from '../docx/export';
import { convertWithOffice } from '../docx/office';
import { importDocx } from '../docx/import';
import { readTextFile } from './readFile';
import { UsageError } from './usageError';

function readPlanText(file: string): string {
  const read = readTextFile(file);
  if ('error' in read) throw new Error(read.error);
  if ('skipped' in read) throw new Error(`${file}: ${read.skipped.vi}`);
  if ('docx' in read) throw new UsageError(`"${file}" đã là tệp Word; dùng kehoach import để lấy văn bản`);
  const why = unreadable(read.text);
  if (why) throw new Error(`${file}: ${why.vi}`);
  return read.text;
}

/** An output path that is not the input itself. */
function outputPath(input: string, given: string | undefined, ext: string): string {
  const out = given ?? path.join(path.dirname(input), `${path.basename(input, path.extname(input))}.${ext}`);
  if (path.resolve(out) === path.resolve(input)) throw new UsageError(`tệp ra trùng tệp vào "${input}"`);
  return out;
}

export async function runExport(args: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      to: { type: 'string', default: 'docx' },
      output: { type: 'string', short: 'o' },
      party: { type: 'boolean', default: false },
      state: { type: 'boolean', default: false },
      'keep-lines': { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('lệnh export cần đúng một tệp');
  const to = values.to;
  if (to !== 'docx' && to !== 'pdf') throw new UsageError(`--to phải là docx hoặc pdf, nhận được "${to}"`);
  if (values.party && values.state) throw new UsageError('chỉ chọn một trong --party và --state');
  const input = positionals[0];
  const text = readPlanText(input);
  const target = outputPath(input, values.output, to);
  const bytes = await exportDocx(text, { party: values.party ? true : values.state ? false : undefined, keepLines: values['keep-lines'] });
  if (to === 'docx') fs.writeFileSync(target, bytes);
  else {
    // LibreOffice converts a file: the .docx goes to a temporary folder first.
    const tmp = fs.mkdtempSync(path.join(path.dirname(path.resolve(target)), '.kehoach-export-'));
    try {
      const docx = path.join(tmp, `${path.basename(target, '.pdf')}.docx`);
      fs.writeFileSync(docx, bytes);
      const pdf = convertWithOffice(docx, 'pdf');
      fs.copyFileSync(pdf, target);
      fs.rmSync(path.dirname(path.dirname(pdf)), { recursive: true, force: true });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  out(`${target}`);
  return 0;
}

export function runImport(args: string[], out: (s: string) => void): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' } } });
  if (positionals.length !== 1) throw new UsageError('lệnh import cần đúng một tệp .docx');
  const input = positionals[0];
  const read = readTextFile(input, Number.MAX_SAFE_INTEGER);
  if ('error' in read) throw new Error(read.error);
  if (!('docx' in read)) throw new UsageError(`"${input}" không phải tệp Word .docx`);
  const text = importDocx(read.docx);
  if (!values.output) {
    out(text.replace(/\n$/, ''));
    return 0;
  }
  if (!/\.(kh|kehoach|md|txt)$/i.test(values.output)) throw new UsageError(`tệp ra phải là .kh, .md hoặc .txt, nhận được "${values.output}"`);
  fs.writeFileSync(outputPath(input, values.output, 'kh'), text);
  return 0;
}

/** Writes a copy of `input` with the findings as Word comments; the line that says so. */
export function annotateCopy(input: string, output: string, options: LintOptions, lang: 'vi' | 'en'): string {
  if (!/\.docx$/i.test(output)) throw new UsageError(`--annotate cần tên tệp .docx, nhận được "${output}"`);
  if (path.resolve(output) === path.resolve(input)) throw new UsageError(`--annotate không ghi đè tệp gốc "${input}"`);
  const read = readTextFile(input, (options.maxFileSizeMb ?? 5) * 10);
  if ('error' in read) throw new Error(read.error);
  if (!('docx' in read)) throw new UsageError(`--annotate chỉ dùng cho tệp Word .docx, "${input}" không phải`);
  const checked = checkDocx(read.docx, options);
  const { bytes, comments } = annotate(checked.doc, checked.diagnostics, { lang });
  fs.writeFileSync(output, bytes);
  return lang === 'vi' ? `kehoach: đã ghi ${comments} nhận xét vào ${output}` : `kehoach: wrote ${comments} comments to ${output}`;
}
