import assert from 'node:assert/strict';
import { findPlan } from '../../../src/domain/catalog.js';
import { entitlementLeft } from '../../../src/domain/slots/index.js';
import { catalog } from '../../support/calendar.js';

const goldCheckIn = findPlan(catalog, 'gold').entitlements[0];
const enterpriseReview = findPlan(catalog, 'enterprise').entitlements[0];

describe('entitlementLeft', () => {
  it('catalog grants Gold a weekly check-in', () => {
    assert.deepEqual(goldCheckIn, { kind: 'check-in', durationMinutes: 15, period: 'isoWeek' });
  });

  it('unused period leaves one', () => {
    assert.ok(goldCheckIn);
    assert.equal(entitlementLeft(goldCheckIn, 0), 1);
  });

  it('one booking uses the period up', () => {
    assert.ok(goldCheckIn);
    assert.equal(entitlementLeft(goldCheckIn, 1), 0);
  });

  it('extra bookings never go below zero', () => {
    assert.ok(enterpriseReview);
    assert.equal(entitlementLeft(enterpriseReview, 2), 0);
  });

  it('rejects a negative count', () => {
    assert.ok(goldCheckIn);
    assert.throws(() => entitlementLeft(goldCheckIn, -1), /bookingsInPeriod -1 for entitlement "check-in"/);
  });
});
