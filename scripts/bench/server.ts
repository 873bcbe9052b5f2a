// Measurements through the real language server (`dist/server.js --stdio`):
// keystroke → diagnostics for that version, and resident memory.

import * as fs from 'fs';
import { SERVER_EXEC_ARGV } from '../../client/src/serverFlags';
import { startServer as startTestServer, TestClient } from '../../test/protocol/lspClient';

/** The server as the extension runs it (same node flags). */
export function startServer(): Promise<TestClient> {
  return startTestServer({ execArgv: SERVER_EXEC_ARGV });
}

/** Index of the task line nearest the middle of the text (a line naming a lead agency). */
export function middleTaskLine(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const mid = lines.length / 2;
  let best = -1;
  for (let i = 0; i < lines.length; i++) {
    if (/chủ trì/i.test(lines[i]) && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  }
  const line = best < 0 ? Math.floor(mid) : best;
  return { line, character: Math.floor(lines[line].replace(/\r$/, '').length / 2) };
}

/**
 * Opens `text`, waits for its first diagnostics, then types `edits`
 * characters one at a time in the middle of a task, waiting after each for
 * the diagnostics published for that version. Returns each latency in ms.
 */
export async function keystrokeLatencies(client: TestClient, uri: string, text: string, edits: number): Promise<number[]> {
  client.open(uri, text, 'kehoach', 1);
  await client.waitForDiagnostics(uri, (_d, v) => v === 1, 120_000);
  const at = middleTaskLine(text);
  const typed = 'thực hiện nghiêm túc ';
  const out: number[] = [];
  for (let k = 0; k < edits; k++) {
    const version = k + 2;
    const pos = { line: at.line, character: at.character + k };
    const t = performance.now();
    client.change(uri, version, [{ range: { start: pos, end: pos }, text: typed[k % typed.length] }]);
    await client.waitForDiagnostics(uri, (_d, v) => v === version, 60_000);
    out.push(performance.now() - t);
  }
  return out;
}

/** Resident set size of a process in bytes, from /proc (Linux). */
export function residentBytes(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Server RSS after opening every document and receiving its diagnostics. */
export async function residentWithOpen(docs: { uri: string; text: string }[]): Promise<{ rss: number | null; idle: number | null }> {
  const client = await startServer();
  try {
    const idle = residentBytes(client.process!.pid!);
    for (const d of docs) client.open(d.uri, d.text, 'kehoach', 1);
    for (const d of docs) await client.waitForDiagnostics(d.uri, (_x, v) => v === 1, 120_000);
    // Let the server finish answering before reading its memory.
    await new Promise((r) => setTimeout(r, 300));
    return { rss: residentBytes(client.process!.pid!), idle };
  } finally {
    await client.close();
  }
}

