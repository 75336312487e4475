import { DateTime, IANAZone } from 'luxon';

/**
 * An instant as a `Date` or an ISO 8601 string with an offset or "Z",
 * e.g. "2026-06-09T09:00:00+02:00".
 */
export type InstantInput = Date | string;

/** A time of day followed by "Z" or an offset such as "+02:00", "+0200" or "+02". */
const timeWithOffset = /T[\d:.,]+(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * Converts an instant to epoch milliseconds.
 *
 * A string without an offset is rejected because its wall time would be read in
 * the zone of the machine that runs the code.
 *
 * @param name Name of the input, used in the error message.
 * @throws Error naming the input and its value when the instant is invalid or has no offset.
 */
export function toEpochMillis(value: InstantInput, name: string): number {
  if (value instanceof Date) {
    const millis = value.getTime();
    if (Number.isNaN(millis)) {
      throw new Error(`Invalid ${name}: the Date is invalid`);
    }
    return millis;
  }

  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid || !timeWithOffset.test(value)) {
    throw new Error(`Invalid ${name} "${value}": expected an ISO 8601 instant with an offset, e.g. "2026-06-09T09:00:00+02:00"`);
  }
  return parsed.toMillis();
}

/**
 * Formats epoch milliseconds as an ISO 8601 instant with the zone's offset, e.g. "2026-06-09T09:00:00+02:00".
 *
 * @throws Error naming the instant and zone when luxon cannot format them.
 */
export function formatInstant(millis: number, zone: string): string {
  const formatted = DateTime.fromMillis(millis, { zone }).toISO({ suppressMilliseconds: true });
  if (formatted === null) {
    throw new Error(`Failed to format instant ${millis} in zone "${zone}": the instant or the zone is invalid`);
  }
  return formatted;
}

/**
 * Checks that a zone is a valid IANA zone name.
 *
 * @throws Error naming the zone when luxon does not know it.
 */
export function assertValidZone(zone: string): void {
  if (!IANAZone.isValidZone(zone)) {
    throw new Error(`Unknown time zone "${zone}": expected an IANA zone name such as "Europe/Berlin"`);
  }
}
