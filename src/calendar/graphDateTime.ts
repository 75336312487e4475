import { DateTime } from 'luxon';

import { toIanaZone, toWindowsZone } from './timeZoneNames.js';

/** Graph's dateTimeTimeZone: a wall time without offset, e.g. "2026-06-10T10:00:00.0000000", and its zone. */
export interface GraphDateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

const offsetSuffix = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Converts a Graph dateTimeTimeZone to epoch milliseconds. The wall time is read in its own `timeZone`
 * (a Windows or IANA name), never in the zone of the machine that runs the code.
 *
 * @param label - Name of the value for the error message, e.g. "scheduleItems[2].start".
 * @throws Error naming the value when the wall time or the zone is invalid.
 */
export function parseGraphDateTime(value: GraphDateTimeTimeZone, label: string): number {
  if (typeof value?.dateTime !== 'string' || typeof value.timeZone !== 'string') {
    throw new Error(`Invalid ${label} ${JSON.stringify(value)}: expected {"dateTime": "...", "timeZone": "..."}`);
  }

  // Graph sends offset-less wall times; should one arrive with an offset, the offset wins.
  const parsed = offsetSuffix.test(value.dateTime)
    ? DateTime.fromISO(value.dateTime, { setZone: true })
    : DateTime.fromISO(value.dateTime, { zone: toIanaZone(value.timeZone) });
  if (!parsed.isValid) {
    throw new Error(`Invalid ${label} "${value.dateTime}" in zone "${value.timeZone}": ${parsed.invalidExplanation ?? parsed.invalidReason}`);
  }
  return parsed.toMillis();
}

/**
 * Formats an instant for a Graph request: the wall time in `zone` with the zone's Windows name, so Outlook
 * shows the event in the consultant's zone, or in UTC when the zone has no Windows name in the table.
 */
export function toGraphDateTime(instant: Date, zone: string): GraphDateTimeTimeZone {
  const windowsName = toWindowsZone(zone);
  const timeZone = windowsName ?? 'UTC';
  const local = DateTime.fromJSDate(instant, { zone: windowsName === undefined ? 'UTC' : zone });
  return { dateTime: local.toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone };
}

/**
 * Returns whether an item spans whole days from midnight to midnight in its reported zone, which is how
 * an all-day event arrives.
 */
export function isWholeDaySpan(start: GraphDateTimeTimeZone, end: GraphDateTimeTimeZone): boolean {
  const midnight = /T00:00:00(\.0+)?$/;
  return midnight.test(start.dateTime) && midnight.test(end.dateTime) && end.dateTime.slice(0, 10) > start.dateTime.slice(0, 10);
}

/**
 * Places an all-day item on its dates in the consultant's zone: local midnight of the first date to
 * local midnight after the last date.
 *
 * NOTE: a timed item that runs exactly from midnight to midnight in a foreign zone is treated the same way,
 * so it moves by the difference between the zones. Such an item lies outside any bookable hours in practice.
 */
export function wholeDaysInZone(
  start: GraphDateTimeTimeZone,
  end: GraphDateTimeTimeZone,
  zone: string,
): { startMs: number; endMs: number } {
  return {
    startMs: DateTime.fromISO(start.dateTime.slice(0, 10), { zone }).toMillis(),
    endMs: DateTime.fromISO(end.dateTime.slice(0, 10), { zone }).toMillis(),
  };
}
