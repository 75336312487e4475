import assert from 'node:assert/strict';

import { renderRequesterRequestCard } from '../../../src/bot/cards/requestConfirmation.js';
import {
  actionsOf,
  allNodes,
  factsOf,
  hasUnboundExpression,
  richTextsOf,
  sampleRequest,
  textBlocksOf,
  textBlockWith,
  ZONE,
} from './cardQueries.js';

describe('renderRequesterRequestCard', () => {
  it('is an Adaptive Card 1.5 with every expression bound', () => {
    const card = renderRequesterRequestCard({ lang: 'de', request: sampleRequest(), zone: ZONE });
    assert.equal(card.version, '1.5');
    assert.equal(card.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
    assert.equal(hasUnboundExpression(card), false);
  });

  it('new request in German', () => {
    const card = renderRequesterRequestCard({ lang: 'de', request: sampleRequest(), zone: ZONE });
    assert.equal(textBlocksOf(card)[0], 'Anfrage HD-2026-0001');
    assert.equal(textBlockWith(card, 'Rückruf spätestens Montag, 07.12.2026, 11:00 Uhr').weight, 'Bolder');
    const facts = factsOf(card);
    assert.equal(facts.get('Status'), 'neu');
    assert.equal(facts.get('Dringlichkeit'), 'normal');
    assert.equal(facts.get('Rückruf per'), 'Telefon');
    assert.equal(facts.get('Rückrufnummer'), '+49 221 1234567');
    assert.equal(facts.get('Eingegangen'), 'Montag, 07.12.2026, 10:00 Uhr');
  });

  it('new request in English', () => {
    const card = renderRequesterRequestCard({ lang: 'en', request: sampleRequest(), zone: ZONE });
    assert.equal(textBlocksOf(card)[0], 'Request HD-2026-0001');
    textBlockWith(card, 'Callback by Monday, 7 December 2026, 11:00');
    assert.equal(factsOf(card).get('Status'), 'new');
  });

  it('shows the callback time instead of the deadline after a callback', () => {
    const request = sampleRequest({
      state: 'callbackDone',
      firstContactAt: '2026-12-07T10:40:00+01:00',
      slaMet: true,
    });
    const card = renderRequesterRequestCard({ lang: 'de', request, zone: ZONE });
    assert.equal(textBlockWith(card, 'Rückruf erfolgt: Montag, 07.12.2026, 10:40 Uhr').color, 'Good');
    assert.equal(textBlocksOf(card).some((text) => text.startsWith('Rückruf spätestens')), false);
    assert.equal(factsOf(card).get('Status'), 'Rückruf erfolgt');
  });

  it('shows the callback time in English', () => {
    const request = sampleRequest({ state: 'callbackDone', firstContactAt: '2026-12-07T09:40:00Z', slaMet: true });
    const card = renderRequesterRequestCard({ lang: 'en', request, zone: ZONE });
    textBlockWith(card, 'Callback done: Monday, 7 December 2026, 10:40');
  });

  it('marks an emergency', () => {
    const card = renderRequesterRequestCard({ lang: 'de', request: sampleRequest({ emergency: true }), zone: ZONE });
    assert.equal(textBlockWith(card, 'Notfall').color, 'Attention');
  });

  it('has no emergency marker for a normal request', () => {
    const card = renderRequesterRequestCard({ lang: 'de', request: sampleRequest(), zone: ZONE });
    assert.equal(textBlocksOf(card).includes('Notfall'), false);
  });

  it('says when no callback number was given', () => {
    const request = sampleRequest({ callbackPhone: undefined, callbackChannel: 'teams-chat' });
    const facts = factsOf(renderRequesterRequestCard({ lang: 'de', request, zone: ZONE }));
    assert.equal(facts.get('Rückrufnummer'), 'nicht angegeben');
    assert.equal(facts.get('Rückruf per'), 'Teams-Chat');
  });

  it('shows the description as plain text', () => {
    const request = sampleRequest({ description: 'Siehe [Anleitung](https://example.test) und ${deadline}' });
    const card = renderRequesterRequestCard({ lang: 'de', request, zone: ZONE });
    assert.deepEqual(richTextsOf(card), ['Siehe [Anleitung](https://example.test) und ${deadline}']);
    const run = allNodes(card).find((node) => node.type === 'TextRun');
    assert.equal(run?.text, 'Siehe [Anleitung](https://example.test) und ${deadline}');
  });

  it('cuts a long description to 300 characters', () => {
    const request = sampleRequest({ description: 'x'.repeat(400) });
    const [summary] = richTextsOf(renderRequesterRequestCard({ lang: 'de', request, zone: ZONE }));
    assert.equal(summary?.length, 300);
    assert.ok(summary?.endsWith('…'));
  });

  it('offers a callback slot while none is agreed', () => {
    const [action, ...others] = actionsOf(renderRequesterRequestCard({ lang: 'de', request: sampleRequest(), zone: ZONE }));
    assert.equal(others.length, 0);
    assert.equal(action?.title, 'Rückruftermin wählen');
    assert.equal(action?.verb, 'callback.offer');
    assert.deepEqual(action?.data, { number: sampleRequest().number, newMessage: true });
  });

  it('emergency has no callback slot action', () => {
    const request = sampleRequest({ emergency: true });
    assert.deepEqual(actionsOf(renderRequesterRequestCard({ lang: 'de', request, zone: ZONE })), []);
  });
});
