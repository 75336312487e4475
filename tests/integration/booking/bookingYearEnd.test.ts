import assert from 'node:assert/strict';

import type { BookingRequest } from '../../../src/services/bookingService.js';
import { checkInRequest, createBookingFixture, type BookingFixture } from './bookingHarness.js';

/** Builds a booking request of a plan's entitlement for the demo customer Northwind. */
function northwindRequest(planId: string, kind: BookingRequest['kind'], transactionId: string, start: string): BookingRequest {
  return {
    transactionId,
    customerId: 'northwind',
    customerName: 'Northwind Energie AG',
    planId,
    kind,
    start,
    contact: { name: 'Miriam Schulz', email: 'miriam.schulz@northwind.example' },
  };
}

describe('entitlement periods across the year end', function () {
  this.timeout(20_000);

  let fixture: BookingFixture;

  beforeEach(async () => {
    fixture = await createBookingFixture(15);
    fixture.clock.set('2026-12-21T08:00:00+01:00');
  });

  it('year end splits ISO weeks 2026-W53, 2027-W01', async () => {
    const lastWeek = await fixture.service.book(checkInRequest('fabrikam', 'w53', '2026-12-31T10:00:00+01:00'));
    const firstWeek = await fixture.service.book(checkInRequest('fabrikam', 'w01', '2027-01-04T10:00:00+01:00'));

    assert.equal(lastWeek.status === 'booked' && lastWeek.booking.periodKey, '2026-W53');
    assert.equal(firstWeek.status === 'booked' && firstWeek.booking.periodKey, '2027-W01');
  });

  it('28 December shares week 2026-W53', async () => {
    await fixture.service.book(checkInRequest('fabrikam', 'w53', '2026-12-31T10:00:00+01:00'));

    const rejected = await fixture.service.book(checkInRequest('fabrikam', 'w53-again', '2026-12-28T10:00:00+01:00'));

    assert.equal(rejected.status, 'entitlementUsed');
    assert.equal(rejected.status === 'entitlementUsed' && rejected.periodKey, '2026-W53');
    assert.equal(rejected.status === 'entitlementUsed' && rejected.nextPeriodStart, '2027-01-04T00:00:00+01:00');
  });

  it('2 January status counts 2026-W53', async () => {
    await fixture.service.book(checkInRequest('fabrikam', 'w53', '2026-12-31T10:00:00+01:00'));
    fixture.clock.set('2027-01-02T10:00:00+01:00');

    const status = await fixture.service.entitlementStatus('fabrikam', 'gold', 'check-in');

    assert.equal(status.period.key, '2026-W53');
    assert.equal(status.period.start, '2026-12-28T00:00:00+01:00');
    assert.equal(status.period.end, '2027-01-04T00:00:00+01:00');
    assert.equal(status.left, 0);
    assert.equal(status.booking?.transactionId, 'w53');
  });

  it('4 January status starts 2027-W01', async () => {
    await fixture.service.book(checkInRequest('fabrikam', 'w53', '2026-12-31T10:00:00+01:00'));
    fixture.clock.set('2027-01-04T07:00:00+01:00');

    const status = await fixture.service.entitlementStatus('fabrikam', 'gold', 'check-in');

    assert.equal(status.period.key, '2027-W01');
    assert.equal(status.left, 1);
    assert.equal(status.booking, undefined);
  });

  it('cancelled booking gives the week back', async () => {
    await fixture.service.book(checkInRequest('fabrikam', 'w53', '2026-12-31T10:00:00+01:00'));
    await fixture.service.cancel('fabrikam', 'w53');
    fixture.clock.set('2026-12-29T10:00:00+01:00');

    const status = await fixture.service.entitlementStatus('fabrikam', 'gold', 'check-in');

    assert.equal(status.left, 1);
  });

  it('December and January are two months', async () => {
    const december = await fixture.service.book(northwindRequest('silver', 'proactive-call', 'dec', '2026-12-30T10:00:00+01:00'));
    const january = await fixture.service.book(northwindRequest('silver', 'proactive-call', 'jan', '2027-01-04T10:00:00+01:00'));

    assert.equal(december.status === 'booked' && december.booking.periodKey, '2026-12');
    assert.equal(january.status === 'booked' && january.booking.periodKey, '2027-01');
  });

  it('Q4 and Q1 reviews are separate', async () => {
    const q4 = await fixture.service.book(northwindRequest('enterprise', 'roadmap-review', 'q4', '2026-12-30T10:30:00+01:00'));
    const q1 = await fixture.service.book(northwindRequest('enterprise', 'roadmap-review', 'q1', '2027-01-05T10:30:00+01:00'));
    const secondQ1 = await fixture.service.book(northwindRequest('enterprise', 'roadmap-review', 'q1-again', '2027-03-31T10:30:00+02:00'));

    assert.equal(q4.status === 'booked' && q4.booking.periodKey, '2026-Q4');
    assert.equal(q1.status === 'booked' && q1.booking.periodKey, '2027-Q1');
    assert.equal(secondQ1.status === 'entitlementUsed' && secondQ1.nextPeriodStart, '2027-04-01T00:00:00+02:00');
  });
});
