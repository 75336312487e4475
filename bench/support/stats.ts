/** Summary of one series of timed operations, in milliseconds. */
export interface TimingSummary {
  /** Number of timed operations. */
  count: number;
  medianMs: number;
  /** 95th percentile by the nearest-rank method: with fewer than 20 samples it is the maximum. */
  p95Ms: number;
  minMs: number;
  maxMs: number;
  meanMs: number;
  /** Sum of all samples. */
  totalMs: number;
}

/**
 * Returns the value at percentile `p` (0 to 100) of ascending samples, by the nearest-rank method.
 *
 * @throws RangeError when `sorted` is empty or `p` lies outside 0 to 100.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    throw new RangeError('percentile: no samples');
  }
  if (!(p >= 0 && p <= 100)) {
    throw new RangeError(`percentile: invalid p ${p}, expected 0 to 100`);
  }
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/**
 * Summarizes operation durations in milliseconds.
 *
 * @throws RangeError when `samples` is empty.
 */
export function summarize(samples: readonly number[]): TimingSummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const totalMs = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    minMs: percentile(sorted, 0),
    maxMs: sorted[sorted.length - 1] as number,
    meanMs: totalMs / sorted.length,
    totalMs,
  };
}
