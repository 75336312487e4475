import assert from 'node:assert/strict';

import {
  BookingStateError,
  EntitlementNotInPlanError,
  InvalidBookingRequestError,
  PENDING_BOOKING_TIMEOUT_MS,
  type BookingOutcome,
} from '../../../src/services/bookingService.js';
import { checkInRequest, createBookingFixture, type BookingFixture } from './bookingHarness.js';

describe('Booking service with the local calendar', function () {
  this.timeout(20_000);

  describe('race vector', () => {
    let fixture: BookingFixture;

    beforeEach(async () => {
      fixture = await createBookingFixture(0);
    });

    it('two bookings of 10:00 at once make one event', async () => {
      const results = await Promise.all([
        fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00')),
        fixture.secondInstance.book(checkInRequest('northwind', 'northwind-t1', '2026-06-10T10:00:00+02:00')),
      ]);

      const booked = results.filter((result) => result.status === 'booked');
      const conflicts = results.filter((result) => result.status === 'conflict');
      assert.equal(booked.length, 1);
      assert.equal(conflicts.length, 1);
      assert.deepEqual(conflicts[0], {
        status: 'conflict',
        reason: 'taken',
        nextFreeSlot: { start: '2026-06-10T10:15:00+02:00', end: '2026-06-10T10:30:00+02:00' },
      });

      const events = await fixture.events.listOverlapping(new Date('2026-06-10T00:00:00+02:00'), new Date('2026-06-11T00:00:00+02:00'));
      assert.equal(events.length, 1);
      assert.equal(events[0]?.start, '2026-06-10T08:00:00.000Z');
    });

    it('loser keeps no booking row', async () => {
      const results = await Promise.all([
        fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00')),
        fixture.secondInstance.book(checkInRequest('northwind', 'northwind-t1', '2026-06-10T10:00:00+02:00')),
      ]);

      const loser = results[0]?.status === 'conflict' ? 'fabrikam' : 'northwind';
      assert.deepEqual(await fixture.service.listForCustomer(loser), []);
    });

    it('loser can book the offered 10:15 slot', async () => {
      await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00'));
      const conflict = await fixture.service.book(checkInRequest('northwind', 'northwind-t1', '2026-06-10T10:00:00+02:00'));
      assert.equal(conflict.status, 'conflict');

      const retry = await fixture.service.book(
        checkInRequest('northwind', 'northwind-t2', conflict.status === 'conflict' ? (conflict.nextFreeSlot?.start ?? '') : ''),
      );

      assert.equal(retry.status, 'booked');
      assert.equal(retry.status === 'booked' ? retry.booking.start : '', '2026-06-10T10:15:00+02:00');
    });
  });

  describe('booking', () => {
    let fixture: BookingFixture;

    beforeEach(async () => {
      fixture = await createBookingFixture(15);
    });

    it('confirms with event and period', async () => {
      const result = await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00'));

      assert.equal(result.status, 'booked');
      const booking = result.status === 'booked' ? result.booking : undefined;
      assert.equal(booking?.status, 'confirmed');
      assert.equal(booking?.start, '2026-06-10T10:00:00+02:00');
      assert.equal(booking?.end, '2026-06-10T10:15:00+02:00');
      assert.equal(booking?.periodKey, '2026-W24');
      const event = await fixture.events.get(booking?.eventId ?? '');
      assert.equal(event?.transactionId, 'fabrikam-t1');
      assert.equal(event?.subject, 'Check-in-Call: fabrikam GmbH');
      assert.equal(event?.attendeeEmail, 'jana.becker@fabrikam.example');
    });

    it('repeated request returns the first booking', async () => {
      const request = checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00');

      const [first, second] = await Promise.all([fixture.service.book(request), fixture.secondInstance.book(request)]);
      const third = await fixture.service.book(request);

      assert.equal(first.status, 'booked');
      const bookingOf = (outcome: BookingOutcome) => (outcome.status === 'booked' ? outcome.booking : undefined);
      assert.deepEqual(bookingOf(second), bookingOf(first));
      assert.deepEqual(bookingOf(third), bookingOf(first));
      // Only the call that confirmed the booking reports a change.
      const changed = [first, second, third].filter((outcome) => outcome.status === 'booked' && outcome.changed);
      assert.equal(changed.length, 1);
      assert.equal(third.status === 'booked' && third.changed, false);
      const events = await fixture.events.listOverlapping(new Date('2026-06-10T00:00:00+02:00'), new Date('2026-06-11T00:00:00+02:00'));
      assert.equal(events.length, 1);
      assert.equal((await fixture.service.listForCustomer('fabrikam')).length, 1);
    });

    it('second check-in in one week is refused', async () => {
      await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00'));

      const second = await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t2', '2026-06-12T14:00:00+02:00'));

      assert.equal(second.status, 'entitlementUsed');
      assert.equal(second.status === 'entitlementUsed' ? second.periodKey : '', '2026-W24');
      assert.equal(second.status === 'entitlementUsed' ? second.existing?.transactionId : '', 'fabrikam-t1');
    });

    it('check-in of the next week is allowed', async () => {
      await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-12T14:00:00+02:00'));

      const next = await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t2', '2026-06-15T09:00:00+02:00'));

      assert.equal(next.status, 'booked');
      assert.equal(next.status === 'booked' ? next.booking.periodKey : '', '2026-W25');
    });

    it('busy appointment blocks with buffers', async () => {
      await fixture.calendar.createEvent({
        transactionId: 'consultant-own-appointment',
        subject: 'Kundentermin vor Ort',
        body: '',
        start: new Date('2026-06-10T10:00:00+02:00'),
        end: new Date('2026-06-10T11:00:00+02:00'),
        attendee: { name: 'Berater', email: 'berater@contoso-beratung.de' },
      });

      const result = await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T11:00:00+02:00'));

      assert.deepEqual(result, {
        status: 'conflict',
        reason: 'taken',
        nextFreeSlot: { start: '2026-06-10T11:15:00+02:00', end: '2026-06-10T11:30:00+02:00' },
      });
    });

    it('slot inside the notice is refused', async () => {
      fixture.clock.set('2026-06-10T09:00:00+02:00');

      const result = await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00'));

      assert.deepEqual(result, {
        status: 'conflict',
        reason: 'tooSoon',
        nextFreeSlot: { start: '2026-06-10T11:00:00+02:00', end: '2026-06-10T11:15:00+02:00' },
      });
    });

    it('holiday slot is refused', async () => {
      const result = await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-04T10:00:00+02:00'));

      assert.equal(result.status, 'conflict');
      assert.equal(result.status === 'conflict' ? result.nextFreeSlot?.start : '', '2026-06-05T09:00:00+02:00');
    });

    it('adjacent bookings keep the buffer', async () => {
      await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00'));

      const result = await fixture.service.book(checkInRequest('northwind', 'northwind-t1', '2026-06-10T10:15:00+02:00'));

      assert.equal(result.status === 'conflict' ? result.nextFreeSlot?.start : result.status, '2026-06-10T10:30:00+02:00');
    });

    it('kind outside the plan names the kinds', async () => {
      await assert.rejects(
        fixture.service.book({ ...checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00'), kind: 'roadmap-review' }),
        (error: unknown) =>
          error instanceof EntitlementNotInPlanError && error.message === 'Plan "gold" has no "roadmap-review" entitlement; its kinds: check-in',
      );
    });

    it('start without offset is rejected', async () => {
      await assert.rejects(
        fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00')),
        (error: unknown) => error instanceof InvalidBookingRequestError && /2026-06-10T10:00:00/.test(error.message),
      );
    });

    it('stale pending lock is taken over', async () => {
      const stale = {
        ...checkInRequest('northwind', 'northwind-crashed', '2026-06-10T10:00:00+02:00'),
      };
      // A booking that crashed after locking its slot ten minutes ago, before its event existed.
      await fixture.bookings.createPending({
        customerId: stale.customerId,
        transactionId: stale.transactionId,
        planId: 'gold',
        kind: 'check-in',
        periodKey: '2026-W24',
        start: '2026-06-10T10:00:00+02:00',
        end: '2026-06-10T10:15:00+02:00',
        status: 'pending',
        contactName: 'Jana Becker',
        contactEmail: 'jana.becker@northwind.example',
        createdAt: new Date(Date.parse('2026-06-01T08:00:00+02:00') - PENDING_BOOKING_TIMEOUT_MS - 60_000).toISOString(),
        updatedAt: '2026-06-01T05:54:00.000Z',
      });
      await fixture.slotLocks.lock('2026-06-10', [Date.parse('2026-06-10T10:00:00+02:00')], stale.transactionId, stale.customerId);

      const result = await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00'));

      assert.equal(result.status, 'booked');
      assert.equal((await fixture.service.get('northwind', 'northwind-crashed'))?.status, 'abandoned');
    });
  });

  describe('cancel and reschedule', () => {
    let fixture: BookingFixture;

    beforeEach(async () => {
      fixture = await createBookingFixture(15);
    });

    it('cancel frees slot and period', async () => {
      const booked = await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00'));
      const eventId = booked.status === 'booked' ? booked.booking.eventId : undefined;

      const cancelled = await fixture.service.cancel('fabrikam', 'fabrikam-t1');

      assert.equal(cancelled.status, 'cancelled');
      assert.equal((await fixture.events.get(eventId ?? ''))?.cancelled, true);
      const other = await fixture.service.book(checkInRequest('northwind', 'northwind-t1', '2026-06-10T10:00:00+02:00'));
      assert.equal(other.status, 'booked');
      const again = await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t2', '2026-06-11T10:00:00+02:00'));
      assert.equal(again.status, 'booked');
    });

    it('cancel twice returns the cancelled booking', async () => {
      await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00'));

      await fixture.service.cancel('fabrikam', 'fabrikam-t1');
      const second = await fixture.service.cancel('fabrikam', 'fabrikam-t1');

      assert.equal(second.status, 'cancelled');
    });

    it('rebooking a cancelled transaction is refused', async () => {
      const request = checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00');
      await fixture.service.book(request);
      await fixture.service.cancel('fabrikam', 'fabrikam-t1');

      await assert.rejects(fixture.service.book(request), BookingStateError);
    });

    it('reschedule moves event and frees old slot', async () => {
      const booked = await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00'));
      const eventId = booked.status === 'booked' ? (booked.booking.eventId ?? '') : '';

      const moved = await fixture.service.reschedule('fabrikam', 'fabrikam-t1', '2026-06-11T14:30:00+02:00');

      assert.equal(moved.status, 'booked');
      assert.equal(moved.status === 'booked' ? moved.booking.start : '', '2026-06-11T14:30:00+02:00');
      assert.equal((await fixture.events.get(eventId))?.start, '2026-06-11T12:30:00.000Z');
      const old = await fixture.service.book(checkInRequest('northwind', 'northwind-t1', '2026-06-10T10:00:00+02:00'));
      assert.equal(old.status, 'booked');
      const taken = await fixture.service.book(checkInRequest('northwind2', 'northwind2-t1', '2026-06-11T14:30:00+02:00'));
      assert.equal(taken.status, 'conflict');
    });

    it('reschedule by 15 minutes overlaps itself', async () => {
      await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00'));

      const moved = await fixture.service.reschedule('fabrikam', 'fabrikam-t1', '2026-06-10T10:15:00+02:00');

      assert.equal(moved.status === 'booked' ? moved.booking.end : moved.status, '2026-06-10T10:30:00+02:00');
      const locks = await fixture.slotLocks.listForDate('2026-06-10');
      assert.deepEqual(
        locks.map((lock) => new Date(lock.startMs).toISOString()),
        ['2026-06-10T08:15:00.000Z', '2026-06-10T08:30:00.000Z'],
      );
    });

    it('reschedule into a used week is refused', async () => {
      await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00'));
      await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t2', '2026-06-17T10:00:00+02:00'));

      const moved = await fixture.service.reschedule('fabrikam', 'fabrikam-t1', '2026-06-18T10:00:00+02:00');

      assert.equal(moved.status, 'entitlementUsed');
      assert.equal((await fixture.service.get('fabrikam', 'fabrikam-t1'))?.start, '2026-06-10T10:00:00+02:00');
    });
  });
});
