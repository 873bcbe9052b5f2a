// Each workspace folder's configuration: its `.kehoach/config.json` under the
// editor's settings for that folder (scopeUri), read into Settings by the one
// reader the command line uses too. In an untrusted workspace the file's index
// files are not read (as `kehoach.index.files` is restricted).

import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE, ConfigProblem, mergeConfig, parseConfigText, RawConfig } from '../config/workspaceConfig';
import { readSettings, Settings } from './settings';

export interface FolderSettings {
  settings: Settings;
  /** The config file read, when there is one. */
  file?: string;
  problems: ConfigProblem[];
}

/** `.kehoach/config.json` of a folder: its settings (none when absent) and what is wrong with it. */
export function readConfigFile(root: string, trusted: boolean): { raw: RawConfig; file?: string; problems: ConfigProblem[] } {
  const file = path.join(root, CONFIG_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { raw: {}, problems: [] };
  }
  const { raw, problems } = parseConfigText(text, file);
  if (!trusted) {
    const { index: _index, ...rest } = raw;
    return { raw: rest, file, problems };
  }
  return { raw, file, problems };
}

export function folderSettings(root: string, editorRaw: unknown, trusted: boolean): FolderSettings {
  const { raw, file, problems } = readConfigFile(root, trusted);
  const editor = typeof editorRaw === 'object' && editorRaw !== null && !Array.isArray(editorRaw) ? (editorRaw as RawConfig) : undefined;
  return { settings: readSettings(mergeConfig(raw, editor)), file, problems };
}

/** The workspace folder a document lies in: the longest root that holds it. */
export function rootOf(fsPath: string, roots: string[]): string | undefined {
  let best: string | undefined;
  for (const root of roots) {
    const rel = path.relative(root, fsPath);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel) && (!best || root.length > best.length)) best = root;
  }
  return best;
}
