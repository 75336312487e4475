import { DateTime } from 'luxon';

/** Latest accepted start of a time entry, in hours after now. It leaves room for clocks that differ and for zone mix-ups. */
export const MAX_START_HOURS_AHEAD = 24;

const MS_PER_MINUTE = 60 * 1000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;

/**
 * Returns whether a time entry's start lies more than {@link MAX_START_HOURS_AHEAD} hours after `now`.
 * Time is logged for work done, so such a start is a typing error, e.g. 2036 for 2026.
 *
 * @param startUtc Start instant, ISO 8601 with offset or "Z".
 * @param now The current instant.
 */
export function isStartTooFarAhead(startUtc: string, now: Date): boolean {
  return Date.parse(startUtc) - now.getTime() > MAX_START_HOURS_AHEAD * MS_PER_HOUR;
}

/** Inputs of {@link defaultEntryStart}. */
export interface DefaultEntryStartInput {
  /** The instant the time is logged. */
  now: Date;
  /** Logged minutes. */
  minutes: number;
  /** Instant the request was opened, ISO 8601 with offset. */
  requestOpenedAt: string;
  /** IANA zone whose local months the statements use, e.g. "Europe/Berlin". */
  zone: string;
}

/**
 * Computes the start of a time entry logged for work that just ended: `minutes` before `now`, but never
 * before the request was opened and never before the start of the current local month in `zone`.
 * The month bound keeps an entry logged just after midnight on the 1st out of the previous month,
 * whose statement may already be billed. A clamped entry ends after `now`.
 *
 * @returns The start as an ISO 8601 instant in UTC.
 * @throws Error naming the value when `minutes` is not finite or `requestOpenedAt` or `zone` is invalid.
 */
export function defaultEntryStart(input: DefaultEntryStartInput): string {
  const { now, minutes, requestOpenedAt, zone } = input;
  // Range checks of the minutes belong to TimeService, which names the field in its InvalidInputError.
  if (!Number.isFinite(minutes)) {
    throw new Error(`Invalid minutes ${minutes}: expected a finite number`);
  }
  const openedMillis = Date.parse(requestOpenedAt);
  if (Number.isNaN(openedMillis)) {
    throw new Error(`Invalid request opening instant "${requestOpenedAt}": expected ISO 8601 with offset`);
  }
  const localNow = DateTime.fromJSDate(now, { zone });
  if (!localNow.isValid) {
    throw new Error(`Invalid time zone "${zone}" or instant ${now.toISOString()}: ${localNow.invalidExplanation ?? ''}`);
  }

  const monthStartMillis = localNow.startOf('month').toMillis();
  const startMillis = Math.max(now.getTime() - minutes * MS_PER_MINUTE, openedMillis, monthStartMillis);
  return new Date(startMillis).toISOString();
}
