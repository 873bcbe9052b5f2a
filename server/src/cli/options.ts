// The command line's commands and options as one table: the parser, `--help` and
// `kehoach help` are all made from it, so an option added here is parsed and
// documented at once. Every mistake is one line in the chosen language (a UsageError
// with a Msg), never a message of Node's parser.

import type { Msg } from '../core/rules/types';
import { UsageError } from './usageError';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

export interface OptionSpec {
  name: string;
  /** A one-letter form (`o` for `-o`). */
  short?: string;
  /** What the value stands for in the help (MB, FILE…); an option without one is a flag. */
  value?: string;
  multiple?: boolean;
  default?: string;
  help: Msg;
}

export interface CommandSpec {
  name: string;
  /** The operands, as the usage line shows them. */
  operands: Msg;
  summary: Msg;
  options: OptionSpec[];
  exitCodes: Msg[];
}

export const LANG_OPTION: OptionSpec = {
  name: 'lang',
  value: 'vi|en',
  default: 'vi',
  help: { vi: 'ngôn ngữ của thông báo, trợ giúp và lỗi (mặc định vi)', en: 'language of findings, help and errors (default vi)' },
};

export type ParsedOptions = Record<string, string | string[] | boolean | undefined>;

export interface Parsed {
  values: ParsedOptions;
  operands: string[];
}

/**
 * The language asked for, read before anything else so that every later error is in
 * it. An unknown one is refused in both languages (which one was meant is unknown).
 */
export function readLang(args: string[]): Lang {
  let lang: string | undefined;
  for (let i = 0; i < args.length && args[i] !== '--'; i++) {
    if (args[i] === '--lang') lang = args[i + 1] ?? '';
    else if (args[i].startsWith('--lang=')) lang = args[i].slice('--lang='.length);
  }
  if (lang === undefined) return 'vi';
  if ((LANGS as readonly string[]).includes(lang)) return lang as Lang;
  const got = lang ? `"${lang}"` : 'nothing';
  throw new UsageError(
    { vi: `--lang nhận vi hoặc en, không nhận ${lang ? `"${lang}"` : 'giá trị rỗng'} / --lang takes vi or en, not ${got}`, en: `--lang takes vi or en, not ${got}` },
    'vi',
  );
}

/**
 * `--name value`, `--name=value`, flags, `--` before operands that start with a dash.
 * The value of an option is the next argument unless that is another option (`--…`):
 * `--max-file-size -1` is then refused by the option's own check, with a clear message.
 */
export function parseOptions(command: CommandSpec, args: string[], lang: Lang): Parsed {
  const values: ParsedOptions = {};
  const operands: string[] = [];
  for (const o of command.options) values[o.name] = o.multiple ? [] : o.default;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      values.help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      operands.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = long ? arg.indexOf('=') : -1;
    const given = long ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1);
    const spec = command.options.find((o) => (long ? o.name === given : o.short === given));
    const name = spec?.name ?? given;
    if (!spec) {
      throw new UsageError({ vi: `lệnh ${command.name} không có tùy chọn ${arg.split('=')[0]}`, en: `${command.name} has no option ${arg.split('=')[0]}` }, lang, command.name);
    }
    if (!spec.value) {
      if (eq >= 0) throw new UsageError({ vi: `--${name} không nhận giá trị`, en: `--${name} takes no value` }, lang, command.name);
      values[name] = true;
      continue;
    }
    // `--format --lang en`: the next option is not a value (a negative number still is).
    const value = eq >= 0 ? arg.slice(eq + 1) : args[i + 1]?.startsWith('--') ? undefined : args[++i];
    if (value === undefined) {
      throw new UsageError({ vi: `--${name} cần một giá trị (${spec.value})`, en: `--${name} needs a value (${spec.value})` }, lang, command.name);
    }
    if (spec.multiple) (values[name] as string[]).push(value);
    else values[name] = value;
  }
  return { values, operands };
}

function optionLine(o: OptionSpec, lang: Lang): string {
  const left = `  ${o.short ? `-${o.short}, ` : ''}--${o.name}${o.value ? ` ${o.value}` : ''}${o.multiple ? ' …' : ''}`;
  return `${left.padEnd(28)} ${o.help[lang]}`;
}

/** `kehoach COMMAND --help`: usage, what it does, options, exit codes. */
export function commandHelp(command: CommandSpec, lang: Lang): string {
  const t = { vi: { usage: 'Cách dùng', options: 'Tùy chọn', exit: 'Mã thoát', help: 'in trợ giúp này' }, en: { usage: 'Usage', options: 'Options', exit: 'Exit codes', help: 'print this help' } }[lang];
  return [
    `${t.usage}: kehoach ${command.name} [${t.options.toLowerCase()}] ${command.operands[lang]}`,
    command.summary[lang],
    '',
    `${t.options}:`,
    ...command.options.map((o) => optionLine(o, lang)),
    optionLine({ name: 'help', help: { vi: t.help, en: t.help } }, lang),
    '',
    `${t.exit}:`,
    ...command.exitCodes.map((c) => `  ${c[lang]}`),
  ].join('\n');
}

/** `kehoach help`: the commands, and how to get each one's help. */
export function generalHelp(commands: CommandSpec[], version: string, lang: Lang): string {
  const t = {
    vi: {
      what: 'kiểm tra Kế hoạch của Đảng, chính quyền', usage: 'Cách dùng', command: 'LỆNH', options: 'tùy chọn',
      help: 'trợ giúp (của một lệnh)', version: 'in phiên bản', each: 'Tùy chọn của từng lệnh: kehoach LỆNH --help (thêm --lang en cho tiếng Anh).',
    },
    en: {
      what: 'checks Vietnamese Party and state plans (Kế hoạch)', usage: 'Usage', command: 'COMMAND', options: 'options',
      help: 'help (on one command)', version: 'print the version', each: "Each command's options: kehoach COMMAND --help.",
    },
  }[lang];
  return [
    `kehoach ${version} — ${t.what}`,
    '',
    `${t.usage}: kehoach ${t.command} [${t.options}] …`,
    ...commands.map((c) => `  ${`kehoach ${c.name} ${c.operands[lang]}`.padEnd(34)} ${c.summary[lang]}`),
    `  ${`kehoach help [${t.command}]`.padEnd(34)} ${t.help}`,
    `  ${'kehoach --version'.padEnd(34)} ${t.version}`,
    '',
    t.each,
  ].join('\n');
}
