import assert from 'node:assert/strict';

import { computeSlaCompliance } from '../../../src/domain/slaCompliance.js';
import { BookingRepository } from '../../../src/storage/bookings.js';
import { RequestRepository } from '../../../src/storage/requests.js';
import { cardOf, cardTexts, consultant, goldContact, type DeskHarness } from '../../support/deskHarness.js';
import { executeActions, MESSAGE_RESPONSE, startConsultantDesk } from '../../support/requestSteps.js';
import { actionExecuteActivity, messageActivity, personalChat, type PersonalChat } from '../../support/teamsActivity.js';

/** Monday 2027-02-01, 09:00 in Berlin: a Gold request opened now is due at 10:00. */
const MONDAY_NINE = '2027-02-01T09:00:00+01:00';

function slotStarts(card: any): string[] {
  return executeActions(card.body)
    .filter((action) => action.verb === 'callback.pick')
    .map((action) => action.data.start);
}

describe('callback appointments through /api/messages', function () {
  this.timeout(30_000);

  let harness: DeskHarness;
  let requests: RequestRepository;
  let bookings: BookingRepository;
  let consultantChat: PersonalChat;
  let chat: PersonalChat;
  let requestCardId: string;
  let number: string;

  async function click(cardId: string, verb: string, data: Record<string, unknown>) {
    const { status, body } = await harness.post(actionExecuteActivity(chat, harness.connector.url, cardId, verb, data));
    assert.equal(status, 200);
    return body;
  }

  function consultantCardTitles(): string[] {
    return harness.connector
      .sentTo(consultantChat.conversationId)
      .map((call) => cardOf(call.activity))
      .filter((card) => card !== undefined)
      .map((card) => cardTexts(card)[0] ?? '');
  }

  beforeEach(async () => {
    ({ harness, consultantChat } = await startConsultantDesk(MONDAY_NINE));
    requests = new RequestRepository(harness.storage.tables);
    bookings = new BookingRepository(harness.storage.tables);

    chat = personalChat(goldContact);
    await harness.post(messageActivity(chat, harness.connector.url, 'Outlook startet nicht'));
    requestCardId = harness.connector.sentTo(chat.conversationId).at(-1)!.assignedId;
    const opened = await click(requestCardId, 'request.submit', { description: 'Outlook startet nicht', callbackChannel: 'teams-call' });
    number = /HD-\d{4}-\d{4}/.exec(cardTexts(opened.value)[0] ?? '')![0];
  });

  afterEach(async () => {
    await harness.stop();
  });

  /** Opens the slot card from a request card, by default the one opened at 09:00, and returns it. */
  async function openSlots(cardId = requestCardId, requestNumber = number): Promise<{ id: string; card: any }> {
    await click(cardId, 'callback.offer', { number: requestNumber, newMessage: true });
    const sent = harness.connector.sentTo(chat.conversationId).at(-1)!;
    return { id: sent.assignedId, card: cardOf(sent.activity) };
  }

  /** Opens another request at `at` and returns its card id and number. */
  async function openRequestAt(at: string, description: string): Promise<{ cardId: string; number: string }> {
    harness.clock.set(at);
    await harness.post(messageActivity(chat, harness.connector.url, description));
    const cardId = harness.connector.sentTo(chat.conversationId).at(-1)!.assignedId;
    const opened = await click(cardId, 'request.submit', { description, callbackChannel: 'teams-call' });
    return { cardId, number: /HD-\d{4}-\d{4}/.exec(cardTexts(opened.value)[0] ?? '')![0] };
  }

  /** Records the first callback of a request at `at` from the consultant's card of it. */
  async function recordCallbackAt(at: string, requestNumber: string): Promise<void> {
    const cardCall = harness.connector
      .sentTo(consultantChat.conversationId)
      .find((call) => cardTexts(cardOf(call.activity) ?? {}).some((text) => text.includes(requestNumber)));
    assert.ok(cardCall, `no consultant card of ${requestNumber}`);
    harness.clock.set(at);
    const { status, body } = await harness.post(
      actionExecuteActivity(consultantChat, harness.connector.url, cardCall.assignedId, 'request.callbackDone', {
        customerId: 'fabrikam',
        number: requestNumber,
      }),
    );
    assert.equal(status, 200);
    assert.equal(body.statusCode, 200);
  }

  /** Returns the SLA compliance of February 2027 over Fabrikam's stored requests at `at`. */
  async function februaryCompliance(at: string) {
    const stored = await requests.listByCustomer('fabrikam');
    return computeSlaCompliance(
      stored.map((entry) => entry.request),
      '2027-02',
      'Europe/Berlin',
      new Date(at),
    );
  }

  it('request card offers a callback slot', async () => {
    const card = (await requests.get('fabrikam', number))!;
    const response = await click(requestCardId, 'request.submit', { description: 'Outlook startet nicht', callbackChannel: 'teams-call' });

    assert.equal(card.request.deadline, '2027-02-01T10:00:00+01:00');
    assert.deepEqual(response.value.actions.map((action: any) => [action.title, action.verb, action.data]), [
      ['Rückruftermin wählen', 'callback.offer', { number, newMessage: true }],
    ]);
  });

  it('slots arrive as a new message below the request card', async () => {
    const response = await click(requestCardId, 'callback.offer', { number, newMessage: true });
    const picker = cardOf(harness.connector.sentTo(chat.conversationId).at(-1)!.activity);

    assert.equal(cardTexts(response.value)[0], `Anfrage ${number}`);
    assert.deepEqual(cardTexts(picker).slice(0, 2), [
      `Rückruftermin für ${number}`,
      'Ohne Termin rufen wir Sie spätestens Montag, 01.02.2027, 10:00 Uhr zurück. Ein Termin, der bis dahin endet, lässt diese Frist ' +
        'unverändert. Endet er später, gilt sein Ende als neue Frist.',
    ]);
    assert.deepEqual(slotStarts(picker).slice(0, 4), [
      '2027-02-01T09:15:00+01:00',
      '2027-02-01T09:30:00+01:00',
      '2027-02-01T09:45:00+01:00',
      '2027-02-01T10:00:00+01:00',
    ]);
  });

  it('pick shows the request in the confirmation', async () => {
    const slots = await openSlots();

    const confirm = await click(slots.id, 'callback.pick', { number, start: '2027-02-01T09:30:00+01:00' });

    assert.deepEqual(cardTexts(confirm.value).slice(2), [
      'Terminart Rückruftermin',
      `Anfrage ${number}`,
      'Datum Montag, 01.02.2027',
      'Uhrzeit 09:30–09:45 Uhr',
      'Dauer 15 Min.',
    ]);
  });

  it('slot before the deadline keeps it', async () => {
    const slots = await openSlots();

    const booked = await click(slots.id, 'callback.confirm', { number, start: '2027-02-01T09:30:00+01:00' });

    assert.equal(cardTexts(booked.value)[0], 'Rückruftermin gebucht');
    const { request } = (await requests.get('fabrikam', number))!;
    assert.equal(request.deadline, '2027-02-01T10:00:00+01:00');
    assert.equal(request.planDeadline, '2027-02-01T10:00:00+01:00');
    assert.equal(request.callbackAppointment?.start, '2027-02-01T09:30:00+01:00');
    assert.equal(request.callbackAppointment?.end, '2027-02-01T09:45:00+01:00');
    const [booking] = await bookings.listForCustomer('fabrikam');
    assert.equal(booking?.kind, 'callback');
    assert.equal(booking?.requestNumber, number);
    assert.equal(request.callbackAppointment?.bookingId, booking?.transactionId);
  });

  it('slot after the deadline replaces it', async () => {
    const slots = await openSlots();

    await click(slots.id, 'callback.confirm', { number, start: '2027-02-02T11:00:00+01:00' });

    const { request } = (await requests.get('fabrikam', number))!;
    assert.equal(request.planDeadline, '2027-02-01T10:00:00+01:00');
    assert.equal(request.deadline, '2027-02-02T11:15:00+01:00');
    assert.equal(request.atRiskAt, '2027-02-02T11:00:00+01:00');
  });

  it('slot card after the deadline says the callback is overdue', async () => {
    harness.clock.set('2027-02-01T10:30:00+01:00');

    const slots = await openSlots();

    assert.deepEqual(cardTexts(slots.card).slice(0, 2), [
      `Rückruftermin für ${number}`,
      'Ihr Rückruf war bis Montag, 01.02.2027, 10:00 Uhr zugesagt und ist jetzt überfällig. ' +
        'Wir rufen Sie so bald wie möglich zurück. Ist Ihnen eine feste Zeit lieber, wählen Sie einen Termin.',
    ]);
    assert.ok(!cardTexts(slots.card).some((text) => text.includes('spätestens')));
  });

  it('slot picked after the deadline keeps the breach', async () => {
    harness.clock.set('2027-02-01T10:30:00+01:00');
    const slots = await openSlots();

    const booked = await click(slots.id, 'callback.confirm', { number, start: '2027-02-01T13:00:00+01:00' });

    assert.equal(cardTexts(booked.value)[0], 'Rückruftermin gebucht');
    const { request } = (await requests.get('fabrikam', number))!;
    assert.equal(request.planDeadline, '2027-02-01T10:00:00+01:00');
    assert.equal(request.deadline, '2027-02-01T10:00:00+01:00');
    assert.equal(request.atRiskAt, '2027-02-01T09:45:00+01:00');
    assert.deepEqual(request.callbackAppointment, {
      start: '2027-02-01T13:00:00+01:00',
      end: '2027-02-01T13:15:00+01:00',
      bookingId: (await bookings.listForCustomer('fabrikam'))[0]?.transactionId,
    });

    const watch = await harness.desk.slaWatcher.tick();
    assert.equal(watch.sent, 1);
    assert.equal(consultantCardTitles().at(-1), `Frist überschritten: ${number}`);

    await recordCallbackAt('2027-02-01T13:05:00+01:00', number);
    const called = (await requests.get('fabrikam', number))!.request;
    assert.equal(called.firstContactAt, '2027-02-01T13:05:00+01:00');
    assert.equal(called.slaMet, false);
    const compliance = await februaryCompliance('2027-02-01T13:05:00+01:00');
    assert.equal(compliance.metCount, 0);
    assert.equal(compliance.missedCount, 1);
  });

  it('slot spanning the deadline extends it to its end', async () => {
    const spanning = await openRequestAt('2027-02-01T09:07:00+01:00', 'Drucker im Lager druckt nicht');
    const before = (await requests.get('fabrikam', spanning.number))!.request;
    assert.equal(before.deadline, '2027-02-01T10:07:00+01:00');
    const slots = await openSlots(spanning.cardId, spanning.number);

    await click(slots.id, 'callback.confirm', { number: spanning.number, start: '2027-02-01T10:00:00+01:00' });

    const { request } = (await requests.get('fabrikam', spanning.number))!;
    assert.equal(request.planDeadline, '2027-02-01T10:07:00+01:00');
    assert.equal(request.deadline, '2027-02-01T10:15:00+01:00');
    assert.equal(request.atRiskAt, '2027-02-01T10:00:00+01:00');
    assert.equal(request.callbackAppointment?.start, '2027-02-01T10:00:00+01:00');
    assert.equal(request.callbackAppointment?.end, '2027-02-01T10:15:00+01:00');

    harness.clock.set('2027-02-01T10:08:00+01:00');
    await harness.desk.slaWatcher.tick();
    assert.ok(!consultantCardTitles().includes(`Frist überschritten: ${spanning.number}`), consultantCardTitles().join('\n'));

    await recordCallbackAt('2027-02-01T10:10:00+01:00', spanning.number);
    const called = (await requests.get('fabrikam', spanning.number))!.request;
    assert.equal(called.firstContactAt, '2027-02-01T10:10:00+01:00');
    assert.equal(called.slaMet, true);
    const compliance = await februaryCompliance('2027-02-01T10:10:00+01:00');
    // The request opened at 09:00 without an appointment missed its 10:00 deadline.
    assert.equal(compliance.metCount, 1);
    assert.equal(compliance.missedCount, 1);
  });

  it('Status shows the agreed deadline', async () => {
    const slots = await openSlots();
    await click(slots.id, 'callback.confirm', { number, start: '2027-02-02T11:00:00+01:00' });

    await harness.post(messageActivity(chat, harness.connector.url, 'Status'));
    const status = cardTexts(cardOf(harness.connector.sentTo(chat.conversationId).at(-1)!.activity));

    assert.ok(status.includes('Rückruf bis Dienstag, 02.02.2027, 11:15 Uhr'), status.join('\n'));
  });

  it('SLA watcher waits for the agreed appointment', async () => {
    const slots = await openSlots();
    await click(slots.id, 'callback.confirm', { number, start: '2027-02-02T11:00:00+01:00' });

    harness.clock.set('2027-02-01T10:30:00+01:00');
    const afterPlanDeadline = await harness.desk.slaWatcher.tick();
    harness.clock.set('2027-02-02T11:16:00+01:00');
    const afterAppointment = await harness.desk.slaWatcher.tick();

    assert.equal(afterPlanDeadline.sent, 0);
    assert.equal(afterAppointment.sent, 1);
    assert.match(consultantCardTitles().at(-1) ?? '', /^Frist überschritten: /);
  });

  it('request cards show the appointment', async () => {
    const slots = await openSlots();

    await click(slots.id, 'callback.confirm', { number, start: '2027-02-02T11:00:00+01:00' });

    const update = harness.connector.updatesIn(chat.conversationId).find((call) => call.activityId === requestCardId);
    assert.ok(update, 'requester card not updated');
    const card = cardOf(update.activity);
    assert.ok(cardTexts(card).includes('Rückruftermin: Dienstag, 02.02.2027, 11:00–11:15 Uhr'));
    assert.deepEqual(card.actions ?? [], []);
    const consultantUpdate = harness.connector.updatesIn(consultantChat.conversationId).at(-1);
    assert.ok(cardTexts(cardOf(consultantUpdate?.activity)).some((text) => text.includes('Dienstag, 02.02.2027, 11:15 Uhr')));
  });

  it('consultant gets a card for the appointment', async () => {
    const slots = await openSlots();

    await click(slots.id, 'callback.confirm', { number, start: '2027-02-01T09:30:00+01:00' });

    const card = cardOf(harness.connector.sentTo(consultantChat.conversationId).at(-1)!.activity);
    assert.deepEqual(cardTexts(card).slice(0, 4), [
      'Neuer Termin: Rückruftermin mit Fabrikam Logistik GmbH',
      'Kunde Fabrikam Logistik GmbH',
      'Ansprechpartner Jana Becker <jana.becker@fabrikam.example>',
      'Terminart Rückruftermin',
    ]);
    assert.ok(cardTexts(card).includes(`Anfrage ${number}`));
  });

  it('redelivered confirm books once', async () => {
    const slots = await openSlots();
    const data = { number, start: '2027-02-01T09:30:00+01:00' };

    const first = await click(slots.id, 'callback.confirm', data);
    const second = await click(slots.id, 'callback.confirm', data);

    assert.deepEqual(second.value, first.value);
    assert.equal((await bookings.listForCustomer('fabrikam')).length, 1);
    assert.equal(consultantCardTitles().filter((title) => title.startsWith('Neuer Termin')).length, 1);
  });

  it('second appointment for a request is refused', async () => {
    const slots = await openSlots();
    await click(slots.id, 'callback.confirm', { number, start: '2027-02-01T09:30:00+01:00' });

    const again = await click(slots.id, 'callback.offer', { number });
    const otherSlot = await click(slots.id, 'callback.confirm', { number, start: '2027-02-01T11:00:00+01:00' });

    for (const result of [again, otherSlot]) {
      assert.equal(result.type, MESSAGE_RESPONSE);
      assert.equal(result.value, `Für die Anfrage ${number} ist bereits ein Rückruftermin vereinbart, oder sie braucht keinen mehr. Es wurde nichts geändert.`);
    }
    assert.equal((await bookings.listForCustomer('fabrikam')).length, 1);
  });

  it('another customer\'s request is not found', async () => {
    const result = await click(requestCardId, 'callback.confirm', { number: 'HD-2027-0999', start: '2027-02-01T11:00:00+01:00' });

    assert.equal(result.value, 'Die Anfrage HD-2027-0999 wurde nicht gefunden. Bitte prüfen Sie die Nummer.');
    assert.deepEqual(await bookings.listForCustomer('fabrikam'), []);
  });

  it('Meine Termine lists it without actions', async () => {
    const slots = await openSlots();
    await click(slots.id, 'callback.confirm', { number, start: '2027-02-01T11:00:00+01:00' });

    await harness.post(messageActivity(chat, harness.connector.url, 'Meine Termine'));
    const list = cardOf(harness.connector.sentTo(chat.conversationId).at(-1)!.activity);

    assert.deepEqual(cardTexts(list), [
      'Termine von Fabrikam Logistik GmbH',
      'Rückruftermin · Montag, 01.02.2027',
      '11:00–11:15 Uhr · gebucht von Jana Becker',
      `Rückruf zu ${number}. Diesen Termin ändert der Berater. Schreiben Sie dazu bitte in den Chat.`,
    ]);
    assert.deepEqual(executeActions(list.body), []);
  });
});
