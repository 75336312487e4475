import assert from 'node:assert/strict';

import { setupServer } from 'msw/node';

import {
  CalendarAccessError,
  CalendarEventNotFoundError,
  CalendarRequestError,
  CalendarUnavailableError,
} from '../../../src/calendar/calendarErrors.js';
import { createGraphCredential } from '../../../src/calendar/graphClient.js';
import { GraphCalendarProvider, type GraphCalendarOptions } from '../../../src/calendar/graphCalendarProvider.js';
import {
  GraphMock,
  MAILBOX,
  scheduleItem,
  TEST_ACCESS_TOKEN,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  TEST_TENANT_ID,
} from './graphMock.js';

const graph = new GraphMock();
// Every request of this file must hit a handler: anything else fails instead of leaving the machine.
const server = setupServer(...graph.handlers());

function provider(overrides: Partial<GraphCalendarOptions> = {}): GraphCalendarProvider {
  return new GraphCalendarProvider({
    mailbox: MAILBOX,
    zone: 'Europe/Berlin',
    credential: createGraphCredential({ tenantId: TEST_TENANT_ID, clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET }),
    retry: { maxRetries: 3, delaySeconds: 0 },
    cancellationComment: 'Dieser Termin wurde abgesagt.',
    ...overrides,
  });
}

const newEvent = {
  transactionId: 'fabrikam-checkin-2026-W24',
  subject: 'Check-in-Call: Fabrikam Logistik GmbH',
  body: 'Guten Tag Jana Becker',
  start: new Date('2026-06-10T10:00:00+02:00'),
  end: new Date('2026-06-10T10:15:00+02:00'),
  attendee: { name: 'Jana Becker', email: 'jana.becker@fabrikam.example' },
};

describe('Graph calendar provider', function () {
  this.timeout(20_000);

  before(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => graph.reset());
  after(() => server.close());

  describe('getBusy', () => {
    it('sends the token from the client secret sign-in', async () => {
      await provider().getBusy(new Date('2026-06-09T00:00:00+02:00'), new Date('2026-06-10T00:00:00+02:00'));

      const [request] = graph.requestsTo('POST', '/calendar/getSchedule');
      assert.equal(graph.tokenRequests, 1);
      assert.equal(request?.authorization, `Bearer ${TEST_ACCESS_TOKEN}`);
      assert.equal(request?.path, `/v1.0/users/${MAILBOX}/calendar/getSchedule`);
    });

    it('requests the window in UTC with a 15-minute view', async () => {
      await provider().getBusy(new Date('2026-06-09T00:00:00+02:00'), new Date('2026-06-10T00:00:00+02:00'));

      const [request] = graph.requestsTo('POST', '/calendar/getSchedule');
      assert.deepEqual(request?.body, {
        schedules: [MAILBOX],
        startTime: { dateTime: '2026-06-08T22:00:00', timeZone: 'UTC' },
        endTime: { dateTime: '2026-06-09T22:00:00', timeZone: 'UTC' },
        availabilityViewInterval: 15,
      });
      assert.equal(request?.prefer, 'outlook.timezone="W. Europe Standard Time"');
    });

    it('reads Windows zone wall times as instants', async () => {
      graph.scheduleItems = [scheduleItem('busy', '2026-06-09T15:00:00', '2026-06-09T16:00:00')];

      const busy = await provider().getBusy(new Date('2026-06-09T00:00:00+02:00'), new Date('2026-06-10T00:00:00+02:00'));

      assert.deepEqual(busy, [{ status: 'busy', start: '2026-06-09T13:00:00.000Z', end: '2026-06-09T14:00:00.000Z' }]);
    });

    it('reads a Pacific wall time in its own zone', async () => {
      graph.scheduleItems = [scheduleItem('tentative', '2026-06-09T01:00:00', '2026-06-09T02:00:00', 'Pacific Standard Time')];

      const busy = await provider().getBusy(new Date('2026-06-09T00:00:00+02:00'), new Date('2026-06-10T00:00:00+02:00'));

      assert.deepEqual(busy, [{ status: 'tentative', start: '2026-06-09T08:00:00.000Z', end: '2026-06-09T09:00:00.000Z' }]);
    });

    it('maps every Graph status', async () => {
      graph.scheduleItems = [
        scheduleItem('free', '2026-06-09T09:00:00', '2026-06-09T10:00:00'),
        scheduleItem('tentative', '2026-06-09T10:00:00', '2026-06-09T11:00:00'),
        scheduleItem('workingElsewhere', '2026-06-09T11:00:00', '2026-06-09T12:00:00'),
        scheduleItem('oof', '2026-06-09T13:00:00', '2026-06-09T14:00:00'),
        scheduleItem('busy', '2026-06-09T15:00:00', '2026-06-09T16:00:00'),
        scheduleItem('unknown', '2026-06-09T16:00:00', '2026-06-09T17:00:00'),
      ];

      const busy = await provider().getBusy(new Date('2026-06-09T00:00:00+02:00'), new Date('2026-06-10T00:00:00+02:00'));

      assert.deepEqual(
        busy.map((item) => item.status),
        ['free', 'tentative', 'workingElsewhere', 'oof', 'busy', 'unknown'],
      );
    });

    it('places a UTC all-day item on the Berlin date', async () => {
      graph.scheduleItems = [scheduleItem('oof', '2026-06-11T00:00:00', '2026-06-12T00:00:00', 'UTC')];

      const busy = await provider().getBusy(new Date('2026-06-10T00:00:00+02:00'), new Date('2026-06-13T00:00:00+02:00'));

      assert.deepEqual(busy, [{ status: 'oof', start: '2026-06-10T22:00:00.000Z', end: '2026-06-11T22:00:00.000Z' }]);
    });

    it('keeps a winter all-day item at CET midnight', async () => {
      graph.scheduleItems = [scheduleItem('busy', '2026-12-07T00:00:00', '2026-12-09T00:00:00')];

      const busy = await provider().getBusy(new Date('2026-12-07T00:00:00+01:00'), new Date('2026-12-10T00:00:00+01:00'));

      assert.deepEqual(busy, [{ status: 'busy', start: '2026-12-06T23:00:00.000Z', end: '2026-12-08T23:00:00.000Z' }]);
    });

    it('splits a 100-day window into windows under 62 days', async () => {
      const from = new Date('2026-06-01T00:00:00+02:00');
      const to = new Date('2026-09-09T00:00:00+02:00');

      await provider().getBusy(from, to);

      const windows = graph.requestsTo('POST', '/calendar/getSchedule').map((request) => {
        const body = request.body as { startTime: { dateTime: string }; endTime: { dateTime: string } };
        return [body.startTime.dateTime, body.endTime.dateTime];
      });
      assert.deepEqual(windows, [
        ['2026-05-31T22:00:00', '2026-07-31T22:00:00'],
        ['2026-07-31T22:00:00', '2026-09-08T22:00:00'],
      ]);
    });

    it('falls back to the availabilityView', async () => {
      graph.includeScheduleItems = false;
      graph.scheduleItems = [scheduleItem('busy', '2026-06-09T10:00:00', '2026-06-09T10:30:00')];

      const busy = await provider().getBusy(new Date('2026-06-09T09:30:00+02:00'), new Date('2026-06-09T10:45:00+02:00'));

      assert.deepEqual(busy, [
        { status: 'free', start: '2026-06-09T07:30:00.000Z', end: '2026-06-09T07:45:00.000Z' },
        { status: 'free', start: '2026-06-09T07:45:00.000Z', end: '2026-06-09T08:00:00.000Z' },
        { status: 'busy', start: '2026-06-09T08:00:00.000Z', end: '2026-06-09T08:15:00.000Z' },
        { status: 'busy', start: '2026-06-09T08:15:00.000Z', end: '2026-06-09T08:30:00.000Z' },
        { status: 'free', start: '2026-06-09T08:30:00.000Z', end: '2026-06-09T08:45:00.000Z' },
      ]);
    });

    it('unknown mailbox gives a request error', async () => {
      const error = await provider({ mailbox: 'nobody@contoso-beratung.de' })
        .getBusy(new Date('2026-06-09T00:00:00+02:00'), new Date('2026-06-10T00:00:00+02:00'))
        .then(() => undefined, (caught: unknown) => caught);

      assert.ok(error instanceof CalendarRequestError);
      assert.equal(error.statusCode, 404);
      assert.equal(error.code, 'ErrorInvalidUser');
      assert.match(error.message, /nobody@contoso-beratung\.de/);
    });

    it('wrong client secret gives an access error', async () => {
      const credential = createGraphCredential({ tenantId: TEST_TENANT_ID, clientId: TEST_CLIENT_ID, clientSecret: 'wrong' });

      const error = await provider({ credential })
        .getBusy(new Date('2026-06-09T00:00:00+02:00'), new Date('2026-06-10T00:00:00+02:00'))
        .then(() => undefined, (caught: unknown) => caught);

      assert.ok(error instanceof CalendarAccessError, String(error));
      assert.match(error.message, /GRAPH_TENANT_ID/);
      assert.equal(graph.requestsTo('POST', '/calendar/getSchedule').length, 0);
    });
  });

  describe('createEvent', () => {
    it('creates a Teams meeting with the transaction id', async () => {
      const created = await provider().createEvent(newEvent);

      const [request] = graph.requestsTo('POST', '/events');
      const body = request?.body as Record<string, unknown>;
      assert.equal(body.transactionId, 'fabrikam-checkin-2026-W24');
      assert.equal(body.isOnlineMeeting, true);
      assert.equal(body.onlineMeetingProvider, 'teamsForBusiness');
      assert.deepEqual(body.start, { dateTime: '2026-06-10T10:00:00', timeZone: 'W. Europe Standard Time' });
      assert.deepEqual(body.end, { dateTime: '2026-06-10T10:15:00', timeZone: 'W. Europe Standard Time' });
      assert.deepEqual(body.attendees, [
        { emailAddress: { address: 'jana.becker@fabrikam.example', name: 'Jana Becker' }, type: 'required' },
      ]);
      assert.equal(request?.authorization, `Bearer ${TEST_ACCESS_TOKEN}`);
      assert.equal(created.eventId, graph.activeEvents()[0]?.id);
      assert.match(created.joinUrl ?? '', /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    });

    it('429, 429, 201 stores one event', async () => {
      const throttled = { status: 429, code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.', retryAfterSeconds: 1 };
      graph.failNext('create', throttled, throttled);

      const created = await provider().createEvent(newEvent);

      assert.equal(graph.requestsTo('POST', '/events').length, 3);
      assert.equal(graph.activeEvents().length, 1);
      assert.equal(created.eventId, graph.activeEvents()[0]?.id);
    });

    it('waits the Retry-After seconds before the retry', async () => {
      graph.failNext('create', { status: 429, code: 'ApplicationThrottled', message: 'Too many requests', retryAfterSeconds: 1 });

      await provider({ retry: { maxRetries: 3, delaySeconds: 0 } }).createEvent(newEvent);

      const [first, second] = graph.requestsTo('POST', '/events');
      assert.ok(first);
      assert.ok(second);
      assert.ok(second.atMs - first.atMs >= 1000, `retry came after ${second.atMs - first.atMs} ms`);
    });

    it('lost 504 response still gives one event', async () => {
      graph.failNext('create', { status: 504, code: 'GatewayTimeout', message: 'Gateway timeout', retryAfterSeconds: 0, createThenFail: true });

      const created = await provider().createEvent(newEvent);

      assert.equal(graph.requestsTo('POST', '/events').length, 2);
      assert.equal(graph.activeEvents().length, 1);
      assert.equal(created.eventId, graph.activeEvents()[0]?.id);
    });

    it('persistent 503 gives CalendarUnavailableError', async () => {
      graph.failAlways('create', { status: 503, code: 'ServiceUnavailable', message: 'Service Unavailable', retryAfterSeconds: 1 });

      const error = await provider({ retry: { maxRetries: 2, delaySeconds: 0 } })
        .createEvent(newEvent)
        .then(() => undefined, (caught: unknown) => caught);

      assert.ok(error instanceof CalendarUnavailableError, String(error));
      assert.equal(error.statusCode, 503);
      assert.equal(error.code, 'ServiceUnavailable');
      assert.match(error.message, /Try again later/);
      assert.equal(graph.requestsTo('POST', '/events').length, 3);
    });

    it('403 gives CalendarAccessError', async () => {
      graph.failNext('create', { status: 403, code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' });

      const error = await provider()
        .createEvent(newEvent)
        .then(() => undefined, (caught: unknown) => caught);

      assert.ok(error instanceof CalendarAccessError);
      assert.match(error.message, /Access is denied/);
    });
  });

  describe('updateEvent and cancelEvent', () => {
    it('moves the event in the consultant zone', async () => {
      const calendar = provider();
      const { eventId } = await calendar.createEvent(newEvent);

      await calendar.updateEvent(eventId, {
        start: new Date('2026-06-11T14:00:00+02:00'),
        end: new Date('2026-06-11T14:15:00+02:00'),
      });

      assert.deepEqual(graph.events.get(eventId)?.start, { dateTime: '2026-06-11T14:00:00', timeZone: 'W. Europe Standard Time' });
      assert.deepEqual(graph.events.get(eventId)?.end, { dateTime: '2026-06-11T14:15:00', timeZone: 'W. Europe Standard Time' });
    });

    it('moving a missing event gives not found', async () => {
      const error = await provider()
        .updateEvent('AAMkAGI2TG93AAAmissing=', { start: new Date('2026-06-11T14:00:00+02:00'), end: new Date('2026-06-11T14:15:00+02:00') })
        .then(() => undefined, (caught: unknown) => caught);

      assert.ok(error instanceof CalendarEventNotFoundError);
      assert.equal(error.code, 'ErrorItemNotFound');
    });

    it('cancels with the comment', async () => {
      const calendar = provider();
      const { eventId } = await calendar.createEvent(newEvent);

      await calendar.cancelEvent(eventId);

      const [request] = graph.requestsTo('POST', `/events/${eventId}/cancel`);
      assert.deepEqual(request?.body, { comment: 'Dieser Termin wurde abgesagt.' });
      assert.equal(graph.activeEvents().length, 0);
    });

    it('cancelling twice succeeds', async () => {
      const calendar = provider();
      const { eventId } = await calendar.createEvent(newEvent);

      await calendar.cancelEvent(eventId);
      await calendar.cancelEvent(eventId);

      assert.equal(graph.requestsTo('POST', '/cancel').length, 2);
    });
  });
});
