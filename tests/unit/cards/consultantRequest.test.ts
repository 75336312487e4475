import assert from 'node:assert/strict';

import { minutesUntil, renderConsultantRequestCard } from '../../../src/bot/cards/consultantRequest.js';
import type { SupportRequest } from '../../../src/domain/request.js';
import type { Language } from '../../../src/domain/customer.js';
import {
  actionsOf,
  factsOf,
  hasUnboundExpression,
  richTextsOf,
  sampleRequest,
  textBlocksOf,
  textBlockWith,
  ZONE,
} from './cardQueries.js';

const QUARTER_PAST_TEN = new Date('2026-12-07T10:15:00+01:00');

function render(request: SupportRequest, lang: Language = 'de', now: Date = QUARTER_PAST_TEN) {
  return renderConsultantRequestCard({
    lang,
    request,
    customerName: 'Contoso GmbH',
    planName: 'Gold Hotline',
    zone: ZONE,
    now,
  });
}

describe('renderConsultantRequestCard', () => {
  it('is an Adaptive Card 1.5 with every expression bound', () => {
    const card = render(sampleRequest());
    assert.equal(card.version, '1.5');
    assert.equal(card.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
    assert.equal(hasUnboundExpression(card), false);
  });

  it('new request facts in German', () => {
    const card = render(sampleRequest());
    assert.equal(textBlocksOf(card)[0], 'Anfrage HD-2026-0001');
    const facts = factsOf(card);
    assert.equal(facts.get('Kunde'), 'Contoso GmbH');
    assert.equal(facts.get('Paket'), 'Gold Hotline');
    assert.equal(facts.get('Dringlichkeit'), 'normal');
    assert.equal(facts.get('Eingang über'), 'Microsoft Teams');
    assert.equal(facts.get('Eingegangen'), 'Montag, 07.12.2026, 10:00 Uhr');
    assert.equal(facts.get('Rückruf per'), 'Telefon');
    assert.equal(facts.get('Rückrufnummer'), '+49 221 1234567');
    assert.equal(facts.get('Rückruf bis'), 'Montag, 07.12.2026, 11:00 Uhr');
    assert.equal(facts.get('Status'), 'neu');
    assert.equal(facts.has('Übernommen'), false);
    assert.equal(facts.has('Erster Kontakt'), false);
  });

  it('shows contact and description as plain text', () => {
    const card = render(sampleRequest());
    assert.deepEqual(richTextsOf(card), [
      'Ansprechpartner: Anna Schmidt',
      'Seit heute früh können drei Kollegen keine E-Mails in Outlook senden.',
    ]);
  });

  it('computes the time left from now', () => {
    const status = textBlockWith(render(sampleRequest()), 'Noch 45 Min.');
    assert.equal(status.color, 'Default');
  });

  it('shows an overdue deadline in the attention color', () => {
    const status = textBlockWith(render(sampleRequest(), 'de', new Date('2026-12-07T11:20:00+01:00')), 'Seit 20 Min. überfällig');
    assert.equal(status.color, 'Attention');
  });

  it('shows an overdue deadline in English', () => {
    textBlockWith(render(sampleRequest(), 'en', new Date('2026-12-07T10:20:00Z')), 'Overdue by 20 min');
  });

  it('offers the actions of a new request', () => {
    const actions = actionsOf(render(sampleRequest()));
    assert.deepEqual(
      actions.map((action) => [action.type, action.title, action.verb]),
      [
        ['Action.Execute', 'Übernehmen', 'request.acknowledge'],
        ['Action.Execute', 'Rückruf erfolgt', 'request.callbackDone'],
        ['Action.Execute', 'In Arbeit', 'request.setState'],
        ['Action.ShowCard', 'Gelöst', undefined],
      ],
    );
    for (const action of actions.slice(0, 2)) {
      assert.deepEqual(action.data, { customerId: 'contoso', number: 'HD-2026-0001' });
    }
  });

  it('drops Übernehmen once acknowledged', () => {
    const request = sampleRequest({
      state: 'acknowledged',
      acknowledgedAt: '2026-12-07T10:05:00+01:00',
      acknowledgedBy: 'Max Berater',
    });
    const card = render(request);
    assert.deepEqual(actionsOf(card).map((action) => action.verb), [
      'request.callbackDone',
      'request.setState',
      'request.setState',
      undefined,
    ]);
    assert.equal(factsOf(card).get('Übernommen'), 'Max Berater, Montag, 07.12.2026, 10:05 Uhr');
    assert.equal(factsOf(card).get('Status'), 'übernommen');
  });

  it('drops take-over and callback once called back', () => {
    const request = sampleRequest({
      state: 'callbackDone',
      acknowledgedAt: '2026-12-07T10:05:00+01:00',
      acknowledgedBy: 'Max Berater',
      firstContactAt: '2026-12-07T10:40:00+01:00',
      slaMet: true,
    });
    const card = render(request);
    assert.deepEqual(actionsOf(card).map((action) => action.verb), ['request.setState', 'request.setState', undefined]);
    assert.equal(factsOf(card).get('Erster Kontakt'), 'Montag, 07.12.2026, 10:40 Uhr');
    assert.equal(textBlockWith(card, 'SLA eingehalten').color, 'Good');
    assert.equal(textBlocksOf(card).some((text) => text.startsWith('Noch')), false);
  });

  it('drops Rückruf erfolgt after a callback without acknowledgement', () => {
    const request = sampleRequest({ firstContactAt: '2026-12-07T10:40:00+01:00', slaMet: true });
    assert.deepEqual(actionsOf(render(request)).map((action) => action.verb), [
      'request.acknowledge',
      'request.setState',
      undefined,
    ]);
  });

  it('states a missed SLA', () => {
    const request = sampleRequest({
      state: 'callbackDone',
      firstContactAt: '2026-12-07T11:30:00+01:00',
      slaMet: false,
    });
    assert.equal(textBlockWith(render(request), 'SLA verfehlt').color, 'Attention');
    assert.equal(textBlocksOf(render(request, 'en')).includes('SLA missed'), true);
  });

  it('shows the state when slaMet is missing', () => {
    const request = sampleRequest({ state: 'callbackDone', firstContactAt: '2026-12-07T10:40:00+01:00' });
    const card = render(request);
    textBlockWith(card, 'Rückruf erfolgt');
    assert.equal(textBlocksOf(card).some((text) => text.startsWith('SLA')), false);
  });

  it('marks an emergency first', () => {
    const card = render(sampleRequest({ emergency: true, channel: 'emergency-line' }));
    assert.equal(textBlocksOf(card)[0], 'NOTFALL');
    assert.equal(textBlockWith(card, 'NOTFALL').color, 'Attention');
    assert.equal(factsOf(card).get('Eingang über'), 'Notfall-Hotline');
  });

  it('English facts and actions', () => {
    const card = render(sampleRequest(), 'en');
    assert.equal(textBlocksOf(card)[0], 'Request HD-2026-0001');
    assert.equal(factsOf(card).get('Callback due'), 'Monday, 7 December 2026, 11:00');
    assert.equal(factsOf(card).get('Status'), 'new');
    textBlockWith(card, '45 min left');
    assert.deepEqual(actionsOf(card).map((action) => action.title), ['Acknowledge', 'Callback done', 'In progress', 'Resolved']);
  });

  it('formats the deadline across the October switch', () => {
    // Opened Saturday 24.10. 20:00 CEST, deadline Monday 26.10. 09:00 CET.
    const request = sampleRequest({
      openedAt: '2026-10-24T20:00:00+02:00',
      deadline: '2026-10-26T09:00:00+01:00',
    });
    const facts = factsOf(render(request, 'de', new Date('2026-10-26T07:00:00Z')));
    assert.equal(facts.get('Eingegangen'), 'Samstag, 24.10.2026, 20:00 Uhr');
    assert.equal(facts.get('Rückruf bis'), 'Montag, 26.10.2026, 09:00 Uhr');
  });
});

describe('minutesUntil', () => {
  it('counts whole minutes left', () => {
    assert.equal(minutesUntil('2026-12-07T11:00:00+01:00', QUARTER_PAST_TEN), 45);
  });

  it('reads 0 in the last partial minute', () => {
    assert.equal(minutesUntil('2026-12-07T11:00:00+01:00', new Date('2026-12-07T10:59:30+01:00')), 0);
  });

  it('reads one minute overdue right after the deadline', () => {
    assert.equal(minutesUntil('2026-12-07T11:00:00+01:00', new Date('2026-12-07T11:00:30+01:00')), -1);
  });

  it('counts real minutes across the October switch', () => {
    // 01:30 CEST to 02:30 CET on 2026-10-25 is two real hours.
    assert.equal(minutesUntil('2026-10-25T02:30:00+01:00', new Date('2026-10-25T01:30:00+02:00')), 120);
  });

  it('rejects an invalid deadline', () => {
    assert.throws(() => minutesUntil('morgen', QUARTER_PAST_TEN), /morgen/);
  });
});
