import assert from 'node:assert/strict';
import { formatDate, formatDateTime, formatDaySpan, wallTime, wallTimeToInstant } from '../../../src/tab/i18n/format.js';

describe('tab date formatting in the business zone', () => {
  it('formatDateTime shows Berlin wall time', () => {
    assert.equal(formatDateTime('2026-12-07T09:30:00Z', 'de', 'Europe/Berlin'), 'Mo., 07.12.2026, 10:30');
  });

  it('formatDateTime shows London wall time', () => {
    assert.equal(formatDateTime('2026-12-07T09:30:00Z', 'de', 'Europe/London'), 'Mo., 07.12.2026, 09:30');
    assert.equal(formatDateTime('2026-12-07T09:30:00Z', 'en', 'Europe/London'), 'Mon, 07/12/2026, 09:30');
  });

  it('formatDateTime keeps zones apart per language', () => {
    // The formats are cached per language and zone, so a second zone must not reuse the first one's format.
    assert.equal(formatDateTime('2026-12-07T23:30:00Z', 'en', 'Europe/Berlin'), 'Tue, 08/12/2026, 00:30');
    assert.equal(formatDateTime('2026-12-07T23:30:00Z', 'en', 'America/New_York'), 'Mon, 07/12/2026, 18:30');
  });

  it('formatDate uses the local date of the zone', () => {
    assert.equal(formatDate('2026-12-07T23:30:00Z', 'de', 'Europe/Berlin'), '08.12.2026');
    assert.equal(formatDate('2026-12-07T23:30:00Z', 'de', 'Europe/London'), '07.12.2026');
  });

  it('formatDateTime rejects an unknown zone', () => {
    assert.throws(() => formatDateTime('2026-12-07T09:30:00Z', 'de', 'Europe/Atlantis'), RangeError);
  });

  it('wallTimeToInstant reads the wall time in the zone', () => {
    assert.equal(wallTimeToInstant('2026-12-04', '14:30', 'Europe/Berlin'), '2026-12-04T14:30:00.000+01:00');
    assert.equal(wallTimeToInstant('2026-12-04', '14:30', 'Europe/London'), '2026-12-04T14:30:00.000+00:00');
    assert.equal(wallTimeToInstant('2026-07-01', '14:30', 'Europe/London'), '2026-07-01T14:30:00.000+01:00');
  });

  it('wallTimeToInstant moves a skipped time forward', () => {
    // Berlin skips 02:00-03:00 on 2026-03-29.
    assert.equal(wallTimeToInstant('2026-03-29', '02:30', 'Europe/Berlin'), '2026-03-29T03:30:00.000+02:00');
  });

  it('wallTimeToInstant rejects invalid input', () => {
    assert.equal(wallTimeToInstant('2026-02-30', '10:00', 'Europe/Berlin'), undefined);
    assert.equal(wallTimeToInstant('2026-12-04', '10:00', 'Europe/Atlantis'), undefined);
  });

  it('wallTime returns date and time in the zone', () => {
    const instant = new Date('2026-12-04T23:15:00Z');
    assert.deepEqual(wallTime(instant, 'Europe/Berlin'), { date: '2026-12-05', time: '00:15' });
    assert.deepEqual(wallTime(instant, 'Europe/London'), { date: '2026-12-04', time: '23:15' });
  });

  it('formatDaySpan shows whole local days', () => {
    assert.deepEqual(formatDaySpan('2026-12-21T00:00:00+01:00', '2027-01-04T00:00:00+01:00', 'de', 'Europe/Berlin'), {
      first: '21.12.2026',
      last: '03.01.2027',
    });
    assert.deepEqual(formatDaySpan('2026-12-21T00:00:00Z', '2027-01-04T00:00:00Z', 'en', 'Europe/London'), {
      first: '21/12/2026',
      last: '03/01/2027',
    });
  });

  it('formatDaySpan keeps times off local midnight', () => {
    // Midnight in London is 01:00 in Berlin, so in Berlin the span has times.
    assert.deepEqual(formatDaySpan('2026-12-21T00:00:00Z', '2026-12-22T00:00:00Z', 'de', 'Europe/Berlin'), {
      first: 'Mo., 21.12.2026, 01:00',
      last: 'Di., 22.12.2026, 01:00',
    });
  });
});
