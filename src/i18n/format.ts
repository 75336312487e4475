import { DateTime } from 'luxon';
import type { Language } from '../domain/customer.js';

/** BCP 47 locale used for Intl and luxon formatting per language. */
const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/** luxon format tokens for a full instant: "Montag, 07.12.2026, 11:00 Uhr" / "Monday, 7 December 2026, 11:00". */
const INSTANT_FORMATS: Record<Language, string> = {
  de: "cccc, dd.MM.yyyy, HH:mm 'Uhr'",
  en: 'cccc, d MMMM yyyy, HH:mm',
};

/** luxon format tokens for a date alone: "Montag, 04.01.2027" / "Monday, 4 January 2027". */
const DATE_FORMATS: Record<Language, string> = {
  de: 'cccc, dd.MM.yyyy',
  en: 'cccc, d MMMM yyyy',
};

const DURATION_UNITS: Record<Language, { hours: string; minutes: string }> = {
  de: { hours: 'Std.', minutes: 'Min.' },
  en: { hours: 'h', minutes: 'min' },
};

/** Returns the BCP 47 locale ("de-DE" or "en-GB") that formats numbers and dates for `lang`. */
export function localeOf(lang: Language): string {
  return LOCALES[lang];
}

/**
 * Formats an instant as local wall time in `zone`, with weekday and date.
 *
 * The offset is taken from the zone's rules for that instant, so daylight-saving
 * switches are shown correctly.
 *
 * @param iso ISO 8601 instant with offset or `Z`, e.g. "2026-12-07T11:00:00+01:00".
 * @param zone IANA time zone, e.g. "Europe/Berlin".
 * @throws RangeError if `iso` is not a valid ISO 8601 instant or `zone` is not a known IANA zone.
 */
export function formatInstant(iso: string, lang: Language, zone: string): string {
  const instant = DateTime.fromISO(iso, { zone, setZone: false });
  if (!instant.isValid) {
    throw new RangeError(`formatInstant: cannot format "${iso}" in zone "${zone}": ${instant.invalidReason}`);
  }
  return instant.setLocale(LOCALES[lang]).toFormat(INSTANT_FORMATS[lang]);
}

/**
 * Formats a calendar month "yyyy-MM" as month name and year: "Dezember 2026" / "December 2026".
 *
 * @throws RangeError if `month` is not a month "yyyy-MM".
 */
export function formatMonth(month: string, lang: Language): string {
  const first = DateTime.fromFormat(month, 'yyyy-MM', { zone: 'utc' });
  if (!first.isValid) {
    throw new RangeError(`formatMonth: "${month}" is not a month "yyyy-MM"`);
  }
  return first.setLocale(LOCALES[lang]).toFormat('LLLL yyyy');
}

/**
 * Formats the local date of an instant in `zone`, with weekday and without time.
 *
 * @param iso ISO 8601 instant with offset or `Z`, e.g. "2027-01-04T00:00:00+01:00".
 * @throws RangeError if `iso` is not a valid ISO 8601 instant or `zone` is not a known IANA zone.
 */
export function formatDate(iso: string, lang: Language, zone: string): string {
  const instant = DateTime.fromISO(iso, { zone, setZone: false });
  if (!instant.isValid) {
    throw new RangeError(`formatDate: cannot format "${iso}" in zone "${zone}": ${instant.invalidReason}`);
  }
  return instant.setLocale(LOCALES[lang]).toFormat(DATE_FORMATS[lang]);
}

/**
 * Formats the local wall time of an instant in `zone` as "HH:mm", e.g. "10:15".
 *
 * @throws RangeError if `iso` is not a valid ISO 8601 instant or `zone` is not a known IANA zone.
 */
export function formatTime(iso: string, zone: string): string {
  const instant = DateTime.fromISO(iso, { zone, setZone: false });
  if (!instant.isValid) {
    throw new RangeError(`formatTime: cannot format "${iso}" in zone "${zone}": ${instant.invalidReason}`);
  }
  return instant.toFormat('HH:mm');
}

/**
 * Formats a non-negative whole number of minutes as hours and minutes:
 * de "1 Std. 30 Min.", "45 Min.", "2 Std."; en "1 h 30 min", "45 min", "2 h".
 * Zero is "0 Min." / "0 min".
 *
 * @throws RangeError if `minutes` is negative or not an integer.
 */
export function formatDuration(minutes: number, lang: Language): string {
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new RangeError(`formatDuration: expected a non-negative integer number of minutes, got ${minutes}`);
  }

  const units = DURATION_UNITS[lang];
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (hours > 0) {
    parts.push(`${formatInteger(hours, lang)} ${units.hours}`);
  }
  if (rest > 0 || hours === 0) {
    parts.push(`${rest} ${units.minutes}`);
  }
  return parts.join(' ');
}

/**
 * Formats the minutes left until a deadline. Positive values are time left
 * ("noch 45 Min." / "45 min left"), zero is "jetzt fällig" / "due now", and
 * negative values are overdue ("seit 20 Min. überfällig" / "overdue by 20 min").
 *
 * @throws RangeError if `minutes` is not an integer.
 */
export function formatTimeLeft(minutes: number, lang: Language): string {
  if (!Number.isInteger(minutes)) {
    throw new RangeError(`formatTimeLeft: expected an integer number of minutes, got ${minutes}`);
  }

  if (minutes === 0) {
    return lang === 'de' ? 'jetzt fällig' : 'due now';
  }
  const duration = formatDuration(Math.abs(minutes), lang);
  if (minutes > 0) {
    return lang === 'de' ? `noch ${duration}` : `${duration} left`;
  }
  return lang === 'de' ? `seit ${duration} überfällig` : `overdue by ${duration}`;
}

/**
 * Formats integer euro cents as a price: de "299,00 €", en "€299.00".
 *
 * In German the amount and the sign are separated by a no-break space (U+00A0),
 * as `Intl.NumberFormat` returns it, so the sign never wraps onto its own line.
 *
 * @throws RangeError if `cents` is not an integer.
 */
export function formatEuro(cents: number, lang: Language): string {
  if (!Number.isInteger(cents)) {
    throw new RangeError(`formatEuro: expected integer euro cents, got ${cents}`);
  }
  return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Formats an integer with the language's digit grouping: de "2.000", en "2,000". */
export function formatInteger(value: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(value);
}

/** Joins items as a conjunction list: de "Telefon und WhatsApp", en "phone and WhatsApp". */
export function formatList(items: readonly string[], lang: Language): string {
  return new Intl.ListFormat(LOCALES[lang], { style: 'long', type: 'conjunction' }).format(items);
}
