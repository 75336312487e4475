import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

/** Statutory public holidays of one region plus the consultant's own closed dates. */
export interface HolidayCalendar {
  /** Region code as configured, e.g. "DE-NW". */
  readonly region: string;
  /** Whether a local date ("yyyy-MM-dd") is a public holiday or an extra closed date. */
  isPublicHoliday(localDate: string): boolean;
}

const localDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Builds the holiday calendar of a region such as "DE-NW" from date-holidays,
 * keeping holidays of type `public` only (no observances such as Rosenmontag, no substitute days).
 *
 * @param region Country and state, e.g. "DE-BY"; a country alone ("DE") means nationwide holidays.
 * @param extraClosedDates Local dates "yyyy-MM-dd" the consultant closes in addition.
 * @throws Error naming the region when date-holidays does not know it, or the invalid extra date.
 */
export function createHolidayCalendar(region: string, extraClosedDates: readonly string[] = []): HolidayCalendar {
  if (!/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(region)) {
    throw new Error(`Invalid holiday region "${region}"; expected a country and state such as "DE-NW"`);
  }
  const [country = '', state] = region.split('-');
  const holidays = new Holidays();
  const known = holidays.init(country, state ?? '') as unknown as boolean;
  const states = country ? holidays.getStates(country) : undefined;
  if (!known || (state !== undefined && (!states || !(state in states)))) {
    throw new Error(`Unknown holiday region "${region}"; expected a country and state such as "DE-NW"`);
  }

  for (const date of extraClosedDates) {
    if (!localDatePattern.test(date) || !DateTime.fromISO(date).isValid) {
      throw new Error(`Invalid extra closed date "${date}"; expected "yyyy-MM-dd"`);
    }
  }

  const extra = new Set(extraClosedDates);
  const byYear = new Map<number, Set<string>>();

  const publicHolidaysOf = (year: number): Set<string> => {
    let dates = byYear.get(year);
    if (!dates) {
      dates = new Set(
        holidays
          .getHolidays(year)
          .filter((holiday) => holiday.type === 'public' && !holiday.substitute)
          .map((holiday) => holiday.date.slice(0, 10)),
      );
      byYear.set(year, dates);
    }
    return dates;
  };

  return {
    region,
    isPublicHoliday(localDate: string): boolean {
      return extra.has(localDate) || publicHolidaysOf(Number(localDate.slice(0, 4))).has(localDate);
    },
  };
}
