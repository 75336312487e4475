import assert from 'node:assert/strict';
import { RequestRepository } from '../../../src/storage/requests.js';
import {
  actionVerbs,
  bronzeContact,
  cardOf,
  cardTexts,
  consultant,
  findById,
  goldContact,
  stranger,
  type DeskHarness,
} from '../../support/deskHarness.js';
import {
  clickAction,
  findNumber,
  openRequest,
  PHONE_CALLBACK,
  sendMessage,
  startConsultantDesk,
} from '../../support/requestSteps.js';
import { installActivity, personalChat, type PersonalChat } from '../../support/teamsActivity.js';

/** Friday 2026-12-04, 20:30 in Berlin: Gold's window closes at 21:00, so the deadline is Monday 07:30. */
const FRIDAY_EVENING = '2026-12-04T20:30:00+01:00';

describe('request flow through /api/messages', () => {
  let harness: DeskHarness;
  let requests: RequestRepository;
  let consultantChat: PersonalChat;

  before(async () => {
    ({ harness, consultantChat } = await startConsultantDesk(FRIDAY_EVENING));
    requests = new RequestRepository(harness.storage.tables);
  });

  after(async () => {
    await harness.stop();
  });

  beforeEach(() => {
    harness.clock.set(FRIDAY_EVENING);
    harness.connector.clear();
  });

  const say = (chat: PersonalChat, text: string) => sendMessage(harness, chat, text);

  const click = (chat: PersonalChat, cardActivityId: string, verb: string, data: Record<string, unknown>) =>
    clickAction(harness, chat, cardActivityId, verb, data);

  /** Opens a high-urgency request as a contact through message, form and submit, returning the form id and response. */
  const openUrgentRequest = (chat: PersonalChat, description: string) =>
    openRequest(harness, chat, description, { ...PHONE_CALLBACK, urgency: 'high' });

  it('install in the consultant chat registers it', async () => {
    const chat = personalChat(consultant);
    await harness.post(installActivity(chat, harness.connector.url));

    const [reply] = harness.connector.sentTo(chat.conversationId);
    assert.equal(reply?.activity.text, 'Dieser Chat erhält ab jetzt die Berater-Karten. Neue Anfragen von Kunden erscheinen hier.');
    await harness.post(installActivity(consultantChat, harness.connector.url));
  });

  it('greeting shows the German welcome card of the Gold plan', async () => {
    const chat = personalChat(goldContact, 'en-US');
    const reply = await say(chat, 'Hallo');

    const texts = cardTexts(cardOf(reply.activity)).join('\n');
    assert.match(texts, /Jana Becker/);
    assert.match(texts, /Gold Hotline/);
    assert.match(texts, /1 Std\./);
    assert.match(texts, /Mo–Fr 07:00–21:00/);
    assert.match(texts, /8 Std\./);
    assert.match(texts, /\+49 171 5550199/);
    assert.deepEqual(actionVerbs(cardOf(reply.activity)), ['request.form', 'booking.offer', 'booking.list', 'hours.show', 'emergency.start']);
  });

  it('English locale without stored preference gets English', async () => {
    const newcomer = { ...goldContact, id: '29:new-colleague', name: 'Sam Taylor', aadObjectId: '11111111-2222-4333-8444-555555555555' };
    const reply = await say(personalChat(newcomer, 'en-US'), 'Hello');

    assert.match(cardTexts(cardOf(reply.activity)).join('\n'), /Sam Taylor/);
    assert.match(cardTexts(cardOf(reply.activity)).join('\n'), /1 h/);
  });

  it('typed problem opens the form prefilled', async () => {
    const reply = await say(personalChat(goldContact), 'Outlook synchronisiert nicht');

    const card = cardOf(reply.activity);
    assert.equal(card.version, '1.5');
    assert.equal(findById(card, 'description').value, 'Outlook synchronisiert nicht');
    assert.equal(findById(card, 'description').maxLength, 2000);
    assert.equal(findById(card, 'description').isRequired, true);
    assert.equal(findById(card, 'callbackPhone').value, '+49 211 5550101');
    assert.deepEqual(actionVerbs(card), ['request.submit']);
  });

  it('welcome button opens an empty form', async () => {
    const chat = personalChat(goldContact);
    const welcome = await say(chat, 'Hallo');
    const response = await click(chat, welcome.assignedId, 'request.form', {});

    assert.equal(response.type, 'application/vnd.microsoft.card.adaptive');
    assert.equal(findById(response.value, 'description').value ?? '', '');
  });

  it('submit stores the request, answers with the deadline and notifies the consultant', async () => {
    const chat = personalChat(goldContact);
    const { formId, response } = await openUrgentRequest(chat, 'Outlook synchronisiert nicht');

    const number = findNumber(response.value);
    assert.match(number, /^HD-2026-\d{4}$/);
    assert.ok(cardTexts(response.value).includes('Rückruf spätestens Montag, 07.12.2026, 07:30 Uhr'));

    const stored = await requests.get('fabrikam', number);
    assert.ok(stored);
    assert.equal(stored.request.state, 'new');
    assert.equal(stored.request.openedAt, '2026-12-04T20:30:00+01:00');
    assert.equal(stored.request.deadline, '2026-12-07T07:30:00+01:00');
    assert.equal(stored.request.atRiskAt, '2026-12-07T07:15:00+01:00');
    assert.equal(stored.request.guaranteeMinutes, 60);
    assert.equal(stored.request.channel, 'teams');
    assert.equal(stored.request.urgency, 'high');
    assert.equal(stored.request.callbackPhone, '+49 211 5550101');
    assert.equal(stored.request.contactAadObjectId, goldContact.aadObjectId);
    assert.deepEqual(stored.cards.map((copy) => copy.role).sort(), ['consultant', 'requester']);
    assert.equal(stored.cards.find((copy) => copy.role === 'requester')?.activityId, formId);

    const consultantCard = cardOf(harness.connector.sentTo(consultantChat.conversationId).at(-1)?.activity);
    const texts = cardTexts(consultantCard).join('\n');
    assert.match(texts, new RegExp(number));
    assert.match(texts, /Fabrikam Logistik GmbH/);
    assert.match(texts, /Gold Hotline/);
    assert.match(texts, /Montag, 07\.12\.2026, 07:30 Uhr/);
    assert.match(texts, /Noch 59 Std\./);
    assert.deepEqual(actionVerbs(consultantCard), ['request.acknowledge', 'request.callbackDone', 'request.setState', undefined]);
  });

  it('callback done updates the request and both cards', async () => {
    const chat = personalChat(goldContact);
    const { formId, response } = await openUrgentRequest(chat, 'Teams-Besprechungen brechen ab');
    const number = findNumber(response.value);
    const consultantCard = harness.connector.sentTo(consultantChat.conversationId).at(-1)!;

    harness.clock.set('2026-12-07T07:10:00+01:00');
    harness.connector.clear();
    const result = await click(consultantChat, consultantCard.assignedId, 'request.callbackDone', {
      customerId: 'fabrikam',
      number,
    });

    const stored = await requests.get('fabrikam', number);
    assert.equal(stored?.request.state, 'callbackDone');
    assert.equal(stored?.request.firstContactAt, '2026-12-07T07:10:00+01:00');
    assert.equal(stored?.request.slaMet, true);
    assert.deepEqual(actionVerbs(result.value), ['request.setState', 'request.setState', undefined]);
    assert.match(cardTexts(result.value).join('\n'), /SLA eingehalten/);

    const [update] = harness.connector.updatesIn(chat.conversationId);
    assert.equal(update?.activityId, formId);
    assert.match(cardTexts(cardOf(update?.activity)).join('\n'), /Rückruf erfolgt/);
  });

  it('callback after the deadline records a missed SLA', async () => {
    const chat = personalChat(goldContact);
    const { response } = await openUrgentRequest(chat, 'Drucker im Lager offline');
    const number = findNumber(response.value);
    const consultantCard = harness.connector.sentTo(consultantChat.conversationId).at(-1)!;

    harness.clock.set('2026-12-07T07:31:00+01:00');
    const result = await click(consultantChat, consultantCard.assignedId, 'request.callbackDone', { customerId: 'fabrikam', number });

    const stored = await requests.get('fabrikam', number);
    assert.equal(stored?.request.slaMet, false);
    assert.match(cardTexts(result.value).join('\n'), /SLA verfehlt/);
  });

  it('take over then a repeated click changes nothing more', async () => {
    const chat = personalChat(goldContact);
    const { response } = await openUrgentRequest(chat, 'SharePoint-Berechtigungen fehlen');
    const number = findNumber(response.value);
    const consultantCard = harness.connector.sentTo(consultantChat.conversationId).at(-1)!;

    harness.clock.set('2026-12-07T07:05:00+01:00');
    const first = await click(consultantChat, consultantCard.assignedId, 'request.acknowledge', { customerId: 'fabrikam', number });
    const afterFirst = await requests.get('fabrikam', number);
    harness.connector.clear();
    harness.clock.set('2026-12-07T07:06:00+01:00');
    await click(consultantChat, consultantCard.assignedId, 'request.acknowledge', { customerId: 'fabrikam', number });
    const afterSecond = await requests.get('fabrikam', number);

    assert.equal(afterFirst?.request.state, 'acknowledged');
    assert.equal(afterFirst?.request.acknowledgedAt, '2026-12-07T07:05:00+01:00');
    assert.equal(afterSecond?.etag, afterFirst?.etag);
    assert.equal(harness.connector.calls.length, 0);
    assert.deepEqual(actionVerbs(first.value), ['request.callbackDone', 'request.setState', 'request.setState', undefined]);
  });

  it('contact cannot use the consultant actions', async () => {
    const chat = personalChat(goldContact);
    const { formId, response } = await openUrgentRequest(chat, 'Postfach voll');
    const number = findNumber(response.value);

    const result = await click(chat, formId, 'request.callbackDone', { customerId: 'fabrikam', number });

    assert.equal(result.type, 'application/vnd.microsoft.activity.message');
    assert.equal(result.value, 'Diese Aktion ist dem Berater vorbehalten.');
    assert.equal((await requests.get('fabrikam', number))?.request.state, 'new');
  });

  it('tampered card data is rejected without a change', async () => {
    const consultantCard = { assignedId: 'activity-unknown' };

    const wrongCustomer = await click(consultantChat, consultantCard.assignedId, 'request.callbackDone', {
      customerId: 'northwind',
      number: 'HD-2026-0001',
    });
    const malformed = await click(consultantChat, consultantCard.assignedId, 'request.callbackDone', {
      customerId: 'fabrikam',
      number: "HD-2026-0001' or 1 eq 1",
    });

    assert.equal(wrongCustomer.value, 'Die Anfrage HD-2026-0001 wurde nicht gefunden. Bitte prüfen Sie die Nummer.');
    assert.equal(malformed.type, 'application/vnd.microsoft.activity.message');
    assert.equal((await requests.listByCustomer('northwind')).length, 0);
  });

  it('redelivered submit opens one request', async () => {
    const chat = personalChat(goldContact);
    const form = await say(chat, 'VPN verbindet nicht');
    const data = { description: 'VPN verbindet nicht', urgency: 'normal', callbackChannel: 'teams-call' };

    const [first, second] = await Promise.all([
      click(chat, form.assignedId, 'request.submit', data),
      click(chat, form.assignedId, 'request.submit', data),
    ]);
    const third = await click(chat, form.assignedId, 'request.submit', data);

    const opened = (await requests.listByCustomer('fabrikam')).filter((stored) => stored.request.description === 'VPN verbindet nicht');
    assert.equal(opened.length, 1);
    assert.equal(findNumber(third.value), opened[0]!.request.number);
    assert.ok([first, second].some((response) => response.type === 'application/vnd.microsoft.card.adaptive'));
  });

  it('concurrent requests get consecutive numbers', async () => {
    const before = (await requests.listByCustomer('fabrikam')).length;
    const chats = [personalChat(goldContact), personalChat(goldContact), personalChat(goldContact)];
    const forms = await Promise.all(chats.map((chat) => say(chat, 'Gleichzeitige Anfrage')));

    const responses = await Promise.all(
      chats.map((chat, index) => click(chat, forms[index]!.assignedId, 'request.submit', { description: `Gleichzeitig ${index}` })),
    );

    const numbers = responses.map((response) => Number(findNumber(response.value).slice(-4))).sort((a, b) => a - b);
    assert.deepEqual(numbers, [before + 1, before + 2, before + 3]);
  });

  it('empty description returns the form with an error', async () => {
    const chat = personalChat(goldContact);
    const form = await say(chat, 'Neue Anfrage');
    const before = (await requests.listByCustomer('fabrikam')).length;

    const response = await click(chat, form.assignedId, 'request.submit', { description: '   ' });

    assert.equal(findById(response.value, 'description').isRequired, true);
    assert.ok(cardTexts(response.value).includes('Bitte beschreiben Sie Ihr Anliegen, damit die Anfrage angelegt werden kann.'));
    assert.equal((await requests.listByCustomer('fabrikam')).length, before);
  });

  it('oversized description keeps the text and names the limit', async () => {
    const chat = personalChat(goldContact);
    const form = await say(chat, 'Neue Anfrage');
    const text = 'x'.repeat(2500);

    const response = await click(chat, form.assignedId, 'request.submit', { description: text });

    assert.equal(findById(response.value, 'description').value, 'x'.repeat(2000));
    assert.match(cardTexts(response.value).join('\n'), /2\.500 Zeichen lang, erlaubt sind höchstens 2\.000 Zeichen/);
  });

  it('invalid phone number is named in the error', async () => {
    const chat = personalChat(goldContact);
    const form = await say(chat, 'Neue Anfrage');

    const response = await click(chat, form.assignedId, 'request.submit', { description: 'Teams stürzt ab', callbackPhone: 'abc' });

    assert.match(cardTexts(response.value).join('\n'), /„abc“ ist keine gültige Telefonnummer/);
  });

  it('Bronze contact is told the channels of the plan', async () => {
    const chat = personalChat(bronzeContact);
    const reply = await say(chat, 'Outlook synchronisiert nicht');

    assert.equal(
      reply.activity.text,
      'Anfragen über Microsoft Teams sind in Ihrem Paket „Bronze Hotline“ nicht enthalten. ' +
        'Ihr Paket umfasst Telefon. Sie erreichen den Support unter +49 211 5550000.',
    );
    assert.equal((await requests.listByCustomer('contoso-praxis')).length, 0);
  });

  it('unknown tenant is told and the consultant sees a lead', async () => {
    const chat = personalChat(stranger);
    const reply = await say(chat, 'Wir suchen Unterstützung für Microsoft 365');

    assert.match(reply.activity.text, /noch nicht für Hotline Desk registriert/);
    await harness.connector.waitFor((calls) => calls.some((call) => call.conversationId === consultantChat.conversationId));
    const lead = cardOf(harness.connector.sentTo(consultantChat.conversationId).at(-1)?.activity);
    const texts = cardTexts(lead).join('\n');
    assert.match(texts, new RegExp(stranger.tenantId));
    assert.match(texts, /Eva Neumann/);
    assert.match(texts, /Wir suchen Unterstützung für Microsoft 365/);
  });
});
