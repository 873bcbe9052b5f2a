// `kehoach check --jobs N`: files are checked on N threads (the main one and
// N - 1 workers running this same bundle), handed out in small batches so fast
// and slow files even out; the results come back in input order, as a
// sequential run gives them.

import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import type { LintOptions } from '../core/lint';
import type { LocatedDiagnostic } from '../docx/check';
import { loadWord } from '../docx/sniff';
import { lint, unreadableDiagnostic } from '../core/lint';
import type { Level, Msg } from '../core/rules/types';
import type { LabelLists } from '../core/plan/labels';
import { CLI_SIZE_LIMIT, readTextFile } from './readFile';

/** A file's findings, or why it could not be read (then it has none). */
export interface FileResult {
  file: string;
  diagnostics: LocatedDiagnostic[];
  error?: Msg;
}

/** What a worker needs to rebuild the options of the main thread. */
export interface CheckSetup {
  indexFiles: string[];
  /** Labels added by the configuration (a LabelTable is rebuilt from them in each worker). */
  labels: LabelLists;
  levels: Record<string, Level>;
  maxFileSizeMb: number;
  /** `--locality`: the locality of plans whose header names none. */
  locality?: string;
}

type Outcome = { diagnostics: LocatedDiagnostic[] } | { error: Msg };

/** Below this many files a worker's start-up (bundle, index) costs more than it saves. */
const MIN_FILES_PER_WORKER = 50;

export function checkFile(file: string, options: LintOptions): Outcome {
  const read = readTextFile(file, options.maxFileSizeMb);
  if ('error' in read) return { error: read.error };
  // Said per file, as an information line: the other files are still checked.
  if ('skipped' in read) return { diagnostics: [unreadableDiagnostic(read.skipped)] };
  if ('docx' in read) {
    const { checkDocx, DocxError } = loadWord();
    try {
      return { diagnostics: checkDocx(read.docx, { ...options, sizeLimitName: CLI_SIZE_LIMIT }).diagnostics };
    } catch (e) {
      // Said for that file, as a text with NUL is: the other files are still checked.
      if (e instanceof DocxError) return { diagnostics: [unreadableDiagnostic(e.msg)] };
      throw e;
    }
  }
  return { diagnostics: lint(read.text, { ...options, sizeLimitName: CLI_SIZE_LIMIT }).diagnostics };
}

/** Whether this bundle can run itself as a worker (not under tsx, where __filename is TypeScript). */
function canSpawnWorkers(): boolean {
  return __filename.endsWith('.js');
}

/** Checks `files`; on `jobs` workers when that pays. An unreadable file gets its reason, the others are still checked. */
export async function checkFiles(files: string[], jobs: number, setup: CheckSetup, options: LintOptions): Promise<FileResult[]> {
  const workers = Math.min(jobs, Math.floor(files.length / MIN_FILES_PER_WORKER));
  const outcomes = workers > 1 && canSpawnWorkers() ? await onThreads(files, workers, setup, options) : files.map((f) => checkFile(f, options));
  return outcomes.map((o, i) => ('error' in o ? { file: files[i], diagnostics: [], error: o.error } : { file: files[i], diagnostics: o.diagnostics }));
}

interface Batch {
  first: number;
  files: string[];
}

/**
 * The main thread checks batches too, beside `count - 1` workers: one isolate
 * fewer to start and warm up, and the main thread would otherwise sit idle.
 */
function onThreads(files: string[], count: number, setup: CheckSetup, options: LintOptions): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(files.length);
  const size = Math.max(1, Math.ceil(files.length / (count * 16)));
  let next = 0;
  const take = (): Batch | null => {
    if (next >= files.length) return null;
    const batch = { first: next, files: files.slice(next, next + size) };
    next += size;
    return batch;
  };
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(__filename, { workerData: { kehoachCheck: setup } });
      let busy = false;
      const feed = () => {
        const batch = take();
        busy = !!batch;
        if (batch) worker.postMessage(batch);
        else void worker.terminate().then(() => resolve());
      };
      worker.on('message', (m: { first: number; outcomes: Outcome[] }) => {
        m.outcomes.forEach((o, k) => (outcomes[m.first + k] = o));
        feed();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (busy) reject(new Error(`worker stopped (exit ${code})`));
      });
      feed();
    });
  const here = async () => {
    for (;;) {
      const batch = take();
      if (!batch) return;
      batch.files.forEach((f, k) => (outcomes[batch.first + k] = checkFile(f, options)));
      // Let the workers' results in, and hand them their next batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return Promise.all([here(), ...Array.from({ length: count - 1 }, one)]).then(() => outcomes);
}

/** True in a worker started by `checkFiles`; it then serves batches until terminated. */
export function serveIfWorker(options: (setup: CheckSetup) => LintOptions): boolean {
  if (isMainThread || !parentPort || !workerData?.kehoachCheck) return false;
  const lintOptions = options(workerData.kehoachCheck as CheckSetup);
  const port = parentPort;
  port.on('message', (batch: Batch) => {
    port.postMessage({ first: batch.first, outcomes: batch.files.map((f) => checkFile(f, lintOptions)) });
  });
  return true;
}
