// Timing helpers: medians after warm-up, percentiles, a monotonic clock.

export function median(xs: number[]): number {
  return percentile(xs, 50);
}

/** Nearest-rank percentile (p in 0–100). */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

/** A full collection when node runs with --expose-gc, so one run's garbage is not billed to the next. */
export function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Median wall time (ms) of `fn` over `runs` runs after `warmup` unmeasured runs. */
export function timeMedian(fn: () => unknown, runs: number, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

/**
 * Best of `runs` (each from a collected heap): the cost of the algorithm with
 * the least machine noise. Growth ratios use it: a median over few runs of a
 * half-second input swings with the collector and the other core's load.
 */
export function timeMin(fn: () => unknown, runs: number, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    collect();
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/**
 * Medians of several functions measured interleaved (a, b, c, a, b, c, …), so
 * that a noisy moment of the machine weighs on all of them alike. Without
 * `forceCollect` the collector runs when it would (steady state, as in the
 * editor); with it, each run starts from a collected heap.
 */
export function timeSideBySide(fns: (() => unknown)[], runs: number, warmup = 2, forceCollect = true): number[] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const xs: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      if (forceCollect) collect();
      const t = performance.now();
      fn();
      xs[k].push(performance.now() - t);
    });
  }
  return xs.map(median);
}

/** Heap bytes retained by what `build` returns (after forced collections; needs --expose-gc). */
export function retainedBytes<T>(build: () => T): { value: T; bytes: number } {
  collect();
  collect();
  const before = process.memoryUsage().heapUsed;
  const value = build();
  collect();
  collect();
  return { value, bytes: process.memoryUsage().heapUsed - before };
}
