import assert from 'node:assert/strict';
import {
  createInterval,
  intervalContains,
  intervalsOverlap,
  mergeIntervals,
  subtractIntervals,
  widenInterval,
  type Interval,
} from '../../../src/domain/slots/index.js';

/** Builds an interval from two ISO instants with offset. */
function span(start: string, end: string): Interval {
  return createInterval(Date.parse(start), Date.parse(end));
}

/** Writes intervals as UTC ISO pairs so failures show readable instants. */
function show(intervals: Interval[]): string[] {
  return intervals.map((interval) => `${new Date(interval.startMs).toISOString()}/${new Date(interval.endMs).toISOString()}`);
}

const nineToTen = span('2026-06-09T09:00:00+02:00', '2026-06-09T10:00:00+02:00');
const tenToEleven = span('2026-06-09T10:00:00+02:00', '2026-06-09T11:00:00+02:00');

describe('interval', () => {
  it('touching intervals do not overlap', () => {
    assert.equal(intervalsOverlap(nineToTen, tenToEleven), false);
    assert.equal(intervalsOverlap(tenToEleven, nineToTen), false);
  });

  it('one shared minute overlaps', () => {
    const tenToElevenFromNineFiftyNine = span('2026-06-09T09:59:00+02:00', '2026-06-09T11:00:00+02:00');

    assert.equal(intervalsOverlap(nineToTen, tenToElevenFromNineFiftyNine), true);
  });

  it('contains an interval sharing its end', () => {
    const nineToEleven = span('2026-06-09T09:00:00+02:00', '2026-06-09T11:00:00+02:00');

    assert.equal(intervalContains(nineToEleven, tenToEleven), true);
    assert.equal(intervalContains(tenToEleven, nineToEleven), false);
  });

  it('merge joins touching and overlapping, drops empty', () => {
    const merged = mergeIntervals([
      tenToEleven,
      span('2026-06-09T12:00:00+02:00', '2026-06-09T12:00:00+02:00'),
      nineToTen,
      span('2026-06-09T10:30:00+02:00', '2026-06-09T11:30:00+02:00'),
      span('2026-06-09T13:00:00+02:00', '2026-06-09T14:00:00+02:00'),
    ]);

    assert.deepEqual(show(merged), [
      '2026-06-09T07:00:00.000Z/2026-06-09T09:30:00.000Z',
      '2026-06-09T11:00:00.000Z/2026-06-09T12:00:00.000Z',
    ]);
  });

  it('subtract splits around a cut', () => {
    const day = span('2026-06-09T09:00:00+02:00', '2026-06-09T17:00:00+02:00');
    const lunch = span('2026-06-09T12:00:00+02:00', '2026-06-09T13:00:00+02:00');

    assert.deepEqual(show(subtractIntervals([day], [lunch])), [
      '2026-06-09T07:00:00.000Z/2026-06-09T10:00:00.000Z',
      '2026-06-09T11:00:00.000Z/2026-06-09T15:00:00.000Z',
    ]);
  });

  it('subtract of a touching interval removes nothing', () => {
    assert.deepEqual(show(subtractIntervals([nineToTen], [tenToEleven])), show([nineToTen]));
  });

  it('subtract of a covering interval removes all', () => {
    const wholeDay = span('2026-06-09T00:00:00+02:00', '2026-06-10T00:00:00+02:00');

    assert.deepEqual(subtractIntervals([nineToTen, tenToEleven], [wholeDay]), []);
  });

  it('widen adds buffers on both sides', () => {
    const widened = widenInterval(tenToEleven, 15, 30);

    assert.equal(new Date(widened.startMs).toISOString(), '2026-06-09T07:45:00.000Z');
    assert.equal(new Date(widened.endMs).toISOString(), '2026-06-09T09:30:00.000Z');
  });

  it('widen rejects a negative buffer', () => {
    assert.throws(() => widenInterval(tenToEleven, -15, 0), /beforeMinutes -15/);
  });

  it('create rejects an end before the start', () => {
    assert.throws(
      () => span('2026-06-09T11:00:00+02:00', '2026-06-09T10:00:00+02:00'),
      /\[2026-06-09T09:00:00.000Z, 2026-06-09T08:00:00.000Z\)/,
    );
  });
});
