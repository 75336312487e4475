import assert from 'node:assert/strict';
import { DeliveryRepository } from '../../../src/storage/deliveries.js';
import { TimeEntryRepository } from '../../../src/storage/timeEntries.js';
import { cardOf, cardTexts, consultant, goldContact, type DeskHarness } from '../../support/deskHarness.js';
import {
  assertShows,
  CARD_RESPONSE,
  clickAction,
  MESSAGE_RESPONSE,
  openRequestForConsultant,
  resetDeskBetweenTests,
  startConsultantDesk,
} from '../../support/requestSteps.js';
import { actionExecuteActivity, personalChat, type PersonalChat } from '../../support/teamsActivity.js';

/** Monday 2026-12-07, 09:00 in Berlin. */
const MONDAY_MORNING = '2026-12-07T09:00:00+01:00';

describe('time logging from the consultant card through /api/messages', function () {
  // Twenty parallel invokes each compute a statement, which takes several seconds on a shared machine.
  this.timeout(30_000);
  let harness: DeskHarness;
  let timeEntries: TimeEntryRepository;
  let consultantChat: PersonalChat;

  before(async () => {
    ({ harness, consultantChat } = await startConsultantDesk(MONDAY_MORNING));
    timeEntries = new TimeEntryRepository(harness.storage.tables);
  });

  resetDeskBetweenTests(() => harness, MONDAY_MORNING);

  const click = (chat: PersonalChat, cardActivityId: string, verb: string, data: Record<string, unknown>) =>
    clickAction(harness, chat, cardActivityId, verb, data);

  /** Opens a Fabrikam request through the form; returns its number and the consultant card's activity id. */
  async function openFabrikamRequest(description: string) {
    const { number, cardId } = await openRequestForConsultant(harness, personalChat(goldContact), consultantChat, description);
    return { number, cardId };
  }

  async function entriesOf(number: string) {
    const all = await timeEntries.listMonths('fabrikam', '2026-12', '2026-12');
    return all.filter((entry) => entry.request === number);
  }

  it('stores raw minutes and answers with billed minutes', async () => {
    const { number, cardId } = await openFabrikamRequest('Drucker im Lager druckt nicht');

    harness.clock.set('2026-12-07T10:00:00+01:00');
    const response = await click(consultantChat, cardId, 'time.log', {
      customerId: 'fabrikam',
      number,
      minutes: '20',
      type: 'support',
      note: 'Treiber neu installiert',
    });

    assert.equal(response.type, CARD_RESPONSE);
    const texts = cardTexts(response.value);
    assertShows(texts, 'Zeit erfasst: 20 Min. Support, abgerechnet 30 Min. (jeder Eintrag wird auf 15 Min. aufgerundet).');
    assert.ok(texts.some((text) => text.includes(number)), 'the card names the request');

    const body = JSON.stringify(response.value);
    assert.ok(body.includes('"verb":"request.acknowledge"'), 'the card keeps "Übernehmen"');
    assert.ok(body.includes('"verb":"time.log"'), 'the card keeps "Zeit erfassen"');
    assert.ok(body.includes('"verb":"overage.request"'), 'the card keeps "Mehrstunden anfragen"');

    const entries = await entriesOf(number);
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.minutes, 20);
    assert.equal(entries[0]!.type, 'support');
    assert.equal(entries[0]!.note, 'Treiber neu installiert');
    assert.equal(entries[0]!.start, '2026-12-07T08:40:00.000Z');
    assert.equal(entries[0]!.createdBy, consultant.name);
  });

  it('rejects invalid fields and stores nothing', async () => {
    const { number, cardId } = await openFabrikamRequest('VPN verbindet nicht');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ minutes: 'zehn', type: 'support' }, '„zehn“ ist keine gültige Minutenzahl. Bitte geben Sie eine ganze Zahl von 1 bis 1.440 ein. Es wurde nichts gespeichert.'],
      [{ minutes: '0', type: 'support' }, '„0“ ist keine gültige Minutenzahl. Bitte geben Sie eine ganze Zahl von 1 bis 1.440 ein. Es wurde nichts gespeichert.'],
      [{ minutes: '1441', type: 'support' }, '„1441“ ist keine gültige Minutenzahl. Bitte geben Sie eine ganze Zahl von 1 bis 1.440 ein. Es wurde nichts gespeichert.'],
      [{ minutes: '12.5', type: 'support' }, '„12.5“ ist keine gültige Minutenzahl. Bitte geben Sie eine ganze Zahl von 1 bis 1.440 ein. Es wurde nichts gespeichert.'],
      [{ minutes: '30', type: 'vacation' }, 'Bitte wählen Sie als Art Support, Projektarbeit, Notfall oder Vor Ort. Es wurde nichts gespeichert.'],
      [{ minutes: '30', type: 'support', note: 'x'.repeat(4001) }, 'Die Notiz darf höchstens 4.000 Zeichen lang sein. Es wurde nichts gespeichert.'],
    ];

    for (const [fields, message] of cases) {
      const response = await click(consultantChat, cardId, 'time.log', { customerId: 'fabrikam', number, ...fields });
      assert.equal(response.type, MESSAGE_RESPONSE, JSON.stringify(fields).slice(0, 80));
      assert.equal(response.value, message);
    }
    const malformed = await click(consultantChat, cardId, 'time.log', { customerId: 'fabrikam', number, minutes: { value: 5 } });
    assert.equal(malformed.value, 'Diese Karte enthält keine gültige Anfragenummer und kann nicht verarbeitet werden.');

    assert.equal((await entriesOf(number)).length, 0);
  });

  it('rejects a time log from a contact', async () => {
    const { number, cardId } = await openFabrikamRequest('Teams-Telefonie ohne Ton');
    const contactChat = personalChat(goldContact);

    const response = await click(contactChat, cardId, 'time.log', { customerId: 'fabrikam', number, minutes: '30', type: 'support' });

    assert.equal(response.value, 'Diese Aktion ist dem Berater vorbehalten.');
    assert.equal((await entriesOf(number)).length, 0);
  });

  it('stores a redelivered invoke once', async () => {
    const { number, cardId } = await openFabrikamRequest('SharePoint-Freigabe fehlt');
    const invoke = actionExecuteActivity(consultantChat, harness.connector.url, cardId, 'time.log', {
      customerId: 'fabrikam',
      number,
      minutes: '15',
      type: 'project',
    });

    await harness.post(invoke);
    const again = await harness.post(invoke);

    assert.equal(again.status, 200);
    assert.equal(again.body.type, CARD_RESPONSE);
    const entries = await entriesOf(number);
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.type, 'project');
  });

  it('20 simultaneous logs lose nothing', async () => {
    const { number, cardId } = await openFabrikamRequest('Migration der Postfächer');

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        click(consultantChat, cardId, 'time.log', { customerId: 'fabrikam', number, minutes: String(index + 1), type: 'project' }),
      ),
    );

    for (const response of responses) assert.equal(response.type, CARD_RESPONSE);
    const entries = await entriesOf(number);
    assert.equal(entries.length, 20);
    assert.equal(
      entries.reduce((sum, entry) => sum + entry.minutes, 0),
      210,
    );
    assert.deepEqual(
      entries.map((entry) => entry.minutes).sort((left, right) => left - right),
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
  });
});

describe('hours warnings through /api/messages', function () {
  this.timeout(30_000);
  let harness: DeskHarness;
  let consultantChat: PersonalChat;
  let deliveries: DeliveryRepository;

  before(async () => {
    ({ harness, consultantChat } = await startConsultantDesk(MONDAY_MORNING));
    deliveries = new DeliveryRepository(harness.storage.tables);
  });

  after(async () => {
    await harness.stop();
  });

  const click = (chat: PersonalChat, cardActivityId: string, verb: string, data: Record<string, unknown>) =>
    clickAction(harness, chat, cardActivityId, verb, data);

  function warningCards(): string[] {
    return harness.connector
      .sentTo(consultantChat.conversationId)
      .map((call) => cardOf(call.activity))
      .filter((card) => card !== undefined)
      .map((card) => cardTexts(card)[0] ?? '')
      .filter((title) => title.includes('des Kontingents erreicht'));
  }

  it('warns at 80 and 100 percent once per month', async () => {
    const { number, cardId } = await openRequestForConsultant(harness, personalChat(goldContact), consultantChat, 'Exchange-Migration vorbereiten');
    const log = (minutes: number) => click(consultantChat, cardId, 'time.log', { customerId: 'fabrikam', number, minutes: String(minutes), type: 'support' });

    // Gold includes 8 h = 480 min; 80 % is 384 min. Six parallel entries of 60 min reach 360 min.
    await Promise.all(Array.from({ length: 6 }, () => log(60)));
    assert.deepEqual(warningCards(), []);

    // Two parallel entries of 15 min reach 390 min: exactly one 80 % warning.
    await Promise.all([log(15), log(15)]);
    assert.deepEqual(warningCards(), ['Fabrikam Logistik GmbH: 80 % des Kontingents erreicht']);

    // 435 min, then 495 min: the 100 % warning goes out at 15 min overage, and later entries add no warning.
    await log(45);
    await log(60);
    await Promise.all([log(60), log(10)]);
    assert.deepEqual(warningCards(), [
      'Fabrikam Logistik GmbH: 80 % des Kontingents erreicht',
      'Fabrikam Logistik GmbH: 100 % des Kontingents erreicht',
    ]);

    const hundred = await deliveries.get({ customerId: 'fabrikam', kind: 'hoursWarning', subject: '2026-12|100' });
    assert.equal(hundred?.state, 'sent');
    const card = cardOf(
      harness.connector.sentTo(consultantChat.conversationId).find((call) => cardTexts(cardOf(call.activity) ?? {})[0]?.includes('100 %'))!.activity,
    );
    const texts = cardTexts(card);
    assertShows(texts, 'Verbraucht gesamt 8 Std. 15 Min.');
    assertShows(texts, 'davon aus dem Kontingent 8 Std. / 8 Std.');
    assertShows(texts, 'Mehrstunden 15 Min.');
    assertShows(texts, 'Monat Dezember 2026');
    assertShows(texts, 'Mehrstunden ohne Freigabe 15 Min.');
    assertShows(texts, 'Weitere Arbeit braucht eine Freigabe von Mehrstunden durch den Kunden.');
  });

  it('sends a warning the command line recorded on the next tick', async () => {
    // A due row as `desk time add` records it for Northwind (Enterprise, 50 h).
    await deliveries.record({ customerId: 'northwind', kind: 'hoursWarning', subject: '2026-12|80' }, '2026-12-07T08:00:00.000Z');
    harness.connector.clear();

    const first = await harness.desk.pendingDeliveries.tick();
    const second = await harness.desk.pendingDeliveries.tick();

    assert.equal(first.unsent, 1);
    assert.equal(second.unsent, 0);
    assert.deepEqual(warningCards(), ['Northwind Energie AG: 80 % des Kontingents erreicht']);
  });
});

describe('unapproved overage on the time log answer', function () {
  this.timeout(30_000);
  let harness: DeskHarness;
  let consultantChat: PersonalChat;

  before(async () => {
    ({ harness, consultantChat } = await startConsultantDesk(MONDAY_MORNING));
  });

  after(async () => {
    await harness.stop();
  });

  const click = (chat: PersonalChat, cardActivityId: string, verb: string, data: Record<string, unknown>) =>
    clickAction(harness, chat, cardActivityId, verb, data);

  it('time beyond approved hours is flagged', async () => {
    const { number, cardId } = await openRequestForConsultant(harness, personalChat(goldContact), consultantChat, 'Server-Umzug');
    const log = (target: PersonalChat, minutes: string) =>
      click(target, cardId, 'time.log', { customerId: 'fabrikam', number, minutes, type: 'support' });

    // Gold includes 480 minutes: reaching them exactly leaves no unapproved overage.
    const full = await log(consultantChat, '480');
    assert.equal(full.value.body[0].style, 'good');
    assertShows(cardTexts(full.value), 'Zeit erfasst: 8 Std. Support, abgerechnet 8 Std. (jeder Eintrag wird auf 15 Min. aufgerundet).');

    // 20 minutes more are billed as 30 minutes beyond the pool, and nothing is approved.
    const beyond = await log(consultantChat, '20');
    assert.equal(beyond.value.body[0].style, 'attention');
    assertShows(
      cardTexts(beyond.value),
      'Zeit erfasst: 20 Min. Support, abgerechnet 30 Min. (jeder Eintrag wird auf 15 Min. aufgerundet). ' +
        'Achtung: Im Monat 2026-12 sind 30 Min. Mehrstunden ohne Freigabe angefallen. Sie werden nicht berechnet, solange der Kunde keine ' +
        'Mehrstunden freigibt. Fragen Sie über „Mehrstunden anfragen“ eine Freigabe an.',
    );

    const english = await log(personalChat(consultant, 'en-US'), '15');
    assertShows(
      cardTexts(english.value),
      'Time logged: 15 min support, billed 15 min (each entry is rounded up to 15 min). ' +
        'Note: 2026-12 has 45 min of extra hours without approval. They are not billed unless the customer approves ' +
        'extra hours. Use "Request extra hours" to ask for an approval.',
    );
  });
});
