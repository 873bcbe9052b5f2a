// Where each piece of a transformed text came from, one entry per run (not
// one per character): a copied run maps offset for offset, every unit of an
// inserted string maps to the one source position it replaced. Runs are in
// output order and their sources never go backwards, so both directions are
// a binary search. Maps compose (two passes → one map) and splice (an edit
// re-normalises a window and keeps the rest), which incremental analysis needs.

export class RunMap {
  /** Output offset where each run starts. */
  readonly outStarts: number[] = [];
  /** Source offset of each run's first unit. */
  readonly srcStarts: number[] = [];
  /** Whether each run is copied (1) or inserted (0). */
  readonly copied: number[] = [];
  /** Length of the output. */
  length = 0;

  /** Appends the source run [from, to) copied unchanged; a run continuing the last one extends it. */
  copy(from: number, to: number): void {
    if (to <= from) return;
    const last = this.outStarts.length - 1;
    if (last >= 0 && this.copied[last] && this.srcStarts[last] + (this.length - this.outStarts[last]) === from) {
      this.length += to - from;
      return;
    }
    this.push(this.length, from, 1);
    this.length += to - from;
  }

  /** Appends `units` output units that all stand for source position `origin`. */
  insert(units: number, origin: number): void {
    if (units <= 0) return;
    this.push(this.length, origin, 0);
    this.length += units;
  }

  private push(out: number, src: number, copied: number): void {
    this.outStarts.push(out);
    this.srcStarts.push(src);
    this.copied.push(copied);
  }

  /** Index of the run holding output offset `o` (0 ≤ o < length). */
  private runAt(o: number): number {
    let lo = 0;
    let hi = this.outStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.outStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Source offset of output offset `o` (0 ≤ o < length). */
  lookup(o: number): number {
    const k = this.runAt(o);
    return this.copied[k] ? this.srcStarts[k] + (o - this.outStarts[k]) : this.srcStarts[k];
  }

  /** The first output offset whose source is at or after `src` (length if none). */
  firstAtOrAfter(src: number): number {
    const n = this.outStarts.length;
    // The last source of run k: its start, plus its length if copied.
    const lastSrc = (k: number) => {
      const end = k + 1 < n ? this.outStarts[k + 1] : this.length;
      return this.copied[k] ? this.srcStarts[k] + (end - this.outStarts[k]) - 1 : this.srcStarts[k];
    };
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lastSrc(mid) >= src) hi = mid;
      else lo = mid + 1;
    }
    if (lo === n) return this.length;
    return this.copied[lo] ? this.outStarts[lo] + Math.max(0, src - this.srcStarts[lo]) : this.outStarts[lo];
  }

  /** Appends the runs of `other` covering its output [from, to), shifted: output to this map's end, sources by `srcShift`. */
  appendRange(other: RunMap, from: number, to: number, srcShift: number): void {
    if (to <= from) return;
    let k = other.runAt(from);
    for (let o = from; o < to; k++) {
      const runEnd = Math.min(to, k + 1 < other.outStarts.length ? other.outStarts[k + 1] : other.length);
      if (other.copied[k]) {
        const s = other.srcStarts[k] + (o - other.outStarts[k]) + srcShift;
        this.copy(s, s + (runEnd - o));
      } else {
        this.insert(runEnd - o, other.srcStarts[k] + srcShift);
      }
      o = runEnd;
    }
  }

  /** `outer` maps a text to `middle`, `inner` maps `middle` to the source: one map from the text to the source. */
  static compose(outer: RunMap, inner: RunMap): RunMap {
    const out = new RunMap();
    const n = outer.outStarts.length;
    for (let k = 0; k < n; k++) {
      const start = outer.outStarts[k];
      const end = k + 1 < n ? outer.outStarts[k + 1] : outer.length;
      if (outer.copied[k]) {
        const m = outer.srcStarts[k];
        out.appendRange(inner, m, m + (end - start), 0);
      } else {
        const origin = outer.srcStarts[k];
        out.insert(end - start, origin >= inner.length ? (inner.length ? inner.lookup(inner.length - 1) + 1 : 0) : inner.lookup(origin));
      }
    }
    return out;
  }
}
