import { DateTime } from 'luxon';

import type { BookableHours } from '../domain/slots/bookableHours.js';
import type { BusyItem } from '../domain/slots/busyTime.js';
import { findSlots, type Absence, type Slot } from '../domain/slots/findSlots.js';
import type { CalendarProvider } from './calendarProvider.js';

const MILLIS_PER_MINUTE = 60_000;

/** The rules that turn the consultant's calendar into bookable slots. */
export interface SlotRules {
  /** IANA zone of the consultant. */
  readonly zone: string;
  /** Whether a local date "yyyy-MM-dd" is closed: public holidays and the consultant's extra closed dates. */
  readonly isClosedDate: (localDate: string) => boolean;
  readonly bookableHours: BookableHours;
  readonly minimumNoticeMinutes: number;
  /** Free time kept before and after each busy item, in minutes. */
  readonly bufferMinutes: number;
}

/** Input of {@link searchFreeSlots}. */
export interface SlotSearchRequest {
  /** First local date "yyyy-MM-dd". */
  readonly from: string;
  readonly days: number;
  readonly durationMinutes: number;
  readonly now: Date;
  /** Spans without bookings and without buffers around them: absences and locked slots. */
  readonly unavailable?: readonly Absence[];
  /** Leaves out the busy items that exactly match one of these spans, e.g. the booking being moved. */
  readonly ignoreBusy?: readonly { startMs: number; endMs: number }[];
}

/**
 * Reads the consultant's free/busy for the searched dates and returns the free slots.
 *
 * The calendar is read from local midnight of `from` minus the buffer to local midnight after the last
 * date plus the buffer, so an item just outside the dates still widens into them.
 *
 * @throws CalendarUnavailableError when the calendar cannot be reached, Error naming an invalid input.
 */
export async function searchFreeSlots(calendar: CalendarProvider, rules: SlotRules, request: SlotSearchRequest): Promise<Slot[]> {
  const firstDay = DateTime.fromISO(request.from, { zone: rules.zone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(request.from) || !firstDay.isValid) {
    throw new Error(`Invalid from "${request.from}": expected a local date "yyyy-MM-dd"`);
  }

  const bufferMs = rules.bufferMinutes * MILLIS_PER_MINUTE;
  const windowStart = new Date(firstDay.startOf('day').toMillis() - bufferMs);
  const windowEnd = new Date(firstDay.plus({ days: request.days }).startOf('day').toMillis() + bufferMs);
  const busy = withoutIgnored(await calendar.getBusy(windowStart, windowEnd), request.ignoreBusy ?? []);

  return findSlots({
    from: request.from,
    days: request.days,
    durationMinutes: request.durationMinutes,
    bookableHours: rules.bookableHours,
    zone: rules.zone,
    isClosedDate: rules.isClosedDate,
    busy,
    bufferBeforeMinutes: rules.bufferMinutes,
    bufferAfterMinutes: rules.bufferMinutes,
    minimumNoticeMinutes: rules.minimumNoticeMinutes,
    now: request.now,
    absences: request.unavailable ?? [],
  });
}

function withoutIgnored(busy: BusyItem[], ignored: readonly { startMs: number; endMs: number }[]): BusyItem[] {
  if (ignored.length === 0) {
    return busy;
  }
  return busy.filter((item) => {
    const startMs = new Date(item.start).getTime();
    const endMs = new Date(item.end).getTime();
    return !ignored.some((span) => span.startMs === startMs && span.endMs === endMs);
  });
}
