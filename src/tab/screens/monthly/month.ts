import { wallTime } from '../../i18n/format.js';
import type { Language } from '../../i18n/index.js';

/** A calendar month "yyyy-MM", the form of the API's `month` parameter and of `<input type="month">`. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Returns the calendar month of an instant in `zone` as "yyyy-MM". */
export function monthOf(instant: Date, zone: string): string {
  return wallTime(instant, zone).date.slice(0, 7);
}

/** Formats a month "yyyy-MM" as its name and year: "Dezember 2026" / "December 2026". */
export function formatMonth(month: string, language: Language): string {
  const [year, monthNumber] = month.split('-').map(Number);
  if (year === undefined || monthNumber === undefined || !MONTH_PATTERN.test(month)) return month;
  // The first of the month at noon UTC is in that month in every time zone, so formatting in UTC is exact.
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, monthNumber - 1, 1, 12)),
  );
}
