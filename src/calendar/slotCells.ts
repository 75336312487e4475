import { DateTime } from 'luxon';

import { SLOT_ALIGNMENT_MINUTES } from '../domain/slots/slotGrid.js';

const CELL_MS = SLOT_ALIGNMENT_MINUTES * 60_000;

/** The quarter-hour cells that a booking locks, all on the local date of its start. */
export interface SlotCells {
  /** Local date "yyyy-MM-dd" of the booking start in the consultant's zone. */
  readonly localDate: string;
  /** Start instants of the cells in epoch milliseconds, ascending. */
  readonly startsMs: readonly number[];
}

/**
 * Returns the quarter-hour cells that a booking [start, end) locks: every cell that overlaps the booking,
 * and the cells of the buffer after it, rounded up to whole cells.
 *
 * Two bookings whose cells are disjoint neither overlap nor come closer than the buffer, because slot
 * starts lie on quarter hours. Locking the buffer after each booking is enough to keep the buffer between
 * two bookings in either order. Cells after the end of the local day are left out: bookable hours end on
 * the day they start, so no booking of the next day can start there before the buffer ends.
 *
 * @param bufferMinutes - Free time kept around busy items, in minutes.
 * @param zone - IANA zone of the consultant.
 */
export function slotCellsOf(start: Date, end: Date, bufferMinutes: number, zone: string): SlotCells {
  const startMs = start.getTime();
  const guardedEndMs = end.getTime() + Math.ceil(bufferMinutes / SLOT_ALIGNMENT_MINUTES) * CELL_MS;
  const local = DateTime.fromMillis(startMs, { zone });
  const dayEndMs = local.plus({ days: 1 }).startOf('day').toMillis();

  const startsMs: number[] = [];
  for (let cellMs = Math.floor(startMs / CELL_MS) * CELL_MS; cellMs < Math.min(guardedEndMs, dayEndMs); cellMs += CELL_MS) {
    startsMs.push(cellMs);
  }
  return { localDate: local.toFormat('yyyy-MM-dd'), startsMs };
}

/** Length of one cell in milliseconds. */
export const SLOT_CELL_MS = CELL_MS;
