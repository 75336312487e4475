import { validateBookableHours, type BookableHours } from '../domain/slots/bookableHours.js';

const settingPattern = /^\s*([1-7](?:-[1-7])?(?:,[1-7](?:-[1-7])?)*)\s+(\d{2}:\d{2})-(\d{2}:\d{2})\s*$/;

/**
 * Parses the DESK_BOOKABLE_HOURS setting: ISO weekdays (1 = Monday to 7 = Sunday) as a list of days and
 * ranges, a space, and a local time window, e.g. "1-5 09:00-17:00" or "1-4,6 08:30-12:00".
 *
 * @throws Error naming the value and the expected form when it cannot be read, a range runs backwards,
 *   a weekday repeats or the window ends before it starts.
 */
export function parseBookableHours(setting: string): BookableHours {
  const match = settingPattern.exec(setting);
  if (match === null) {
    throw new Error(`Invalid bookable hours "${setting}": expected weekdays and a local time window such as "1-5 09:00-17:00"`);
  }
  const [, dayList = '', start = '', end = ''] = match;

  const days: number[] = [];
  for (const part of dayList.split(',')) {
    const [first = 0, last = first] = part.split('-').map(Number);
    if (last < first) {
      throw new Error(`Invalid bookable hours "${setting}": the weekday range "${part}" runs backwards`);
    }
    for (let day = first; day <= last; day += 1) {
      days.push(day);
    }
  }

  const hours: BookableHours = { days, start, end };
  try {
    validateBookableHours(hours);
  } catch (error) {
    throw new Error(`Invalid bookable hours "${setting}": ${(error as Error).message}`, { cause: error });
  }
  return hours;
}
