// Each workspace folder's configuration: its `.kehoach/config.json` under the
// editor's settings for that folder (scopeUri), read into Settings by the one
// reader the command line uses too. A folder inside it with a `.kehoach/` of its
// own is a configuration root too: the nearest wins, as on the command line. In an untrusted workspace the file's index
// files are not read (as `kehoach.index.files` is restricted).

import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE, ConfigProblem, findConfigRoot, mergeConfig, parseConfigText, RawConfig } from '../config/workspaceConfig';
import { WORKSPACE_INDEX_FILES } from './indexManager';
import { readSettings, Settings } from './settings';

/** The files that make a folder a configuration root, for the server and the command line alike. */
export const CONFIG_MARKERS = [CONFIG_FILE, ...WORKSPACE_INDEX_FILES];

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

/**
 * The configuration root of a file in a workspace folder: the nearest folder
 * at or above it, inside the workspace folder, holding `.kehoach/`'s files (as
 * the command line finds it walking up), else the workspace folder itself.
 */
export function configRootIn(fsPath: string, workspace: string): string {
  const found = findConfigRoot(path.dirname(fsPath), fs.existsSync, path.join, path.dirname, CONFIG_MARKERS);
  return found && rootOf(found, [workspace]) ? found : workspace;
}
