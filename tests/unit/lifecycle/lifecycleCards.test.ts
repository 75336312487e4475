import assert from 'node:assert/strict';

import { renderConsultantRequestCard } from '../../../src/bot/cards/consultantRequest.js';
import { renderEmergencyOfferCard } from '../../../src/bot/cards/emergencyOffer.js';
import { renderRequesterRequestCard } from '../../../src/bot/cards/requestConfirmation.js';
import { renderStatusListCard, STATUS_LIST_MAX_ITEMS } from '../../../src/bot/cards/statusList.js';
import type { CardNode } from '../../../src/bot/cards/template.js';
import { isRequestSetStateData } from '../../../src/bot/cards/verbs.js';
import type { SupportRequest } from '../../../src/domain/request.js';
import {
  actionsOf,
  allNodes,
  hasUnboundExpression,
  inputById,
  loadCatalog,
  richTextsOf,
  sampleRequest,
  textBlocksOf,
  textBlockWith,
  ZONE,
} from '../cards/cardQueries.js';

const NOW = new Date('2026-12-07T10:15:00+01:00');
const NBSP = '\u00a0';

function consultantCard(request: SupportRequest, readOnly = false) {
  return renderConsultantRequestCard({
    lang: 'de',
    request,
    customerName: 'Contoso GmbH',
    planName: 'Gold Hotline',
    zone: ZONE,
    now: NOW,
    readOnly,
  });
}

/** Lists each action as "title -> state" for setState actions and "title" otherwise. */
function describeActions(actions: CardNode[]): string[] {
  return actions.map((action) => {
    const state = (action.data as { state?: string } | undefined)?.state;
    return state === undefined ? String(action.title) : `${String(action.title)} -> ${state}`;
  });
}

describe('consultant card state actions', () => {
  it('in progress offers waiting and resolve', () => {
    assert.deepEqual(describeActions(actionsOf(consultantCard(sampleRequest({ state: 'inProgress' })))), [
      'Wartet auf Kunde -> waitingForCustomer',
      'Gelöst',
    ]);
  });

  it('waiting offers in progress and resolve', () => {
    assert.deepEqual(describeActions(actionsOf(consultantCard(sampleRequest({ state: 'waitingForCustomer' })))), [
      'In Arbeit -> inProgress',
      'Gelöst',
    ]);
  });

  it('resolved offers close and reopen', () => {
    const request = sampleRequest({ state: 'resolved', solution: 'Neu gestartet', resolvedAt: '2026-12-07T10:40:00+01:00' });
    assert.deepEqual(describeActions(actionsOf(consultantCard(request))), ['Schließen -> closed', 'Wieder öffnen -> inProgress']);
  });

  it('closed has no actions', () => {
    assert.deepEqual(actionsOf(consultantCard(sampleRequest({ state: 'closed' }))), []);
  });

  it('setState data names request and state', () => {
    const [waiting] = actionsOf(consultantCard(sampleRequest({ state: 'inProgress' })));
    assert.equal(waiting?.verb, 'request.setState');
    assert.deepEqual(waiting?.data, { customerId: 'contoso', number: 'HD-2026-0001', state: 'waitingForCustomer' });
  });

  it('resolve asks for the solution', () => {
    const resolve = actionsOf(consultantCard(sampleRequest({ state: 'inProgress' }))).at(-1);
    assert.equal(resolve?.type, 'Action.ShowCard');

    const inner = resolve?.card as { body: CardNode[]; actions: CardNode[] };
    const solution = inner.body[0];
    assert.equal(solution?.type, 'Input.Text');
    assert.equal(solution?.id, 'solution');
    assert.equal(solution?.isRequired, true);
    assert.equal(solution?.maxLength, 2000);
    assert.equal(inner.actions[0]?.verb, 'request.setState');
    assert.equal(inner.actions[0]?.title, 'Als gelöst speichern');
    assert.deepEqual(inner.actions[0]?.data, { customerId: 'contoso', number: 'HD-2026-0001', state: 'resolved' });
  });

  it('read-only copy has no actions', () => {
    assert.deepEqual(actionsOf(consultantCard(sampleRequest(), true)), []);
  });

  it('shows the solution once resolved', () => {
    const request = sampleRequest({ state: 'resolved', solution: 'Outlook-Profil neu angelegt.', resolvedAt: '2026-12-07T10:40:00+01:00' });
    const card = consultantCard(request);
    textBlockWith(card, 'Lösung');
    assert.equal(richTextsOf(card).at(-1), 'Outlook-Profil neu angelegt.');
    assert.equal(hasUnboundExpression(card), false);
  });

  it('emergency marker sits in an attention container', () => {
    const card = consultantCard(sampleRequest({ emergency: true }));
    const container = card.body[0];
    assert.equal(container?.type, 'Container');
    assert.equal(container?.style, 'attention');
    assert.equal(textBlocksOf(card)[0], 'NOTFALL');
  });
});

describe('requester card after resolve', () => {
  it('shows resolved instant and solution', () => {
    const request = sampleRequest({
      state: 'resolved',
      firstContactAt: '2026-12-07T10:20:00+01:00',
      solution: 'Outlook-Profil neu angelegt.',
      resolvedAt: '2026-12-07T10:40:00+01:00',
    });
    const card = renderRequesterRequestCard({ lang: 'de', request, zone: ZONE });

    assert.equal(textBlockWith(card, 'Gelöst: Montag, 07.12.2026, 10:40 Uhr').color, 'Good');
    textBlockWith(card, 'Lösung');
    assert.equal(richTextsOf(card).at(-1), 'Outlook-Profil neu angelegt.');
    assert.deepEqual(actionsOf(card), []);
  });

  it('hides the solution section before resolve', () => {
    const card = renderRequesterRequestCard({ lang: 'de', request: sampleRequest(), zone: ZONE });
    assert.equal(textBlocksOf(card).includes('Lösung'), false);
  });
});

describe('emergency offer card', () => {
  const catalog = loadCatalog();

  function offer(lang: 'de' | 'en' = 'de', error?: string) {
    return renderEmergencyOfferCard({
      lang,
      emergencyLine: catalog.emergencyLine,
      callbackPhone: '+49 211 5550101',
      maxDescriptionLength: 2000,
      error,
    });
  }

  it('lists what counts as an emergency', () => {
    const texts = textBlocksOf(offer());
    assert.ok(texts.includes('• Server ausgefallen'), JSON.stringify(texts));
    assert.ok(texts.some((text) => text.startsWith('• kompletter Ausfall')));
    assert.ok(texts.some((text) => text.startsWith('• Sicherheitsvorfall')));
  });

  it('states the cost from the catalog', () => {
    const texts = textBlocksOf(offer());
    assert.ok(
      texts.includes(
        `299,00${NBSP}€ Grundgebühr plus 199,00${NBSP}€ pro Stunde, jeweils zzgl. MwSt. ` +
          'Diese Kosten werden nicht von Ihrem Stundenkontingent abgezogen.',
      ),
      JSON.stringify(texts),
    );
    assert.ok(texts.includes('Über die 24/7-Notfall-Hotline erhalten Sie rund um die Uhr innerhalb von 2 Std. einen Rückruf.'));
  });

  it('requires description and phone', () => {
    const card = offer();
    assert.equal(inputById(card, 'description').isRequired, true);
    assert.equal(inputById(card, 'callbackPhone').isRequired, true);
    assert.equal(inputById(card, 'callbackPhone').value, '+49 211 5550101');
  });

  it('offers confirm and decline', () => {
    const actions = actionsOf(offer());
    assert.deepEqual(
      actions.map((action) => [action.title, action.verb, action.associatedInputs]),
      [
        ['Notfall kostenpflichtig melden', 'emergency.confirm', 'auto'],
        ['Kein Notfall, normale Anfrage', 'emergency.decline', 'none'],
      ],
    );
  });

  it('shows an error above the inputs', () => {
    assert.equal(textBlockWith(offer('de', 'Bitte geben Sie eine Telefonnummer an.'), 'Bitte geben Sie eine Telefonnummer an.').color, 'Attention');
  });

  it('English texts', () => {
    const card = offer('en');
    assert.equal(textBlocksOf(card)[0], 'Report an emergency');
    assert.equal(hasUnboundExpression(card), false);
  });
});

describe('status list card', () => {
  function requestNumber(index: number): string {
    return `HD-2026-${String(index).padStart(4, '0')}`;
  }

  it('lists number, state, deadline and description', () => {
    const card = renderStatusListCard({
      lang: 'de',
      customerName: 'Fabrikam Logistik GmbH',
      requests: [sampleRequest({ number: 'HD-2026-0004', state: 'inProgress' })],
      zone: ZONE,
    });

    assert.deepEqual(textBlocksOf(card), [
      'Offene Anfragen von Fabrikam Logistik GmbH',
      'HD-2026-0004 · in Arbeit',
      'Rückruf bis Montag, 07.12.2026, 11:00 Uhr',
    ]);
    assert.deepEqual(richTextsOf(card), ['Seit heute früh können drei Kollegen keine E-Mails in Outlook senden.']);
  });

  it('marks emergencies', () => {
    const card = renderStatusListCard({
      lang: 'de',
      customerName: 'Fabrikam',
      requests: [sampleRequest({ emergency: true })],
      zone: ZONE,
    });
    assert.equal(textBlockWith(card, 'NOTFALL HD-2026-0001 · neu').color, 'Attention');
  });

  it('says when nothing is open', () => {
    const card = renderStatusListCard({ lang: 'de', customerName: 'Fabrikam', requests: [], zone: ZONE });
    assert.deepEqual(textBlocksOf(card), ['Offene Anfragen von Fabrikam', 'Ihre Organisation hat zurzeit keine offenen Anfragen.']);
  });

  it('shows at most 20 with a note', () => {
    const requests = Array.from({ length: 23 }, (_, index) => sampleRequest({ number: requestNumber(23 - index) }));
    const card = renderStatusListCard({ lang: 'de', customerName: 'Fabrikam', requests, zone: ZONE });

    const containers = allNodes(card).filter((node) => node.type === 'Container');
    assert.equal(containers.length, STATUS_LIST_MAX_ITEMS);
    assert.equal(textBlocksOf(card)[1], 'HD-2026-0023 · neu');
    assert.equal(textBlocksOf(card).at(-1), 'Angezeigt werden die 20 neuesten von 23 offenen Anfragen.');
  });

  it('cuts long descriptions', () => {
    const card = renderStatusListCard({
      lang: 'en',
      customerName: 'Fabrikam',
      requests: [sampleRequest({ description: 'y'.repeat(300) })],
      zone: ZONE,
    });
    assert.equal(richTextsOf(card)[0]?.length, 120);
    assert.equal(textBlocksOf(card)[2], 'Callback by Monday, 7 December 2026, 11:00');
  });
});

describe('isRequestSetStateData', () => {
  it('accepts settable states', () => {
    assert.equal(isRequestSetStateData({ customerId: 'fabrikam', number: 'HD-2026-0001', state: 'inProgress' }), true);
    assert.equal(isRequestSetStateData({ customerId: 'fabrikam', number: 'HD-2026-0001', state: 'resolved', solution: 'x' }), true);
  });

  it('rejects other states and shapes', () => {
    assert.equal(isRequestSetStateData({ customerId: 'fabrikam', number: 'HD-2026-0001', state: 'new' }), false);
    assert.equal(isRequestSetStateData({ customerId: 'fabrikam', number: 'HD-2026-0001', state: 'callbackDone' }), false);
    assert.equal(isRequestSetStateData({ customerId: 'fabrikam', number: 'HD-2026-0001' }), false);
    assert.equal(isRequestSetStateData({ customerId: 'fabrikam', number: 'HD-2026-0001', state: 'resolved', solution: 7 }), false);
    assert.equal(isRequestSetStateData(null), false);
  });
});
