// Index files as text in, entries and problems out: the one entry point the
// adapters (server, command line) call once they have read a file. No I/O
// here: reading, size limits, encodings, watching and trust are theirs
// (server/src/node/indexFiles.ts).

import { CompactStore } from './compactStore';
import { readCoverage } from './coverage';
import { parseIndexCsv } from './csvIndex';
import { DirectiveIndex } from './directiveIndex';
import { parseIndexJson } from './jsonIndex';
import { baseName, fileProblem, LoadedIndex } from './problems';

export { parseIndexCsv } from './csvIndex';
export { parseIndexJson } from './jsonIndex';
export { parseIndexDate } from './fields';
export type { IndexProblem, LoadedIndex } from './problems';

/** What an index file's name must end in. */
export const INDEX_FILE_EXTENSIONS = ['.json', '.csv'] as const;

/** `.json`, `.csv` (lower case) or undefined for any other name. */
export function indexKindOf(file: string): '.json' | '.csv' | undefined {
  const m = /.\.(json|csv)$/i.exec(baseName(file));
  return m ? (`.${m[1].toLowerCase()}` as '.json' | '.csv') : undefined;
}

/** A problem for a file whose name is not that of an index file. */
export function notAnIndexFile(file: string): LoadedIndex {
  const name = baseName(file);
  return fileProblem(
    file,
    `Tệp danh mục văn bản phải có đuôi .json hoặc .csv (tệp "${name}" không đọc được)`,
    `An index file must end in .json or .csv ("${name}" not read)`,
  );
}

/** The sidecar of a CSV index, where it says what it covers: `x.csv` → `x.coverage.json`. */
export function coverageFileOf(csvFile: string): string {
  return csvFile.replace(/\.csv$/i, '.coverage.json');
}

export interface IndexText {
  /** The file's name or path, as problems name it; its extension says the format. */
  file: string;
  text: string;
  /** A CSV's `.coverage.json` beside it, when there is one. */
  coverageText?: string;
}

/** Parses the text of a `.json` or `.csv` index file. Never throws. */
export function parseIndexText({ file, text, coverageText }: IndexText): LoadedIndex {
  const kind = indexKindOf(file);
  if (kind === '.json') return parseIndexJson(text, file);
  if (kind === '.csv') return parseIndexCsv(text, file, coverageText === undefined ? undefined : csvCoverage(coverageText, file));
  return notAnIndexFile(file);
}

function csvCoverage(text: string, file: string) {
  try {
    return readCoverage(JSON.parse(text), baseName(file));
  } catch {
    return undefined;
  }
}

/**
 * The bundled index from its stored bytes (see compactStore.ts), read in
 * place: ready in milliseconds, entries parsed when looked up. A damaged
 * store is not trusted in part: it is a build fault, reported as one.
 */
export function bundledIndexOf(bytes: Uint8Array, file: string): LoadedIndex {
  try {
    return { index: DirectiveIndex.ofStore(CompactStore.read(bytes)), problems: [] };
  } catch (err) {
    return fileProblem(file, `Danh mục văn bản kèm theo bị hỏng: ${String(err)}`, `The bundled index is damaged: ${String(err)}`);
  }
}
