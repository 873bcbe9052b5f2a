// Inputs of the benchmark: the seed drafts, plans generated from them, a
// generated workspace index, and the hostile inputs of issue 6.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');

export const SEEDS = {
  '000': '000_089bb949c9e0a859.txt',
  '001': '001_02122e36d28baa11.txt',
  '002': '002_1391606a0847e6e9.txt',
  '004': '004_845be7d462c89c00.txt',
} as const;

export type SeedId = keyof typeof SEEDS;

export function readSeed(id: SeedId): string {
  return fs.readFileSync(path.join(ROOT, 'test', 'seeds', SEEDS[id]), 'utf8');
}

/** The largest plan of the real corpus (a resolution with four flattened appendix tables, 197 KB). */
export const LARGEST_CORPUS_PLAN = 'nq109-cp-chuong-trinh-hanh-dong.txt';

/** A plan of ../shared/corpus/plans (beside the worktree's parent, or beside the clone). */
export function readCorpusPlan(name: string): string {
  const dirs = [path.resolve(ROOT, '..', '..', 'shared'), path.resolve(ROOT, '..', 'shared')];
  const dir = dirs.find((d) => fs.existsSync(path.join(d, 'corpus', 'plans', name)));
  if (!dir) throw new Error(`corpus plan ${name} not found in ${dirs.join(', ')}`);
  return fs.readFileSync(path.join(dir, 'corpus', 'plans', name), 'utf8');
}

/**
 * Plan number `i` made from seed 000, 001 or 002: the serials of party
 * (`15-NQ/TU`) and legal (`34/2019/NĐ-CP`) numbers shifted by `i`, the years
 * of dated citations shifted too, so no two files cite quite the same thing.
 */
export function variantPlan(seeds: string[], i: number): string {
  const base = seeds[i % seeds.length];
  const shift = (s: string) => String((Number(s) + i) % 997 + 1);
  return base
    .replace(/\b(\d{1,4})(?=-[A-ZĐ]{2,4}\/)/g, (s) => shift(s))
    .replace(/\b(\d{1,4})(?=\/(?:19|20)\d{2}\/)/g, (s) => shift(s))
    .replace(/\b(20[12]\d)\b/g, (y) => String(2010 + ((Number(y) - 2010 + i) % 16)));
}

/** Writes `count` variant plans into a fresh temporary directory; returns it. */
export function writeVariantPlans(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-bench-'));
  const seeds = (['000', '001', '002'] as SeedId[]).map(readSeed);
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(path.join(dir, `plan-${String(i).padStart(4, '0')}.kh`), variantPlan(seeds, i));
  }
  return dir;
}

const CODES = ['NQ', 'CT', 'KL', 'QĐ', 'KH', 'HD', 'TB', 'BC', 'CTr', 'QC'];
const ISSUERS = ['TW', 'TU', 'HU', 'ĐU', 'BCĐ', 'BTGTW', 'UBKTTW', 'VPTW', 'BTCTW', 'ĐUK'];

/** Entry `k` of a generated index: unique number, a plausible date. */
export function generatedEntry(k: number): { number: string; date: string; type: string } {
  const code = CODES[k % CODES.length];
  const issuer = ISSUERS[Math.floor(k / CODES.length) % ISSUERS.length];
  const serial = Math.floor(k / (CODES.length * ISSUERS.length)) + 1;
  const year = 2000 + (k % 26);
  const month = String((k % 12) + 1).padStart(2, '0');
  const day = String((k % 28) + 1).padStart(2, '0');
  const types: Record<string, string> = { NQ: 'Nghị quyết', CT: 'Chỉ thị', KL: 'Kết luận', QĐ: 'Quyết định', KH: 'Kế hoạch', HD: 'Hướng dẫn', TB: 'Thông báo', BC: 'Báo cáo', CTr: 'Chương trình', QC: 'Quy chế' };
  return { number: `${serial}-${code}/${issuer}`, date: `${year}-${month}-${day}`, type: types[code] };
}

/** A workspace index of `n` entries as the JSON a user would keep (one entry a line). */
export function generatedIndexJson(n: number): string {
  const lines: string[] = [];
  for (let k = 0; k < n; k++) {
    const e = generatedEntry(k);
    lines.push(`{"number":"${e.number}","date":"${e.date}"}`);
  }
  return `{"version":1,"entries":[\n${lines.join(',\n')}\n]}\n`;
}

/** The same index as CSV with a type column. */
export function generatedIndexCsv(n: number): string {
  const lines = ['number,date,type'];
  for (let k = 0; k < n; k++) {
    const e = generatedEntry(k);
    lines.push(`${e.number},${e.date},${e.type}`);
  }
  return lines.join('\n') + '\n';
}

/** Hostile inputs of issue 6, each built at a size parameter `n`. */
export const PATHOLOGICAL: { name: string; n: number; build: (n: number) => string }[] = [
  {
    name: 'one line of {n} KB (no line break)',
    n: 100,
    build: (kb) => 'Cơ quan chủ trì: Sở Nội vụ; thực hiện Nghị quyết số 12-NQ/TU và Nghị định 34/2019/NĐ-CP, '.repeat(Math.ceil((kb * 1024) / 90)),
  },
  { name: '{n} lines of `1.1.1.1.1.`', n: 10_000, build: (n) => '1.1.1.1.1.\n'.repeat(n) },
  {
    name: '{n} headings numbered up to 40 levels deep',
    n: 2_000,
    build: (n) => {
      const lines: string[] = [];
      for (let i = 0; i < n; i++) {
        const depth = (i % 40) + 1;
        lines.push(`${Array.from({ length: depth }, (_, d) => (d === depth - 1 ? (i % 7) + 1 : 1)).join('.')}. Nhiệm vụ cấp ${depth}`);
      }
      return lines.join('\n') + '\n';
    },
  },
  {
    name: '{n} citations in one paragraph',
    n: 5_000,
    build: (n) => {
      const parts: string[] = ['1. Triển khai các văn bản: '];
      for (let i = 0; i < n; i++) parts.push(`Nghị quyết số ${(i % 900) + 1}-NQ/TU ngày ${(i % 28) + 1}/${(i % 12) + 1}/20${10 + (i % 15)}, `);
      return parts.join('') + 'Cơ quan chủ trì: Sở Nội vụ.\n';
    },
  },
  {
    name: '{n} lines of unterminated tables and emphasis',
    n: 5_000,
    build: (n) => {
      const lines: string[] = [];
      for (let i = 0; i < n; i++) {
        lines.push(i % 3 === 0 ? `| ${i}. Nhiệm vụ | **Cơ quan chủ trì | Sở ${i}` : i % 3 === 1 ? `**${i}. *Nhiệm vụ _chưa đóng` : `<b>Thời gian thực hiện: \\*năm ${2020 + (i % 10)}`);
      }
      return lines.join('\n') + '\n';
    },
  },
];
