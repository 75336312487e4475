import assert from 'node:assert/strict';

import { setupServer } from 'msw/node';

import { BookingSlotRepository } from '../../../src/storage/bookingSlots.js';
import { BookingRepository } from '../../../src/storage/bookings.js';
import { createTestGraphCalendar, failUnhandledExceptLoopback, GraphMock, TEST_ACCESS_TOKEN } from '../calendar/graphMock.js';
import { cardOf, cardTexts, goldContact, type DeskHarness } from '../../support/deskHarness.js';
import { startConsultantDesk } from '../../support/requestSteps.js';
import { actionExecuteActivity, messageActivity, personalChat, type PersonalChat } from '../../support/teamsActivity.js';

/** Monday 2027-02-01, 08:00 in Berlin. */
const MONDAY_MORNING = '2027-02-01T08:00:00+01:00';

const UNAVAILABLE =
  'Der Kalender des Beraters ist gerade nicht erreichbar, daher wurde nichts gebucht oder geändert. ' +
  'Bitte versuchen Sie es in einigen Minuten erneut.';

const graph = new GraphMock();
const server = setupServer(...graph.handlers());

describe('bookings with the Graph calendar through /api/messages', function () {
  this.timeout(30_000);

  let harness: DeskHarness;
  let consultantChat: PersonalChat;
  let chat: PersonalChat;

  async function click(cardId: string, verb: string, data: Record<string, unknown>) {
    const { status, body } = await harness.post(actionExecuteActivity(chat, harness.connector.url, cardId, verb, data));
    assert.equal(status, 200);
    return body;
  }

  before(() => server.listen({ onUnhandledRequest: failUnhandledExceptLoopback }));
  after(() => server.close());

  beforeEach(async () => {
    graph.reset();
    const bookingCalendar = createTestGraphCalendar();
    ({ harness, consultantChat } = await startConsultantDesk(MONDAY_MORNING, {}, { bookingCalendar }));
    chat = personalChat(goldContact);
  });

  afterEach(async () => {
    await harness.stop();
  });

  it('booked card carries the Teams join link', async () => {
    await harness.post(messageActivity(chat, harness.connector.url, 'Termin buchen'));
    const offerId = harness.connector.sentTo(chat.conversationId).at(-1)!.assignedId;

    const booked = await click(offerId, 'booking.confirm', { kind: 'check-in', start: '2027-02-01T10:00:00+01:00' });

    const [event] = graph.activeEvents();
    assert.equal(cardTexts(booked.value)[0], 'Check-in-Call gebucht');
    assert.deepEqual(booked.value.actions[0], { type: 'Action.OpenUrl', title: 'An Besprechung teilnehmen', url: event?.joinUrl });
    assert.equal(event?.isOnlineMeeting, true);
    assert.equal(graph.requestsTo('POST', '/events')[0]?.authorization, `Bearer ${TEST_ACCESS_TOKEN}`);
  });

  it('persistent 503 on free/busy gives a German message', async () => {
    graph.failAlways('schedule', { status: 503, code: 'ServiceUnavailable', message: 'Service Unavailable', retryAfterSeconds: 0 });

    await harness.post(messageActivity(chat, harness.connector.url, 'Termin buchen'));

    const reply = harness.connector.sentTo(chat.conversationId).at(-1)!.activity;
    assert.equal(reply.text, UNAVAILABLE);
    assert.equal(reply.attachments, undefined);
    assert.equal(graph.requestsTo('POST', '/calendar/getSchedule').length, 3);
  });

  it('persistent 503 on create stores nothing', async () => {
    await harness.post(messageActivity(chat, harness.connector.url, 'Termin buchen'));
    const offerId = harness.connector.sentTo(chat.conversationId).at(-1)!.assignedId;
    graph.failAlways('create', { status: 503, code: 'ServiceUnavailable', message: 'Service Unavailable', retryAfterSeconds: 0 });

    const result = await click(offerId, 'booking.confirm', { kind: 'check-in', start: '2027-02-01T10:00:00+01:00' });

    assert.equal(result.type, 'application/vnd.microsoft.activity.message');
    assert.equal(result.value, UNAVAILABLE);
    assert.deepEqual(await new BookingRepository(harness.storage.tables).listForCustomer('fabrikam'), []);
    assert.deepEqual(await new BookingSlotRepository(harness.storage.tables).listForDate('2027-02-01'), []);
    assert.deepEqual(graph.activeEvents(), []);
    const consultantCards = harness.connector.sentTo(consultantChat.conversationId).filter((call) => cardOf(call.activity));
    assert.deepEqual(consultantCards, []);
  });
});
