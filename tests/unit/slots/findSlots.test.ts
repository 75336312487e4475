import assert from 'node:assert/strict';
import { createHolidayCalendar } from '../../../src/domain/businessCalendar.js';
import { defaultStepMinutes, findSlots } from '../../../src/domain/slots/index.js';
import { berlinSlotSearch } from './berlinSlotSearch.js';

/** Tuesday 2026-06-09, CEST (+02:00), a working day in DE-NW. */
const tuesday = '2026-06-09';

function starts(slots: { start: string }[]): string[] {
  return slots.map((slot) => slot.start);
}

describe('findSlots', () => {
  describe('minimum notice', () => {
    it('cuts the first 15-minute slots', () => {
      const slots = findSlots(berlinSlotSearch(tuesday, 15, { now: '2026-06-09T08:10:00+02:00' }));

      assert.equal(slots[0]?.start, '2026-06-09T10:15:00+02:00');
      assert.equal(slots[0]?.end, '2026-06-09T10:30:00+02:00');
      assert.equal(slots.length, 27);
    });

    it('keeps a slot starting exactly at now plus notice', () => {
      const slots = findSlots(berlinSlotSearch(tuesday, 15, { now: '2026-06-09T08:00:00+02:00' }));

      assert.equal(slots[0]?.start, '2026-06-09T10:00:00+02:00');
    });

    it('keeps hourly slots on the hour grid', () => {
      const slots = findSlots(berlinSlotSearch(tuesday, 60, { now: '2026-06-09T06:10:00Z' }));

      assert.equal(slots[0]?.start, '2026-06-09T11:00:00+02:00');
    });

    it('notice past closing moves to next day', () => {
      const slots = findSlots(
        berlinSlotSearch(tuesday, 60, { days: 2, now: '2026-06-09T13:30:00Z', minimumNoticeMinutes: 120 }),
      );

      assert.equal(slots[0]?.start, '2026-06-10T09:00:00+02:00');
    });
  });

  describe('absences', () => {
    it('absence removes the morning', () => {
      const slots = findSlots(
        berlinSlotSearch(tuesday, 60, {
          absences: [{ start: '2026-06-09T00:00:00+02:00', end: '2026-06-09T12:00:00+02:00' }],
        }),
      );

      assert.deepEqual(starts(slots), [
        '2026-06-09T12:00:00+02:00',
        '2026-06-09T13:00:00+02:00',
        '2026-06-09T14:00:00+02:00',
        '2026-06-09T15:00:00+02:00',
        '2026-06-09T16:00:00+02:00',
      ]);
    });

    it('absence gets no buffers', () => {
      const slots = findSlots(
        berlinSlotSearch(tuesday, 60, {
          absences: [{ start: '2026-06-09T09:00:00+02:00', end: '2026-06-09T12:00:00+02:00' }],
          bufferBeforeMinutes: 15,
          bufferAfterMinutes: 15,
        }),
      );

      assert.equal(slots[0]?.start, '2026-06-09T12:00:00+02:00');
    });

    it('week-long absence leaves no slots', () => {
      const slots = findSlots(
        berlinSlotSearch('2026-06-08', 15, {
          days: 7,
          absences: [{ start: new Date('2026-06-07T22:00:00Z'), end: new Date('2026-06-14T22:00:00Z') }],
        }),
      );

      assert.equal(slots.length, 0);
    });
  });

  describe('touching intervals', () => {
    it('slot ending at busy start is offered', () => {
      const slots = findSlots(
        berlinSlotSearch(tuesday, 60, {
          busy: [{ status: 'busy', start: '2026-06-09T10:00:00+02:00', end: '2026-06-09T11:00:00+02:00' }],
        }),
      );

      assert.ok(starts(slots).includes('2026-06-09T09:00:00+02:00'));
      assert.equal(slots[0]?.end, '2026-06-09T10:00:00+02:00');
    });

    it('slot starting at busy end is offered', () => {
      const slots = findSlots(
        berlinSlotSearch(tuesday, 60, {
          busy: [{ status: 'busy', start: '2026-06-09T10:00:00+02:00', end: '2026-06-09T11:00:00+02:00' }],
        }),
      );

      assert.equal(slots[1]?.start, '2026-06-09T11:00:00+02:00');
      assert.equal(slots.length, 7);
    });

    it('busy items touching each other block together', () => {
      const slots = findSlots(
        berlinSlotSearch(tuesday, 15, {
          busy: [
            { status: 'busy', start: '2026-06-09T09:00:00+02:00', end: '2026-06-09T12:00:00+02:00' },
            { status: 'oof', start: '2026-06-09T12:00:00+02:00', end: '2026-06-09T16:45:00+02:00' },
          ],
        }),
      );

      assert.deepEqual(starts(slots), ['2026-06-09T16:45:00+02:00']);
    });

    it('one-minute overlap blocks the slot', () => {
      const slots = findSlots(
        berlinSlotSearch(tuesday, 60, {
          busy: [{ status: 'busy', start: '2026-06-09T09:59:00+02:00', end: '2026-06-09T11:00:00+02:00' }],
        }),
      );

      assert.equal(slots[0]?.start, '2026-06-09T11:00:00+02:00');
    });
  });

  describe('busy statuses', () => {
    it('unknown status blocks', () => {
      const slots = findSlots(
        berlinSlotSearch(tuesday, 60, {
          busy: [{ status: 'unknown', start: '2026-06-09T09:00:00+02:00', end: '2026-06-09T16:00:00+02:00' }],
        }),
      );

      assert.deepEqual(starts(slots), ['2026-06-09T16:00:00+02:00']);
    });

    it('buffers ignore free and workingElsewhere items', () => {
      const slots = findSlots(
        berlinSlotSearch(tuesday, 60, {
          busy: [
            { status: 'free', start: '2026-06-09T10:00:00+02:00', end: '2026-06-09T11:00:00+02:00' },
            { status: 'workingElsewhere', start: '2026-06-09T12:00:00+02:00', end: '2026-06-09T13:00:00+02:00' },
          ],
          bufferBeforeMinutes: 15,
          bufferAfterMinutes: 15,
        }),
      );

      assert.equal(slots.length, 8);
    });

    it('all-day oof event in local time blocks the whole day', () => {
      const slots = findSlots(
        berlinSlotSearch(tuesday, 15, {
          days: 2,
          busy: [{ status: 'oof', start: '2026-06-09T00:00:00+02:00', end: '2026-06-10T00:00:00+02:00' }],
          bufferBeforeMinutes: 15,
          bufferAfterMinutes: 15,
        }),
      );

      assert.equal(slots[0]?.start, '2026-06-10T09:00:00+02:00');
      assert.equal(slots.length, 32);
    });
  });

  describe('calendar', () => {
    it('skips weekend and Corpus Christi in DE-NW', () => {
      const slots = findSlots(berlinSlotSearch('2026-06-01', 60, { days: 7 }));
      const dates = new Set(slots.map((slot) => slot.start.slice(0, 10)));

      assert.deepEqual([...dates], ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-05']);
      assert.equal(slots.length, 32);
    });

    it('skips an extra closed date', () => {
      const calendar = createHolidayCalendar('DE-NW', ['2026-06-09']);
      const slots = findSlots(
        berlinSlotSearch(tuesday, 60, { days: 2, isClosedDate: (localDate) => calendar.isPublicHoliday(localDate) }),
      );

      assert.equal(slots[0]?.start, '2026-06-10T09:00:00+02:00');
    });

    it('offers a Sunday across the autumn switch in local hours', () => {
      const slots = findSlots(
        berlinSlotSearch('2026-10-25', 60, { bookableHours: { days: [7], start: '00:00', end: '24:00' } }),
      );

      assert.equal(slots.length, 25);
      assert.equal(slots[2]?.start, '2026-10-25T02:00:00+02:00');
      assert.equal(slots[3]?.start, '2026-10-25T02:00:00+01:00');
      assert.equal(slots.at(-1)?.end, '2026-10-26T00:00:00+01:00');
    });

    it('offers a Sunday across the spring switch without the missing hour', () => {
      const slots = findSlots(
        berlinSlotSearch('2026-03-29', 60, { bookableHours: { days: [7], start: '00:00', end: '24:00' } }),
      );

      assert.equal(slots.length, 23);
      assert.equal(slots[1]?.start, '2026-03-29T01:00:00+01:00');
      assert.equal(slots[2]?.start, '2026-03-29T03:00:00+02:00');
      assert.equal(slots.at(-1)?.end, '2026-03-30T00:00:00+02:00');
    });

    it('search across the spring switch keeps each day\'s offset', () => {
      const slots = findSlots(berlinSlotSearch('2026-03-27', 60, { days: 4 }));
      const mondaySlots = slots.filter((slot) => slot.start.startsWith('2026-03-30'));

      assert.equal(slots.length, 16);
      assert.equal(slots[7]?.start, '2026-03-27T16:00:00+01:00');
      assert.equal(mondaySlots[0]?.start, '2026-03-30T09:00:00+02:00');
      assert.equal(new Date(mondaySlots[0]?.start ?? '').toISOString(), '2026-03-30T07:00:00.000Z');
    });

    it('opens at 09:00 local on both DST switch Sundays', () => {
      const sundays = { days: [7], start: '09:00', end: '17:00' };
      const spring = findSlots(berlinSlotSearch('2026-03-29', 60, { bookableHours: sundays }));
      const autumn = findSlots(berlinSlotSearch('2026-10-25', 60, { bookableHours: sundays }));

      assert.equal(spring[0]?.start, '2026-03-29T09:00:00+02:00');
      assert.equal(spring.at(-1)?.end, '2026-03-29T17:00:00+02:00');
      assert.equal(autumn[0]?.start, '2026-10-25T09:00:00+01:00');
      assert.equal(autumn.at(-1)?.end, '2026-10-25T17:00:00+01:00');
    });

    it('rounds an opening at 09:10 up to 09:15', () => {
      const slots = findSlots(
        berlinSlotSearch(tuesday, 15, { bookableHours: { days: [2], start: '09:10', end: '10:00' } }),
      );

      assert.deepEqual(starts(slots), [
        '2026-06-09T09:15:00+02:00',
        '2026-06-09T09:30:00+02:00',
        '2026-06-09T09:45:00+02:00',
      ]);
    });
  });

  describe('step', () => {
    it('90-minute review steps every 90 minutes', () => {
      const slots = findSlots(berlinSlotSearch(tuesday, 90));

      assert.deepEqual(starts(slots), [
        '2026-06-09T09:00:00+02:00',
        '2026-06-09T10:30:00+02:00',
        '2026-06-09T12:00:00+02:00',
        '2026-06-09T13:30:00+02:00',
        '2026-06-09T15:00:00+02:00',
      ]);
    });

    it('default step rounds duration up to quarter hours', () => {
      assert.equal(defaultStepMinutes(15), 15);
      assert.equal(defaultStepMinutes(20), 30);
      assert.equal(defaultStepMinutes(60), 60);
      assert.equal(defaultStepMinutes(90), 90);
    });

    it('hourly grid skips a gap starting at half past', () => {
      const slots = findSlots(
        berlinSlotSearch(tuesday, 60, {
          busy: [{ status: 'busy', start: '2026-06-09T09:00:00+02:00', end: '2026-06-09T09:30:00+02:00' }],
        }),
      );

      assert.equal(slots[0]?.start, '2026-06-09T10:00:00+02:00');
    });
  });

  describe('invalid input', () => {
    it('rejects an unknown zone by name', () => {
      assert.throws(() => findSlots(berlinSlotSearch(tuesday, 15, { zone: 'Europe/Bonn' })), /"Europe\/Bonn"/);
    });

    it('rejects a step off the quarter-hour grid', () => {
      assert.throws(() => findSlots(berlinSlotSearch(tuesday, 15, { stepMinutes: 20 })), /stepMinutes 20/);
    });

    it('rejects a zero duration', () => {
      assert.throws(() => findSlots(berlinSlotSearch(tuesday, 0)), /durationMinutes 0/);
    });

    it('rejects an unknown busy status', () => {
      const busy = [{ status: 'away', start: '2026-06-09T09:00:00+02:00', end: '2026-06-09T10:00:00+02:00' }];

      assert.throws(
        () => findSlots(berlinSlotSearch(tuesday, 15, { busy: busy as never })),
        /"away" of busy\[0\]/,
      );
    });

    it('rejects a busy end before its start', () => {
      const busy = [{ status: 'busy' as const, start: '2026-06-09T10:00:00+02:00', end: '2026-06-09T09:00:00+02:00' }];

      assert.throws(() => findSlots(berlinSlotSearch(tuesday, 15, { busy })), /busy\[0\].*2026-06-09T09:00:00\+02:00/);
    });

    it('rejects an instant without offset', () => {
      assert.throws(
        () => findSlots(berlinSlotSearch(tuesday, 15, { now: '2026-06-09T09:00:00' })),
        /now "2026-06-09T09:00:00"/,
      );
    });

    it('rejects a date-only now', () => {
      assert.throws(() => findSlots(berlinSlotSearch(tuesday, 15, { now: '2026-06-09' })), /now "2026-06-09"/);
    });

    it('rejects an invalid from date', () => {
      assert.throws(() => findSlots(berlinSlotSearch('09.06.2026', 15)), /from "09.06.2026"/);
    });

    it('rejects days beyond one year', () => {
      assert.throws(() => findSlots(berlinSlotSearch(tuesday, 15, { days: 400 })), /days 400/);
    });

    it('rejects a negative buffer', () => {
      assert.throws(() => findSlots(berlinSlotSearch(tuesday, 15, { bufferAfterMinutes: -5 })), /afterMinutes -5/);
    });

    it('rejects bookable hours that end before they start', () => {
      assert.throws(
        () => findSlots(berlinSlotSearch(tuesday, 15, { bookableHours: { days: [2], start: '17:00', end: '09:00' } })),
        /17:00-09:00/,
      );
    });

    it('rejects weekday 0', () => {
      assert.throws(
        () => findSlots(berlinSlotSearch(tuesday, 15, { bookableHours: { days: [0], start: '09:00', end: '17:00' } })),
        /weekday 0/,
      );
    });
  });
});
