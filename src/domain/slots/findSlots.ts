import { DateTime } from 'luxon';
import {
  bookableIntervalOn,
  localTimeToMillis,
  parseLocalTime,
  validateBookableHours,
  type BookableHours,
} from './bookableHours.js';
import { blockedIntervals, type BusyItem } from './busyTime.js';
import { assertValidZone, formatInstant, toEpochMillis, type InstantInput } from './instant.js';
import { subtractIntervals, type Interval } from '../interval.js';
import { alignToQuarterHour, defaultStepMinutes, slotsInFreeTime, SLOT_ALIGNMENT_MINUTES } from './slotGrid.js';

/** Product default of the minimum time between now and a slot start, for configuration. */
export const DEFAULT_MINIMUM_NOTICE_MINUTES = 120;

/** Product default of the free time kept before and after each blocking item, for configuration. */
export const DEFAULT_BUFFER_MINUTES = 15;

/** Maximum of `days`, one year, so a wrong argument cannot start a search over many years. */
export const MAX_SEARCH_DAYS = 366;

const MILLIS_PER_MINUTE = 60_000;
const localDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A span of time the consultant is away, [start, end), such as a vacation. */
export interface Absence {
  readonly start: InstantInput;
  readonly end: InstantInput;
}

/** Input of {@link findSlots}. All minute values are whole numbers. */
export interface FindSlotsInput {
  /** First local date "yyyy-MM-dd" to search, in `zone`. */
  readonly from: string;
  /** Number of consecutive local dates to search, 1 to {@link MAX_SEARCH_DAYS}. */
  readonly days: number;
  readonly durationMinutes: number;
  /**
   * Minutes between slot starts, a multiple of 15. Defaults to the duration rounded up
   * to a quarter hour: every 15 minutes for 15-minute calls, every hour for 60-minute calls.
   */
  readonly stepMinutes?: number;
  /** Weekly bookable hours. The product default is `DEFAULT_BOOKABLE_HOURS`. */
  readonly bookableHours: BookableHours;
  /** IANA zone of the consultant, e.g. "Europe/Berlin". */
  readonly zone: string;
  /** Whether a local date "yyyy-MM-dd" is closed, e.g. a public holiday or an extra closed date. */
  readonly isClosedDate: (localDate: string) => boolean;
  /** The consultant's calendar items. {@link blockedIntervals} describes which statuses block. */
  readonly busy: readonly BusyItem[];
  /** Free time kept before each blocking item, in minutes. The product default is {@link DEFAULT_BUFFER_MINUTES}. */
  readonly bufferBeforeMinutes: number;
  /** Free time kept after each blocking item, in minutes. The product default is {@link DEFAULT_BUFFER_MINUTES}. */
  readonly bufferAfterMinutes: number;
  /** Minimum minutes from `now` to a slot start. The product default is {@link DEFAULT_MINIMUM_NOTICE_MINUTES}. */
  readonly minimumNoticeMinutes: number;
  readonly now: InstantInput;
  /** Spans in which the consultant is away. No buffers are added around them. */
  readonly absences?: readonly Absence[];
}

/** A bookable slot as ISO 8601 instants with the zone's offset, end exclusive. */
export interface Slot {
  readonly start: string;
  readonly end: string;
}

/**
 * Finds the slots of a given duration in which the consultant can be booked.
 *
 * Per local date: the bookable hours of that date (skipped on closed dates and on
 * weekdays that are not bookable), minus blocking calendar items widened by the buffers,
 * minus absences. Slot starts lie on a grid from the day's opening time rounded up to a
 * local quarter hour, every `stepMinutes`. A slot must lie fully inside free time, so one
 * that ends exactly at closing time or exactly where a busy item starts is offered.
 * Slots starting earlier than `now` plus the minimum notice are left out.
 *
 * @returns Slots in ascending order.
 * @throws Error naming the invalid input value.
 */
export function findSlots(input: FindSlotsInput): Slot[] {
  const { bookableHours, bufferBeforeMinutes, bufferAfterMinutes, minimumNoticeMinutes } = input;
  const stepMinutes = input.stepMinutes ?? defaultStepMinutes(input.durationMinutes);

  assertValidZone(input.zone);
  validateBookableHours(bookableHours);
  assertWholeMinutes('durationMinutes', input.durationMinutes, 1);
  assertWholeMinutes('stepMinutes', stepMinutes, SLOT_ALIGNMENT_MINUTES);
  if (stepMinutes % SLOT_ALIGNMENT_MINUTES !== 0) {
    throw new Error(`Invalid stepMinutes ${stepMinutes}: expected a multiple of ${SLOT_ALIGNMENT_MINUTES}`);
  }
  assertWholeMinutes('minimumNoticeMinutes', minimumNoticeMinutes, 0);
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_SEARCH_DAYS) {
    throw new Error(`Invalid days ${input.days}: expected a whole number from 1 to ${MAX_SEARCH_DAYS}`);
  }
  const firstDate = DateTime.fromISO(input.from, { zone: input.zone });
  if (!localDatePattern.test(input.from) || !firstDate.isValid) {
    throw new Error(`Invalid from "${input.from}": expected a local date "yyyy-MM-dd"`);
  }

  const earliestStartMs = toEpochMillis(input.now, 'now') + minimumNoticeMinutes * MILLIS_PER_MINUTE;
  const unavailable: Interval[] = [
    ...blockedIntervals(input.busy, bufferBeforeMinutes, bufferAfterMinutes),
    ...absenceIntervals(input.absences ?? []),
  ];
  const anchorMinutes = alignToQuarterHour(parseLocalTime(bookableHours.start));

  const slots: Interval[] = [];
  for (let offset = 0; offset < input.days; offset += 1) {
    // Step by calendar days, not by 24 hours, so DST switch days keep their own offset.
    const localDate = firstDate.plus({ days: offset }).toFormat('yyyy-MM-dd');
    const window = bookableIntervalOn(localDate, bookableHours, input.zone);
    if (!window || input.isClosedDate(localDate)) {
      continue;
    }

    const free = subtractIntervals([window], unavailable);
    const grid = {
      anchorMs: localTimeToMillis(localDate, anchorMinutes, input.zone),
      stepMinutes,
      durationMinutes: input.durationMinutes,
    };
    slots.push(...slotsInFreeTime(free, grid, earliestStartMs));
  }

  return slots.map((slot) => ({
    start: formatInstant(slot.startMs, input.zone),
    end: formatInstant(slot.endMs, input.zone),
  }));
}

function assertWholeMinutes(name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new Error(`Invalid ${name} ${value}: expected a whole number of minutes, at least ${minimum}`);
  }
}

function absenceIntervals(absences: readonly Absence[]): Interval[] {
  return absences.map((absence, index) => {
    const startMs = toEpochMillis(absence.start, `absences[${index}].start`);
    const endMs = toEpochMillis(absence.end, `absences[${index}].end`);
    if (endMs < startMs) {
      throw new Error(
        `Invalid absences[${index}]: its end ${String(absence.end)} lies before its start ${String(absence.start)}`,
      );
    }
    return { startMs, endMs };
  });
}
