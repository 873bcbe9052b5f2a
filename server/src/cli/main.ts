// kehoach command line: `kehoach check [options] FILE…`, `kehoach table FILE`,
// `kehoach help [COMMAND]`, `kehoach --version`. Exit 0 when no diagnostic is an
// error, 1 when one is, 2 on a usage error or a file that cannot be read (one line
// on stderr each, in the --lang chosen; the other files are still checked).

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { version } from '../../../package.json';
import { DirectiveIndex } from '../core/index/directiveIndex';
import { bundledIndex } from '../node/bundledIndex';
import { IndexFiles } from '../node/indexCache';
import { DEFAULT_MAX_FILE_SIZE_MB, Diagnostic } from '../core/lint';
import { RULE_IDS } from '../core/rules';
import { Level, Msg, parseLevel } from '../core/rules/types';
import { formatText } from './formatText';
import { CommandSpec, commandHelp, generalHelp, Lang, LANG_OPTION, parseOptions, readLang } from './options';
import { CheckSetup, checkFiles, FileResult, serveIfWorker } from './parallel';
import { fileError, readHead } from './readFile';
import { looksLikePlanText } from '../core/plan/parse';
import { CliOverrides, configRootOf, groupByRoot, groupConfig } from './config';
import { LabelTable } from '../core/plan/labels';
import type { LintOptions } from '../core/lint';
import { runTable, TABLE_COMMAND } from './table';
import { EXPORT_COMMAND, IMPORT_COMMAND } from './wordCommands';
/** The Word commands, loaded when one runs: a plain `check` of text files never evaluates the Word code. */
function word(): typeof import('./word') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./word') as typeof import('./word');
}
import { UsageError } from './usageError';

const EXIT_CODES: Msg[] = [
  { vi: '0  không có lỗi (mức error)', en: '0  no finding of level error' },
  { vi: '1  có ít nhất một lỗi (mức error)', en: '1  at least one finding of level error' },
  { vi: '2  sai cách gọi, hoặc có tệp không đọc được (các tệp khác vẫn được kiểm tra)', en: '2  a usage error, or a file that cannot be read (the other files are still checked)' },
];

export const CHECK_COMMAND: CommandSpec = {
  name: 'check',
  operands: { vi: 'TỆP|THƯ_MỤC…', en: 'FILE|DIR…' },
  summary: {
    vi: 'kiểm tra kế hoạch (thư mục: các tệp .kh, .kehoach, .docx bên trong, và .md, .txt trông như kế hoạch)',
    en: 'checks plans (a directory: the .kh, .kehoach, .docx files inside it, and the .md, .txt that look like a plan)',
  },
  options: [
    { name: 'format', value: 'text|json', default: 'text', help: { vi: 'text: như ESLint (mặc định); json: một mảng JSON', en: 'text: ESLint-like (default); json: one JSON array' } },
    { name: 'index', value: 'FILE', multiple: true, help: { vi: 'thêm một danh mục văn bản (JSON hoặc CSV)', en: 'an extra directive index (JSON or CSV)' } },
    { name: 'rule', value: 'ID=LEVEL', multiple: true, help: { vi: `mức của một quy tắc: off, error, warning, info, hint`, en: `a rule's level: off, error, warning, info, hint` } },
    {
      name: 'max-file-size',
      value: 'MB',
      help: { vi: `tệp lớn hơn không được kiểm tra (mặc định: theo cấu hình, không có thì ${DEFAULT_MAX_FILE_SIZE_MB})`, en: `larger files are not checked (default: the configuration's, else ${DEFAULT_MAX_FILE_SIZE_MB})` },
    },
    {
      name: 'config',
      value: 'FILE',
      help: {
        vi: 'tệp cấu hình (mặc định: .kehoach/config.json gần nhất phía trên mỗi tệp)',
        en: 'the configuration file (default: the nearest .kehoach/config.json above each file)',
      },
    },
    { name: 'annotate', value: 'OUT.docx', help: { vi: 'ghi bản sao của tệp .docx với mỗi vấn đề là một nhận xét Word', en: 'writes a copy of the .docx with each finding as a Word comment' } },
    {
      name: 'locality',
      value: 'TỈNH',
      help: {
        vi: 'tỉnh, thành phố của kế hoạch mà tiêu đề không nêu (số hiệu TU, UBND… là của địa phương ấy)',
        en: 'the province or city of plans whose header names none (TU, UBND… codes are that locality\'s)',
      },
    },
    { name: 'hints', help: { vi: 'in cả gợi ý (trích dẫn không kiểm tra được với danh mục)', en: 'also print hints (citations the index cannot check)' } },
    { name: 'jobs', value: 'N', help: { vi: 'số luồng (mặc định: số nhân CPU)', en: 'threads (default: CPU cores)' } },
    LANG_OPTION,
  ],
  exitCodes: EXIT_CODES,
};

const COMMANDS = [CHECK_COMMAND, TABLE_COMMAND, EXPORT_COMMAND, IMPORT_COMMAND];

const usage = (command: string, msg: Msg, lang: Lang) => new UsageError(msg, lang, command);

/**
 * Files to check: the files given, and plan-like files inside directories given
 * (`found`: those, whose Markdown and plain text are checked only when they look
 * like a plan, as the editor checks them); the inputs that do not exist, apart.
 */
export function expandInputs(inputs: string[]): { files: string[]; found: Set<string>; missing: FileResult[] } {
  const files: string[] = [];
  const found = new Set<string>();
  const missing: FileResult[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (err) {
      missing.push({ file: input, diagnostics: [], error: fileError(input, err) });
      continue;
    }
    if (!stat.isDirectory()) {
      files.push(input);
      continue;
    }
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        // `~$…` files are the lock files Word leaves beside an open document.
        else if (/\.(kh|kehoach|md|txt|docx)$/i.test(entry.name) && !entry.name.startsWith('~$')) {
          files.push(p);
          found.add(p);
        }
      }
    };
    walk(input);
  }
  return { files, found, missing };
}

/**
 * Whether a file found in a directory is checked: Markdown and plain text as
 * the editor checks them (`detectPlans`: when they look like a plan), so a
 * README beside the plans gives no finding in CI that the editor does not give.
 */
function checkedInFolder(file: string, detectPlans: boolean): boolean {
  if (!/\.(md|txt)$/i.test(file)) return true;
  if (!detectPlans) return false;
  const head = readHead(file);
  return head === undefined || looksLikePlanText(head);
}

function readLevels(specs: string[], lang: Lang): Record<string, Level> {
  const levels: Record<string, Level> = {};
  for (const spec of specs) {
    const m = /^([\w-]+)=(\w+)$/.exec(spec);
    if (!m) throw usage('check', { vi: `--rule cần dạng ID=LEVEL, nhận được "${spec}"`, en: `--rule takes ID=LEVEL, not "${spec}"` }, lang);
    if (!RULE_IDS.includes(m[1])) {
      throw usage('check', { vi: `không có quy tắc "${m[1]}" (có: ${RULE_IDS.join(', ')})`, en: `no rule "${m[1]}" (rules: ${RULE_IDS.join(', ')})` }, lang);
    }
    const level = parseLevel(m[2]);
    if (!level) {
      throw usage('check', { vi: `mức "${m[2]}" không hợp lệ cho ${m[1]} (off|error|warning|info|hint)`, en: `"${m[2]}" is not a level for ${m[1]} (off|error|warning|info|hint)` }, lang);
    }
    levels[m[1]] = level;
  }
  return levels;
}

/** The index files of this run, each read once for all its groups of files (the bundled index once per process). */
let indexFiles: IndexFiles | undefined;

function readIndex(files: string[], lang: Lang = 'vi'): DirectiveIndex {
  indexFiles ??= new IndexFiles(bundledIndex());
  for (const f of files) {
    if (!fs.existsSync(f)) throw new UsageError(fileError(f, Object.assign(new Error(), { code: 'ENOENT' })), lang);
    const r = indexFiles.load(f);
    if (r.problems.length) {
      const p = r.problems[0];
      const more = r.problems.length - 1;
      throw new UsageError(
        {
          vi: `danh mục ${p.file}:${p.line}: ${p.message.vi}${more ? ` (và ${more} lỗi khác)` : ''}`,
          en: `index ${p.file}:${p.line}: ${p.message.en}${more ? ` (and ${more} more)` : ''}`,
        },
        lang,
      );
    }
  }
  return indexFiles.indexOf(files).index;
}

/** The analysis options of a setup (in the main thread and in each worker alike). */
function lintOptionsOf(setup: CheckSetup, index: DirectiveIndex): LintOptions {
  const labels = Object.keys(setup.labels).length ? new LabelTable(setup.labels) : undefined;
  return { index, levels: setup.levels, labels, maxFileSizeMb: setup.maxFileSizeMb, locality: setup.locality };
}

/** What a citation finding says of the cited document: its scope and the outcome of the check. */
function citationFields(d: Diagnostic): Record<string, unknown> {
  const data = d.data ?? {};
  if (!('number' in data) || !('scope' in data)) return {};
  const out: Record<string, unknown> = { citation: { number: data.number, scope: data.scope, locality: data.locality ?? null } };
  out.outcome = data.outcome ?? 'contradicted';
  if (data.reason) out.reason = data.reason;
  return out;
}

/** Worker threads by default: one per core. */
function readJobs(value: string | undefined, lang: Lang): number {
  if (value === undefined) return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  if (!/^\d+$/.test(value) || Number(value) < 1) throw usage('check', { vi: `--jobs cần một số nguyên dương, nhận được "${value}"`, en: `--jobs takes a positive whole number, not "${value}"` }, lang);
  return Number(value);
}

function readMaxFileSize(value: string, lang: Lang): number {
  const mb = Number(value);
  if (value.trim() === '' || !Number.isFinite(mb) || mb <= 0) {
    throw usage('check', { vi: `--max-file-size cần một số MB dương, nhận được "${value}"`, en: `--max-file-size takes a positive number of MB, not "${value}"` }, lang);
  }
  return mb;
}

async function runCheck(args: string[], lang: Lang, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  // Each run reads the files afresh (a process may run several: the tests do).
  indexFiles = undefined;
  const { values, operands } = parseOptions(CHECK_COMMAND, args, lang);
  if (values.help) {
    out(commandHelp(CHECK_COMMAND, lang));
    return 0;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw usage('check', { vi: `--format nhận text hoặc json, không nhận "${format}"`, en: `--format takes text or json, not "${format}"` }, lang);
  if (!operands.length) throw usage('check', { vi: 'chưa chỉ ra tệp cần kiểm tra', en: 'no file to check given' }, lang);
  const jobs = readJobs(values.jobs as string | undefined, lang);
  const cli: CliOverrides = {
    levels: readLevels(values.rule as string[], lang),
    indexFiles: values.index as string[],
    maxFileSizeMb: values['max-file-size'] === undefined ? undefined : readMaxFileSize(values['max-file-size'] as string, lang),
    locality: (values.locality as string | undefined)?.trim() || undefined,
  };
  // A broken --index file is a usage error before anything is checked.
  if (cli.indexFiles.length) readIndex(cli.indexFiles, lang);
  const configFile = values.config as string | undefined;
  if (configFile !== undefined && !fs.existsSync(configFile)) throw new UsageError(fileError(configFile, Object.assign(new Error(), { code: 'ENOENT' })), lang);
  const optionsOf = (root: string | undefined) => {
    const g = groupConfig(root, configFile, cli, lang);
    const setup: CheckSetup = { indexFiles: g.indexFiles, labels: g.labels, levels: g.levels, maxFileSizeMb: g.maxFileSizeMb, ...(g.locality ? { locality: g.locality } : {}) };
    return { setup, options: lintOptionsOf(setup, readIndex(g.indexFiles, lang)), detectPlans: g.detectPlans };
  };
  if (values.annotate !== undefined) {
    if (operands.length !== 1) throw usage('check', { vi: '--annotate cần đúng một tệp .docx', en: '--annotate takes exactly one .docx file' }, lang);
    const { options } = optionsOf(configFile ? undefined : configRootOf(operands[0]));
    err(word().annotateCopy(operands[0], values.annotate as string, options, lang));
  }
  const { files, found, missing } = expandInputs(operands);
  // Each configuration root's files with its own options; the results in the order of the files.
  const byFile = new Map<string, FileResult>();
  let notPlans = 0;
  for (const [root, group] of groupByRoot(files, configFile)) {
    const { setup, options, detectPlans } = optionsOf(root);
    const checkedFiles = group.filter((f) => !found.has(f) || checkedInFolder(f, detectPlans));
    notPlans += group.length - checkedFiles.length;
    for (const r of await checkFiles(checkedFiles, jobs, setup, options)) byFile.set(r.file, r);
  }
  const checked = files.filter((f) => byFile.has(f)).map((f) => byFile.get(f)!);
  // Files that could not be read: one line each, the others' findings as usual.
  const unread = [...missing, ...checked.filter((r) => r.error)];
  for (const r of unread) err(`kehoach: ${r.error![lang]}`);
  const results = checked.filter((r) => !r.error);
  if (format === 'json') {
    const json = results.map((r) => ({
      file: r.file,
      diagnostics: r.diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message[lang],
        range: d.range,
        ...(d.location ? { location: { ...d.location.location, quote: d.location.quote } } : {}),
        ...citationFields(d),
      })),
    }));
    out(JSON.stringify(json, null, 2));
  } else if (results.length) {
    // Hints (a citation the index cannot vouch for) report no defect: shown when asked.
    const shown = values.hints ? results : results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity !== 'hint') }));
    out(formatText(shown, lang));
  }
  // Said, never silent: a folder's notes and other documents are left out as the editor leaves them.
  if (notPlans && format !== 'json') err(skippedNote(notPlans)[lang]);
  if (unread.length) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

function skippedNote(n: number): Msg {
  return {
    vi: `kehoach: bỏ qua ${n} tệp .md/.txt trong thư mục không có dạng một kế hoạch (nêu tên tệp để kiểm tra nó)`,
    en: `kehoach: left out ${n} .md/.txt ${n === 1 ? 'file' : 'files'} in the folders that ${n === 1 ? 'does' : 'do'} not look like a plan (name a file to check it)`,
  };
}

/** The arguments less `--lang X` / `--lang=X` (read already by readLang). */
function withoutLang(args: string[]): string[] {
  return args.filter((a, i) => a !== '--lang' && !a.startsWith('--lang=') && args[i - 1] !== '--lang');
}

function runHelp(args: string[], lang: Lang, out: (s: string) => void): number {
  const topic = withoutLang(args).find((a) => !a.startsWith('-'));
  if (!topic) {
    out(generalHelp(COMMANDS, version, lang));
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === topic);
  if (!command) throw unknownCommand(topic, lang);
  out(commandHelp(command, lang));
  return 0;
}

function unknownCommand(name: string, lang: Lang): UsageError {
  const names = COMMANDS.map((c) => c.name).join(', ');
  return new UsageError({ vi: `không có lệnh "${name}" (có: ${names}, help)`, en: `no command "${name}" (commands: ${names}, help)` }, lang, '');
}

async function dispatch(argv: string[], lang: Lang, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  // `--lang` may come before the command too.
  const first = withoutLang(argv)[0];
  const rest = argv.slice(argv.indexOf(first) + 1);
  const command = first;
  if (command === 'check') return runCheck(rest, lang, out, err);
  if (command === 'table') return runTable(rest, lang, out);
  if (command === 'export') return word().runExport(rest, lang, out);
  if (command === 'import') return word().runImport(rest, lang, out);
  if (command === 'help' || command === '--help' || command === '-h') return runHelp(rest, lang, out);
  if (command === '--version' || command === '-v') {
    out(`kehoach ${version}`);
    return 0;
  }
  if (!command) throw new UsageError({ vi: `thiếu lệnh (${COMMANDS.map((c) => c.name).join(', ')}, help)`, en: `no command given (${COMMANDS.map((c) => c.name).join(', ')}, help)` }, lang, '');
  throw unknownCommand(command, lang);
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  try {
    return await dispatch(argv, readLang(argv), out, err);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const command = e.command ? `${e.command} ` : '';
    const help = e.command === undefined ? '' : { vi: ` (xem: kehoach ${command}--help)`, en: ` (see: kehoach ${command}--help --lang en)` }[e.lang];
    err(`kehoach: ${e.message}${help}`);
    return 2;
  }
}

if (serveIfWorker((setup) => lintOptionsOf(setup, readIndex(setup.indexFiles)))) {
  // A worker of `check --jobs`: it answers batches of files.
} else if (require.main === module) {
  main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n')).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A fault of kehoach itself, not of the input: said as such, with the stack for a report.
      process.stderr.write(`kehoach: lỗi nội bộ / internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
