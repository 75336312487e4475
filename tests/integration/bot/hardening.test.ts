import assert from 'node:assert/strict';
import { AbsenceService } from '../../../src/services/absenceService.js';
import { AbsenceRepository } from '../../../src/storage/absences.js';
import { CustomerRepository } from '../../../src/storage/customers.js';
import { RequestRepository } from '../../../src/storage/requests.js';
import {
  bronzeContact,
  cardOf,
  cardTexts,
  consultant,
  goldContact,
  stranger,
  type DeskHarness,
} from '../../support/deskHarness.js';
import { startConsultantDesk } from '../../support/requestSteps.js';
import {
  actionExecuteActivity,
  messageActivity,
  personalChat,
  type PersonalChat,
  type TeamsUser,
} from '../../support/teamsActivity.js';

/** Petra Lang, the consultant's substitute from a partner's tenant. */
const substitute: TeamsUser = {
  id: '29:petra-lang',
  name: 'Petra Lang',
  aadObjectId: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  tenantId: 'd4c3b2a1-0f9e-4d8c-8b7a-6f5e4d3c2b1a',
};

describe('bot hardening through /api/messages', () => {
  let harness: DeskHarness;
  let consultantChat: PersonalChat;

  before(async () => {
    ({ harness, consultantChat } = await startConsultantDesk('2026-12-22T09:00:00+01:00', { CONSULTANT_LANGUAGE: 'de' }, {}, 'en-US'));
  });

  after(async () => {
    await harness.stop();
  });

  beforeEach(() => {
    harness.connector.clear();
  });

  it('malformed bodies get 400', async () => {
    const chat = personalChat(goldContact);
    const withoutServiceUrl = { ...messageActivity(chat, harness.connector.url, 'Hallo'), serviceUrl: undefined };
    const withoutConversation = { ...messageActivity(chat, harness.connector.url, 'Hallo'), conversation: undefined };

    assert.equal((await harness.post({})).status, 400);
    assert.equal((await harness.post(withoutServiceUrl)).status, 400);
    assert.equal((await harness.post(withoutConversation)).status, 400);
    assert.equal((await harness.post(messageActivity(chat, harness.connector.url, 'Hallo'))).status, 200);
  });

  it('unknown card verb gets a message', async () => {
    const chat = personalChat(goldContact);
    const { status, body } = await harness.post(
      actionExecuteActivity(chat, harness.connector.url, 'activity-old', 'request.retired', {}),
    );

    assert.equal(status, 200);
    assert.equal(body.value, 'Diese Karte ist veraltet. Bitte schreiben Sie „Hallo“ für eine aktuelle Übersicht.');
  });

  it('consultant language follows the configuration', async () => {
    await harness.post(messageActivity(consultantChat, harness.connector.url, 'Hallo'));

    // The install registered the chat already, so the message gets the help, in German despite the en-US chat.
    const [answer] = harness.connector.sentTo(consultantChat.conversationId);
    assert.ok(answer?.activity.text?.startsWith('Dieser Chat erhält bereits die Berater-Karten'), answer?.activity.text);
  });

  it('consultant in a team channel is not registered there', async () => {
    const channel = { ...personalChat(consultant), conversationId: '19:general@thread.tacv2' };
    const activity = messageActivity(channel, harness.connector.url, 'Hallo');
    activity.conversation = { ...activity.conversation, conversationType: 'channel' };

    await harness.post(activity);
    const chat = personalChat(goldContact);
    await harness.post(messageActivity(chat, harness.connector.url, 'Outlook startet nicht'));

    const [answer] = harness.connector.sentTo(channel.conversationId);
    assert.match(answer?.activity.text ?? '', /persönlichen Chat/);
    assert.equal(harness.connector.sentTo(channel.conversationId).length, 1);
  });

  it('new Bronze user is not stored as a contact', async () => {
    const newcomer = { ...bronzeContact, id: '29:new-bronze', aadObjectId: 'aaaaaaaa-1111-4222-8333-444444444444' };
    await harness.post(messageActivity(personalChat(newcomer), harness.connector.url, 'Hallo'));

    const customers = new CustomerRepository(harness.storage.tables);
    assert.equal(await customers.getContact('contoso-praxis', newcomer.aadObjectId), undefined);
  });

  it('unknown tenant gets one lead card per day', async () => {
    const visitor = { ...stranger, tenantId: 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff' };
    for (const text of ['Erste Nachricht', 'Zweite Nachricht', 'Dritte Nachricht']) {
      await harness.post(messageActivity(personalChat(visitor), harness.connector.url, text));
    }

    const leads = harness.connector
      .sentTo(consultantChat.conversationId)
      .filter((call) => cardTexts(cardOf(call.activity)).join('\n').includes(visitor.tenantId));
    assert.equal(leads.length, 1);
    assert.match(cardTexts(cardOf(leads[0]!.activity)).join('\n'), /Erste Nachricht/);
  });

  it('unknown tenant clicking a card action is reported as a lead', async () => {
    const visitor = { ...stranger, tenantId: 'cccccccc-dddd-4eee-8fff-000000000000' };
    const { body } = await harness.post(
      actionExecuteActivity(personalChat(visitor), harness.connector.url, 'activity-x', 'request.submit', { description: 'x' }),
    );

    assert.match(body.value, /noch nicht für Hotline Desk registriert/);
    const leads = harness.connector
      .sentTo(consultantChat.conversationId)
      .filter((call) => cardTexts(cardOf(call.activity)).join('\n').includes(visitor.tenantId));
    assert.equal(leads.length, 1);
  });

  it('failed consultant card is not stored as delivered', async () => {
    const chat = personalChat(goldContact);
    await harness.post(messageActivity(chat, harness.connector.url, 'Teams-Anrufe brechen ab'));
    const form = harness.connector.sentTo(chat.conversationId).at(-1)!;

    harness.connector.failWith = 500;
    const { body } = await harness.post(
      actionExecuteActivity(chat, harness.connector.url, form.assignedId, 'request.submit', {
        description: 'Teams-Anrufe brechen ab',
        callbackChannel: 'teams-chat',
      }),
    );
    harness.connector.failWith = undefined;

    const number = /HD-\d{4}-\d{4}/.exec(cardTexts(body.value).join('\n'))?.[0];
    const stored = await new RequestRepository(harness.storage.tables).get('fabrikam', number ?? '-');
    assert.ok(stored);
    assert.deepEqual(
      stored.cards.map((copy) => copy.role),
      ['requester'],
    );
  });

  it('substitute registers and receives emergencies during the absence', async () => {
    const absences = new AbsenceService(new AbsenceRepository(harness.storage.tables), 'Europe/Berlin', harness.clock);
    await absences.add({
      from: '2026-12-21',
      to: '2027-01-03',
      note: 'Weihnachtsurlaub',
      substitute: { name: 'Petra Lang', phone: '+49 171 5550123', aadObjectId: substitute.aadObjectId, tenantId: substitute.tenantId },
    });
    const substituteChat = personalChat(substitute);
    await harness.post(messageActivity(substituteChat, harness.connector.url, 'Hallo'));
    const [registered] = harness.connector.sentTo(substituteChat.conversationId);

    const chat = personalChat(goldContact);
    await harness.post(messageActivity(chat, harness.connector.url, 'Notfall'));
    const offer = harness.connector.sentTo(chat.conversationId).at(-1)!;
    const { body } = await harness.post(
      actionExecuteActivity(chat, harness.connector.url, offer.assignedId, 'emergency.confirm', {
        description: 'Exchange-Server ausgefallen',
        callbackPhone: '+49 211 5550101',
      }),
    );

    assert.match(registered?.activity.text ?? '', /als Vertretung des Beraters eingetragen/);
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    await harness.connector.waitFor(() => harness.connector.sentTo(substituteChat.conversationId).length >= 2);
    const emergencyCard = cardOf(harness.connector.sentTo(substituteChat.conversationId).at(-1)?.activity);
    assert.match(cardTexts(emergencyCard).join('\n'), /Exchange-Server ausgefallen/);

    const requests = new RequestRepository(harness.storage.tables);
    const opened = (await requests.listByCustomer('fabrikam')).find((stored) => stored.request.emergency);
    assert.equal(opened?.request.deadline, '2026-12-22T11:00:00+01:00');
    assert.ok(opened?.cards.some((copy) => copy.role === 'substitute'));
  });
});
