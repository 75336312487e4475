import { DateTime } from 'luxon';
import type { HolidayCalendar } from './businessCalendar.js';
import type { Plan, ServiceWindow, YearEndPolicy } from './catalog.js';
import { subtractIntervals, type Interval } from './interval.js';

/** Working day (Mon–Fri, no holiday) or weekend; public holidays count as weekend days. */
export type DayType = 'workingDay' | 'weekend';

/** Zone, holidays and half-day end that place a plan's service hours in time. */
export interface BusinessCalendar {
  /** IANA zone of all local times, e.g. "Europe/Berlin". */
  zone: string;
  holidays: HolidayCalendar;
  /** Local time at which windows end on 24 and 31 December under the half-day policy. */
  halfDayEnd: string;
}

/** One opening of a plan's service on one local date, as a half-open span of instants in milliseconds. */
export interface ServiceInterval {
  startMs: number;
  endMs: number;
  dayType: DayType;
  localDate: string;
}

/** Hours and year-end policy that decide when a plan's clock runs. */
export type ServiceHours = Pick<Plan, 'serviceWindows' | 'yearEndDays'>;

/** Returns the day type of a local date "yyyy-MM-dd". */
export function dayTypeOf(localDate: string, calendar: BusinessCalendar): DayType {
  const weekday = DateTime.fromISO(localDate, { zone: calendar.zone }).weekday;
  return weekday >= 6 || calendar.holidays.isPublicHoliday(localDate) ? 'weekend' : 'workingDay';
}

function isYearEndDay(localDate: string): boolean {
  const monthDay = localDate.slice(5);
  return monthDay === '12-24' || monthDay === '12-31';
}

/** Applies the 24/31 December policy to a window; undefined when the day is closed. */
function yearEndWindow(window: ServiceWindow, policy: YearEndPolicy, halfDayEnd: string): ServiceWindow | undefined {
  if (policy === 'closed') return undefined;
  if (policy === 'workingDay') return window;

  const end = window.end < halfDayEnd ? window.end : halfDayEnd;
  return window.start < end ? { start: window.start, end } : undefined;
}

/** Resolves a local date plus "HH:mm" (or "24:00") to an instant in the zone, DST included. */
function localInstant(localDate: string, time: string, zone: string): DateTime {
  if (time === '24:00') {
    return DateTime.fromISO(localDate, { zone }).plus({ days: 1 }).startOf('day');
  }
  return DateTime.fromISO(`${localDate}T${time}`, { zone });
}

/**
 * Returns the service interval of a plan on one local date, or undefined when the plan
 * has no service that day. Windows are built from the local date and wall times, so a
 * daylight-saving switch on that date shortens or lengthens the interval exactly.
 */
export function serviceIntervalOn(
  hours: ServiceHours,
  localDate: string,
  calendar: BusinessCalendar,
): ServiceInterval | undefined {
  const dayType = dayTypeOf(localDate, calendar);
  let window: ServiceWindow | null | undefined =
    dayType === 'workingDay' ? hours.serviceWindows.workingDay : hours.serviceWindows.weekend;
  if (window && isYearEndDay(localDate)) {
    window = yearEndWindow(window, hours.yearEndDays, calendar.halfDayEnd);
  }
  if (!window) return undefined;

  return {
    startMs: localInstant(localDate, window.start, calendar.zone).toMillis(),
    endMs: localInstant(localDate, window.end, calendar.zone).toMillis(),
    dayType,
    localDate,
  };
}

/**
 * Upper bound on the days searched for service time after the last excluded span, so a plan without
 * windows cannot loop forever.
 */
export const MAX_SEARCH_DAYS = 400;

/**
 * Yields a plan's service intervals in time order, starting with the local date that contains `fromMs`.
 * Intervals that end at or before `fromMs` are skipped; the first one may start before `fromMs`.
 * Excluded spans (the consultant's absences) are cut out, so one day may yield several pieces.
 */
export function* serviceIntervalsFrom(
  hours: ServiceHours,
  fromMs: number,
  calendar: BusinessCalendar,
  excluded: readonly Interval[] = [],
): Generator<ServiceInterval> {
  let day = DateTime.fromMillis(fromMs, { zone: calendar.zone }).startOf('day');

  // The search runs past the end of the last excluded span, so a long absence cannot exhaust it.
  const lastExcludedEndMs = Math.max(fromMs, ...excluded.map((span) => span.endMs));
  const excludedDays = Math.ceil((lastExcludedEndMs - fromMs) / 86_400_000);

  for (let searched = 0; searched < MAX_SEARCH_DAYS + excludedDays; searched += 1) {
    const interval = serviceIntervalOn(hours, day.toISODate() as string, calendar);
    if (interval && interval.endMs > fromMs) {
      for (const piece of subtractIntervals([interval], excluded)) {
        if (piece.endMs > fromMs) yield { ...interval, startMs: piece.startMs, endMs: piece.endMs };
      }
    }
    day = day.plus({ days: 1 });
  }
}
