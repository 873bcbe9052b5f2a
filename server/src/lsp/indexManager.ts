// The directive index the server checks against: the bundled index, the
// workspace's `.kehoach/directives.json|csv`, and files named in settings.
// A broken file is reported and skipped; the others keep working.

import * as fs from 'fs';
import * as path from 'path';
import { DirectiveIndex } from '../core/index/directiveIndex';
import { bundledIndexProblems, IndexProblem, loadBundledIndex, loadIndexFile } from '../core/index/loadIndex';

export const WORKSPACE_INDEX_FILES = ['.kehoach/directives.json', '.kehoach/directives.csv'];

export interface IndexState {
  index: DirectiveIndex;
  /** Every file read, with its problems (empty when fine). */
  files: Map<string, IndexProblem[]>;
}

/** Files to read: workspace roots' `.kehoach/…` that exist, then the settings' files. */
export function indexFilesFor(roots: string[], configured: string[]): string[] {
  const out: string[] = [];
  for (const root of roots) {
    for (const rel of WORKSPACE_INDEX_FILES) {
      const p = path.join(root, rel);
      if (fs.existsSync(p)) out.push(p);
    }
  }
  for (const f of configured) {
    const expanded = f.replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~');
    if (path.isAbsolute(expanded)) out.push(expanded);
    else if (roots.length) out.push(...roots.map((r) => path.join(r, expanded)));
    else out.push(path.resolve(expanded));
  }
  return [...new Set(out)];
}

export function buildIndex(files: string[]): IndexState {
  const loaded = new Map<string, IndexProblem[]>();
  const indexes: DirectiveIndex[] = [];
  const bundled = loadBundledIndex();
  const bundledProblems = bundledIndexProblems();
  if (bundledProblems.length) loaded.set(bundledProblems[0].file, bundledProblems);
  for (const file of files) {
    const r = loadIndexFile(file);
    loaded.set(file, r.problems);
    indexes.push(r.index);
  }
  return { index: bundled.merge(...indexes), files: loaded };
}
