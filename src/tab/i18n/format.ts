import { DateTime } from 'luxon';
import type { TabMessages } from './de.js';
import type { Language } from './language.js';

// Every function with a `zone` parameter takes the IANA time zone of the business calendar, which
// GET /api/tab/me returns from the server's DESK_TIME_ZONE; screens read it with useTimeZone().

const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/** Intl formats are costly to build, so each language and zone gets one per kind. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats an instant as wall time in `zone` with weekday: "Mo., 07.12.2026, 07:30" / "Mon, 07/12/2026, 07:30".
 *
 * @throws RangeError when `zone` is no IANA time zone.
 */
export function formatDateTime(iso: string, language: Language, zone: string): string {
  const key = `${language} ${zone}`;
  let format = dateTimeFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      timeZone: zone,
      weekday: 'short',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    dateTimeFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

/**
 * Formats the date of an instant in `zone`: "07.12.2026" / "07/12/2026".
 *
 * @throws RangeError when `zone` is no IANA time zone.
 */
export function formatDate(iso: string, language: Language, zone: string): string {
  const key = `${language} ${zone}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      timeZone: zone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    dateFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

/** Formats minutes as hours and minutes: "1 Std. 30 Min." / "1 h 30 min"; whole hours leave the minutes out. */
export function formatMinutes(minutes: number, language: Language): string {
  const units = language === 'de' ? { hours: 'Std.', minutes: 'Min.' } : { hours: 'h', minutes: 'min' };
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} ${units.minutes}`;
  if (rest === 0) return `${hours} ${units.hours}`;
  return `${hours} ${units.hours} ${rest} ${units.minutes}`;
}

/**
 * Formats the time between now and a deadline as a countdown, "02:05:09" or "3 Tage 02:05:09", with the
 * sign as words: "noch 02:05:09" before the deadline and "überfällig seit 00:00:12" after it.
 */
export function formatCountdown(millisecondsLeft: number, messages: TabMessages): string {
  const totalSeconds = Math.floor(Math.abs(millisecondsLeft) / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const clock = [hours, minutes, seconds].map((part) => String(part).padStart(2, '0')).join(':');
  const duration = days > 0 ? `${messages.sla.days(days)} ${clock}` : clock;
  return millisecondsLeft >= 0 ? messages.sla.remaining(duration) : messages.sla.overdue(duration);
}

/**
 * Turns a wall time in `zone` into an ISO 8601 instant with offset, e.g. "2026-12-04" and "14:30" in
 * Europe/Berlin into "2026-12-04T14:30:00.000+01:00". Returns undefined for an invalid date, time or zone.
 * A wall time that a daylight-saving switch skips moves forward by the gap, as luxon does.
 */
export function wallTimeToInstant(date: string, time: string, zone: string): string | undefined {
  const instant = DateTime.fromISO(`${date}T${time}`, { zone });
  return instant.isValid ? (instant.toISO() ?? undefined) : undefined;
}

/** Returns the date ("yyyy-MM-dd") and time ("HH:mm") of an instant in `zone`, for prefilling date and time inputs. */
export function wallTime(instant: Date, zone: string): { date: string; time: string } {
  const local = DateTime.fromJSDate(instant, { zone });
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') };
}

/**
 * Formats a half-open span of whole days in `zone` as its first and last day, "21.12.2026" and "03.01.2027"
 * for 2026-12-21T00:00 to 2027-01-04T00:00. A span whose bounds are not local midnights keeps the times.
 */
export function formatDaySpan(from: string, to: string, language: Language, zone: string): { first: string; last: string } {
  const start = DateTime.fromISO(from, { zone });
  const end = DateTime.fromISO(to, { zone });
  const wholeDays = start.equals(start.startOf('day')) && end.equals(end.startOf('day'));
  if (!wholeDays) return { first: formatDateTime(from, language, zone), last: formatDateTime(to, language, zone) };
  const lastDay = end.minus({ days: 1 }).toISO() ?? to;
  return { first: formatDate(from, language, zone), last: formatDate(lastDay, language, zone) };
}
