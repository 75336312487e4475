import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RequestRepository } from '../../../src/storage/requests.js';
import {
  actionVerbs,
  cardOf,
  cardTexts,
  consultant,
  enterpriseContact,
  findById,
  goldContact,
  type DeskHarness,
} from '../../support/deskHarness.js';
import { CARD_RESPONSE, clickAction, findNumber, sendMessage, startConsultantDesk } from '../../support/requestSteps.js';
import { actionExecuteActivity, messageActivity, personalChat, type PersonalChat } from '../../support/teamsActivity.js';

/** Sunday 2026-12-06, 10:00 in Berlin: Gold has no weekend window, so only the 24/7 line counts. */
const SUNDAY_MORNING = '2026-12-06T10:00:00+01:00';

/** Monday 2026-12-07, 10:00 in Berlin: Enterprise's 30-minute working-day guarantee beats the 2 hours. */
const MONDAY_MORNING = '2026-12-07T10:00:00+01:00';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const NBSP = '\u00a0';

/** Runs `npm run --silent desk -- deadline ...` as the README documents it and returns the parsed JSON. */
function deskDeadline(...args: string[]): Record<string, unknown> {
  const result = spawnSync('npm', ['run', '--silent', 'desk', '--', 'deadline', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, DESK_HOLIDAY_REGION: '', DESK_CATALOG_PATH: '' },
  });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('emergency through /api/messages', () => {
  let harness: DeskHarness;
  let requests: RequestRepository;
  let consultantChat: PersonalChat;

  before(async () => {
    ({ harness, consultantChat } = await startConsultantDesk(SUNDAY_MORNING));
    requests = new RequestRepository(harness.storage.tables);
  });

  after(async () => {
    await harness.stop();
  });

  beforeEach(() => {
    harness.clock.set(SUNDAY_MORNING);
    harness.connector.clear();
  });

  const say = (chat: PersonalChat, text: string) => sendMessage(harness, chat, text);

  const click = (chat: PersonalChat, cardActivityId: string, verb: string, data: Record<string, unknown>) =>
    clickAction(harness, chat, cardActivityId, verb, data);

  /** Opens the emergency card from the welcome card's button; returns the card's activity id and the card. */
  async function startFromWelcome(chat: PersonalChat) {
    const welcome = await say(chat, 'Hallo');
    const response = await click(chat, welcome.assignedId, 'emergency.start', {});
    return { cardId: welcome.assignedId, card: response.value };
  }

  it('welcome button shows the emergency card', async () => {
    const chat = personalChat(goldContact);
    const { card } = await startFromWelcome(chat);

    const texts = cardTexts(card);
    assert.equal(texts[0], 'Notfall melden');
    assert.ok(texts.includes('• Server ausgefallen'));
    assert.ok(texts.some((text) => text.startsWith('• kompletter Ausfall')));
    assert.ok(texts.some((text) => text.startsWith('• Sicherheitsvorfall')));
    assert.ok(texts.some((text) => text.startsWith(`299,00${NBSP}€ Grundgebühr plus 199,00${NBSP}€ pro Stunde`)), JSON.stringify(texts));
    assert.ok(texts.some((text) => text.includes('nicht von Ihrem Stundenkontingent abgezogen')));
    assert.equal(findById(card, 'description').isRequired, true);
    assert.equal(findById(card, 'callbackPhone').value, '+49 211 5550101');
    assert.deepEqual(actionVerbs(card), ['emergency.confirm', 'emergency.decline']);
  });

  it('typed Notfall shows the emergency card', async () => {
    for (const text of ['Notfall', 'notfall!', 'Emergency']) {
      const reply = await say(personalChat(goldContact), text);
      assert.equal(cardTexts(cardOf(reply.activity))[0], 'Notfall melden', text);
    }
  });

  it('confirm opens an emergency with the 24/7 deadline', async () => {
    const chat = personalChat(goldContact);
    const { cardId } = await startFromWelcome(chat);

    const response = await click(chat, cardId, 'emergency.confirm', {
      description: 'Dateiserver seit 9 Uhr nicht erreichbar',
      callbackPhone: '+49 171 5550123',
    });

    assert.equal(response.type, CARD_RESPONSE);
    const number = findNumber(response.value);
    const requesterTexts = cardTexts(response.value);
    assert.ok(requesterTexts.includes('Notfall'));
    assert.ok(requesterTexts.includes('Rückruf spätestens Sonntag, 06.12.2026, 12:00 Uhr'), JSON.stringify(requesterTexts));

    const stored = await requests.get('fabrikam', number);
    assert.ok(stored);
    assert.equal(stored.request.emergency, true);
    assert.equal(stored.request.state, 'new');
    assert.equal(stored.request.openedAt, '2026-12-06T10:00:00+01:00');
    assert.equal(stored.request.deadline, '2026-12-06T12:00:00+01:00');
    assert.equal(stored.request.guaranteeMinutes, 120);
    assert.equal(stored.request.urgency, 'high');
    assert.equal(stored.request.callbackChannel, 'phone');
    assert.equal(stored.request.callbackPhone, '+49 171 5550123');
    assert.equal(stored.request.channel, 'teams');
    assert.deepEqual(stored.cards.map((copy) => copy.role).sort(), ['consultant', 'requester']);
    assert.equal(stored.cards.find((copy) => copy.role === 'requester')?.activityId, cardId);

    const consultantCard = cardOf(harness.connector.sentTo(consultantChat.conversationId).at(-1)?.activity);
    assert.equal(consultantCard.body[0].type, 'Container');
    assert.equal(consultantCard.body[0].style, 'attention');
    const consultantTexts = cardTexts(consultantCard);
    assert.equal(consultantTexts[0], 'NOTFALL');
    assert.ok(consultantTexts.includes(`Anfrage ${number}`));
    assert.ok(consultantTexts.includes('Rückruf bis Sonntag, 06.12.2026, 12:00 Uhr'));
    assert.ok(consultantTexts.includes('Rückrufnummer +49 171 5550123'));
    assert.deepEqual(actionVerbs(consultantCard).slice(0, 2), ['request.acknowledge', 'request.callbackDone']);
  });

  it('bot deadline equals desk deadline', async () => {
    const instant = '2026-12-06T23:30:00+01:00';
    harness.clock.set(instant);
    const chat = personalChat(goldContact);
    const card = await say(chat, 'Notfall');

    const response = await click(chat, card.assignedId, 'emergency.confirm', {
      description: 'Verdächtige Anmeldungen aus dem Ausland',
      callbackPhone: '+49 171 5550123',
    });
    const stored = await requests.get('fabrikam', findNumber(response.value));
    const cli = deskDeadline('--plan', 'gold', '--opened', instant, '--emergency');

    assert.equal(stored?.request.deadline, '2026-12-07T01:30:00+01:00');
    assert.equal(cli.deadline, stored?.request.deadline);
    assert.equal(cli.guaranteeMinutes, stored?.request.guaranteeMinutes);
    assert.equal(cli.opened, stored?.request.openedAt);
  });

  it('Enterprise emergency keeps the earlier plan deadline', async () => {
    harness.clock.set(MONDAY_MORNING);
    const chat = personalChat(enterpriseContact);
    const card = await say(chat, 'Notfall');

    const response = await click(chat, card.assignedId, 'emergency.confirm', {
      description: 'Kompletter Ausfall des Leitstands',
      callbackPhone: '0211 5550999',
    });
    const stored = await requests.get('northwind', findNumber(response.value));
    const cli = deskDeadline('--plan', 'enterprise', '--opened', MONDAY_MORNING, '--emergency');

    assert.equal(stored?.request.emergency, true);
    assert.equal(stored?.request.deadline, '2026-12-07T10:30:00+01:00');
    assert.equal(stored?.request.guaranteeMinutes, 30);
    assert.equal(cli.deadline, stored?.request.deadline);
    assert.equal(cli.basis, 'plan');
  });

  it('decline offers the form and stores nothing', async () => {
    const chat = personalChat(goldContact);
    const { cardId } = await startFromWelcome(chat);
    const before = (await requests.listByCustomer('fabrikam')).length;
    harness.connector.clear();

    const response = await click(chat, cardId, 'emergency.decline', {});

    assert.equal(response.type, CARD_RESPONSE);
    assert.equal(cardTexts(response.value)[0], 'Neue Anfrage');
    assert.equal(findById(response.value, 'description').value ?? '', '');
    assert.equal(findById(response.value, 'callbackPhone').value, '+49 211 5550101');
    assert.deepEqual(actionVerbs(response.value), ['request.submit']);
    assert.equal((await requests.listByCustomer('fabrikam')).length, before);
    assert.equal(harness.connector.sentTo(consultantChat.conversationId).length, 0);
  });

  it('redelivered confirm opens one request', async () => {
    const chat = personalChat(goldContact);
    const { cardId } = await startFromWelcome(chat);
    const data = { description: 'Firewall blockiert alle Verbindungen', callbackPhone: '+49 171 5550123' };

    const [first, second] = await Promise.all([
      click(chat, cardId, 'emergency.confirm', data),
      click(chat, cardId, 'emergency.confirm', data),
    ]);
    const third = await click(chat, cardId, 'emergency.confirm', data);

    const opened = (await requests.listByCustomer('fabrikam')).filter(
      (stored) => stored.request.description === 'Firewall blockiert alle Verbindungen',
    );
    assert.equal(opened.length, 1);
    assert.equal(opened[0]!.request.emergency, true);
    assert.equal(findNumber(third.value), opened[0]!.request.number);
    assert.ok([first, second].some((response) => response.type === CARD_RESPONSE));
    const consultantCards = harness.connector
      .sentTo(consultantChat.conversationId)
      .filter((call) => cardTexts(cardOf(call.activity)).includes(`Anfrage ${opened[0]!.request.number}`));
    assert.equal(consultantCards.length, 1);
  });

  it('confirm without phone asks for one', async () => {
    const chat = personalChat(goldContact);
    const { cardId } = await startFromWelcome(chat);
    const before = (await requests.listByCustomer('fabrikam')).length;

    const response = await click(chat, cardId, 'emergency.confirm', { description: 'Server aus', callbackPhone: '' });

    assert.ok(
      cardTexts(response.value).includes(
        'Bitte geben Sie eine Telefonnummer an, unter der Sie jetzt erreichbar sind. Im Notfall ruft der Berater Sie an.',
      ),
    );
    assert.equal(findById(response.value, 'description').value, 'Server aus');
    assert.equal((await requests.listByCustomer('fabrikam')).length, before);
  });

  it('confirm without description asks for one', async () => {
    const chat = personalChat(goldContact);
    const { cardId } = await startFromWelcome(chat);

    const response = await click(chat, cardId, 'emergency.confirm', { description: ' ', callbackPhone: '+49 171 5550123' });

    assert.ok(cardTexts(response.value).includes('Bitte beschreiben Sie Ihr Anliegen, damit die Anfrage angelegt werden kann.'));
    assert.deepEqual(actionVerbs(response.value), ['emergency.confirm', 'emergency.decline']);
  });

  it('consultant cannot report an emergency', async () => {
    const response = await click(consultantChat, 'activity-any', 'emergency.confirm', {
      description: 'Test',
      callbackPhone: '+49 171 5550123',
    });
    assert.equal(response.value, 'Diese Aktion ist dem Berater vorbehalten.');
  });
});

describe('emergency with an absence substitute', () => {
  let harness: DeskHarness;
  let requests: RequestRepository;
  let consultantChat: PersonalChat;
  const substituteChat = personalChat({ ...consultant, id: '29:substitute', name: 'Petra Vogel', aadObjectId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d' });

  before(async () => {
    ({ harness, consultantChat } = await startConsultantDesk(SUNDAY_MORNING, {}, {
      substituteConversation: async () => ({
        serviceUrl: harness.connector.url,
        channelId: 'msteams',
        conversation: { id: substituteChat.conversationId, conversationType: 'personal', isGroup: false, name: '' },
        bot: { id: '28:hotline-desk-bot', name: 'Hotline Desk' },
        locale: 'de-DE',
      }),
    }));
    requests = new RequestRepository(harness.storage.tables);
  });

  after(async () => {
    await harness.stop();
  });

  it('substitute gets a copy without actions', async () => {
    const chat = personalChat(goldContact);
    const card = (await harness.post(messageActivity(chat, harness.connector.url, 'Notfall'))).status;
    assert.equal(card, 200);
    const cardId = harness.connector.sentTo(chat.conversationId).at(-1)!.assignedId;

    const { body } = await harness.post(
      actionExecuteActivity(chat, harness.connector.url, cardId, 'emergency.confirm', {
        description: 'Ransomware-Meldung auf allen Clients',
        callbackPhone: '+49 171 5550123',
      }),
    );
    const number = findNumber(body.value);

    const [sent] = harness.connector.sentTo(substituteChat.conversationId);
    assert.ok(sent, 'no card for the substitute');
    const substituteCard = cardOf(sent.activity);
    assert.equal(cardTexts(substituteCard)[0], 'NOTFALL');
    assert.ok(cardTexts(substituteCard).includes(`Anfrage ${number}`));
    assert.deepEqual(substituteCard.actions ?? [], []);

    const stored = await requests.get('fabrikam', number);
    assert.deepEqual(stored?.cards.map((copy) => copy.role).sort(), ['consultant', 'requester', 'substitute']);

    // A later change updates the substitute's copy too, still without actions.
    harness.connector.clear();
    const consultantCardId = stored!.cards.find((copy) => copy.role === 'consultant')!.activityId;
    await harness.post(
      actionExecuteActivity(consultantChat, harness.connector.url, consultantCardId, 'request.acknowledge', { customerId: 'fabrikam', number }),
    );
    const [update] = harness.connector.updatesIn(substituteChat.conversationId);
    assert.equal(update?.activityId, sent.assignedId);
    assert.ok(cardTexts(cardOf(update?.activity)).includes('Status übernommen'));
    assert.deepEqual(cardOf(update?.activity).actions ?? [], []);
  });
});
