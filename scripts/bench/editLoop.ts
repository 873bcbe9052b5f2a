// Repeats the benchmark's one-character edits (scripts/bench.ts, afterEdits) on one
// plan through lintAfterEdit, beside the baseline pass, to profile the edit path:
// esbuild it like build:bench, then `node --cpu-prof dist/bench/editLoop.js [nq109|000|004|plan file] [edits]`.
import { loadBundledIndex } from '../../server/src/node/bundledIndex';
import { lint, lintAfterEdit } from '../../server/src/core/lint';
import { readCorpusPlan, readSeed, LARGEST_CORPUS_PLAN, SeedId } from './corpus';

const which = process.argv[2] ?? 'nq109';
const edits = Number(process.argv[3] ?? 400);
const FULL = process.argv.includes('--full');
const text0 = /^\d{3}$/.test(which) ? readSeed(which as SeedId) : readCorpusPlan(which === 'nq109' ? LARGEST_CORPUS_PLAN : which);
const index = loadBundledIndex();
let prev = lint(text0, { index });
let current = text0;
const times: number[] = [];
const cpu: number[] = [];
const base: number[] = [];
for (let i = 0; i < edits; i++) {
  const pair = i >> 1;
  const at = Math.floor(current.length * (0.3 + (0.4 * ((pair * 7919) % 1000)) / 1000));
  const insert = i % 2 === 0;
  const edit = insert ? { start: at, oldEnd: at, newEnd: at + 1 } : { start: at, oldEnd: at + 1, newEnd: at };
  const next = insert ? current.slice(0, at) + 'a' + current.slice(at) : current.slice(0, at) + current.slice(at + 1);
  const copy = insert ? current.slice(0, at) + 'a' + current.slice(at) : current.slice(0, at) + current.slice(at + 1);
  let tb = performance.now();
  let n = 0;
  for (const line of copy.split('\n')) if (/chủ trì/.test(line)) n++;
  base.push(performance.now() - tb);
  const c = process.cpuUsage();
  const t = performance.now();
  prev = lintAfterEdit(prev, next, edit, { index });
  times.push(performance.now() - t);
  const d = process.cpuUsage(c);
  cpu.push((d.user + d.system) / 1000);
  // As the benchmark does: the whole pipeline on every seventh edited text (its garbage is part of the picture).
  if (FULL && i % 7 === 0) lint(copy, { index });
  current = next;
}
const med = (xs: number[]) => xs.slice(20).sort((a, b) => a - b)[(xs.length - 20) >> 1];
console.log(`${which}: ${edits} edits, median ${med(times).toFixed(2)} ms wall, ${med(cpu).toFixed(2)} ms cpu; baseline ${med(base).toFixed(2)} ms; ratio ${(med(times) / med(base)).toFixed(1)}`);
