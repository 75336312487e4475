import assert from 'node:assert/strict';

import type { KnowledgeArticle } from '../../../src/domain/knowledgeArticle.js';
import { ArticleRepository } from '../../../src/storage/articles.js';
import { actionVerbs, cardOf, cardTexts, findById, goldContact, startDeskHarness, type DeskHarness } from '../../support/deskHarness.js';
import { sendMessage } from '../../support/requestSteps.js';
import { actionExecuteActivity, personalChat, type PersonalChat } from '../../support/teamsActivity.js';

/** Tuesday 2026-12-08, 10:00 in Berlin, inside Gold's service window. */
const TUESDAY_MORNING = '2026-12-08T10:00:00+01:00';

function article(id: string, fields: Partial<KnowledgeArticle>): KnowledgeArticle {
  return {
    id,
    title: 'Titel',
    problem: 'Problem',
    solution: 'Lösung',
    tags: [],
    visibility: 'public',
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    ...fields,
  };
}

const outlookArticle = article('0000000000000001', {
  title: 'Outlook synchronisiert keine E-Mails',
  problem: 'Outlook zeigt neue E-Mails nicht an, der Posteingang bleibt leer.',
  solution: 'Den Exchange-Cache-Modus ausschalten und das Outlook-Profil neu anlegen.',
  tags: ['Outlook'],
});
const internalVpnArticle = article('0000000000000002', {
  title: 'VPN-Gateway neu starten',
  problem: 'Das VPN verbindet nicht, der Tunnel bricht beim Anmelden ab.',
  solution: 'Auf der Firewall den Dienst des VPN-Gateways neu starten.',
  tags: ['VPN'],
  visibility: 'internal',
});

describe('article suggestions through /api/messages', () => {
  let harness: DeskHarness;

  before(async () => {
    harness = await startDeskHarness(TUESDAY_MORNING);
    const articles = new ArticleRepository(harness.storage.tables);
    await articles.create(outlookArticle);
    await articles.create(internalVpnArticle);
  });

  after(async () => {
    await harness.stop();
  });

  beforeEach(() => {
    harness.connector.clear();
  });

  const say = (chat: PersonalChat, text: string) => sendMessage(harness, chat, text);

  it('matching public article comes before the form', async () => {
    const chat = personalChat(goldContact);
    const description = 'Mein Outlook synchronisiert seit heute keine Mails mehr';

    const reply = await say(chat, description);

    const card = cardOf(reply.activity);
    const texts = cardTexts(card);
    assert.equal(texts[0], 'Vielleicht hilft das:');
    assert.ok(texts.includes('Outlook synchronisiert keine E-Mails'), texts.join(' | '));
    const solution = findById(card, 'solution-1');
    assert.equal(solution.text, 'Den Exchange-Cache-Modus ausschalten und das Outlook-Profil neu anlegen.');
    assert.equal(solution.isVisible, false);
    assert.equal(card.actions[0].title, 'Anfrage trotzdem stellen');
    assert.deepEqual(actionVerbs(card), ['request.form']);
    assert.deepEqual(card.actions[0].data, { description });
    assert.equal(findById(card, 'description'), undefined, 'no form yet');
    assert.equal(harness.connector.sentTo(chat.conversationId).length, 1);
  });

  it('request anyway opens the prefilled form', async () => {
    const chat = personalChat(goldContact);
    const description = 'Outlook synchronisiert nicht mehr';
    const suggestion = await say(chat, description);
    const action = cardOf(suggestion.activity).actions[0];

    const { status, body } = await harness.post(
      actionExecuteActivity(chat, harness.connector.url, suggestion.assignedId, action.verb, action.data),
    );

    assert.equal(status, 200);
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    assert.equal(findById(body.value, 'description').value, description);
    assert.equal(findById(body.value, 'callbackPhone').value, '+49 211 5550101');
    assert.deepEqual(actionVerbs(body.value), ['request.submit']);
  });

  it('only an internal match sends the form directly', async () => {
    const chat = personalChat(goldContact);
    const description = 'VPN verbindet nicht, der Tunnel bricht ab';

    const reply = await say(chat, description);

    const card = cardOf(reply.activity);
    assert.equal(findById(card, 'description').value, description);
    assert.deepEqual(actionVerbs(card), ['request.submit']);
    assert.ok(!cardTexts(card).includes('Vielleicht hilft das:'));
  });

  it('English locale gets the English card', async () => {
    // A colleague without a stored language preference reads the language of the Teams locale.
    const newcomer = { ...goldContact, id: '29:new-colleague', name: 'Sam Taylor', aadObjectId: '11111111-2222-4333-8444-555555555555' };
    const reply = await say(personalChat(newcomer, 'en-US'), 'Outlook synchronisiert keine E-Mails');

    const card = cardOf(reply.activity);
    assert.equal(cardTexts(card)[0], 'Maybe this helps:');
    assert.equal(card.actions[0].title, 'Send the request anyway');
  });
});
