/**
 * Benchmark of the slot search (`findSlots`) over 30 and 90 days of the consultant's calendar with
 * 200 calendar items, for 15-minute check-ins and 60-minute strategy meetings.
 * Run with `npx tsx bench/slots.bench.ts`, or through `npm run bench`.
 */
import { DateTime } from 'luxon';

import { createHolidayCalendar } from '../src/domain/businessCalendar.js';
import {
  DEFAULT_BOOKABLE_HOURS,
  DEFAULT_BUFFER_MINUTES,
  DEFAULT_MINIMUM_NOTICE_MINUTES,
  findSlots,
  type BusyItem,
  type BusyStatus,
  type FindSlotsInput,
} from '../src/domain/slots/index.js';
import { MemoryPeak } from './support/memory.js';
import { seededRandom, pick, randomInt } from './support/random.js';
import { printTable, TIMING_HEADER, timingRow } from './support/report.js';
import { summarize } from './support/stats.js';
import { collectGarbage, timeEachSync } from './support/timing.js';

const ZONE = 'Europe/Berlin';
/** Monday before the spring DST switch (2026-03-29) and Easter, so both fall inside every search. */
const FIRST_DATE = '2026-03-16';
const NOW = '2026-03-16T08:00:00+01:00';
const BUSY_ITEMS = 200;
const WARMUP_RUNS = 50;
const TIMED_RUNS = 300;

/** Status mix of the generated items: mostly busy, with every other Graph status present. */
const STATUSES: readonly BusyStatus[] = [
  'busy', 'busy', 'busy', 'busy', 'busy', 'busy', 'tentative', 'tentative', 'oof', 'free', 'workingElsewhere', 'unknown',
];

/** Builds `count` calendar items on random dates of the range, starting on a quarter hour between 07:00 and 18:45. */
function busyItems(days: number, count: number, seed: number): BusyItem[] {
  const random = seededRandom(seed);
  const first = DateTime.fromISO(FIRST_DATE, { zone: ZONE });
  return Array.from({ length: count }, () => {
    const start = first
      .plus({ days: randomInt(random, 0, days - 1) })
      .set({ hour: randomInt(random, 7, 18), minute: 15 * randomInt(random, 0, 3) });
    const end = start.plus({ minutes: 15 * randomInt(random, 1, 12) });
    return { status: pick(random, STATUSES), start: start.toISO() as string, end: end.toISO() as string };
  });
}

function searchInput(days: number, durationMinutes: number): FindSlotsInput {
  const holidays = createHolidayCalendar('DE-NW');
  return {
    from: FIRST_DATE,
    days,
    durationMinutes,
    bookableHours: DEFAULT_BOOKABLE_HOURS,
    zone: ZONE,
    isClosedDate: (localDate) => holidays.isPublicHoliday(localDate),
    busy: busyItems(days, BUSY_ITEMS, days),
    bufferBeforeMinutes: DEFAULT_BUFFER_MINUTES,
    bufferAfterMinutes: DEFAULT_BUFFER_MINUTES,
    minimumNoticeMinutes: DEFAULT_MINIMUM_NOTICE_MINUTES,
    now: NOW,
    absences: [{ start: '2026-04-20T00:00:00+02:00', end: '2026-04-25T00:00:00+02:00' }],
  };
}

function main(): void {
  const memory = new MemoryPeak();
  const rows: string[][] = [];

  for (const days of [30, 90]) {
    for (const durationMinutes of [15, 60]) {
      const input = searchInput(days, durationMinutes);
      const slotCount = findSlots(input).length;
      if (slotCount === 0) {
        throw new Error(`Slot search over ${days} days for ${durationMinutes} minutes found no slot; the generated calendar is too full`);
      }

      timeEachSync(Array.from({ length: WARMUP_RUNS }, () => input), findSlots, memory);
      collectGarbage();
      memory.reset();
      const samples = timeEachSync(Array.from({ length: TIMED_RUNS }, () => input), findSlots, memory);
      rows.push(
        timingRow(`${days} days, ${durationMinutes}-min slots (${slotCount} found)`, summarize(samples), memory.reading()),
      );
    }
  }

  printTable(
    `Slot search (findSlots, ${BUSY_ITEMS} calendar items, Mon-Fri 09:00-17:00, 15-min buffers, DE-NW holidays, one 5-day absence)`,
    TIMING_HEADER,
    rows,
  );
}

main();
