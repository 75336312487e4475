import assert from 'node:assert/strict';
import { odata, type TableClient } from '@azure/data-tables';
import { RequestRepository } from '../../../src/storage/requests.js';
import type { StorageTables } from '../../../src/storage/tables.js';
import {
  actionVerbs,
  cardOf,
  cardTexts,
  consultant,
  goldContact,
  startDeskHarness,
  type DeskHarness,
} from '../../support/deskHarness.js';
import {
  CARD_RESPONSE,
  clickAction,
  MESSAGE_RESPONSE,
  openRequestForConsultant,
  resetDeskBetweenTests,
  sendMessage,
  startConsultantDesk,
} from '../../support/requestSteps.js';
import { personalChat, type PersonalChat } from '../../support/teamsActivity.js';

/** Monday 2026-12-07, 09:00 in Berlin: inside Gold's window, so the deadline is 10:00. */
const MONDAY_MORNING = '2026-12-07T09:00:00+01:00';

describe('request lifecycle through /api/messages', () => {
  let harness: DeskHarness;
  let requests: RequestRepository;
  let consultantChat: PersonalChat;

  before(async () => {
    ({ harness, consultantChat } = await startConsultantDesk(MONDAY_MORNING));
    requests = new RequestRepository(harness.storage.tables);
  });

  resetDeskBetweenTests(() => harness, MONDAY_MORNING);

  const say = (chat: PersonalChat, text: string) => sendMessage(harness, chat, text);

  const click = (chat: PersonalChat, cardActivityId: string, verb: string, data: Record<string, unknown>) =>
    clickAction(harness, chat, cardActivityId, verb, data);

  /** Opens a Fabrikam request through the form; returns the contact's chat, form id, number and consultant card id. */
  async function openFabrikamRequest(description: string) {
    const chat = personalChat(goldContact);
    const { formId, number, cardId } = await openRequestForConsultant(harness, chat, consultantChat, description);
    return { chat, formId, number, consultantCardId: cardId };
  }

  /** Clicks a consultant action at a given Berlin time. */
  async function consultantClicks(at: string, cardId: string, verb: string, data: Record<string, unknown>) {
    harness.clock.set(at);
    return click(consultantChat, cardId, verb, data);
  }

  it('every change writes one history row', async () => {
    const { number, consultantCardId } = await openFabrikamRequest('Outlook fragt ständig nach dem Kennwort');
    const ref = { customerId: 'fabrikam', number };

    await consultantClicks('2026-12-07T09:05:00+01:00', consultantCardId, 'request.acknowledge', ref);
    await consultantClicks('2026-12-07T09:10:00+01:00', consultantCardId, 'request.callbackDone', ref);
    await consultantClicks('2026-12-07T09:20:00+01:00', consultantCardId, 'request.setState', { ...ref, state: 'inProgress' });
    await consultantClicks('2026-12-07T09:30:00+01:00', consultantCardId, 'request.setState', { ...ref, state: 'waitingForCustomer' });
    await consultantClicks('2026-12-07T09:40:00+01:00', consultantCardId, 'request.setState', { ...ref, state: 'inProgress' });
    await consultantClicks('2026-12-07T10:00:00+01:00', consultantCardId, 'request.setState', {
      ...ref,
      state: 'resolved',
      solution: 'Anmeldeinformationen in der Windows-Anmeldeinformationsverwaltung gelöscht.',
    });
    await consultantClicks('2026-12-07T10:10:00+01:00', consultantCardId, 'request.setState', { ...ref, state: 'inProgress' });
    await consultantClicks('2026-12-07T10:20:00+01:00', consultantCardId, 'request.setState', {
      ...ref,
      state: 'resolved',
      solution: 'Modern Authentication aktiviert.',
    });
    await consultantClicks('2026-12-07T10:30:00+01:00', consultantCardId, 'request.setState', { ...ref, state: 'closed' });

    const history = await requests.listHistory('fabrikam', number);
    assert.deepEqual(
      history.map((entry) => [entry.sequence, entry.at, entry.action, entry.from, entry.to, entry.actor, entry.note]),
      [
        [1, '2026-12-07T09:05:00+01:00', 'acknowledge', 'new', 'acknowledged', 'Sebastian Krüger', undefined],
        [2, '2026-12-07T09:10:00+01:00', 'callback', 'acknowledged', 'callbackDone', 'Sebastian Krüger', undefined],
        [3, '2026-12-07T09:20:00+01:00', 'stateChange', 'callbackDone', 'inProgress', 'Sebastian Krüger', undefined],
        [4, '2026-12-07T09:30:00+01:00', 'stateChange', 'inProgress', 'waitingForCustomer', 'Sebastian Krüger', undefined],
        [5, '2026-12-07T09:40:00+01:00', 'stateChange', 'waitingForCustomer', 'inProgress', 'Sebastian Krüger', undefined],
        [
          6,
          '2026-12-07T10:00:00+01:00',
          'stateChange',
          'inProgress',
          'resolved',
          'Sebastian Krüger',
          'Anmeldeinformationen in der Windows-Anmeldeinformationsverwaltung gelöscht.',
        ],
        [7, '2026-12-07T10:10:00+01:00', 'stateChange', 'resolved', 'inProgress', 'Sebastian Krüger', undefined],
        [8, '2026-12-07T10:20:00+01:00', 'stateChange', 'inProgress', 'resolved', 'Sebastian Krüger', 'Modern Authentication aktiviert.'],
        [9, '2026-12-07T10:30:00+01:00', 'stateChange', 'resolved', 'closed', 'Sebastian Krüger', undefined],
      ],
    );

    const stored = await requests.get('fabrikam', number);
    assert.equal(stored?.request.state, 'closed');
    assert.equal(stored?.request.solution, 'Modern Authentication aktiviert.');
    assert.equal(stored?.request.resolvedAt, '2026-12-07T10:20:00+01:00');
    assert.equal(stored?.historyCount, 9);
  });

  it('history rows share the request partition', async () => {
    const { number, consultantCardId } = await openFabrikamRequest('Teams-Kalender fehlt');
    harness.clock.set('2026-12-07T09:05:00+01:00');
    await click(consultantChat, consultantCardId, 'request.acknowledge', { customerId: 'fabrikam', number });

    const rows = await listRows(harness.storage.tables.requests, 'fabrikam', number);
    assert.deepEqual(
      rows.map((row) => row.rowKey),
      [number, `${number}|history|2026-12-07T08:05:00.000Z-000001`],
    );
    const historyRow = rows[1]!;
    assert.equal(historyRow.partitionKey, 'fabrikam');
    assert.equal(historyRow.fromState, 'new');
    assert.equal(historyRow.toState, 'acknowledged');
    assert.equal(historyRow.actor, 'Sebastian Krüger');
    assert.equal(historyRow.at, '2026-12-07T09:05:00+01:00');
    assert.equal(rows[0]!.historyCount, 1);
  });

  it('listings skip history rows', async () => {
    const { number, consultantCardId } = await openFabrikamRequest('Freigabe für Lager-Laufwerk');
    await click(consultantChat, consultantCardId, 'request.acknowledge', { customerId: 'fabrikam', number });

    const byCustomer = await requests.listByCustomer('fabrikam');
    const open = await requests.listOpen();

    assert.ok(byCustomer.length > 0);
    assert.ok(byCustomer.every((stored) => /^HD-\d{4}-\d{4,}$/.test(stored.request.number)));
    assert.equal(byCustomer.filter((stored) => stored.request.number === number).length, 1);
    assert.equal(open.filter((stored) => stored.request.number === number).length, 1);
  });

  it('forbidden transition on the card changes nothing', async () => {
    const { number, consultantCardId } = await openFabrikamRequest('Altes Postfach archivieren');
    const ref = { customerId: 'fabrikam', number };
    await click(consultantChat, consultantCardId, 'request.setState', { ...ref, state: 'resolved', solution: 'Archiviert.' });
    await click(consultantChat, consultantCardId, 'request.setState', { ...ref, state: 'closed' });
    const before = await requests.get('fabrikam', number);
    harness.connector.clear();

    const response = await click(consultantChat, consultantCardId, 'request.setState', { ...ref, state: 'inProgress' });

    assert.equal(response.type, MESSAGE_RESPONSE);
    assert.equal(
      response.value,
      `Die Anfrage ${number} ist „geschlossen“ und kann nicht auf „in Arbeit“ gesetzt werden. Es wurde nichts geändert.`,
    );
    const after = await requests.get('fabrikam', number);
    assert.equal(after?.etag, before?.etag);
    assert.equal(after?.request.state, 'closed');
    assert.equal((await requests.listHistory('fabrikam', number)).length, 2);
    assert.equal(harness.connector.calls.length, 0);
  });

  it('new to waiting is rejected', async () => {
    const { number, consultantCardId } = await openFabrikamRequest('Drucker druckt leere Seiten');

    const response = await click(consultantChat, consultantCardId, 'request.setState', {
      customerId: 'fabrikam',
      number,
      state: 'waitingForCustomer',
    });

    assert.equal(response.value, `Die Anfrage ${number} ist „neu“ und kann nicht auf „wartet auf Kunde“ gesetzt werden. Es wurde nichts geändert.`);
    assert.equal((await requests.get('fabrikam', number))?.request.state, 'new');
    assert.deepEqual(await requests.listHistory('fabrikam', number), []);
  });

  it('resolve without solution is rejected', async () => {
    const { number, consultantCardId } = await openFabrikamRequest('OneDrive synchronisiert nicht');

    const response = await click(consultantChat, consultantCardId, 'request.setState', {
      customerId: 'fabrikam',
      number,
      state: 'resolved',
      solution: '   ',
    });

    assert.equal(response.type, MESSAGE_RESPONSE);
    assert.equal(response.value, 'Bitte beschreiben Sie die Lösung, bevor Sie die Anfrage als gelöst markieren. Es wurde nichts geändert.');
    assert.equal((await requests.get('fabrikam', number))?.request.state, 'new');
    assert.deepEqual(await requests.listHistory('fabrikam', number), []);
  });

  it('unknown target state is invalid card data', async () => {
    const { number, consultantCardId } = await openFabrikamRequest('SharePoint-Seite lädt langsam');

    const response = await click(consultantChat, consultantCardId, 'request.setState', { customerId: 'fabrikam', number, state: 'new' });

    assert.equal(response.value, 'Diese Karte enthält keine gültige Anfragenummer und kann nicht verarbeitet werden.');
    assert.deepEqual(await requests.listHistory('fabrikam', number), []);
  });

  it('contact cannot change the state', async () => {
    const { chat, formId, number } = await openFabrikamRequest('Kalenderfreigabe fehlt');

    const response = await click(chat, formId, 'request.setState', { customerId: 'fabrikam', number, state: 'inProgress' });

    assert.equal(response.value, 'Diese Aktion ist dem Berater vorbehalten.');
    assert.equal((await requests.get('fabrikam', number))?.request.state, 'new');
  });

  it('redelivered state change writes one row', async () => {
    const { number, consultantCardId } = await openFabrikamRequest('Mailweiterleitung einrichten');
    const data = { customerId: 'fabrikam', number, state: 'inProgress' };

    const responses = await Promise.all([
      click(consultantChat, consultantCardId, 'request.setState', data),
      click(consultantChat, consultantCardId, 'request.setState', data),
    ]);

    assert.deepEqual(responses.map((response) => response.type), [CARD_RESPONSE, CARD_RESPONSE]);
    const history = await requests.listHistory('fabrikam', number);
    assert.deepEqual(history.map((entry) => [entry.from, entry.to]), [['new', 'inProgress']]);
  });

  it('consultant card shows the next actions', async () => {
    const { number, consultantCardId } = await openFabrikamRequest('Lizenz zuweisen');

    const response = await click(consultantChat, consultantCardId, 'request.setState', { customerId: 'fabrikam', number, state: 'inProgress' });

    assert.equal(response.type, CARD_RESPONSE);
    assert.ok(cardTexts(response.value).includes('Status in Arbeit'));
    assert.deepEqual(actionVerbs(response.value), ['request.setState', undefined]);
    assert.equal(response.value.actions[0].title, 'Wartet auf Kunde');
    assert.equal(response.value.actions[1].title, 'Gelöst');
  });

  it('callback updates and tells the requester', async () => {
    const { chat, formId, number, consultantCardId } = await openFabrikamRequest('Teams-Besprechungen brechen ab');
    harness.connector.clear();

    harness.clock.set('2026-12-07T09:25:00+01:00');
    await click(consultantChat, consultantCardId, 'request.callbackDone', { customerId: 'fabrikam', number });
    await click(consultantChat, consultantCardId, 'request.callbackDone', { customerId: 'fabrikam', number });

    const [update] = harness.connector.updatesIn(chat.conversationId);
    assert.equal(update?.activityId, formId);
    const texts = cardTexts(cardOf(update?.activity));
    assert.ok(texts.includes('Rückruf erfolgt: Montag, 07.12.2026, 09:25 Uhr'), JSON.stringify(texts));
    assert.ok(texts.includes('Status Rückruf erfolgt'));

    const messages = harness.connector.sentTo(chat.conversationId).map((call) => call.activity.text);
    assert.deepEqual(messages, [`Der Rückruf zu Ihrer Anfrage ${number} ist erfolgt und im Verlauf vermerkt.`]);
  });

  it('resolve updates and tells the requester', async () => {
    const { chat, formId, number, consultantCardId } = await openFabrikamRequest('Outlook-Suche findet nichts');
    harness.connector.clear();

    harness.clock.set('2026-12-07T09:50:00+01:00');
    const response = await click(consultantChat, consultantCardId, 'request.setState', {
      customerId: 'fabrikam',
      number,
      state: 'resolved',
      solution: 'Suchindex neu aufgebaut.',
    });

    assert.ok(cardTexts(response.value).includes('Status gelöst'));
    assert.deepEqual(
      response.value.actions.map((action: any) => action.title),
      ['Schließen', 'Wieder öffnen'],
    );

    const [update] = harness.connector.updatesIn(chat.conversationId);
    assert.equal(update?.activityId, formId);
    const texts = cardTexts(cardOf(update?.activity));
    assert.ok(texts.includes('Gelöst: Montag, 07.12.2026, 09:50 Uhr'), JSON.stringify(texts));
    assert.ok(texts.includes('Status gelöst'));
    assert.ok(texts.includes('Suchindex neu aufgebaut.'));

    const messages = harness.connector.sentTo(chat.conversationId).map((call) => call.activity.text);
    assert.deepEqual(messages, [`Ihre Anfrage ${number} wurde gelöst. Lösung: Suchindex neu aufgebaut.`]);
  });

  it('state change updates the consultant copy', async () => {
    const { number, consultantCardId } = await openFabrikamRequest('Mobilgerät einrichten');
    harness.connector.clear();

    // The click comes from another copy, so the stored consultant copy must be updated in place.
    await click(consultantChat, 'activity-other-copy', 'request.setState', { customerId: 'fabrikam', number, state: 'inProgress' });

    const update = harness.connector.updatesIn(consultantChat.conversationId).find((call) => call.activityId === consultantCardId);
    assert.ok(update, 'consultant copy not updated');
    assert.ok(cardTexts(cardOf(update.activity)).includes('Status in Arbeit'));
  });
});

describe('request history transaction', () => {
  let harness: DeskHarness;

  before(async () => {
    harness = await startDeskHarness(MONDAY_MORNING);
  });

  after(async () => {
    await harness.stop();
  });

  it('lost ETag race leaves no history row', async () => {
    const plain = new RequestRepository(harness.storage.tables);
    await plain.create(sampleRow('HD-2026-0901'));

    // The first transaction meets a row that another writer changed after it was read.
    let interfered = false;
    const interfering = withTransactionHook(harness.storage.tables, async () => {
      if (interfered) return;
      interfered = true;
      await plain.update('fabrikam', 'HD-2026-0901', (current) => ({ ...current, request: { ...current.request, state: 'acknowledged' } }));
    });
    const repository = new RequestRepository(interfering);

    const seenStates: string[] = [];
    await repository.updateWithHistory('fabrikam', 'HD-2026-0901', (current) => {
      seenStates.push(current.request.state);
      return {
        next: { ...current, request: { ...current.request, state: 'inProgress' } },
        history: [{ action: 'stateChange', at: '2026-12-07T09:15:00+01:00', actor: 'Test', from: current.request.state, to: 'inProgress' }],
      };
    });

    assert.deepEqual(seenStates, ['new', 'acknowledged']);
    const history = await plain.listHistory('fabrikam', 'HD-2026-0901');
    assert.deepEqual(history.map((entry) => [entry.sequence, entry.from, entry.to]), [[1, 'acknowledged', 'inProgress']]);
    assert.equal((await plain.get('fabrikam', 'HD-2026-0901'))?.request.state, 'inProgress');
  });

  it('concurrent changes get distinct sequence numbers', async () => {
    const repository = new RequestRepository(harness.storage.tables);
    await repository.create(sampleRow('HD-2026-0902'));

    const note = (text: string) => (current: any) => ({
      next: current,
      history: [{ action: 'stateChange' as const, at: '2026-12-07T09:15:00+01:00', actor: 'Test', from: 'new' as const, to: 'new' as const, note: text }],
    });
    await Promise.all([
      repository.updateWithHistory('fabrikam', 'HD-2026-0902', note('eins')),
      repository.updateWithHistory('fabrikam', 'HD-2026-0902', note('zwei')),
      repository.updateWithHistory('fabrikam', 'HD-2026-0902', note('drei')),
    ]);

    const history = await repository.listHistory('fabrikam', 'HD-2026-0902');
    assert.deepEqual(history.map((entry) => entry.sequence), [1, 2, 3]);
    assert.deepEqual(history.map((entry) => entry.note).sort(), ['drei', 'eins', 'zwei']);
    assert.equal((await repository.get('fabrikam', 'HD-2026-0902'))?.historyCount, 3);
  });
});

/** Reads the request row and its history rows straight from the table, in RowKey order. */
async function listRows(table: TableClient, customerId: string, number: string) {
  const rows: Record<string, any>[] = [];
  const filter = odata`PartitionKey eq ${customerId} and RowKey ge ${number} and RowKey lt ${`${number}|history}`}`;
  for await (const row of table.listEntities({ queryOptions: { filter } })) rows.push(row);
  return rows;
}

/** Returns table clients whose requests client runs `hook` before each submitTransaction. */
function withTransactionHook(tables: StorageTables, hook: () => Promise<void>): StorageTables {
  const requests = new Proxy(tables.requests, {
    get(target, property, receiver) {
      if (property === 'submitTransaction') {
        return async (...args: Parameters<TableClient['submitTransaction']>) => {
          await hook();
          return target.submitTransaction(...args);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ...tables, requests };
}

function sampleRow(number: string) {
  return {
    number,
    customerId: 'fabrikam',
    planId: 'gold',
    emergency: false,
    description: 'Testanfrage',
    urgency: 'normal' as const,
    callbackChannel: 'phone' as const,
    channel: 'teams' as const,
    contactAadObjectId: goldContact.aadObjectId,
    contactName: goldContact.name,
    state: 'new' as const,
    openedAt: '2026-12-07T09:00:00+01:00',
    deadline: '2026-12-07T10:00:00+01:00',
    guaranteeMinutes: 60,
  };
}
