// The command line's configuration per checked file, the way the editor has it
// per workspace folder: the nearest folder holding `.kehoach/` (config.json,
// directives.json|csv) walking up from the file, as ESLint and
// markdownlint-cli2 find theirs, or the file given with --config. Options on
// the command line win over the file. One reader (readSettings) for both.

import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE, findConfigRoot, parseConfigText, RawConfig } from '../config/workspaceConfig';
import type { LabelLists } from '../core/plan/labels';
import type { Level } from '../core/rules/types';
import { WORKSPACE_INDEX_FILES } from '../node/indexFiles';
import { CONFIG_MARKERS } from '../lsp/folderConfig';
import { readLabelLists, readSettings } from '../lsp/settings';
import type { Lang } from './options';
import { UsageError } from './usageError';

/** What the command line itself says; each set field wins over the file's. */
export interface CliOverrides {
  levels: Record<string, Level>;
  indexFiles: string[];
  maxFileSizeMb?: number;
  locality?: string;
}

/** The options of one group of files (one configuration root). */
export interface FileGroupConfig {
  /** The folder holding `.kehoach/`, or undefined when none was found. */
  root?: string;
  indexFiles: string[];
  levels: Record<string, Level>;
  labels: LabelLists;
  maxFileSizeMb: number;
  /** The locality of plans whose header names none. */
  locality?: string;
  /** `detectPlans`: Markdown and plain text found in a directory are checked when they look like a plan (else not at all). */
  detectPlans: boolean;
}

/** The configuration root of a file: the nearest folder at or above it with one of `.kehoach/`'s files. */
export function configRootOf(file: string): string | undefined {
  return findConfigRoot(path.dirname(path.resolve(file)), fs.existsSync, path.join, path.dirname, CONFIG_MARKERS);
}

function readRaw(file: string, lang: Lang): RawConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError({ vi: `không đọc được tệp cấu hình "${file}"`, en: `cannot read the configuration file "${file}"` }, lang);
  }
  const { raw, problems } = parseConfigText(text, file);
  const p = problems[0];
  if (p) throw new UsageError({ vi: `cấu hình ${p.file}:${p.line}:${p.column}: ${p.message.vi}`, en: `configuration ${p.file}:${p.line}:${p.column}: ${p.message.en}` }, lang);
  return raw;
}

/** The options for files under `root` (config file given or found), with the command line's on top. */
export function groupConfig(root: string | undefined, configFile: string | undefined, cli: CliOverrides, lang: Lang): FileGroupConfig {
  const file = configFile ?? (root && fs.existsSync(path.join(root, CONFIG_FILE)) ? path.join(root, CONFIG_FILE) : undefined);
  const raw = file ? readRaw(file, lang) : {};
  const settings = readSettings(raw);
  const problem = settings.problems[0];
  if (problem) throw new UsageError({ vi: `${file}: ${problem.vi}`, en: `${file}: ${problem.en}` }, lang);
  // Index files of the workspace and of the file are relative to the root, as the editor reads them.
  const base = root ?? (file ? path.dirname(file) : process.cwd());
  const own = root ? WORKSPACE_INDEX_FILES.map((f) => path.join(root, f)).filter((f) => fs.existsSync(f)) : [];
  const listed = settings.indexFiles.map((f) => path.resolve(base, f));
  // The labels as the editor reads them (known kinds, strings only).
  const labels = readLabelLists(raw.labels);
  return {
    root,
    indexFiles: [...new Set([...own, ...listed, ...cli.indexFiles])],
    levels: { ...settings.rules, ...cli.levels },
    labels,
    maxFileSizeMb: cli.maxFileSizeMb ?? settings.maxFileSizeMb,
    locality: cli.locality ?? (settings.locality || undefined),
    detectPlans: settings.detectPlans,
  };
}

/** Files grouped by their configuration root, in the order first met (results keep the input order). */
export function groupByRoot(files: string[], configFile: string | undefined): Map<string | undefined, string[]> {
  const groups = new Map<string | undefined, string[]>();
  for (const f of files) {
    const root = configFile ? undefined : configRootOf(f);
    groups.set(root, [...(groups.get(root) ?? []), f]);
  }
  return groups;
}
