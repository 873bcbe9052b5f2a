// Word files on the command line:
//   kehoach export FILE --to docx|pdf [-o OUT] [--party|--state] [--keep-lines]
//   kehoach import FILE.docx [-o OUT.kh|OUT.md]
//   kehoach check --annotate OUT.docx FILE.docx (the copy; the check itself is main's)

import * as fs from 'fs';
import * as path from 'path';
import { LintOptions, unreadable } from '../core/lint';
import type { Msg } from '../core/rules/types';
import { annotate } from '../docx/annotate';
import { checkDocx } from '../docx/check';
import { exportDocx } from '../docx/export';
import { convertWithOffice } from '../docx/office';
import { importDocx } from '../docx/import';
import { commandHelp, Lang, parseOptions } from './options';
import { CLI_SIZE_LIMIT, readTextFile } from './readFile';
import { UsageError } from './usageError';
import { EXPORT_COMMAND, IMPORT_COMMAND } from './wordCommands';

const usage = (command: string, msg: Msg, lang: Lang) => new UsageError(msg, lang, command);
const fileProblem = (file: string, why: Msg, lang: Lang) => new UsageError({ vi: `${file}: ${why.vi}`, en: `${file}: ${why.en}` }, lang);

function readPlanText(file: string, lang: Lang): string {
  const read = readTextFile(file);
  if ('error' in read) throw new UsageError(read.error, lang);
  if ('skipped' in read) throw fileProblem(file, read.skipped, lang);
  if ('docx' in read) throw usage('export', { vi: `"${file}" đã là tệp Word; dùng kehoach import để lấy văn bản`, en: `"${file}" is a Word file already; use kehoach import to get its text` }, lang);
  const why = unreadable(read.text, undefined, CLI_SIZE_LIMIT);
  if (why) throw fileProblem(file, why, lang);
  return read.text;
}

/** An output path that is not the input itself. */
function outputPath(command: string, input: string, given: string | undefined, ext: string, lang: Lang): string {
  const out = given ?? path.join(path.dirname(input), `${path.basename(input, path.extname(input))}.${ext}`);
  if (path.resolve(out) === path.resolve(input)) throw usage(command, { vi: `tệp ra trùng tệp vào "${input}"`, en: `the output is the input "${input}"` }, lang);
  return out;
}

/** The PDF of a .docx, through LibreOffice (it converts files: the .docx goes to a temporary folder first). */
function writePdf(bytes: Uint8Array, target: string): void {
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

export async function runExport(args: string[], lang: Lang, out: (s: string) => void): Promise<number> {
  const { values, operands } = parseOptions(EXPORT_COMMAND, args, lang);
  if (values.help) {
    out(commandHelp(EXPORT_COMMAND, lang));
    return 0;
  }
  if (operands.length !== 1) throw usage('export', { vi: `lệnh export cần đúng một tệp (nhận ${operands.length})`, en: `export takes exactly one file (got ${operands.length})` }, lang);
  const to = values.to;
  if (to !== 'docx' && to !== 'pdf') throw usage('export', { vi: `--to nhận docx hoặc pdf, không nhận "${to}"`, en: `--to takes docx or pdf, not "${to}"` }, lang);
  if (values.party && values.state) throw usage('export', { vi: 'chỉ chọn một trong --party và --state', en: 'choose one of --party and --state' }, lang);
  const input = operands[0];
  const text = readPlanText(input, lang);
  const target = outputPath('export', input, values.output as string | undefined, to, lang);
  const bytes = await exportDocx(text, { party: values.party ? true : values.state ? false : undefined, keepLines: !!values['keep-lines'] });
  if (to === 'docx') fs.writeFileSync(target, bytes);
  else writePdf(bytes, target);
  out(`${target}`);
  return 0;
}

export function runImport(args: string[], lang: Lang, out: (s: string) => void): number {
  const { values, operands } = parseOptions(IMPORT_COMMAND, args, lang);
  if (values.help) {
    out(commandHelp(IMPORT_COMMAND, lang));
    return 0;
  }
  if (operands.length !== 1) throw usage('import', { vi: `lệnh import cần đúng một tệp .docx (nhận ${operands.length})`, en: `import takes exactly one .docx file (got ${operands.length})` }, lang);
  const input = operands[0];
  const read = readTextFile(input, Number.MAX_SAFE_INTEGER);
  if ('error' in read) throw new UsageError(read.error, lang);
  if (!('docx' in read)) throw usage('import', { vi: `"${input}" không phải tệp Word .docx`, en: `"${input}" is not a Word .docx file` }, lang);
  const text = importDocx(read.docx);
  const output = values.output as string | undefined;
  if (!output) {
    out(text.replace(/\n$/, ''));
    return 0;
  }
  if (!/\.(kh|kehoach|md|txt)$/i.test(output)) throw usage('import', { vi: `tệp ra phải là .kh, .md hoặc .txt, nhận được "${output}"`, en: `the output must be .kh, .md or .txt, not "${output}"` }, lang);
  fs.writeFileSync(outputPath('import', input, output, 'kh', lang), text);
  return 0;
}

/** Writes a copy of `input` with the findings as Word comments; the line that says so. */
export function annotateCopy(input: string, output: string, options: LintOptions, lang: Lang): string {
  if (!/\.docx$/i.test(output)) throw usage('check', { vi: `--annotate cần tên tệp .docx, nhận được "${output}"`, en: `--annotate takes a .docx file name, not "${output}"` }, lang);
  if (path.resolve(output) === path.resolve(input)) throw usage('check', { vi: `--annotate không ghi đè tệp gốc "${input}"`, en: `--annotate does not overwrite the original "${input}"` }, lang);
  const read = readTextFile(input, (options.maxFileSizeMb ?? 5) * 10);
  if ('error' in read) throw new UsageError(read.error, lang);
  if (!('docx' in read)) throw usage('check', { vi: `--annotate chỉ dùng cho tệp Word .docx, "${input}" không phải`, en: `--annotate is for Word .docx files only; "${input}" is not one` }, lang);
  const checked = checkDocx(read.docx, { ...options, sizeLimitName: CLI_SIZE_LIMIT });
  const { bytes, comments } = annotate(checked.doc, checked.diagnostics, { lang });
  fs.writeFileSync(output, bytes);
  return { vi: `kehoach: đã ghi ${comments} nhận xét vào ${output}`, en: `kehoach: wrote ${comments} comments to ${output}` }[lang];
}
