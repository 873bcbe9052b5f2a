// The index files of a process, each parsed once and kept until it changes:
// the server re-reads only the file its watcher reports (or whose size or
// time changed), the command line reads each file once for all its groups.
// The bundled index is read by the caller and handed in.

import type { DirectiveIndex } from '../core/index/directiveIndex';
import type { LoadedIndex } from '../core/index/parseIndex';
import { fileStamp, readIndexFile } from './indexFiles';

/** Where index files come from: the disk, or what a test puts in its place. */
export interface IndexSource {
  /** Reads and parses one file; never throws. */
  read(file: string): LoadedIndex;
  /** What tells that a file changed since it was read (size, time); undefined when it cannot be seen. */
  stamp(file: string): string | undefined;
}

export const DISK: IndexSource = { read: readIndexFile, stamp: fileStamp };

/** Files read, and the bundled index merged with a set of them. */
export interface IndexSet {
  index: DirectiveIndex;
  /** Each file read, bundled index first when it has problems. */
  loaded: Map<string, LoadedIndex>;
}

export class IndexFiles {
  private readonly cache = new Map<string, { stamp: string | undefined; loaded: LoadedIndex }>();
  /** The last merge of each list of files, kept while the files' results are the same. */
  private readonly merged = new Map<string, { parts: LoadedIndex[]; index: DirectiveIndex }>();

  constructor(
    readonly bundled: LoadedIndex,
    private readonly source: IndexSource = DISK,
  ) {}

  /** One file, parsed: read again only when it changed or was forgotten since. */
  load(file: string): LoadedIndex {
    const stamp = this.source.stamp(file);
    const hit = this.cache.get(file);
    if (hit && stamp !== undefined && hit.stamp === stamp) return hit.loaded;
    const loaded = this.source.read(file);
    this.cache.set(file, { stamp, loaded });
    return loaded;
  }

  /** The bundled index followed by these files (in order: earlier files win a conflict). */
  indexOf(files: readonly string[]): IndexSet {
    const loaded = new Map<string, LoadedIndex>();
    if (this.bundled.problems.length) loaded.set(this.bundled.problems[0].file, this.bundled);
    const parts = files.map((f) => {
      const r = this.load(f);
      loaded.set(f, r);
      return r;
    });
    const key = files.join('\u0000');
    const last = this.merged.get(key);
    if (last && last.parts.length === parts.length && last.parts.every((p, k) => p === parts[k])) return { index: last.index, loaded };
    const index = this.bundled.index.merge(...parts.map((p) => p.index));
    this.merged.set(key, { parts, index });
    return { index, loaded };
  }

  /** The file changed (a watcher said so): it is read again when next asked for. */
  forget(file: string): void {
    this.cache.delete(file);
  }

  /** Everything is read again when next asked for (an explicit reload). */
  clear(): void {
    this.cache.clear();
    this.merged.clear();
  }
}
