// Run by retention.test.ts under node --expose-gc: the heap after a few and
// after many one-character edits of nq109 through lintAfterEdit, in MB.
import { lint, lintAfterEdit } from '../../server/src/core/lint';
import { corpusPlan } from '../helpers';

const gc = (globalThis as { gc?: () => void }).gc!;
let text = corpusPlan('nq109-cp-chuong-trinh-hanh-dong.txt');
let result = lint(text);
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};
const edit = (i: number) => {
  const at = Math.floor(text.length * (0.3 + (0.4 * (((i >> 1) * 7919) % 1000)) / 1000));
  const insert = i % 2 === 0;
  text = insert ? text.slice(0, at) + 'a' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
  result = lintAfterEdit(result, text, insert ? { start: at, oldEnd: at, newEnd: at + 1 } : { start: at, oldEnd: at + 1, newEnd: at });
};
let i = 0;
for (; i < 40; i++) edit(i);
const few = heap();
for (; i < 340; i++) edit(i);
console.log(JSON.stringify({ few, many: heap(), diagnostics: result.diagnostics.length }));
