import assert from 'node:assert/strict';

import { BookingStateError, type CallbackBookingRequest } from '../../../src/services/bookingService.js';
import { createBookingFixture, type BookingFixture } from './bookingHarness.js';

function callbackRequest(transactionId: string, start: string, requestNumber = 'HD-2026-0007'): CallbackBookingRequest {
  return {
    transactionId,
    customerId: 'fabrikam',
    customerName: 'Fabrikam Logistik GmbH',
    planId: 'gold',
    requestNumber,
    start,
    contact: { name: 'Jana Becker', email: 'jana.becker@fabrikam.example' },
  };
}

describe('callback bookings', function () {
  this.timeout(20_000);

  let fixture: BookingFixture;

  beforeEach(async () => {
    fixture = await createBookingFixture(15);
    fixture.clock.set('2026-06-10T09:00:00+02:00');
  });

  it('slots use the plan\'s callback notice', async () => {
    const slots = await fixture.service.findCallbackSlots('gold', '2026-06-10', 1);

    assert.equal(slots[0]?.start, '2026-06-10T09:15:00+02:00');
    assert.equal(slots[0]?.end, '2026-06-10T09:30:00+02:00');
  });

  it('books with the request number', async () => {
    const outcome = await fixture.service.bookCallback(callbackRequest('cb-1', '2026-06-10T09:15:00+02:00'));

    assert.equal(outcome.status, 'booked');
    const booking = outcome.status === 'booked' ? outcome.booking : undefined;
    assert.equal(booking?.kind, 'callback');
    assert.equal(booking?.requestNumber, 'HD-2026-0007');
    assert.equal(booking?.periodKey, 'HD-2026-0007');
    const event = await fixture.events.get(booking!.eventId!);
    assert.equal(event?.subject, 'Rückruf HD-2026-0007: Fabrikam Logistik GmbH');
  });

  it('second appointment for a request is refused', async () => {
    await fixture.service.bookCallback(callbackRequest('cb-1', '2026-06-10T09:15:00+02:00'));

    const second = await fixture.service.bookCallback(callbackRequest('cb-2', '2026-06-10T11:00:00+02:00'));

    assert.equal(second.status, 'callbackExists');
    assert.equal(second.status === 'callbackExists' && second.existing?.transactionId, 'cb-1');
  });

  it('cancel and move are rejected', async () => {
    await fixture.service.bookCallback(callbackRequest('cb-1', '2026-06-10T09:15:00+02:00'));

    await assert.rejects(fixture.service.cancel('fabrikam', 'cb-1'), BookingStateError);
    await assert.rejects(fixture.service.reschedule('fabrikam', 'cb-1', '2026-06-10T11:00:00+02:00'), BookingStateError);
    assert.equal((await fixture.service.get('fabrikam', 'cb-1'))?.status, 'confirmed');
  });

  it('malformed request number is rejected', async () => {
    await assert.rejects(
      fixture.service.bookCallback(callbackRequest('cb-1', '2026-06-10T09:15:00+02:00', "HD' or 1")),
      /Invalid requestNumber "HD' or 1"/,
    );
  });

  it('started booking cannot be cancelled', async () => {
    await fixture.service.book({
      transactionId: 'ci-1',
      customerId: 'fabrikam',
      customerName: 'Fabrikam Logistik GmbH',
      planId: 'gold',
      kind: 'check-in',
      start: '2026-06-10T11:00:00+02:00',
      contact: { name: 'Jana Becker', email: 'jana.becker@fabrikam.example' },
    });
    fixture.clock.set('2026-06-10T11:05:00+02:00');

    await assert.rejects(fixture.service.cancel('fabrikam', 'ci-1'), BookingStateError);
  });
});
