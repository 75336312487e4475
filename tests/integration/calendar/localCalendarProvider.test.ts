import assert from 'node:assert/strict';

import { CalendarEventNotFoundError, CalendarRequestError } from '../../../src/calendar/calendarErrors.js';
import { LocalCalendarProvider, localEventId } from '../../../src/calendar/localCalendarProvider.js';
import { CalendarEventRepository } from '../../../src/storage/calendarEvents.js';
import { createStorage } from '../../../src/storage/tables.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { azuriteConnectionString } from '../../support/root-hooks.js';

const checkIn = {
  transactionId: 'fabrikam-2026-W24',
  subject: 'Check-in-Call: Fabrikam Logistik GmbH',
  body: 'Guten Tag Jana Becker',
  start: new Date('2026-06-10T10:00:00+02:00'),
  end: new Date('2026-06-10T10:15:00+02:00'),
  attendee: { name: 'Jana Becker', email: 'jana.becker@fabrikam.example' },
};

describe('Local calendar provider', () => {
  let events: CalendarEventRepository;
  let calendar: LocalCalendarProvider;

  beforeEach(async () => {
    const storage = createStorage(azuriteConnectionString(), { tablePrefix: uniqueTablePrefix('localcal') });
    await storage.ensureTables();
    events = new CalendarEventRepository(storage.tables);
    calendar = new LocalCalendarProvider(events);
  });

  it('created event shows as busy', async () => {
    const created = await calendar.createEvent(checkIn);

    const busy = await calendar.getBusy(new Date('2026-06-10T00:00:00+02:00'), new Date('2026-06-11T00:00:00+02:00'));
    assert.equal(created.eventId, localEventId('fabrikam-2026-W24'));
    assert.equal(created.joinUrl, undefined);
    assert.deepEqual(busy, [{ status: 'busy', start: '2026-06-10T08:00:00.000Z', end: '2026-06-10T08:15:00.000Z' }]);
  });

  it('repeated transaction gives one event', async () => {
    const [first, second] = await Promise.all([calendar.createEvent(checkIn), calendar.createEvent(checkIn)]);

    const busy = await calendar.getBusy(new Date('2026-06-10T00:00:00+02:00'), new Date('2026-06-11T00:00:00+02:00'));
    assert.equal(first.eventId, second.eventId);
    assert.equal(busy.length, 1);
  });

  it('getBusy returns only overlapping events', async () => {
    await calendar.createEvent(checkIn);

    const touching = await calendar.getBusy(new Date('2026-06-10T10:15:00+02:00'), new Date('2026-06-10T11:00:00+02:00'));
    const overlapping = await calendar.getBusy(new Date('2026-06-10T10:14:00+02:00'), new Date('2026-06-10T11:00:00+02:00'));
    assert.deepEqual(touching, []);
    assert.equal(overlapping.length, 1);
  });

  it('moved event is busy at the new time', async () => {
    const { eventId } = await calendar.createEvent(checkIn);

    await calendar.updateEvent(eventId, { start: new Date('2026-06-11T14:00:00+02:00'), end: new Date('2026-06-11T14:15:00+02:00') });

    const busy = await calendar.getBusy(new Date('2026-06-10T00:00:00+02:00'), new Date('2026-06-12T00:00:00+02:00'));
    assert.deepEqual(busy, [{ status: 'busy', start: '2026-06-11T12:00:00.000Z', end: '2026-06-11T12:15:00.000Z' }]);
  });

  it('cancelled event is free again', async () => {
    const { eventId } = await calendar.createEvent(checkIn);

    await calendar.cancelEvent(eventId);
    await calendar.cancelEvent(eventId);

    const busy = await calendar.getBusy(new Date('2026-06-10T00:00:00+02:00'), new Date('2026-06-11T00:00:00+02:00'));
    assert.deepEqual(busy, []);
    assert.equal((await events.get(eventId))?.cancelled, true);
  });

  it('moving a missing event gives not found', async () => {
    await assert.rejects(
      calendar.updateEvent('local-missing', { start: new Date('2026-06-11T14:00:00+02:00'), end: new Date('2026-06-11T14:15:00+02:00') }),
      CalendarEventNotFoundError,
    );
  });

  it('event ending before its start is rejected', async () => {
    await assert.rejects(
      calendar.createEvent({ ...checkIn, end: new Date('2026-06-10T09:00:00+02:00') }),
      (error: unknown) => error instanceof CalendarRequestError && /must be later than start/.test(error.message),
    );
  });
});
