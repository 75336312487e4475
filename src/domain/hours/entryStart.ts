/** Latest accepted start of a time entry, in hours after now. It leaves room for clocks that differ and for zone mix-ups. */
export const MAX_START_HOURS_AHEAD = 24;

const MS_PER_HOUR = 60 * 60 * 1000;

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
