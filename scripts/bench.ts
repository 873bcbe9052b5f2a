// Benchmark: prints figures (never asserts). Run with `npm run bench`.
// Core: normalise, parse, full lint on each seed (median of runs). Server:
// time from didOpen / didChange to the published diagnostics over stdio.

import * as fs from 'fs';
import * as path from 'path';
import { loadBundledIndex } from '../server/src/core/index/loadIndex';
import { lint } from '../server/src/core/lint';
import { parsePlan } from '../server/src/core/plan/parse';
import { normalize } from '../server/src/core/text/normalize';
import { startServer } from '../test/protocol/lspClient';

const ROOT = path.resolve(__dirname, '..');
const SEEDS = ['000_089bb949c9e0a859.txt', '002_1391606a0847e6e9.txt', '004_845be7d462c89c00.txt'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

async function main(): Promise<void> {
  const index = loadBundledIndex();
  console.log(`Bundled index: ${index.size} entries`);
  console.log('\nCore (median ms)            size KB  normalise   parse    lint');
  for (const name of SEEDS) {
    const text = fs.readFileSync(path.join(ROOT, 'test', 'seeds', name), 'utf8');
    const runs = text.length > 100_000 ? 15 : 50;
    const n = time(() => normalize(text), runs);
    const p = time(() => parsePlan(text), runs);
    const l = time(() => lint(text, { index }), runs);
    console.log(`${name.padEnd(28)} ${(Buffer.byteLength(text) / 1024).toFixed(0).padStart(7)} ${n.toFixed(2).padStart(10)} ${p.toFixed(2).padStart(7)} ${l.toFixed(2).padStart(7)}`);
  }

  const client = await startServer();
  try {
    console.log('\nServer over stdio (ms, includes the 80 ms typing debounce for changes)');
    for (const name of SEEDS) {
      const text = fs.readFileSync(path.join(ROOT, 'test', 'seeds', name), 'utf8');
      const uri = `file:///bench/${name.replace('.txt', '.kh')}`;
      let t = performance.now();
      client.open(uri, text, 'kehoach', 1);
      await client.waitForDiagnostics(uri, (_d, v) => v === 1, 60000);
      const open = performance.now() - t;
      const changes: number[] = [];
      for (let v = 2; v < 12; v++) {
        t = performance.now();
        client.change(uri, v, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: v % 2 ? 'x' : '' }]);
        await client.waitForDiagnostics(uri, (_d, ver) => ver === v, 60000);
        changes.push(performance.now() - t);
      }
      console.log(`${name.padEnd(28)} open→diagnostics ${open.toFixed(0).padStart(5)}   keystroke→diagnostics (median of 10) ${median(changes).toFixed(0).padStart(5)}`);
    }
  } finally {
    await client.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
