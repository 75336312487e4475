import { toEpochMillis, type InstantInput } from './instant.js';
import { createInterval, mergeIntervals, widenInterval, type Interval } from '../interval.js';

/** Free/busy status of a calendar item, as Microsoft Graph getSchedule reports it. */
export type BusyStatus = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

/**
 * One calendar item of the consultant, half-open [start, end).
 * All-day events arrive from the calendar provider already as instants of the
 * consultant's zone (local midnight to local midnight).
 */
export interface BusyItem {
  readonly status: BusyStatus;
  readonly start: InstantInput;
  readonly end: InstantInput;
}

/**
 * Statuses that make the consultant unavailable.
 *
 * `unknown` blocks as well: Graph reports it when it cannot tell the status, and
 * offering such a time could book the consultant twice, while hiding it only
 * costs one offered slot.
 */
const BLOCKING_STATUSES: ReadonlySet<BusyStatus> = new Set<BusyStatus>(['busy', 'tentative', 'oof', 'unknown']);

const ALL_STATUSES: ReadonlySet<string> = new Set<BusyStatus>([...BLOCKING_STATUSES, 'free', 'workingElsewhere']);

/** Returns whether a calendar item with this status keeps its time from being booked. */
export function blocksBooking(status: BusyStatus): boolean {
  return BLOCKING_STATUSES.has(status);
}

/**
 * Returns the time that blocking calendar items take, each widened by the buffers,
 * as sorted disjoint intervals. Items with status free or workingElsewhere and
 * items of zero length are ignored.
 *
 * @throws Error naming the item when its status is unknown to this module, an instant
 *   is invalid or its end lies before its start, or a buffer is negative.
 */
export function blockedIntervals(
  busy: readonly BusyItem[],
  bufferBeforeMinutes: number,
  bufferAfterMinutes: number,
): Interval[] {
  // Validate the buffers even when no item blocks, so a bad configuration fails at once.
  widenInterval(createInterval(0, 0), bufferBeforeMinutes, bufferAfterMinutes);

  const blocked: Interval[] = [];

  busy.forEach((item, index) => {
    if (!ALL_STATUSES.has(item.status)) {
      throw new Error(
        `Invalid status "${String(item.status)}" of busy[${index}]: expected one of ${[...ALL_STATUSES].join(', ')}`,
      );
    }
    const startMs = toEpochMillis(item.start, `busy[${index}].start`);
    const endMs = toEpochMillis(item.end, `busy[${index}].end`);
    if (endMs < startMs) {
      throw new Error(`Invalid busy[${index}]: its end ${String(item.end)} lies before its start ${String(item.start)}`);
    }
    const interval = createInterval(startMs, endMs);
    if (blocksBooking(item.status) && interval.endMs > interval.startMs) {
      blocked.push(widenInterval(interval, bufferBeforeMinutes, bufferAfterMinutes));
    }
  });

  return mergeIntervals(blocked);
}
