// The index shipped with the extension, `data/directives.tsv` (built by
// `npm run build:index`): found beside dist/ in the bundle, or up from the
// sources under tsx; read once per process and handed to the core.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundledIndexOf, IndexProblem, LoadedIndex } from '../core/index/parseIndex';
import type { DirectiveIndex } from '../core/index/directiveIndex';
import { fileProblem } from '../core/index/problems';

/** Where the bundled index is, relative to the package. */
export const BUNDLED_INDEX = path.join('data', 'directives.tsv');

/** Where `data/directives.tsv` may be: next to dist/ in the bundle, or up from the sources. */
function bundledCandidates(): string[] {
  const out = [path.join(__dirname, '..', BUNDLED_INDEX)];
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    const data = path.join(dir, BUNDLED_INDEX);
    try {
      if (fs.existsSync(pkg) && fs.existsSync(data) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'kehoach') out.push(data);
    } catch {
      // not ours; keep walking
    }
    if (path.dirname(dir) === dir) break;
  }
  return out;
}

/** Reads the bundled index from disk (not cached). Never throws. */
export function readBundledIndex(): LoadedIndex {
  const file = bundledCandidates().find((f) => fs.existsSync(f));
  if (!file) return fileProblem(BUNDLED_INDEX, `Không tìm thấy danh mục văn bản kèm theo (${BUNDLED_INDEX})`, `Bundled index ${BUNDLED_INDEX} not found`);
  try {
    return bundledIndexOf(fs.readFileSync(file), file);
  } catch (err) {
    return fileProblem(file, `Không đọc được danh mục văn bản kèm theo: ${String(err)}`, `Cannot read the bundled index: ${String(err)}`);
  }
}

let bundled: LoadedIndex | undefined;

/** The bundled index of this process and its problems, read on first use. */
export function bundledIndex(): LoadedIndex {
  bundled ??= readBundledIndex();
  return bundled;
}

/** The bundled index of this process (see bundledIndex). */
export function loadBundledIndex(): DirectiveIndex {
  return bundledIndex().index;
}

/** Problems met reading the bundled index (empty when it is sound). */
export function bundledIndexProblems(): IndexProblem[] {
  return [...bundledIndex().problems];
}

/** Forgets the bundled index read (tests, benchmarks, or after `build:index`). */
export function resetBundledIndex(): void {
  bundled = undefined;
}
