import assert from 'node:assert/strict';

import { setupServer } from 'msw/node';

import { CalendarUnavailableError } from '../../../src/calendar/calendarErrors.js';
import { createTestGraphCalendar, failUnhandledExceptLoopback, GraphMock } from '../calendar/graphMock.js';
import { checkInRequest, createBookingFixture, type BookingFixture } from './bookingHarness.js';

const graph = new GraphMock();
const server = setupServer(...graph.handlers());

describe('Booking service with the Graph calendar', function () {
  this.timeout(30_000);

  let fixture: BookingFixture;

  before(() => server.listen({ onUnhandledRequest: failUnhandledExceptLoopback }));
  beforeEach(async () => {
    graph.reset();
    const calendar = createTestGraphCalendar();
    fixture = await createBookingFixture(0, calendar);
  });
  after(() => server.close());

  it('create retried after 429, 429 stores one event and one booking', async () => {
    const throttled = { status: 429, code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.', retryAfterSeconds: 1 };
    graph.failNext('create', throttled, throttled);

    const result = await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00'));

    assert.equal(result.status, 'booked');
    assert.equal(graph.requestsTo('POST', '/events').length, 3);
    assert.equal(graph.activeEvents().length, 1);
    const [booking, ...others] = await fixture.service.listForCustomer('fabrikam');
    assert.equal(others.length, 0);
    assert.equal(booking?.status, 'confirmed');
    assert.equal(booking?.eventId, graph.activeEvents()[0]?.id);
    assert.match(booking?.joinUrl ?? '', /^https:\/\/teams\.microsoft\.com\//);
  });

  it('race of two bookings makes one Graph event', async () => {
    const results = await Promise.all([
      fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00')),
      fixture.secondInstance.book(checkInRequest('northwind', 'northwind-t1', '2026-06-10T10:00:00+02:00')),
    ]);

    assert.deepEqual(results.map((result) => result.status).sort(), ['booked', 'conflict']);
    assert.equal(graph.activeEvents().length, 1);
    const conflict = results.find((result) => result.status === 'conflict');
    assert.equal(conflict?.status === 'conflict' ? conflict.nextFreeSlot?.start : undefined, '2026-06-10T10:15:00+02:00');
  });

  it('persistent 503 leaves nothing booked', async () => {
    graph.failAlways('create', { status: 503, code: 'ServiceUnavailable', message: 'Service Unavailable', retryAfterSeconds: 0 });

    await assert.rejects(
      fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00')),
      CalendarUnavailableError,
    );

    assert.deepEqual(await fixture.service.listForCustomer('fabrikam'), []);
    assert.deepEqual(await fixture.slotLocks.listForDate('2026-06-10'), []);
  });

  it('cancel sends the Graph cancellation', async () => {
    const booked = await fixture.service.book(checkInRequest('fabrikam', 'fabrikam-t1', '2026-06-10T10:00:00+02:00'));
    const eventId = booked.status === 'booked' ? booked.booking.eventId : undefined;

    await fixture.service.cancel('fabrikam', 'fabrikam-t1');

    assert.equal(graph.requestsTo('POST', `/events/${eventId}/cancel`).length, 1);
    assert.equal(graph.activeEvents().length, 0);
  });
});
