import assert from 'node:assert/strict';

import { renderSlaWarningCard, type SlaWarningCardInput } from '../../../src/bot/cards/slaWarning.js';
import type { SupportRequest } from '../../../src/domain/request.js';
import { actionsOf, factsOf, hasUnboundExpression, richTextsOf, textBlocksOf, textBlockWith, ZONE } from '../cards/cardQueries.js';

/** Bronze request opened Friday 2026-12-04 17:00: at risk Monday 10:00, deadline 11:00. */
function bronzeRequest(overrides: Partial<SupportRequest> = {}): SupportRequest {
  return {
    number: 'HD-2026-0004',
    customerId: 'contoso-praxis',
    planId: 'bronze',
    emergency: false,
    description: 'Der Drucker am Empfang druckt nicht mehr.',
    urgency: 'normal',
    callbackPhone: '+49 211 5550101',
    callbackChannel: 'phone',
    channel: 'phone',
    contactAadObjectId: '4e6a8c02-5f7b-4d93-8ebf-2a3b4c5d6e41',
    contactName: 'Lars Hoffmann',
    state: 'new',
    openedAt: '2026-12-04T17:00:00+01:00',
    deadline: '2026-12-07T11:00:00+01:00',
    atRiskAt: '2026-12-07T10:00:00+01:00',
    guaranteeMinutes: 240,
    ...overrides,
  };
}

function render(overrides: Partial<SlaWarningCardInput> = {}) {
  return renderSlaWarningCard({
    lang: 'de',
    kind: 'atRisk',
    request: bronzeRequest(),
    customerName: 'Contoso Praxisgemeinschaft',
    planName: 'Bronze Hotline',
    zone: ZONE,
    now: new Date('2026-12-07T10:00:00+01:00'),
    dueAt: '2026-12-07T10:00:00+01:00',
    late: false,
    ...overrides,
  });
}

describe('renderSlaWarningCard', () => {
  it('is an Adaptive Card 1.5 with every expression bound', () => {
    const card = render();
    assert.equal(card.version, '1.5');
    assert.equal(hasUnboundExpression(card), false);
  });

  it('at risk title, reason and time left', () => {
    const card = render();
    const texts = textBlocksOf(card);
    assert.equal(texts[0], 'Frist in Gefahr: HD-2026-0004');
    assert.equal(textBlockWith(card, 'Frist in Gefahr: HD-2026-0004').color, 'Warning');
    assert.ok(texts.includes('75 % der Rückrufzeit sind verstrichen, und noch ist kein Rückruf erfasst.'));
    assert.ok(texts.includes('Noch 1 Std.'));
    assert.equal(texts.some((text) => text.startsWith('Verspätet')), false);
  });

  it('breach title and overdue time', () => {
    const card = render({ kind: 'breach', now: new Date('2026-12-07T11:20:00+01:00'), dueAt: '2026-12-07T11:00:00+01:00', late: true });
    assert.equal(textBlocksOf(card)[0], 'Frist überschritten: HD-2026-0004');
    assert.equal(textBlockWith(card, 'Seit 20 Min. überfällig').color, 'Attention');
    assert.equal(textBlockWith(card, 'Verspätet zugestellt. Fällig seit Montag, 07.12.2026, 11:00 Uhr.').color, 'Warning');
  });

  it('emergency title and open time', () => {
    const request = bronzeRequest({
      planId: 'gold',
      emergency: true,
      openedAt: '2026-12-08T02:45:00+01:00',
      deadline: '2026-12-08T04:45:00+01:00',
      atRiskAt: '2026-12-08T04:15:00+01:00',
      guaranteeMinutes: 120,
    });
    const card = render({ kind: 'emergencyUnacknowledged', request, now: new Date('2026-12-08T03:00:00+01:00'), dueAt: '2026-12-08T03:00:00+01:00' });
    const texts = textBlocksOf(card);
    assert.equal(texts[0], 'NOTFALL');
    assert.equal(texts[1], 'Notfall nicht bestätigt: HD-2026-0004');
    assert.ok(texts.includes('Der Notfall ist seit 15 Min. offen und noch nicht übernommen.'));
    assert.ok(texts.includes('Noch 1 Std. 45 Min.'));
  });

  it('facts in German format', () => {
    const facts = factsOf(render());
    assert.equal(facts.get('Kunde'), 'Contoso Praxisgemeinschaft');
    assert.equal(facts.get('Paket'), 'Bronze Hotline');
    assert.equal(facts.get('Eingegangen'), 'Freitag, 04.12.2026, 17:00 Uhr');
    assert.equal(facts.get('Rückruf bis'), 'Montag, 07.12.2026, 11:00 Uhr');
    assert.equal(facts.get('Rückrufnummer'), '+49 211 5550101');
    assert.equal(facts.get('Status'), 'neu');
  });

  it('contact and description as plain text', () => {
    assert.deepEqual(richTextsOf(render()), ['Ansprechpartner: Lars Hoffmann', 'Der Drucker am Empfang druckt nicht mehr.']);
  });

  it('actions match the consultant request card', () => {
    const actions = actionsOf(render());
    assert.deepEqual(
      actions.map((action) => [action.type, action.verb, action.title]),
      [
        ['Action.Execute', 'request.acknowledge', 'Übernehmen'],
        ['Action.Execute', 'request.callbackDone', 'Rückruf erfolgt'],
      ],
    );
    for (const action of actions) {
      assert.deepEqual(action.data, { customerId: 'contoso-praxis', number: 'HD-2026-0004' });
    }
  });

  it('acknowledged request offers only callback done', () => {
    const request = bronzeRequest({ state: 'acknowledged', acknowledgedAt: '2026-12-07T09:00:00+01:00', acknowledgedBy: 'Sebastian Krüger' });
    assert.deepEqual(actionsOf(render({ request })).map((action) => action.verb), ['request.callbackDone']);
  });

  it('substitute card explains itself and has no actions', () => {
    const card = render({ kind: 'emergencyUnacknowledged', substituteFor: 'Sebastian Krüger' });
    assert.ok(
      textBlocksOf(card).includes(
        'Sie erhalten diese Meldung, weil Sie Sebastian Krüger während der Abwesenheit vertreten. Bitte rufen Sie den Kunden zurück.',
      ),
    );
    assert.deepEqual(actionsOf(card), []);
  });

  it('English card', () => {
    const card = render({ lang: 'en', kind: 'breach', now: new Date('2026-12-07T11:20:00+01:00'), dueAt: '2026-12-07T11:00:00+01:00', late: true });
    const texts = textBlocksOf(card);
    assert.equal(texts[0], 'Deadline missed: HD-2026-0004');
    assert.ok(texts.includes('Delivered late. Due since Monday, 7 December 2026, 11:00.'));
    assert.ok(texts.includes('Overdue by 20 min'));
    assert.equal(factsOf(card).get('Callback due'), 'Monday, 7 December 2026, 11:00');
  });
});
