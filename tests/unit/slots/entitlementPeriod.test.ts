import assert from 'node:assert/strict';
import { computeEntitlementPeriod } from '../../../src/domain/slots/index.js';
import { zone } from './berlinSlotSearch.js';

describe('computeEntitlementPeriod', () => {
  describe('ISO week', () => {
    it('2026-12-31 is in 2026-W53', () => {
      const period = computeEntitlementPeriod('isoWeek', '2026-12-31T10:00:00+01:00', zone);

      assert.equal(period.key, '2026-W53');
      assert.equal(period.start, '2026-12-28T00:00:00+01:00');
      assert.equal(period.end, '2027-01-04T00:00:00+01:00');
    });

    it('2027-01-01 is still in 2026-W53', () => {
      const period = computeEntitlementPeriod('isoWeek', '2027-01-01T10:00:00+01:00', zone);

      assert.equal(period.key, '2026-W53');
      assert.equal(period.start, '2026-12-28T00:00:00+01:00');
      assert.equal(period.end, '2027-01-04T00:00:00+01:00');
    });

    it('2027-01-04 starts 2027-W01', () => {
      const period = computeEntitlementPeriod('isoWeek', '2027-01-04T00:00:00+01:00', zone);

      assert.equal(period.key, '2027-W01');
      assert.equal(period.start, '2027-01-04T00:00:00+01:00');
      assert.equal(period.end, '2027-01-11T00:00:00+01:00');
    });

    it('Sunday 23:30 UTC is Monday in Berlin', () => {
      const period = computeEntitlementPeriod('isoWeek', '2027-01-03T23:30:00Z', zone);

      assert.equal(period.key, '2027-W01');
    });

    it('week of the spring switch ends in CEST', () => {
      const period = computeEntitlementPeriod('isoWeek', new Date('2026-03-25T12:00:00Z'), zone);

      assert.equal(period.key, '2026-W13');
      assert.equal(period.start, '2026-03-23T00:00:00+01:00');
      assert.equal(period.end, '2026-03-30T00:00:00+02:00');
    });
  });

  describe('month', () => {
    it('last evening of March is March', () => {
      const period = computeEntitlementPeriod('month', '2026-03-31T23:30:00+02:00', zone);

      assert.equal(period.key, '2026-03');
      assert.equal(period.start, '2026-03-01T00:00:00+01:00');
      assert.equal(period.end, '2026-04-01T00:00:00+02:00');
    });

    it('22:30 UTC on 31 March is April in Berlin', () => {
      const period = computeEntitlementPeriod('month', '2026-03-31T22:30:00Z', zone);

      assert.equal(period.key, '2026-04');
    });
  });

  describe('quarter', () => {
    it('2026-12-31 is in 2026-Q4', () => {
      const period = computeEntitlementPeriod('quarter', '2026-12-31T10:00:00+01:00', zone);

      assert.equal(period.key, '2026-Q4');
      assert.equal(period.start, '2026-10-01T00:00:00+02:00');
      assert.equal(period.end, '2027-01-01T00:00:00+01:00');
    });

    it('2027-01-01 is in 2027-Q1', () => {
      const period = computeEntitlementPeriod('quarter', '2027-01-01T00:00:00+01:00', zone);

      assert.equal(period.key, '2027-Q1');
      assert.equal(period.start, '2027-01-01T00:00:00+01:00');
      assert.equal(period.end, '2027-04-01T00:00:00+02:00');
    });

    it('quarter start moves with the zone', () => {
      const period = computeEntitlementPeriod('quarter', '2026-12-31T23:30:00Z', zone);

      assert.equal(period.key, '2027-Q1');
    });
  });

  it('rejects an unknown period kind', () => {
    assert.throws(() => computeEntitlementPeriod('year' as never, '2027-01-01T00:00:00+01:00', zone), /"year"/);
  });

  it('rejects an unknown zone', () => {
    assert.throws(() => computeEntitlementPeriod('month', '2027-01-01T00:00:00+01:00', 'Mars/Base'), /"Mars\/Base"/);
  });
});
