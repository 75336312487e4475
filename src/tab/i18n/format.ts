import { DateTime } from 'luxon';
import type { TabMessages } from './de.js';
import type { Language } from './language.js';

/**
 * Time zone of every date and time the tab shows and of the call times it sends.
 * NOTE: the server's business zone (DESK_TIME_ZONE) is configurable, but the tab always uses Europe/Berlin.
 */
export const DISPLAY_ZONE = 'Europe/Berlin';

const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();
const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/** Formats an instant as Berlin wall time with weekday: "Mo., 07.12.2026, 07:30" / "Mon, 07/12/2026, 07:30". */
export function formatDateTime(iso: string, language: Language): string {
  let format = dateTimeFormats.get(language);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      timeZone: DISPLAY_ZONE,
      weekday: 'short',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    dateTimeFormats.set(language, format);
  }
  return format.format(new Date(iso));
}

/** Formats the Berlin date of an instant: "07.12.2026" / "07/12/2026". */
export function formatDate(iso: string, language: Language): string {
  let format = dateFormats.get(language);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      timeZone: DISPLAY_ZONE,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    dateFormats.set(language, format);
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
 * Turns a Berlin wall time into an ISO 8601 instant with offset, e.g. "2026-12-04" and "14:30" into
 * "2026-12-04T14:30:00.000+01:00". Returns undefined for an invalid date or time. A wall time that a
 * daylight-saving switch skips moves forward by the gap, as luxon does.
 */
export function berlinWallTimeToInstant(date: string, time: string): string | undefined {
  const instant = DateTime.fromISO(`${date}T${time}`, { zone: DISPLAY_ZONE });
  return instant.isValid ? (instant.toISO() ?? undefined) : undefined;
}

/** Returns the Berlin date ("yyyy-MM-dd") and time ("HH:mm") of an instant, for prefilling date and time inputs. */
export function berlinWallTime(instant: Date): { date: string; time: string } {
  const local = DateTime.fromJSDate(instant, { zone: DISPLAY_ZONE });
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') };
}

/**
 * Formats a half-open span of whole Berlin days as its first and last day, "21.12.2026" and "03.01.2027"
 * for 2026-12-21T00:00 to 2027-01-04T00:00. A span whose bounds are not local midnights keeps the times.
 */
export function formatDaySpan(from: string, to: string, language: Language): { first: string; last: string } {
  const start = DateTime.fromISO(from, { zone: DISPLAY_ZONE });
  const end = DateTime.fromISO(to, { zone: DISPLAY_ZONE });
  const wholeDays = start.equals(start.startOf('day')) && end.equals(end.startOf('day'));
  if (!wholeDays) return { first: formatDateTime(from, language), last: formatDateTime(to, language) };
  const lastDay = end.minus({ days: 1 }).toISO() ?? to;
  return { first: formatDate(from, language), last: formatDate(lastDay, language) };
}
