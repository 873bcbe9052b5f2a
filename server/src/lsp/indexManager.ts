// The directive index the server checks against: the bundled index, the
// workspace's `.kehoach/directives.json|csv`, and files named in settings.
// A broken file is reported and skipped; the others keep working. Only files
// inside a workspace folder are read (a colleague's settings must not make the
// server read elsewhere), and none in an untrusted workspace.

import * as fs from 'fs';
import * as path from 'path';
import type { DirectiveIndex } from '../core/index/directiveIndex';
import type { IndexProblem } from '../core/index/parseIndex';
import type { Msg } from '../core/rules/types';
import type { IndexSet } from '../node/indexCache';
import { WORKSPACE_INDEX_FILES } from '../node/indexFiles';

export { WORKSPACE_INDEX_FILES };

export interface IndexState {
  index: DirectiveIndex;
  /** Every file read, with its problems (empty when fine). */
  files: Map<string, IndexProblem[]>;
}

export interface IndexFiles {
  /** Files to read, absolute. */
  files: string[];
  /** Configured paths not read, with the reason. */
  refused: { path: string; message: Msg }[];
}

/** The real path of a file or, if it does not exist yet, of its nearest existing parent plus the rest. */
function realPath(p: string): string {
  const rest: string[] = [];
  let cur = path.resolve(p);
  for (;;) {
    try {
      return path.join(fs.realpathSync(cur), ...rest.reverse());
    } catch {
      const up = path.dirname(cur);
      if (up === cur) return path.join(cur, ...rest.reverse());
      rest.push(path.basename(cur));
      cur = up;
    }
  }
}

/** Whether `file` (after following symlinks) lies inside one of the roots. */
export function insideRoots(file: string, roots: string[]): boolean {
  const real = realPath(file);
  return roots.some((root) => {
    const rel = path.relative(realPath(root), real);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  });
}

/**
 * Files to read: workspace roots' `.kehoach/…` that exist, then the settings'
 * files, relative to each root or absolute, each only if it lies inside one of
 * `within` (the roots themselves, or the workspace folder a nested root lies in).
 * In an untrusted workspace nothing from the workspace is read.
 */
export function indexFilesFor(roots: string[], configured: string[], trusted = true, within: string[] = roots): IndexFiles {
  const files: string[] = [];
  const refused: IndexFiles['refused'] = [];
  if (!trusted) {
    for (const f of configured) {
      refused.push({
        path: f,
        message: {
          vi: `Không đọc tệp danh mục "${f}": thư mục làm việc chưa được tin cậy (Restricted Mode)`,
          en: `Index file "${f}" not read: the workspace is not trusted (Restricted Mode)`,
        },
      });
    }
    return { files, refused };
  }
  for (const root of roots) {
    for (const rel of WORKSPACE_INDEX_FILES) {
      const p = path.join(root, rel);
      if (fs.existsSync(p) && insideRoots(p, within)) files.push(p);
      else if (fs.existsSync(p)) refused.push({ path: p, message: outside(p) });
    }
  }
  for (const f of configured) {
    const candidates = path.isAbsolute(f) ? [f] : roots.map((r) => path.join(r, f));
    if (!candidates.length) {
      refused.push({
        path: f,
        message: {
          vi: `Không đọc tệp danh mục "${f}": chưa mở thư mục làm việc nào (tệp danh mục phải nằm trong thư mục làm việc)`,
          en: `Index file "${f}" not read: no workspace folder is open (index files must lie inside one)`,
        },
      });
    }
    for (const c of candidates) {
      if (insideRoots(c, within)) files.push(path.resolve(c));
      else refused.push({ path: f, message: outside(f) });
    }
  }
  return { files: [...new Set(files)], refused };
}

function outside(f: string): Msg {
  return {
    vi: `Không đọc tệp danh mục "${f}": tệp nằm ngoài thư mục làm việc (kể cả qua liên kết tượng trưng); hãy chép tệp vào thư mục làm việc`,
    en: `Index file "${f}" not read: it lies outside the workspace folder (symbolic links included); copy it into the workspace`,
  };
}

/** What the server keeps of an index set: the index, and each file's problems for its diagnostics. */
export function indexStateOf(set: IndexSet): IndexState {
  return { index: set.index, files: new Map([...set.loaded].map(([file, r]) => [file, r.problems])) };
}
