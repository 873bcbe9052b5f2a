// Builds data/directives.tsv, the index bundled with the extension (run:
// `npm run build:index`), from the real documents in ../shared/corpus and the
// seeds in test/seeds/. Only this script reads them; the product reads the
// file it writes (see server/src/core/index/compactStore.ts).
//
// Sources, each declaring what it covers (none is complete):
//  - the Bộ Pháp điển's central normative documents (number, type, date,
//    issuer, trích yếu) and the numbers it mentions (normative numbers carry
//    their year, so a number alone names one document);
//  - the Official Gazette documents behind congbao/, dated by their own date line;
//  - dated citations harvested from the Gazette texts, the corpus plans and
//    the seeds: kept when the texts agree on the date (how many texts cite it
//    is recorded), dropped when they conflict unless one date clearly dominates;
//  - seed 004's catalogues and the documents it cites, all of Tỉnh ủy Bắc
//    Giang (local numbers are scoped to their locality; a local document whose
//    locality no text states is left out).
// Identity: scope + number + term or year (see server/src/core/index/scope.ts).
//
// The modules under scripts/index/: corpus.ts (reading), sources.ts (the
// declared sources, the file's text), catalogues.ts, mentions.ts and
// harvest.ts (what texts say of the documents they cite), stages.ts (the build).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { INDEX_FILE, readCorpus, withoutTexts } from './index/corpus';
import { renderIndex } from './index/sources';
import { buildIndexDetailed } from './index/stages';

export type { CatalogueRow } from './index/catalogues';
export type { Corpus, SourceText } from './index/corpus';
export type { Harvest } from './index/harvest';
export type { BuildResult } from './index/stages';
export { parseCatalogues } from './index/catalogues';
export { INDEX_FILE, SEED_DIR, readCorpus, sharedDir, withoutTexts } from './index/corpus';
export { agreedDate, ownDate } from './index/harvest';
export { GENERATED, SOURCES, renderIndex } from './index/sources';
export { buildIndexDetailed, compareEntries } from './index/stages';

/** `--exclude LIST` (file names, one a line) and `--out FILE` (default data/directives.tsv). */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const excludeList = option('--exclude');
  const out = option('--out') ?? INDEX_FILE;
  let corpus = readCorpus();
  if (excludeList) corpus = withoutTexts(corpus, fs.readFileSync(excludeList, 'utf8').split('\n'));
  const { entries, stats, notes } = buildIndexDetailed(corpus);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, renderIndex(entries));
  console.log(`${path.relative(process.cwd(), out)}: ${entries.length} entries${excludeList ? ` (${corpus.texts.length} texts read, ${excludeList} left out)` : ''}`);
  for (const [k, v] of Object.entries(stats)) console.log(`  ${k}: ${v}`);
  if (process.argv.includes('--notes')) for (const n of notes) console.log(`  - ${n}`);
  else console.log(`  notes: ${notes.length} (--notes to list)`);
}

if (require.main === module) main();
