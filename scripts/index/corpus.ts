// The corpus the index is built from: the shared folder's metadata, Gazette
// texts and corpus plans, and the seeds. Only the build reads these files.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { readHeader } from '../../server/src/core/plan/header';
import { parsePlan } from '../../server/src/core/plan/parse';

const ROOT = path.join(__dirname, '..', '..');
export const SEED_DIR = path.join(ROOT, 'test', 'seeds');
export const INDEX_FILE = path.join(ROOT, 'data', 'directives.tsv');

export interface SourceText {
  /** Path relative to the shared folder, e.g. `corpus/congbao/…txt`. */
  name: string;
  text: string;
  /** The locality of the text's own local citations, when the build knows it. */
  locality?: string;
}

export interface Corpus {
  normative: { so_hieu: string; loai?: string; trich_yeu?: string; ngay_ban_hanh?: string; co_quan?: string }[];
  numbers: string[];
  gazette: { so_hieu: string; loai?: string; slug: string; topic_key: string }[];
  /** Gazette texts, corpus plans and seeds. */
  texts: SourceText[];
  /** Seeds with catalogues (004), with their locality. */
  catalogues: SourceText[];
}

/** The folder holding `corpus/` and `seeds/`: `<repo>/../shared`, or two up from a worktree. */
export function sharedDir(root = ROOT): string {
  const candidates = [process.env.KEHOACH_SHARED, path.resolve(root, '..', 'shared'), path.resolve(root, '..', '..', 'shared')];
  for (const c of candidates) if (c && fs.existsSync(path.join(c, 'corpus', 'README.md'))) return c;
  throw new Error(`no shared/corpus beside the repository (looked in ${candidates.filter(Boolean).join(', ')})`);
}

/** The corpus as the build reads it, from the shared folder and the seeds. */
export function readCorpus(shared = sharedDir(), seedDir = SEED_DIR): Corpus {
  const meta = (f: string) => path.join(shared, 'corpus', 'metadata', f);
  const normative = JSON.parse(fs.readFileSync(meta('central-normative-phapdien.json'), 'utf8'));
  const numbers = fs
    .readFileSync(meta('central-numbers-phapdien.tsv'), 'utf8')
    .split('\n')
    .map((l) => l.split('\t')[0].trim())
    .filter(Boolean);
  const gazette = JSON.parse(fs.readFileSync(meta('central-congbao-2021-2026.json'), 'utf8'));
  const read = (dir: string, rel: string): SourceText[] =>
    fs
      .readdirSync(dir)
      .filter((f) => /\.(txt|md)$/.test(f))
      .sort()
      .map((f) => ({ name: `${rel}/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  // A plan's own local citations belong to the locality its header names.
  const located = (t: SourceText): SourceText => {
    const locality = readHeader(parsePlan(t.text)).locality;
    return locality ? { ...t, locality } : t;
  };
  const texts = [...read(path.join(shared, 'corpus', 'congbao'), 'corpus/congbao'), ...read(path.join(shared, 'corpus', 'plans'), 'corpus/plans').map(located)];
  const seeds = read(seedDir, 'seeds').map(located);
  // Seed 004: Tỉnh ủy Bắc Giang's compilation (its header says so).
  const catalogues = seeds.filter((s) => s.name.includes('004_'));
  texts.push(...seeds.filter((s) => !s.name.includes('004_')));
  return { normative, numbers, gazette, texts, catalogues };
}

/**
 * The corpus without the texts a hold-out leaves out: `exclude` lists file
 * names (`x.txt`, or `corpus/congbao/x.txt`), one a line. The bundled index is
 * built from everything; a hold-out build measures the checks on texts the
 * index has not seen.
 */
export function withoutTexts(corpus: Corpus, exclude: readonly string[]): Corpus {
  const names = new Set(exclude.map((n) => n.trim()).filter(Boolean));
  const kept = (t: SourceText) => !names.has(t.name) && !names.has(path.basename(t.name));
  return { ...corpus, texts: corpus.texts.filter(kept), catalogues: corpus.catalogues.filter(kept) };
}
