/**
 * Binary search over a sorted sequence: the last index whose key is at or
 * before `target`, or -1. Used for lines, sections and citations, all kept in
 * document order.
 */
export function lastAtOrBefore(length: number, keyAt: (i: number) => number, target: number): number {
  let lo = 0;
  let hi = length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keyAt(mid) <= target) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
