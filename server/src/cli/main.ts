// kehoach command line: `kehoach check [options] FILE…`, `kehoach table FILE`.
// Exit 0 when no diagnostic is an error, 1 when one is, 2 on a usage or I/O
// error (one line on stderr).

import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { DirectiveIndex } from '../core/index/directiveIndex';
import { loadBundledIndex, loadIndexFile } from '../core/index/loadIndex';
import * as os from 'os';
import { checkFiles, serveIfWorker } from './parallel';
import { DEFAULT_MAX_FILE_SIZE_MB, Diagnostic } from '../core/lint';
import { RULE_IDS } from '../core/rules';
import { Level, parseLevel } from '../core/rules/types';
import { formatText } from './formatText';
import { runTable } from './table';
import { UsageError } from './usageError';


const USAGE = `Cách dùng / Usage:
  kehoach check [--format text|json] [--index FILE]… [--rule ID=LEVEL]… [--locality TỈNH] [--hints] [--max-file-size MB] [--lang vi|en] [--jobs N] FILE|DIR…
  kehoach table [--format md|csv|json] [--lang vi|en] FILE
Quy tắc / rules: ${RULE_IDS.join(', ')}
Mức / levels: off, error, warning, info, hint`;

/** Files to check: the files given, and plan-like files inside directories given. */
export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (err) {
      throw new Error(`không đọc được "${input}": ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    if (!stat.isDirectory()) {
      out.push(input);
      continue;
    }
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.(kh|kehoach|md|txt)$/i.test(entry.name)) out.push(p);
      }
    };
    walk(input);
  }
  return out;
}

function readLevels(specs: string[]): Record<string, Level> {
  const levels: Record<string, Level> = {};
  for (const spec of specs) {
    const m = /^([\w-]+)=(\w+)$/.exec(spec);
    if (!m) throw new UsageError(`--rule cần dạng ID=LEVEL, nhận được "${spec}"`);
    if (!RULE_IDS.includes(m[1])) throw new UsageError(`không có quy tắc "${m[1]}" (có: ${RULE_IDS.join(', ')})`);
    const level = parseLevel(m[2]);
    if (!level) throw new UsageError(`mức "${m[2]}" không hợp lệ cho ${m[1]} (off|error|warning|info|hint)`);
    levels[m[1]] = level;
  }
  return levels;
}

function readIndex(files: string[]): DirectiveIndex {
  const extra = files.map((f) => {
    const r = loadIndexFile(f);
    if (r.problems.length) {
      const p = r.problems[0];
      const more = r.problems.length > 1 ? ` (và ${r.problems.length - 1} lỗi khác)` : '';
      throw new Error(`danh mục ${p.file}:${p.line}: ${p.message.vi}${more}`);
    }
    return r.index;
  });
  return loadBundledIndex().merge(...extra);
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
function readJobs(value: string | undefined): number {
  if (value === undefined) return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--jobs cần một số nguyên dương, nhận được "${value}"`);
  return Number(value);
}

async function runCheck(args: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      index: { type: 'string', multiple: true, default: [] },
      rule: { type: 'string', multiple: true, default: [] },
      lang: { type: 'string', default: 'vi' },
      jobs: { type: 'string' },
      locality: { type: 'string' },
      hints: { type: 'boolean', default: false },
      'max-file-size': { type: 'string', default: String(DEFAULT_MAX_FILE_SIZE_MB) },
    },
  });
  const maxFileSizeMb = Number(values['max-file-size']);
  if (!Number.isFinite(maxFileSizeMb) || maxFileSizeMb <= 0) {
    throw new UsageError(`--max-file-size cần một số MB dương, nhận được "${values['max-file-size']}"`);
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format phải là text hoặc json, nhận được "${format}"`);
  const lang = values.lang === 'en' ? 'en' : 'vi';
  if (!positionals.length) throw new UsageError('chưa chỉ ra tệp cần kiểm tra');
  const jobs = readJobs(values.jobs);
  const levels = readLevels(values.rule as string[]);
  const indexFiles = values.index as string[];
  const index = readIndex(indexFiles);
  const locality = values.locality?.trim() || undefined;
  const setup = { indexFiles, levels, maxFileSizeMb, ...(locality ? { locality } : {}) };
  const results = await checkFiles(expandInputs(positionals), jobs, setup, { index, levels, maxFileSizeMb, locality });
  if (format === 'json') {
    const json = results.map((r) => ({
      file: r.file,
      diagnostics: r.diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message[lang],
        range: d.range,
        ...citationFields(d),
      })),
    }));
    out(JSON.stringify(json, null, 2));
  } else {
    // Hints (a citation the index cannot vouch for) report no defect: shown when asked.
    const shown = values.hints ? results : results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity !== 'hint') }));
    out(formatText(shown, lang));
  }
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return await runCheck(rest, out);
    if (command === 'table') return runTable(rest, out);
    if (command === '--help' || command === '-h' || command === 'help') {
      out(USAGE);
      return 0;
    }
    throw new UsageError(command ? `lệnh không hợp lệ "${command}"` : 'thiếu lệnh (check, table)');
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // parseArgs throws TypeErrors with codes for unknown options.
    err(`kehoach: ${message.split('\n')[0]}`);
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) err(USAGE);
    return 2;
  }
}

if (serveIfWorker((setup) => ({ index: readIndex(setup.indexFiles), levels: setup.levels, maxFileSizeMb: setup.maxFileSizeMb, locality: setup.locality }))) {
  // A worker of `check --jobs`: it answers batches of files.
} else if (require.main === module) {
  void main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n')).then((code) => {
    process.exitCode = code;
  });
}
