import { DateTime } from 'luxon';
import type { Interval } from '../interval.js';

/**
 * Weekly hours in which bookings may take place, in the consultant's local time.
 * The same window applies to every listed weekday.
 */
export interface BookableHours {
  /** ISO weekdays on which bookings are possible, 1 = Monday to 7 = Sunday. */
  readonly days: readonly number[];
  /** Local opening time "HH:mm". */
  readonly start: string;
  /** Local closing time "HH:mm", exclusive. "24:00" means the end of the day. */
  readonly end: string;
}

/** Product default of the bookable hours: Monday to Friday, 09:00 to 17:00. */
export const DEFAULT_BOOKABLE_HOURS: BookableHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

const MINUTES_PER_DAY = 24 * 60;
const localTimePattern = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/**
 * Converts a local time "HH:mm" to minutes after local midnight (0 to 1440).
 *
 * @throws Error naming the value when it is not "HH:mm" between 00:00 and 24:00.
 */
export function parseLocalTime(value: string): number {
  if (!localTimePattern.test(value)) {
    throw new Error(`Invalid local time "${value}": expected "HH:mm" between 00:00 and 24:00`);
  }
  const [hours = 0, minutes = 0] = value.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * Checks a bookable-hours configuration.
 *
 * @throws Error naming the invalid weekday or time: weekdays must be whole numbers 1 to 7
 *   without repeats, and `end` must be later than `start`.
 */
export function validateBookableHours(hours: BookableHours): void {
  for (const day of hours.days) {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      throw new Error(`Invalid bookable weekday ${day}: expected an ISO weekday from 1 (Monday) to 7 (Sunday)`);
    }
  }
  if (new Set(hours.days).size !== hours.days.length) {
    throw new Error(`Invalid bookable weekdays [${hours.days.join(', ')}]: a weekday is listed twice`);
  }
  if (parseLocalTime(hours.start) >= parseLocalTime(hours.end)) {
    throw new Error(`Invalid bookable hours ${hours.start}-${hours.end}: the end must be later than the start`);
  }
}

/**
 * Returns the instant of a local wall time on a local date.
 *
 * The wall time is resolved per date by luxon, so the offset of that very date applies
 * (CET or CEST in Europe/Berlin). A time inside a spring-forward gap moves forward by
 * the gap, as luxon does. For a time that occurs twice in autumn, luxon picks one of
 * the two instants. The minute 1440 means midnight at the start of the next date.
 */
export function localTimeToMillis(localDate: string, minutesOfDay: number, zone: string): number {
  const date = DateTime.fromISO(localDate, { zone });
  if (minutesOfDay >= MINUTES_PER_DAY) {
    return date.plus({ days: 1 }).startOf('day').toMillis();
  }
  return date.set({ hour: Math.floor(minutesOfDay / 60), minute: minutesOfDay % 60 }).toMillis();
}

/**
 * Returns the bookable window of one local date, or undefined when the weekday is not bookable.
 * Closed dates are not checked here.
 *
 * @param localDate Local date "yyyy-MM-dd" in `zone`.
 */
export function bookableIntervalOn(localDate: string, hours: BookableHours, zone: string): Interval | undefined {
  const weekday = DateTime.fromISO(localDate, { zone }).weekday;
  if (!hours.days.includes(weekday)) {
    return undefined;
  }
  return {
    startMs: localTimeToMillis(localDate, parseLocalTime(hours.start), zone),
    endMs: localTimeToMillis(localDate, parseLocalTime(hours.end), zone),
  };
}
