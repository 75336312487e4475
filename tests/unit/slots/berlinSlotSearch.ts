import { DateTime } from 'luxon';
import { createHolidayCalendar } from '../../../src/domain/businessCalendar.js';
import { DEFAULT_BOOKABLE_HOURS, type FindSlotsInput } from '../../../src/domain/slots/index.js';

/** Zone of every slot test. */
export const zone = 'Europe/Berlin';

const holidaysNorthRhineWestphalia = createHolidayCalendar('DE-NW');

/**
 * Builds a slot search over one local date in Europe/Berlin with DE-NW holidays closed,
 * Mon-Fri 09:00-17:00, no buffers, 120 minutes of notice and `now` long before the date.
 */
export function berlinSlotSearch(
  day: string,
  durationMinutes: number,
  overrides: Partial<FindSlotsInput> = {},
): FindSlotsInput {
  return {
    from: day,
    days: 1,
    durationMinutes,
    bookableHours: DEFAULT_BOOKABLE_HOURS,
    zone,
    isClosedDate: (localDate) => holidaysNorthRhineWestphalia.isPublicHoliday(localDate),
    busy: [],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 120,
    now: '2026-01-01T00:00:00+01:00',
    ...overrides,
  };
}

/** Returns the ISO instant with offset of a Berlin wall time "HH:mm" on a local date. */
export function berlinInstant(day: string, localTime: string): string {
  const instant = DateTime.fromISO(`${day}T${localTime}`, { zone }).toISO({ suppressMilliseconds: true });
  if (instant === null) {
    throw new Error(`Invalid Berlin wall time "${day}T${localTime}"`);
  }
  return instant;
}

/** Returns a slot start "2026-03-27T09:00:00+01:00" as UTC "2026-03-27T08:00:00Z". */
export function toUtc(instant: string): string {
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

/** Returns the local wall time "HH:mm" of an ISO instant written with the Berlin offset. */
export function localTimeOf(instant: string): string {
  return instant.slice(11, 16);
}
