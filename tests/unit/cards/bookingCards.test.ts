import assert from 'node:assert/strict';

import {
  parseBookingMoveData,
  parseBookingOfferData,
  parseBookingReferenceData,
  parseCallbackOfferData,
  parseCallbackSlotData,
} from '../../../src/bot/cards/bookingActionData.js';
import { renderBookingConfirmedCard } from '../../../src/bot/cards/bookingConfirmed.js';
import { renderBookingListCard } from '../../../src/bot/cards/bookingList.js';
import { renderConsultantBookingCard } from '../../../src/bot/cards/bookingConsultant.js';
import { renderSlotPickerCard } from '../../../src/bot/cards/slotPicker.js';
import type { CardNode } from '../../../src/bot/cards/template.js';
import type { Booking } from '../../../src/storage/bookings.js';
import { actionsOf, allNodes, factsOf, hasUnboundExpression, textBlocksOf, ZONE } from './cardQueries.js';

function booking(overrides: Partial<Booking> = {}): Booking {
  return {
    customerId: 'fabrikam',
    transactionId: 'bot-0123456789abcdef',
    planId: 'gold',
    kind: 'check-in',
    periodKey: '2027-W05',
    start: '2027-02-03T10:00:00+01:00',
    end: '2027-02-03T10:15:00+01:00',
    status: 'confirmed',
    contactName: 'Jana Becker',
    contactEmail: 'jana.becker@fabrikam.example',
    eventId: 'local-abc',
    createdAt: '2027-02-01T07:00:00.000Z',
    updatedAt: '2027-02-01T07:00:00.000Z',
    ...overrides,
  };
}

/** Returns the Action.Execute buttons inside the card body, in order. */
function bodyButtons(card: { body: CardNode[] }): CardNode[] {
  return allNodes({ ...card, actions: [] } as never).filter((node) => node.type === 'Action.Execute');
}

function picker(lang: 'de' | 'en', slots: { start: string; end: string }[]) {
  return renderSlotPickerCard({
    lang,
    zone: ZONE,
    title: 'Termin buchen',
    slots,
    pick: (slot) => ({ verb: 'booking.pick', data: { kind: 'check-in', start: slot.start } }),
    emptyText: 'keine',
    footer: [{ title: 'Weitere Termine', verb: 'booking.offer', data: { kind: 'check-in', after: slots.at(-1)?.start } }],
  });
}

describe('slot picker card', () => {
  it('groups slots by local day with German dates', () => {
    const card = picker('de', [
      { start: '2027-02-03T16:45:00+01:00', end: '2027-02-03T17:00:00+01:00' },
      { start: '2027-02-04T09:00:00+01:00', end: '2027-02-04T09:15:00+01:00' },
    ]);

    assert.deepEqual(textBlocksOf(card), ['Termin buchen', 'Nächste freie Termine', 'Mittwoch, 03.02.2027', 'Donnerstag, 04.02.2027']);
    assert.deepEqual(bodyButtons(card).map((button) => button.title), ['16:45', '09:00']);
    assert.equal(hasUnboundExpression(card), false);
  });

  it('UTC slots are grouped by Berlin day', () => {
    const card = picker('de', [{ start: '2027-02-03T23:30:00Z', end: '2027-02-03T23:45:00Z' }]);

    assert.ok(textBlocksOf(card).includes('Donnerstag, 04.02.2027'));
    assert.equal(bodyButtons(card)[0]?.title, '00:30');
  });

  it('summer slots show CEST wall time', () => {
    const card = picker('de', [{ start: '2027-03-29T07:00:00Z', end: '2027-03-29T07:15:00Z' }]);

    assert.ok(textBlocksOf(card).includes('Montag, 29.03.2027'));
    assert.equal(bodyButtons(card)[0]?.title, '09:00');
  });

  it('rows hold four buttons', () => {
    const slots = Array.from({ length: 6 }, (_, index) => ({
      start: `2027-02-03T10:${String(index * 5).padStart(2, '0')}:00+01:00`,
      end: `2027-02-03T10:${String(index * 5 + 5).padStart(2, '0')}:00+01:00`,
    }));
    const sets = allNodes(picker('de', slots)).filter((node) => node.type === 'ActionSet');

    assert.deepEqual(sets.map((set) => (set.actions as CardNode[]).length), [4, 2]);
  });

  it('English dates in English', () => {
    const card = picker('en', [{ start: '2027-02-03T10:00:00+01:00', end: '2027-02-03T10:15:00+01:00' }]);

    assert.ok(textBlocksOf(card).includes('Wednesday, 3 February 2027'));
    assert.ok(textBlocksOf(card).includes('Next free times'));
  });

  it('empty page shows the empty text', () => {
    const card = picker('de', []);

    assert.deepEqual(textBlocksOf(card), ['Termin buchen', 'Nächste freie Termine', 'keine']);
  });
});

describe('booked card', () => {
  it('join link becomes a button', () => {
    const joinUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0';
    const card = renderBookingConfirmedCard({ lang: 'de', zone: ZONE, booking: booking({ joinUrl }), moved: false, invitationSent: true });

    assert.deepEqual(actionsOf(card)[0], { type: 'Action.OpenUrl', title: 'An Besprechung teilnehmen', url: joinUrl });
    assert.equal(actionsOf(card)[1]?.verb, 'booking.list');
    assert.equal(factsOf(card).get('Uhrzeit'), '10:00–10:15 Uhr');
    assert.equal(factsOf(card).get('Datum'), 'Mittwoch, 03.02.2027');
  });

  it('without a link it says so', () => {
    const card = renderBookingConfirmedCard({ lang: 'de', zone: ZONE, booking: booking(), moved: false, invitationSent: true });

    assert.deepEqual(actionsOf(card).map((action) => action.type), ['Action.Execute']);
    assert.match(textBlocksOf(card).at(-1) ?? '', /keinen Teams-Link/);
  });

  it('names the invitee when an invitation is sent', () => {
    const card = renderBookingConfirmedCard({ lang: 'de', zone: ZONE, booking: booking(), moved: false, invitationSent: true });

    assert.match(textBlocksOf(card).at(-1) ?? '', /^Die Einladung geht an /);
  });

  it('claims no invitation without one', () => {
    const card = renderBookingConfirmedCard({ lang: 'en', zone: ZONE, booking: booking(), moved: false, invitationSent: false });

    assert.equal(
      textBlocksOf(card).at(-1),
      "The appointment is in the consultant's calendar. No invitation is sent by e-mail. " +
        'This appointment has no Teams link. The consultant gets in touch at the agreed time.',
    );
  });

  it('moved booking has its own title', () => {
    const card = renderBookingConfirmedCard({ lang: 'en', zone: ZONE, booking: booking(), moved: true, invitationSent: true });

    assert.equal(textBlocksOf(card)[0], 'Check-in call moved');
    assert.equal(factsOf(card).get('Time'), '10:00–10:15');
  });
});

describe('booking list card', () => {
  it('callback appointment has no buttons', () => {
    const card = renderBookingListCard({
      lang: 'de',
      zone: ZONE,
      customerName: 'Fabrikam Logistik GmbH',
      bookings: [
        { ...booking(), started: false },
        { ...booking({ kind: 'callback', transactionId: 'bot-cb', requestNumber: 'HD-2027-0003', periodKey: 'HD-2027-0003' }), started: false },
      ],
    });

    assert.deepEqual(
      bodyButtons(card).map((button) => [button.title, (button.data as { bookingId: string }).bookingId]),
      [
        ['Verschieben', 'bot-0123456789abcdef'],
        ['Absagen', 'bot-0123456789abcdef'],
      ],
    );
    assert.ok(textBlocksOf(card).some((text) => text.startsWith('Rückruf zu HD-2027-0003.')));
  });

  it('started booking has no buttons', () => {
    const card = renderBookingListCard({
      lang: 'de',
      zone: ZONE,
      customerName: 'Fabrikam Logistik GmbH',
      bookings: [
        { ...booking({ transactionId: 'bot-started' }), started: true },
        { ...booking({ start: '2027-02-10T10:00:00+01:00', end: '2027-02-10T10:15:00+01:00' }), started: false },
      ],
    });

    assert.deepEqual(
      bodyButtons(card).map((button) => [button.title, (button.data as { bookingId: string }).bookingId]),
      [
        ['Verschieben', 'bot-0123456789abcdef'],
        ['Absagen', 'bot-0123456789abcdef'],
      ],
    );
    assert.deepEqual(textBlocksOf(card).slice(1, 4), [
      'Check-in-Call · Mittwoch, 03.02.2027',
      '10:00–10:15 Uhr · gebucht von Jana Becker',
      'Dieser Termin hat schon begonnen und kann nicht mehr abgesagt oder verschoben werden.',
    ]);
  });
});

describe('consultant booking card', () => {
  it('move names the previous start', () => {
    const card = renderConsultantBookingCard({
      lang: 'de',
      zone: ZONE,
      booking: booking(),
      change: 'moved',
      customerName: 'Fabrikam Logistik GmbH',
      previousStart: '2027-02-01T10:00:00+01:00',
    });

    assert.equal(textBlocksOf(card)[0], 'Termin verschoben: Check-in-Call mit Fabrikam Logistik GmbH');
    assert.equal(factsOf(card).get('Bisher'), 'Montag, 01.02.2027, 10:00 Uhr');
  });

  it('cancellation shows no join button', () => {
    const card = renderConsultantBookingCard({
      lang: 'de',
      zone: ZONE,
      booking: booking({ joinUrl: 'https://teams.microsoft.com/l/meetup-join/x' }),
      change: 'cancelled',
      customerName: 'Fabrikam Logistik GmbH',
    });

    assert.deepEqual(actionsOf(card), []);
  });
});

describe('booking card data', () => {
  it('accepts slot and reference data', () => {
    assert.deepEqual(parseBookingOfferData({ kind: 'check-in', after: '2027-02-01T12:45:00+01:00' }), {
      kind: 'check-in',
      after: '2027-02-01T12:45:00+01:00',
    });
    assert.deepEqual(parseBookingOfferData(undefined), {});
    assert.deepEqual(parseBookingReferenceData({ bookingId: 'bot-1' }), { bookingId: 'bot-1' });
    assert.deepEqual(parseCallbackOfferData({ number: 'HD-2027-0001', newMessage: true }), { number: 'HD-2027-0001', newMessage: true });
  });

  it('rejects tampered values', () => {
    assert.equal(parseBookingOfferData({ after: 'tomorrow' }), undefined);
    assert.equal(parseBookingMoveData({ bookingId: 'bot-1', start: '2027-02-01T10:00' }), undefined);
    assert.equal(parseBookingMoveData({ bookingId: 'bot-1', start: '2027-02-30T10:00:00+01:00' }), undefined);
    assert.equal(parseBookingReferenceData({ bookingId: '' }), undefined);
    assert.equal(parseBookingReferenceData({ bookingId: 'x'.repeat(201) }), undefined);
    assert.equal(parseBookingReferenceData({ bookingId: { $ne: '' } }), undefined);
    assert.equal(parseCallbackSlotData({ number: "HD-2027-0001' or 1 eq 1", start: '2027-02-01T10:00:00+01:00' }), undefined);
  });
});
