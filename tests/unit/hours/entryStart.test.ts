import assert from 'node:assert/strict';

import { defaultEntryStart } from '../../../src/domain/hours/index.js';

const BERLIN = 'Europe/Berlin';
const OPENED_LONG_AGO = '2026-11-02T08:00:00+01:00';

/** Returns the UTC ISO string of an instant written with an offset, the form defaultEntryStart returns. */
function utc(instant: string): string {
  return new Date(instant).toISOString();
}

describe('defaultEntryStart', () => {
  it('starts minutes before now inside the month', () => {
    const start = defaultEntryStart({
      now: new Date('2026-12-07T10:00:00+01:00'),
      minutes: 20,
      requestOpenedAt: OPENED_LONG_AGO,
      zone: BERLIN,
    });
    assert.equal(start, utc('2026-12-07T09:40:00+01:00'));
  });

  it('clamps to the local month start after midnight on the 1st', () => {
    const start = defaultEntryStart({
      now: new Date('2027-01-01T00:10:00+01:00'),
      minutes: 60,
      requestOpenedAt: OPENED_LONG_AGO,
      zone: BERLIN,
    });
    assert.equal(start, utc('2027-01-01T00:00:00+01:00'));
  });

  it('keeps a start exactly at the month start', () => {
    const start = defaultEntryStart({
      now: new Date('2027-01-01T01:00:00+01:00'),
      minutes: 60,
      requestOpenedAt: OPENED_LONG_AGO,
      zone: BERLIN,
    });
    assert.equal(start, utc('2027-01-01T00:00:00+01:00'));
  });

  it('uses the month start of the zone, not of UTC', () => {
    // 2027-03-31T23:30Z is already 1 April 01:30 in Berlin (summer time, +02:00).
    const start = defaultEntryStart({
      now: new Date('2027-03-31T23:30:00Z'),
      minutes: 120,
      requestOpenedAt: OPENED_LONG_AGO,
      zone: BERLIN,
    });
    assert.equal(start, utc('2027-04-01T00:00:00+02:00'));
  });

  it('clamps to the request opening instant', () => {
    const start = defaultEntryStart({
      now: new Date('2026-12-05T01:45:00+01:00'),
      minutes: 400,
      requestOpenedAt: '2026-12-04T23:30:00+01:00',
      zone: BERLIN,
    });
    assert.equal(start, utc('2026-12-04T23:30:00+01:00'));
  });

  it('takes the later bound when both apply', () => {
    const start = defaultEntryStart({
      now: new Date('2027-01-01T00:30:00+01:00'),
      minutes: 90,
      requestOpenedAt: '2027-01-01T00:05:00+01:00',
      zone: BERLIN,
    });
    assert.equal(start, utc('2027-01-01T00:05:00+01:00'));
  });

  it('rejects non-finite minutes', () => {
    assert.throws(
      () => defaultEntryStart({ now: new Date(), minutes: Number.NaN, requestOpenedAt: OPENED_LONG_AGO, zone: BERLIN }),
      /Invalid minutes NaN/,
    );
  });

  it('rejects an unknown zone', () => {
    assert.throws(
      () => defaultEntryStart({ now: new Date(), minutes: 5, requestOpenedAt: OPENED_LONG_AGO, zone: 'Mars/Olympus' }),
      /Invalid time zone "Mars\/Olympus"/,
    );
  });
});
