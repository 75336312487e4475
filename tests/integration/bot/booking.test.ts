import assert from 'node:assert/strict';

import { BookingRepository } from '../../../src/storage/bookings.js';
import { CalendarEventRepository } from '../../../src/storage/calendarEvents.js';
import {
  actionVerbs,
  cardOf,
  cardTexts,
  consultant,
  enterpriseContact,
  goldContact,
  type DeskHarness,
} from '../../support/deskHarness.js';
import {
  CARD_RESPONSE,
  clickAction,
  executeActions,
  MESSAGE_RESPONSE,
  sendMessage,
  startConsultantDesk,
} from '../../support/requestSteps.js';
import { personalChat, type PersonalChat } from '../../support/teamsActivity.js';

/** Monday 2027-02-01, 08:00 in Berlin: with 2 hours of notice the first slot is 10:00. */
const MONDAY_MORNING = '2027-02-01T08:00:00+01:00';

/** Returns the slot buttons of a slot card. */
function slotButtons(card: any) {
  return executeActions(card.body).filter((action) => /^\d{2}:\d{2}$/.test(action.title));
}

describe('bookings through /api/messages', function () {
  this.timeout(30_000);

  let harness: DeskHarness;
  let bookings: BookingRepository;
  let events: CalendarEventRepository;
  let consultantChat: PersonalChat;

  const say = (chat: PersonalChat, text: string) => sendMessage(harness, chat, text);

  const click = (chat: PersonalChat, cardId: string, verb: string, data: Record<string, unknown>) =>
    clickAction(harness, chat, cardId, verb, data);

  function consultantCards(): any[] {
    return harness.connector.sentTo(consultantChat.conversationId).map((call) => cardOf(call.activity)).filter(Boolean);
  }

  beforeEach(async () => {
    ({ harness, consultantChat } = await startConsultantDesk(MONDAY_MORNING));
    bookings = new BookingRepository(harness.storage.tables);
    events = new CalendarEventRepository(harness.storage.tables);
  });

  afterEach(async () => {
    await harness.stop();
  });

  describe('Termin buchen', () => {
    it('typed request lists entitlement and slots', async () => {
      const reply = await say(personalChat(goldContact), 'Termin buchen');
      const card = cardOf(reply.activity);
      const texts = cardTexts(card);

      assert.equal(texts[0], 'Termin buchen');
      assert.ok(texts.includes('Terminart Check-in-Call'), texts.join('\n'));
      assert.ok(texts.includes('Dauer 15 Min.'));
      assert.ok(texts.includes('Häufigkeit einmal pro Woche'));
      assert.ok(texts.includes('Noch offen 1 Termin für diese Woche'));
      assert.ok(texts.includes('Montag, 01.02.2027'));
      const slots = slotButtons(card);
      assert.equal(slots.length, 12);
      assert.equal(slots[0]?.title, '10:00');
      assert.deepEqual(slots[0]?.data, { kind: 'check-in', start: '2027-02-01T10:00:00+01:00' });
      assert.equal(slots.at(-1)?.title, '12:45');
      assert.deepEqual(card.actions.map((action: any) => [action.title, action.verb, action.data]), [
        ['Weitere Termine', 'booking.offer', { kind: 'check-in', after: '2027-02-01T12:45:00+01:00' }],
      ]);
    });

    it('Weitere Termine continues after the last slot', async () => {
      const chat = personalChat(goldContact);
      const offer = await say(chat, 'Termin buchen');

      const next = await click(chat, offer.assignedId, 'booking.offer', { kind: 'check-in', after: '2027-02-01T16:30:00+01:00' });

      assert.equal(next.type, CARD_RESPONSE);
      const slots = slotButtons(next.value);
      assert.deepEqual(
        slots.slice(0, 3).map((slot) => slot.data.start),
        ['2027-02-01T16:45:00+01:00', '2027-02-02T09:00:00+01:00', '2027-02-02T09:15:00+01:00'],
      );
      const texts = cardTexts(next.value);
      assert.ok(texts.includes('Montag, 01.02.2027'));
      assert.ok(texts.includes('Dienstag, 02.02.2027'));
    });

    it('welcome card button opens the offer', async () => {
      const chat = personalChat(goldContact);
      const welcome = await say(chat, 'Hallo');

      const offer = await click(chat, welcome.assignedId, 'booking.offer', {});

      assert.equal(offer.type, CARD_RESPONSE);
      assert.equal(cardTexts(offer.value)[0], 'Termin buchen');
      assert.equal(slotButtons(offer.value)[0]?.data.start, '2027-02-01T10:00:00+01:00');
    });

    it('pick shows a confirmation step', async () => {
      const chat = personalChat(goldContact);
      const offer = await say(chat, 'Termin buchen');

      const confirm = await click(chat, offer.assignedId, 'booking.pick', { kind: 'check-in', start: '2027-02-01T10:00:00+01:00' });

      assert.deepEqual(cardTexts(confirm.value), [
        'Termin bestätigen',
        'Bitte prüfen Sie den Termin. Eingetragen wird er erst mit „Verbindlich buchen“.',
        'Terminart Check-in-Call',
        'Datum Montag, 01.02.2027',
        'Uhrzeit 10:00–10:15 Uhr',
        'Dauer 15 Min.',
      ]);
      assert.deepEqual(actionVerbs(confirm.value), ['booking.confirm', 'booking.offer']);
      assert.deepEqual(confirm.value.actions[0].data, { kind: 'check-in', start: '2027-02-01T10:00:00+01:00' });
      assert.deepEqual(await bookings.listForCustomer('fabrikam'), []);
    });

    it('confirm books and replies with booking', async () => {
      const chat = personalChat(goldContact);
      const offer = await say(chat, 'Termin buchen');

      const booked = await click(chat, offer.assignedId, 'booking.confirm', { kind: 'check-in', start: '2027-02-01T10:00:00+01:00' });

      assert.deepEqual(cardTexts(booked.value), [
        'Check-in-Call gebucht',
        'Terminart Check-in-Call',
        'Datum Montag, 01.02.2027',
        'Uhrzeit 10:00–10:15 Uhr',
        'Dauer 15 Min.',
        // The harness books in the local calendar, which sends no invitation.
        'Der Termin ist im Kalender des Beraters eingetragen. Eine Einladung per E-Mail wird nicht verschickt. ' +
          'Für diesen Termin gibt es keinen Teams-Link. Der Berater meldet sich zur vereinbarten Zeit.',
      ]);
      const [booking, ...others] = await bookings.listForCustomer('fabrikam');
      assert.equal(others.length, 0);
      assert.equal(booking?.status, 'confirmed');
      assert.equal(booking?.start, '2027-02-01T10:00:00+01:00');
      assert.equal(booking?.end, '2027-02-01T10:15:00+01:00');
      assert.equal(booking?.periodKey, '2027-W05');
      assert.equal(booking?.contactEmail, 'jana.becker@fabrikam.example');
      const event = await events.get(booking!.eventId!);
      assert.equal(event?.start, '2027-02-01T09:00:00.000Z');
      assert.equal(event?.attendeeEmail, 'jana.becker@fabrikam.example');
    });

    it('consultant gets a card for the booking', async () => {
      const chat = personalChat(goldContact);
      const offer = await say(chat, 'Termin buchen');

      await click(chat, offer.assignedId, 'booking.confirm', { kind: 'check-in', start: '2027-02-01T10:00:00+01:00' });

      const [card, ...others] = consultantCards();
      assert.equal(others.length, 0);
      assert.deepEqual(cardTexts(card), [
        'Neuer Termin: Check-in-Call mit Fabrikam Logistik GmbH',
        'Kunde Fabrikam Logistik GmbH',
        'Ansprechpartner Jana Becker <jana.becker@fabrikam.example>',
        'Terminart Check-in-Call',
        'Datum Montag, 01.02.2027',
        'Uhrzeit 10:00–10:15 Uhr',
        'Dauer 15 Min.',
      ]);
    });

    it('redelivered confirm books once', async () => {
      const chat = personalChat(goldContact);
      const offer = await say(chat, 'Termin buchen');
      const data = { kind: 'check-in', start: '2027-02-01T10:00:00+01:00' };

      const first = await click(chat, offer.assignedId, 'booking.confirm', data);
      const second = await click(chat, offer.assignedId, 'booking.confirm', data);

      assert.deepEqual(second.value, first.value);
      const stored = await bookings.listForCustomer('fabrikam');
      assert.equal(stored.length, 1);
      assert.equal(stored[0]?.status, 'confirmed');
      assert.equal((await events.listOverlapping(new Date('2027-02-01T00:00:00Z'), new Date('2027-02-02T00:00:00Z'))).length, 1);
      assert.equal(consultantCards().length, 1);
    });

    it('used-up week names the next week', async () => {
      const chat = personalChat(goldContact);
      const offer = await say(chat, 'Termin buchen');
      await click(chat, offer.assignedId, 'booking.confirm', { kind: 'check-in', start: '2027-02-01T10:00:00+01:00' });

      const again = cardOf((await say(chat, 'Termin buchen')).activity);

      const texts = cardTexts(again);
      assert.equal(
        texts[1],
        'Ihr Check-in-Call für diese Woche ist bereits gebucht. Der nächste ist ab Montag, 08.02.2027 möglich; ' +
          'unten sehen Sie die freien Termine ab dann.',
      );
      assert.ok(texts.includes('Noch offen keiner mehr für diese Woche'));
      assert.equal(slotButtons(again)[0]?.data.start, '2027-02-08T09:00:00+01:00');
    });

    it('second booking per week is rejected', async () => {
      const chat = personalChat(goldContact);
      const offer = await say(chat, 'Termin buchen');
      await click(chat, offer.assignedId, 'booking.confirm', { kind: 'check-in', start: '2027-02-01T10:00:00+01:00' });

      const rejected = await click(chat, offer.assignedId, 'booking.confirm', { kind: 'check-in', start: '2027-02-03T10:00:00+01:00' });

      assert.equal(
        cardTexts(rejected.value)[1],
        'Ihr Check-in-Call für diesen Zeitraum ist bereits gebucht, Ihr Paket enthält ihn einmal pro Woche. ' +
          'Der nächste ist ab Montag, 08.02.2027 möglich.',
      );
      assert.equal(slotButtons(rejected.value)[0]?.data.start, '2027-02-08T09:00:00+01:00');
      assert.equal((await bookings.listForCustomer('fabrikam')).length, 1);
    });

    it('late confirmation names the notice', async () => {
      const chat = personalChat(goldContact);
      const offer = await say(chat, 'Termin buchen');
      harness.clock.set('2027-02-01T08:30:00+01:00');

      const late = await click(chat, offer.assignedId, 'booking.confirm', { kind: 'check-in', start: '2027-02-01T10:00:00+01:00' });

      assert.equal(late.type, CARD_RESPONSE);
      assert.equal(
        cardTexts(late.value)[1],
        'Dieser Termin beginnt zu bald oder ist schon vorbei und kann daher nicht mehr gebucht werden. ' +
          'Bitte wählen Sie eine der folgenden Zeiten.',
      );
      assert.equal(slotButtons(late.value)[0]?.data.start, '2027-02-01T10:30:00+01:00');
      assert.deepEqual(await bookings.listForCustomer('fabrikam'), []);
    });

    it('kind outside the plan is rejected', async () => {
      const chat = personalChat(goldContact);
      const offer = await say(chat, 'Termin buchen');

      const result = await click(chat, offer.assignedId, 'booking.confirm', { kind: 'roadmap-review', start: '2027-02-01T10:30:00+01:00' });

      assert.equal(result.type, MESSAGE_RESPONSE);
      assert.match(result.value, /^Diese Karte enthält keine gültigen Termindaten, daher wurde nichts gebucht\./);
      assert.deepEqual(await bookings.listForCustomer('fabrikam'), []);
    });
  });

  describe('two customers confirm the same slot', () => {
    it('loser gets the following slots', async () => {
      const fabrikamChat = personalChat(goldContact);
      const northwindChat = personalChat(enterpriseContact);
      const fabrikamOffer = await say(fabrikamChat, 'Termin buchen');
      const northwindOffer = await say(northwindChat, 'Termin buchen');
      assert.ok(slotButtons(cardOf(northwindOffer.activity)).some((slot) => slot.data.start === '2027-02-01T10:30:00+01:00'));

      const [fabrikam, northwind] = await Promise.all([
        click(fabrikamChat, fabrikamOffer.assignedId, 'booking.confirm', { kind: 'check-in', start: '2027-02-01T10:30:00+01:00' }),
        click(northwindChat, northwindOffer.assignedId, 'booking.confirm', { kind: 'roadmap-review', start: '2027-02-01T10:30:00+01:00' }),
      ]);

      const titles = [cardTexts(fabrikam.value)[0], cardTexts(northwind.value)[0]];
      const fabrikamWon = titles[0] === 'Check-in-Call gebucht';
      assert.deepEqual(titles, fabrikamWon ? ['Check-in-Call gebucht', 'Termin buchen'] : ['Termin buchen', 'Roadmap-Review gebucht']);

      const loser = fabrikamWon ? northwind.value : fabrikam.value;
      assert.equal(cardTexts(loser)[1], 'Dieser Termin wurde gerade anderweitig vergeben. Bitte wählen Sie eine der folgenden Zeiten.');
      // The winner's event blocks 10:15 to its end plus the 15-minute buffer.
      assert.equal(slotButtons(loser)[0]?.data.start, fabrikamWon ? '2027-02-01T12:00:00+01:00' : '2027-02-01T12:15:00+01:00');

      const confirmed = [...(await bookings.listForCustomer('fabrikam')), ...(await bookings.listForCustomer('northwind'))];
      assert.equal(confirmed.length, 1);
      assert.equal(confirmed[0]?.start, '2027-02-01T10:30:00+01:00');
      assert.equal(consultantCards().length, 1);
    });
  });

  describe('Meine Termine', () => {
    /** Books a check-in for Jana Becker and returns the chat and the booking id. */
    async function bookCheckIn(start: string): Promise<{ chat: PersonalChat; bookingId: string }> {
      const chat = personalChat(goldContact);
      const offer = await say(chat, 'Termin buchen');
      await click(chat, offer.assignedId, 'booking.confirm', { kind: 'check-in', start });
      const booking = (await bookings.listForCustomer('fabrikam')).find((candidate) => candidate.start === start);
      assert.ok(booking);
      return { chat, bookingId: booking.transactionId };
    }

    it('lists upcoming bookings with actions', async () => {
      const { chat, bookingId } = await bookCheckIn('2027-02-01T10:00:00+01:00');

      const list = cardOf((await say(chat, 'Meine Termine')).activity);

      assert.deepEqual(cardTexts(list), [
        'Termine von Fabrikam Logistik GmbH',
        'Check-in-Call · Montag, 01.02.2027',
        '10:00–10:15 Uhr · gebucht von Jana Becker',
      ]);
      assert.deepEqual(
        executeActions(list.body).map((action) => [action.title, action.verb, action.data]),
        [
          ['Verschieben', 'booking.reschedule', { bookingId }],
          ['Absagen', 'booking.cancel', { bookingId }],
        ],
      );
    });

    it('welcome card button lists them too', async () => {
      const { chat } = await bookCheckIn('2027-02-01T10:00:00+01:00');
      const welcome = await say(chat, 'Hallo');

      const list = await click(chat, welcome.assignedId, 'booking.list', {});

      assert.equal(cardTexts(list.value)[1], 'Check-in-Call · Montag, 01.02.2027');
    });

    it('cancel frees slot, notifies consultant', async () => {
      const { chat, bookingId } = await bookCheckIn('2027-02-01T10:00:00+01:00');
      const list = await say(chat, 'Meine Termine');

      const result = await click(chat, list.assignedId, 'booking.cancel', { bookingId });

      assert.deepEqual(cardTexts(result.value), [
        'Termine von Fabrikam Logistik GmbH',
        'Ihr Check-in-Call am Montag, 01.02.2027, 10:00 Uhr ist abgesagt.',
        'Es sind keine Termine geplant.',
      ]);
      assert.equal((await bookings.get('fabrikam', bookingId))?.booking.status, 'cancelled');
      const cancelCard = consultantCards().at(-1);
      assert.equal(cardTexts(cancelCard)[0], 'Termin abgesagt: Check-in-Call mit Fabrikam Logistik GmbH');
      const offer = cardOf((await say(chat, 'Termin buchen')).activity);
      assert.equal(slotButtons(offer)[0]?.data.start, '2027-02-01T10:00:00+01:00');
    });

    it('cancelled slot rebooks from same card', async () => {
      const chat = personalChat(goldContact);
      const offer = await say(chat, 'Termin buchen');
      const slot = { kind: 'check-in', start: '2027-02-01T10:00:00+01:00' };
      await click(chat, offer.assignedId, 'booking.confirm', slot);
      const [first] = await bookings.listForCustomer('fabrikam');
      await click(chat, offer.assignedId, 'booking.cancel', { bookingId: first!.transactionId });

      const again = await click(chat, offer.assignedId, 'booking.confirm', slot);
      const repeated = await click(chat, offer.assignedId, 'booking.confirm', slot);

      assert.equal(again.type, CARD_RESPONSE);
      assert.equal(cardTexts(again.value)[0], 'Check-in-Call gebucht');
      assert.deepEqual(repeated.value, again.value);
      const stored = await bookings.listForCustomer('fabrikam');
      assert.deepEqual(
        stored.map((booking) => [booking.transactionId, booking.status, booking.start]),
        [
          [first!.transactionId, 'cancelled', '2027-02-01T10:00:00+01:00'],
          [`${first!.transactionId}-2`, 'confirmed', '2027-02-01T10:00:00+01:00'],
        ],
      );
      assert.equal((await events.listOverlapping(new Date('2027-02-01T00:00:00Z'), new Date('2027-02-02T00:00:00Z'))).length, 1);
      assert.deepEqual(
        consultantCards().map((card) => cardTexts(card)[0]),
        [
          'Neuer Termin: Check-in-Call mit Fabrikam Logistik GmbH',
          'Termin abgesagt: Check-in-Call mit Fabrikam Logistik GmbH',
          'Neuer Termin: Check-in-Call mit Fabrikam Logistik GmbH',
        ],
      );
    });

    it('repeated cancel notifies once', async () => {
      const { chat, bookingId } = await bookCheckIn('2027-02-01T10:00:00+01:00');
      const list = await say(chat, 'Meine Termine');

      await click(chat, list.assignedId, 'booking.cancel', { bookingId });
      await click(chat, list.assignedId, 'booking.cancel', { bookingId });

      assert.deepEqual(
        consultantCards().map((card) => cardTexts(card)[0]),
        ['Neuer Termin: Check-in-Call mit Fabrikam Logistik GmbH', 'Termin abgesagt: Check-in-Call mit Fabrikam Logistik GmbH'],
      );
    });

    it('started call shows no buttons', async () => {
      const { chat, bookingId } = await bookCheckIn('2027-02-01T10:00:00+01:00');
      await bookCheckIn('2027-02-08T10:00:00+01:00');
      const later = (await bookings.listForCustomer('fabrikam')).find((booking) => booking.start === '2027-02-08T10:00:00+01:00')!;
      harness.clock.set('2027-02-01T10:05:00+01:00');

      const reply = await say(chat, 'Meine Termine');
      const list = cardOf(reply.activity);

      assert.deepEqual(cardTexts(list), [
        'Termine von Fabrikam Logistik GmbH',
        'Check-in-Call · Montag, 01.02.2027',
        '10:00–10:15 Uhr · gebucht von Jana Becker',
        'Dieser Termin hat schon begonnen und kann nicht mehr abgesagt oder verschoben werden.',
        'Check-in-Call · Montag, 08.02.2027',
        '10:00–10:15 Uhr · gebucht von Jana Becker',
      ]);
      assert.deepEqual(
        executeActions(list.body).map((action) => [action.title, action.verb, action.data]),
        [
          ['Verschieben', 'booking.reschedule', { bookingId: later.transactionId }],
          ['Absagen', 'booking.cancel', { bookingId: later.transactionId }],
        ],
      );
      const cancel = await click(chat, reply.assignedId, 'booking.cancel', { bookingId });
      assert.equal(cancel.value, 'Dieser Termin ist abgesagt oder vorbei und kann nicht mehr geändert werden. Es wurde nichts geändert.');
      assert.equal((await bookings.get('fabrikam', bookingId))?.booking.status, 'confirmed');
    });

    it('past bookings are not listed', async () => {
      const { chat } = await bookCheckIn('2027-02-01T10:00:00+01:00');
      harness.clock.set('2027-02-01T10:15:00+01:00');

      const list = cardOf((await say(chat, 'Meine Termine')).activity);

      assert.deepEqual(cardTexts(list), ['Termine von Fabrikam Logistik GmbH', 'Es sind keine Termine geplant.']);
    });

    it('reschedule shows slots, confirms and moves', async () => {
      const { chat, bookingId } = await bookCheckIn('2027-02-01T10:00:00+01:00');
      const list = await say(chat, 'Meine Termine');

      const slots = await click(chat, list.assignedId, 'booking.reschedule', { bookingId });
      assert.deepEqual(cardTexts(slots.value).slice(0, 2), [
        'Check-in-Call verschieben',
        'Bisher: Montag, 01.02.2027, 10:00 Uhr. Bitte wählen Sie eine neue Zeit.',
      ]);
      assert.equal(slotButtons(slots.value)[0]?.data.start, '2027-02-01T10:15:00+01:00');

      const confirm = await click(chat, list.assignedId, 'booking.reschedulePick', { bookingId, start: '2027-02-03T14:00:00+01:00' });
      assert.deepEqual(cardTexts(confirm.value).slice(2), [
        'Terminart Check-in-Call',
        'Datum Mittwoch, 03.02.2027',
        'Uhrzeit 14:00–14:15 Uhr',
        'Dauer 15 Min.',
        'Bisher Montag, 01.02.2027, 10:00 Uhr',
      ]);
      assert.deepEqual(actionVerbs(confirm.value), ['booking.rescheduleConfirm', 'booking.reschedule']);

      const moved = await click(chat, list.assignedId, 'booking.rescheduleConfirm', { bookingId, start: '2027-02-03T14:00:00+01:00' });

      assert.equal(cardTexts(moved.value)[0], 'Check-in-Call verschoben');
      const stored = await bookings.get('fabrikam', bookingId);
      assert.equal(stored?.booking.start, '2027-02-03T14:00:00+01:00');
      assert.equal((await events.get(stored!.booking.eventId!))?.start, '2027-02-03T13:00:00.000Z');
      const movedCard = cardTexts(consultantCards().at(-1));
      assert.equal(movedCard[0], 'Termin verschoben: Check-in-Call mit Fabrikam Logistik GmbH');
      assert.ok(movedCard.includes('Bisher Montag, 01.02.2027, 10:00 Uhr'));
    });

    it('other customer\'s booking id is rejected', async () => {
      const { bookingId } = await bookCheckIn('2027-02-01T10:00:00+01:00');
      const northwindChat = personalChat(enterpriseContact);
      const list = await say(northwindChat, 'Meine Termine');

      const cancel = await click(northwindChat, list.assignedId, 'booking.cancel', { bookingId });
      const move = await click(northwindChat, list.assignedId, 'booking.rescheduleConfirm', {
        bookingId,
        start: '2027-02-03T14:00:00+01:00',
      });

      for (const result of [cancel, move]) {
        assert.equal(result.type, MESSAGE_RESPONSE);
        assert.equal(result.value, 'Dieser Termin wurde nicht gefunden. Es wurde nichts geändert. Bitte öffnen Sie „Meine Termine“ erneut.');
      }
      const booking = (await bookings.get('fabrikam', bookingId))?.booking;
      assert.equal(booking?.status, 'confirmed');
      assert.equal(booking?.start, '2027-02-01T10:00:00+01:00');
    });

    it('tampered booking ids are rejected', async () => {
      const chat = personalChat(goldContact);
      const list = await say(chat, 'Meine Termine');

      const unknown = await click(chat, list.assignedId, 'booking.cancel', { bookingId: "bot-x' or PartitionKey ne ''" });
      const malformed = await click(chat, list.assignedId, 'booking.cancel', { bookingId: 42 });

      assert.equal(unknown.value, 'Dieser Termin wurde nicht gefunden. Es wurde nichts geändert. Bitte öffnen Sie „Meine Termine“ erneut.');
      assert.equal(
        malformed.value,
        'Diese Karte enthält keine gültigen Termindaten, daher wurde nichts gebucht. Bitte schreiben Sie „Termin buchen“ für eine aktuelle Auswahl.',
      );
    });
  });
});
