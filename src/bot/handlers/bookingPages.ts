import { DateTime } from 'luxon';

import type { Slot } from '../../domain/slots/findSlots.js';
import { formatInstant } from '../../domain/slots/instant.js';
import { NEXT_SLOT_SEARCH_DAYS } from '../../services/bookingService.js';

/** Slots on one card page; "Weitere Termine" shows the next ones. */
export const SLOT_PAGE_SIZE = 12;

/** One page of free slots and where the next page continues. */
export interface SlotPage {
  slots: Slot[];
  /** Cursor of "Weitere Termine": the next page shows slots starting after this instant. */
  nextAfter: string;
}

/** Start of a page: after the previous page's last slot, and not before an instant such as the next period's start. */
export interface SlotPageStart {
  after?: string;
  notBefore?: string;
}

/**
 * Loads one page of at most {@link SLOT_PAGE_SIZE} slots from a slot search over
 * {@link NEXT_SLOT_SEARCH_DAYS} local dates, starting at the latest of now, `after` and `notBefore`.
 * When the searched dates hold no slot, the next page starts after them.
 *
 * @param search - The slot search, e.g. `BookingService.findSlots` bound to a plan and kind.
 */
export async function loadSlotPage(
  search: (from: string, days: number) => Promise<Slot[]>,
  zone: string,
  now: Date,
  start: SlotPageStart,
): Promise<SlotPage> {
  const afterMs = start.after === undefined ? Number.NEGATIVE_INFINITY : Date.parse(start.after);
  const notBeforeMs = start.notBefore === undefined ? Number.NEGATIVE_INFINITY : Date.parse(start.notBefore);
  const firstMs = Math.max(now.getTime(), afterMs, notBeforeMs);
  const firstDate = DateTime.fromMillis(firstMs, { zone }).startOf('day');

  const found = await search(firstDate.toFormat('yyyy-MM-dd'), NEXT_SLOT_SEARCH_DAYS);
  const slots = found
    .filter((slot) => {
      const slotMs = Date.parse(slot.start);
      return slotMs > afterMs && slotMs >= notBeforeMs;
    })
    .slice(0, SLOT_PAGE_SIZE);

  const last = slots.at(-1);
  const nextAfter = last?.start ?? formatInstant(firstDate.plus({ days: NEXT_SLOT_SEARCH_DAYS }).toMillis(), zone);
  return { slots, nextAfter };
}
