import type { Interval } from '../interval.js';

/** Slot starts lie on local quarter hours (:00, :15, :30, :45), so every step is a multiple of this. */
export const SLOT_ALIGNMENT_MINUTES = 15;

const MILLIS_PER_MINUTE = 60_000;

/**
 * Returns the step between slot starts when none is given: the duration rounded up to
 * a quarter hour, so 15-minute calls start every 15 minutes and 60-minute calls every hour.
 */
export function defaultStepMinutes(durationMinutes: number): number {
  return Math.ceil(durationMinutes / SLOT_ALIGNMENT_MINUTES) * SLOT_ALIGNMENT_MINUTES;
}

/**
 * Rounds minutes after local midnight up to the next quarter hour, the first slot start of a day.
 */
export function alignToQuarterHour(minutesOfDay: number): number {
  return Math.ceil(minutesOfDay / SLOT_ALIGNMENT_MINUTES) * SLOT_ALIGNMENT_MINUTES;
}

/** Grid of one local day: slot starts at `anchorMs + k * stepMinutes` for k = 0, 1, 2, ... */
export interface SlotGrid {
  /** First possible slot start of the day, on a local quarter hour. */
  readonly anchorMs: number;
  readonly stepMinutes: number;
  readonly durationMinutes: number;
}

/**
 * Lists the slots of a day's grid that lie fully inside one of the free intervals
 * and start at or after `earliestStartMs`.
 *
 * The grid steps in elapsed time from the anchor. Every start stays on a local quarter
 * hour, also on a day with a DST switch inside the bookable hours, as long as the
 * zone's offset changes by a multiple of 15 minutes (Europe/Berlin changes by one hour).
 *
 * @param free Sorted, disjoint free intervals of the same local day.
 * @returns Slots in ascending order. A slot may end exactly where a free interval ends.
 */
export function slotsInFreeTime(free: readonly Interval[], grid: SlotGrid, earliestStartMs: number): Interval[] {
  const stepMs = grid.stepMinutes * MILLIS_PER_MINUTE;
  const durationMs = grid.durationMinutes * MILLIS_PER_MINUTE;
  const slots: Interval[] = [];

  for (const interval of free) {
    const lowerBoundMs = Math.max(interval.startMs, earliestStartMs, grid.anchorMs);
    const firstIndex = Math.ceil((lowerBoundMs - grid.anchorMs) / stepMs);

    for (let startMs = grid.anchorMs + firstIndex * stepMs; startMs + durationMs <= interval.endMs; startMs += stepMs) {
      slots.push({ startMs, endMs: startMs + durationMs });
    }
  }
  return slots;
}
