import assert from 'node:assert/strict';

import { parseGraphDateTime, toGraphDateTime } from '../../../src/calendar/graphDateTime.js';
import { scheduleWindows } from '../../../src/calendar/graphSchedule.js';
import { slotCellsOf } from '../../../src/calendar/slotCells.js';
import { toIanaZone, toWindowsZone } from '../../../src/calendar/timeZoneNames.js';

describe('time zone names', () => {
  it('maps W. Europe Standard Time to Berlin', () => {
    assert.equal(toIanaZone('W. Europe Standard Time'), 'Europe/Berlin');
  });

  it('accepts an IANA name as it is', () => {
    assert.equal(toIanaZone('Europe/Vienna'), 'Europe/Vienna');
  });

  it('rejects an unknown name naming it', () => {
    assert.throws(() => toIanaZone('Mars Standard Time'), /Unknown time zone "Mars Standard Time"/);
  });

  it('finds the Windows name of Berlin', () => {
    assert.equal(toWindowsZone('Europe/Berlin'), 'W. Europe Standard Time');
    assert.equal(toWindowsZone('Europe/Vienna'), undefined);
  });
});

describe('Graph date-times', () => {
  it('reads seven fractional digits in CEST', () => {
    const millis = parseGraphDateTime({ dateTime: '2026-06-10T10:00:00.0000000', timeZone: 'W. Europe Standard Time' }, 'start');

    assert.equal(new Date(millis).toISOString(), '2026-06-10T08:00:00.000Z');
  });

  it('reads the hour after the spring switch', () => {
    const millis = parseGraphDateTime({ dateTime: '2026-03-29T03:00:00.0000000', timeZone: 'W. Europe Standard Time' }, 'start');

    assert.equal(new Date(millis).toISOString(), '2026-03-29T01:00:00.000Z');
  });

  it('writes wall time of the consultant zone', () => {
    assert.deepEqual(toGraphDateTime(new Date('2026-10-26T08:00:00Z'), 'Europe/Berlin'), {
      dateTime: '2026-10-26T09:00:00',
      timeZone: 'W. Europe Standard Time',
    });
  });

  it('writes UTC for a zone without Windows name', () => {
    assert.deepEqual(toGraphDateTime(new Date('2026-10-26T08:00:00Z'), 'Europe/Vienna'), {
      dateTime: '2026-10-26T08:00:00',
      timeZone: 'UTC',
    });
  });
});

describe('scheduleWindows', () => {
  it('keeps a 61-day window whole', () => {
    const windows = scheduleWindows(new Date('2026-01-01T00:00:00Z'), new Date('2026-03-03T00:00:00Z'));

    assert.equal(windows.length, 1);
  });

  it('splits a 62-day window', () => {
    const windows = scheduleWindows(new Date('2026-01-01T00:00:00Z'), new Date('2026-03-04T00:00:00Z'));

    assert.deepEqual(
      windows.map((window) => [new Date(window.startMs).toISOString(), new Date(window.endMs).toISOString()]),
      [
        ['2026-01-01T00:00:00.000Z', '2026-03-03T00:00:00.000Z'],
        ['2026-03-03T00:00:00.000Z', '2026-03-04T00:00:00.000Z'],
      ],
    );
  });

  it('rejects an empty window', () => {
    assert.throws(() => scheduleWindows(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z')), /Invalid free\/busy window/);
  });
});

describe('slotCellsOf', () => {
  const cellTimes = (cells: { startsMs: readonly number[] }) => cells.startsMs.map((ms) => new Date(ms).toISOString().slice(11, 16));

  it('locks the slot alone without buffer', () => {
    const cells = slotCellsOf(new Date('2026-06-10T10:00:00+02:00'), new Date('2026-06-10T10:15:00+02:00'), 0, 'Europe/Berlin');

    assert.equal(cells.localDate, '2026-06-10');
    assert.deepEqual(cellTimes(cells), ['08:00']);
  });

  it('adds the buffer after the slot', () => {
    const cells = slotCellsOf(new Date('2026-06-10T10:00:00+02:00'), new Date('2026-06-10T11:00:00+02:00'), 10, 'Europe/Berlin');

    assert.deepEqual(cellTimes(cells), ['08:00', '08:15', '08:30', '08:45', '09:00']);
  });

  it('stops at local midnight', () => {
    const cells = slotCellsOf(new Date('2026-06-10T23:45:00+02:00'), new Date('2026-06-11T00:00:00+02:00'), 15, 'Europe/Berlin');

    assert.deepEqual(cellTimes(cells), ['21:45']);
  });
});
