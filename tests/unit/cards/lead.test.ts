import assert from 'node:assert/strict';

import { renderLeadCard, type LeadCardInput } from '../../../src/bot/cards/lead.js';
import { actionsOf, allNodes, hasUnboundExpression, richTextsOf, textBlocksOf, ZONE } from './cardQueries.js';

const TENANT_ID = '11111111-2222-3333-4444-555555555555';

function input(overrides: Partial<LeadCardInput> = {}): LeadCardInput {
  return {
    lang: 'de',
    tenantId: TENANT_ID,
    userName: 'Eva Neumann',
    aadObjectId: '99999999-8888-7777-6666-555555555555',
    messageText: 'Hallo, wir suchen Unterstützung bei Microsoft 365.',
    at: new Date('2026-12-07T10:00:00Z'),
    zone: ZONE,
    ...overrides,
  };
}

describe('renderLeadCard', () => {
  it('is an Adaptive Card 1.5 with every expression bound', () => {
    const card = renderLeadCard(input());
    assert.equal(card.version, '1.5');
    assert.equal(card.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
    assert.equal(hasUnboundExpression(card), false);
  });

  it('German title and fields', () => {
    const card = renderLeadCard(input());
    assert.equal(textBlocksOf(card)[0], 'Neuer Interessent: unbekannter Mandant');
    assert.deepEqual(richTextsOf(card), [
      'Name: Eva Neumann',
      `Mandanten-ID: ${TENANT_ID}`,
      'Entra-Objekt-ID: 99999999-8888-7777-6666-555555555555',
      'Zeitpunkt: Montag, 07.12.2026, 11:00 Uhr',
      'Hallo, wir suchen Unterstützung bei Microsoft 365.',
    ]);
    assert.deepEqual(actionsOf(card), []);
  });

  it('English title and time', () => {
    const card = renderLeadCard(input({ lang: 'en', at: '2026-12-07T11:00:00+01:00' }));
    assert.equal(textBlocksOf(card)[0], 'New lead: unknown tenant');
    assert.ok(richTextsOf(card).includes('Time: Monday, 7 December 2026, 11:00'));
  });

  it('cuts the message to 500 characters', () => {
    const card = renderLeadCard(input({ messageText: 'a'.repeat(600) }));
    const message = richTextsOf(card).at(-1) ?? '';
    assert.equal(message.length, 500);
    assert.ok(message.endsWith('…'));
  });

  it('keeps a 500-character message whole', () => {
    const card = renderLeadCard(input({ messageText: 'b'.repeat(500) }));
    assert.equal(richTextsOf(card).at(-1), 'b'.repeat(500));
  });

  it('names missing writer details unknown', () => {
    const card = renderLeadCard(input({ userName: undefined, aadObjectId: '', messageText: '  ' }));
    const texts = richTextsOf(card);
    assert.equal(texts[0], 'Name: unbekannt');
    assert.equal(texts[2], 'Entra-Objekt-ID: unbekannt');
    assert.equal(texts.at(-1), '(ohne Text)');
  });

  it('shows a link in the message as plain text', () => {
    const card = renderLeadCard(input({ messageText: '[Rechnung](https://example.test/login)' }));
    const textBlocks = textBlocksOf(card);
    assert.equal(textBlocks.some((text) => text.includes('example.test')), false);
    const runs = allNodes(card).filter((node) => node.type === 'TextRun' && node.text === '[Rechnung](https://example.test/login)');
    assert.equal(runs.length, 1);
  });
});
