/**
 * A half-open span of instants [startMs, endMs) in epoch milliseconds (UTC).
 *
 * `endMs` itself is not part of the interval, so [09:00, 10:00) and [10:00, 11:00)
 * touch without overlapping. An interval with `startMs === endMs` is empty.
 */
export interface Interval {
  readonly startMs: number;
  readonly endMs: number;
}

const MILLIS_PER_MINUTE = 60_000;

/**
 * Creates an interval after checking its bounds.
 *
 * @throws Error naming both bounds when one is not a finite number or the end lies before the start.
 */
export function createInterval(startMs: number, endMs: number): Interval {
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) {
    throw new Error(`Invalid interval [${startMs}, ${endMs}): both bounds must be finite epoch milliseconds`);
  }
  if (endMs < startMs) {
    throw new Error(
      `Invalid interval [${new Date(startMs).toISOString()}, ${new Date(endMs).toISOString()}): the end lies before the start`,
    );
  }
  return { startMs, endMs };
}

/** Returns whether two intervals share at least one instant. Touching intervals do not overlap. */
export function intervalsOverlap(first: Interval, second: Interval): boolean {
  return first.startMs < second.endMs && second.startMs < first.endMs;
}

/** Returns whether `inner` lies completely inside `outer`. */
export function intervalContains(outer: Interval, inner: Interval): boolean {
  return outer.startMs <= inner.startMs && inner.endMs <= outer.endMs;
}

/**
 * Returns the union of the intervals as sorted, disjoint, non-empty intervals.
 * Overlapping and touching intervals are joined into one, and empty ones are dropped.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter((interval) => interval.endMs > interval.startMs)
    .sort((first, second) => first.startMs - second.startMs);

  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.startMs <= last.endMs) {
      merged[merged.length - 1] = { startMs: last.startMs, endMs: Math.max(last.endMs, interval.endMs) };
    } else {
      merged.push(interval);
    }
  }
  return merged;
}

/**
 * Removes every instant of `removed` from `base`.
 *
 * @returns The remaining parts as sorted, disjoint, non-empty intervals.
 */
export function subtractIntervals(base: readonly Interval[], removed: readonly Interval[]): Interval[] {
  const cuts = mergeIntervals(removed);
  const remaining: Interval[] = [];

  for (const interval of mergeIntervals(base)) {
    let cursorMs = interval.startMs;
    for (const cut of cuts) {
      if (cut.endMs <= cursorMs) {
        continue;
      }
      if (cut.startMs >= interval.endMs) {
        break;
      }
      if (cut.startMs > cursorMs) {
        remaining.push({ startMs: cursorMs, endMs: cut.startMs });
      }
      cursorMs = Math.max(cursorMs, cut.endMs);
    }
    if (cursorMs < interval.endMs) {
      remaining.push({ startMs: cursorMs, endMs: interval.endMs });
    }
  }
  return remaining;
}

/**
 * Extends an interval by `beforeMinutes` at its start and `afterMinutes` at its end.
 *
 * @throws Error naming the value when a buffer is negative or not an integer.
 */
export function widenInterval(interval: Interval, beforeMinutes: number, afterMinutes: number): Interval {
  for (const [name, minutes] of [
    ['beforeMinutes', beforeMinutes],
    ['afterMinutes', afterMinutes],
  ] as const) {
    if (!Number.isInteger(minutes) || minutes < 0) {
      throw new Error(`Invalid ${name} ${minutes}: expected a non-negative whole number of minutes`);
    }
  }
  return {
    startMs: interval.startMs - beforeMinutes * MILLIS_PER_MINUTE,
    endMs: interval.endMs + afterMinutes * MILLIS_PER_MINUTE,
  };
}
