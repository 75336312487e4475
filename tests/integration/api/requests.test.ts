import assert from 'node:assert/strict';
import { RequestRepository } from '../../../src/storage/requests.js';
import { TimeEntryRepository } from '../../../src/storage/timeEntries.js';
import { cardOf, cardTexts, consultant, goldContact, startDeskHarness, type DeskHarness } from '../../support/deskHarness.js';
import { actionExecuteActivity, installActivity, messageActivity, personalChat, type PersonalChat } from '../../support/teamsActivity.js';
import { CLIENT_ID, EntraStandIn, callApi } from './tokenFixture.js';

/** Monday 2026-12-07, 09:00 in Berlin: inside Gold's window 07:00-21:00, so a Teams request is due at 10:00. */
const MONDAY_MORNING = '2026-12-07T09:00:00+01:00';

describe('tab API requests', () => {
  const entra = new EntraStandIn();
  let harness: DeskHarness;
  let requests: RequestRepository;
  let consultantChat: PersonalChat;

  before(async () => {
    await entra.start();
    harness = await startDeskHarness(MONDAY_MORNING, { TAB_SSO_CLIENT_ID: CLIENT_ID, TAB_JWKS_URL: entra.jwksUrl });
    requests = new RequestRepository(harness.storage.tables);
    consultantChat = personalChat(consultant);
    await harness.post(installActivity(consultantChat, harness.connector.url));
  });

  after(async () => {
    await harness.stop();
    await entra.stop();
  });

  beforeEach(() => {
    harness.clock.set(MONDAY_MORNING);
    harness.connector.clear();
  });

  /** Calls the tab API as the consultant with a token issued at the harness's now. */
  async function api(method: string, path: string, body?: unknown) {
    const token = await entra.sign({ issuedAt: harness.clock.now() });
    return callApi(harness.desk.url, method, path, { token, body });
  }

  /** Opens a Fabrikam request through the bot's form; returns its number and the contact's chat. */
  async function openThroughTeams(description: string) {
    const chat = personalChat(goldContact);
    await harness.post(messageActivity(chat, harness.connector.url, description));
    const form = harness.connector.sentTo(chat.conversationId).at(-1);
    assert.ok(form, 'the bot sent no request form');
    const { body } = await harness.post(
      actionExecuteActivity(chat, harness.connector.url, form.assignedId, 'request.submit', {
        description,
        urgency: 'normal',
        callbackPhone: '+49 211 5550101',
        callbackChannel: 'phone',
      }),
    );
    const match = /HD-\d{4}-\d{4,}/.exec(cardTexts(body.value).join('\n'));
    assert.ok(match, 'no request number on the confirmation card');
    return { number: match[0], chat };
  }

  /** Logs a Fabrikam call through the API. */
  async function logCall(calledAt: string, description: string, channel = 'phone') {
    return api('POST', '/requests', {
      customerId: 'fabrikam',
      channel,
      calledAt,
      contactName: 'Jana Becker',
      description,
      urgency: 'high',
      callbackPhone: '+49 211 5550101',
    });
  }

  it('request opened in Teams appears in the queue', async () => {
    const { number } = await openThroughTeams('Drucker im Lager druckt nicht');

    const { status, body } = await api('GET', '/requests?customerId=fabrikam');

    assert.equal(status, 200);
    const item = body.items.find((candidate: any) => candidate.number === number);
    assert.ok(item, `request ${number} missing from the queue`);
    assert.equal(item.customerName, 'Fabrikam Logistik GmbH');
    assert.equal(item.description, 'Drucker im Lager druckt nicht');
    assert.equal(item.channel, 'teams');
    assert.equal(item.state, 'new');
    assert.equal(item.emergency, false);
    assert.equal(item.openedAt, '2026-12-07T09:00:00+01:00');
    assert.equal(item.deadline, '2026-12-07T10:00:00+01:00');
    assert.equal(item.atRiskAt, '2026-12-07T09:45:00+01:00');
    assert.equal(item.slaStatus, 'onTrack');
  });

  it('queue orders by deadline and shows the SLA status', async () => {
    // Friday 20:30: 30 minutes until 21:00, the other 30 on Monday from 07:00, so due Monday 07:30.
    const late = await logCall('2026-12-04T20:30:00+01:00', 'Freitagabend angerufen');
    const soon = await logCall('2026-12-07T08:40:00+01:00', 'Heute früh angerufen');

    const { body } = await api('GET', '/requests?customerId=fabrikam&channel=phone');
    const numbers = body.items.map((item: any) => item.number);

    assert.ok(numbers.indexOf(late.body.number) < numbers.indexOf(soon.body.number));
    const lateItem = body.items.find((item: any) => item.number === late.body.number);
    assert.equal(lateItem.deadline, '2026-12-07T07:30:00+01:00');
    assert.equal(lateItem.slaStatus, 'breached');
    const soonItem = body.items.find((item: any) => item.number === soon.body.number);
    assert.equal(soonItem.deadline, '2026-12-07T09:40:00+01:00');
    assert.equal(soonItem.slaStatus, 'onTrack');

    harness.clock.set('2026-12-07T09:25:00+01:00');
    const atRisk = await api('GET', '/requests?customerId=fabrikam&channel=phone');
    assert.equal(atRisk.body.items.find((item: any) => item.number === soon.body.number).slaStatus, 'atRisk');
  });

  it('call gets its deadline from calledAt', async () => {
    const { status, body } = await logCall('2026-12-07T08:15:00+01:00', 'Anruf: Teams startet nicht');

    assert.equal(status, 201);
    assert.match(body.number, /^HD-2026-\d{4}$/);
    assert.equal(body.channel, 'phone');
    assert.equal(body.openedAt, '2026-12-07T08:15:00+01:00');
    assert.equal(body.deadline, '2026-12-07T09:15:00+01:00');
    assert.equal(body.atRiskAt, '2026-12-07T09:00:00+01:00');
    assert.equal(body.urgency, 'high');
    assert.equal(body.callbackPhone, '+49 211 5550101');

    const stored = await requests.get('fabrikam', body.number);
    assert.equal(stored?.request.openedAt, '2026-12-07T08:15:00+01:00');
    assert.equal(stored?.request.deadline, '2026-12-07T09:15:00+01:00');
    assert.equal(stored?.request.contactName, 'Jana Becker');
  });

  it('call given in UTC is stored in Berlin time', async () => {
    const { body } = await logCall('2026-12-07T07:20:00Z', 'Anruf in UTC erfasst');

    assert.equal(body.openedAt, '2026-12-07T08:20:00+01:00');
    assert.equal(body.deadline, '2026-12-07T09:20:00+01:00');
  });

  it('emergency-line call gets the emergency deadline', async () => {
    // Sunday 22:00: Gold has no weekend window, so the 120-minute emergency line is due first.
    const { status, body } = await logCall('2026-12-06T22:00:00+01:00', 'Server ausgefallen', 'emergency-line');

    assert.equal(status, 201);
    assert.equal(body.emergency, true);
    assert.equal(body.channel, 'emergency-line');
    assert.equal(body.deadline, '2026-12-07T00:00:00+01:00');
  });

  it('call in the future is rejected', async () => {
    const { status, body } = await logCall('2026-12-07T09:05:00+01:00', 'Anruf aus der Zukunft');

    assert.equal(status, 422);
    assert.equal(body.code, 'unprocessable');
    assert.deepEqual(body.issues.map((issue: any) => issue.field), ['body.calledAt']);
    assert.equal(body.issues[0].code, 'callInFuture');
  });

  it('call older than seven days is rejected', async () => {
    const { status, body } = await logCall('2026-11-30T08:59:00+01:00', 'Alter Anruf');

    assert.equal(status, 422);
    assert.deepEqual(body.issues.map((issue: any) => issue.field), ['body.calledAt']);
    assert.equal(body.issues[0].code, 'callTooOld');
    assert.deepEqual(body.issues[0].params, { maxDays: 7 });
  });

  it('call with invalid fields is 400 naming them', async () => {
    const { status, body } = await api('POST', '/requests', {
      customerId: 'fabrikam',
      channel: 'teams',
      calledAt: '2026-12-07 08:00',
      contactName: '',
      description: 'x',
      callbackPhone: 'call me',
    });

    assert.equal(status, 400);
    assert.equal(body.code, 'invalidInput');
    const fields = body.issues.map((issue: any) => issue.field).sort();
    assert.deepEqual(fields, ['body.callbackPhone', 'body.calledAt', 'body.channel', 'body.contactName']);
  });

  it('call for an unknown customer is 404', async () => {
    const { status, body } = await api('POST', '/requests', {
      customerId: 'nobody',
      channel: 'phone',
      calledAt: '2026-12-07T08:00:00+01:00',
      contactName: 'Eva',
      description: 'Hallo',
      callbackPhone: '+49 211 5550101',
    });

    assert.equal(status, 404);
    assert.equal(body.code, 'customerNotFound');
  });

  it('queue pages with a cursor', async () => {
    for (const minute of ['10', '20', '30']) {
      await logCall(`2026-12-07T07:${minute}:00+01:00`, `Paging ${minute}`, 'whatsapp');
    }

    const first = await api('GET', '/requests?customerId=fabrikam&channel=whatsapp&limit=2');
    assert.equal(first.status, 200);
    assert.deepEqual(
      first.body.items.map((item: any) => item.deadline),
      ['2026-12-07T08:10:00+01:00', '2026-12-07T08:20:00+01:00'],
    );
    assert.equal(typeof first.body.nextCursor, 'string');

    const second = await api('GET', `/requests?customerId=fabrikam&channel=whatsapp&limit=2&cursor=${first.body.nextCursor}`);
    assert.deepEqual(second.body.items.map((item: any) => item.deadline), ['2026-12-07T08:30:00+01:00']);
    assert.equal(second.body.nextCursor, undefined);
  });

  it('invalid paging input is 400 naming the parameter', async () => {
    const badCursor = await api('GET', '/requests?cursor=bm90LWpzb24');
    assert.equal(badCursor.status, 400);
    assert.deepEqual(badCursor.body.issues.map((issue: any) => issue.field), ['query.cursor']);

    const badLimit = await api('GET', '/requests?limit=500');
    assert.equal(badLimit.status, 400);
    assert.deepEqual(badLimit.body.issues.map((issue: any) => issue.field), ['query.limit']);
  });

  it('acknowledge changes the row and the consultant card', async () => {
    const { number } = await openThroughTeams('VPN verbindet nicht');
    const consultantCard = harness.connector.sentTo(consultantChat.conversationId).at(-1);
    assert.ok(consultantCard);
    harness.clock.set('2026-12-07T09:05:00+01:00');

    const { status, body } = await api('POST', `/requests/fabrikam/${number}/acknowledge`);

    assert.equal(status, 200);
    assert.equal(body.state, 'acknowledged');
    assert.equal(body.acknowledgedAt, '2026-12-07T09:05:00+01:00');
    assert.deepEqual(
      body.history.map((entry: any) => [entry.action, entry.from, entry.to, entry.actor, entry.at]),
      [['acknowledge', 'new', 'acknowledged', 'Sebastian Krüger', '2026-12-07T09:05:00+01:00']],
    );
    const stored = await requests.get('fabrikam', number);
    assert.equal(stored?.request.state, 'acknowledged');
    assert.equal(stored?.request.acknowledgedBy, 'Sebastian Krüger');

    const update = harness.connector.updatesIn(consultantChat.conversationId).find((call) => call.activityId === consultantCard.assignedId);
    assert.ok(update, 'the consultant card was not updated');
    const verbs = (cardOf(update.activity).actions ?? []).map((action: any) => action.verb);
    assert.ok(!verbs.includes('request.acknowledge'), `card still offers the take-over: ${verbs.join(', ')}`);
  });

  it('resolve through the API updates cards and tells the requester', async () => {
    const { number, chat } = await openThroughTeams('Freigabe fehlt');
    harness.clock.set('2026-12-07T09:30:00+01:00');

    const { status, body } = await api('POST', `/requests/fabrikam/${number}/state`, {
      state: 'resolved',
      solution: 'Berechtigung auf der Freigabe ergänzt.',
    });

    assert.equal(status, 200);
    assert.equal(body.state, 'resolved');
    assert.equal(body.solution, 'Berechtigung auf der Freigabe ergänzt.');
    assert.equal(body.resolvedAt, '2026-12-07T09:30:00+01:00');
    const stored = await requests.get('fabrikam', number);
    assert.equal(stored?.request.state, 'resolved');
    assert.equal(stored?.request.solution, 'Berechtigung auf der Freigabe ergänzt.');

    assert.ok(harness.connector.updatesIn(consultantChat.conversationId).length >= 1, 'no consultant card update');
    assert.ok(harness.connector.updatesIn(chat.conversationId).length >= 1, 'no requester card update');
    const message = harness.connector.sentTo(chat.conversationId).at(-1);
    assert.match(String(message?.activity.text), /Berechtigung auf der Freigabe ergänzt\./);
  });

  it('resolve without solution is 422 invalidSolution', async () => {
    const { number } = await openThroughTeams('Ohne Lösung');

    const { status, body } = await api('POST', `/requests/fabrikam/${number}/state`, { state: 'resolved' });

    assert.equal(status, 422);
    assert.equal(body.code, 'invalidSolution');
    assert.deepEqual(body.issues, [{ field: 'body.solution', code: 'required', message: 'Required' }]);
    assert.equal((await requests.get('fabrikam', number))?.request.state, 'new');
  });

  it('forbidden transition is 409', async () => {
    const { number } = await openThroughTeams('Gleich schließen');

    const { status, body } = await api('POST', `/requests/fabrikam/${number}/state`, { state: 'closed' });

    assert.equal(status, 409);
    assert.equal(body.code, 'transitionNotAllowed');
    // The body carries a fixed text, never the exception's message with the request number.
    assert.equal(JSON.stringify(body).includes(number), false);
  });

  it('callback records the first contact', async () => {
    const { number } = await openThroughTeams('Rückruf bitte');
    harness.clock.set('2026-12-07T09:40:00+01:00');

    const { status, body } = await api('POST', `/requests/fabrikam/${number}/callback`);

    assert.equal(status, 200);
    assert.equal(body.state, 'callbackDone');
    assert.equal(body.firstContactAt, '2026-12-07T09:40:00+01:00');
    assert.equal(body.slaStatus, 'met');
  });

  it('time through the API is stored for the request', async () => {
    const { number } = await openThroughTeams('Postfach voll');
    harness.clock.set('2026-12-07T10:15:00+01:00');

    const { status, body } = await api('POST', `/requests/fabrikam/${number}/time`, { minutes: 25, type: 'support', note: 'Archiv eingerichtet' });

    assert.equal(status, 201);
    assert.equal(body.timeEntries.length, 1);
    assert.equal(body.timeEntries[0].minutes, 25);
    assert.equal(body.timeEntries[0].start, '2026-12-07T08:50:00.000Z');
    const stored = await new TimeEntryRepository(harness.storage.tables).listMonths('fabrikam', '2026-12', '2026-12');
    const entry = stored.find((candidate) => candidate.request === number);
    assert.ok(entry, 'no stored time entry for the request');
    assert.equal(entry.minutes, 25);
    assert.equal(entry.type, 'support');
    assert.equal(entry.note, 'Archiv eingerichtet');
    assert.equal(entry.createdBy, 'Sebastian Krüger');
  });

  it('time without start never starts before the request', async () => {
    harness.clock.set('2026-12-07T09:30:00+01:00');
    const { number } = await openThroughTeams('Server nach Update down');
    harness.clock.set('2026-12-07T10:15:00+01:00');

    const { status, body } = await api('POST', `/requests/fabrikam/${number}/time`, { minutes: 120, type: 'support' });

    assert.equal(status, 201);
    assert.equal(body.timeEntries[0].start, '2026-12-07T08:30:00.000Z');
  });

  it('invalid time is 400 naming the field', async () => {
    const { number } = await openThroughTeams('Zeit falsch');

    const { status, body } = await api('POST', `/requests/fabrikam/${number}/time`, { minutes: 0, type: 'holiday' });

    assert.equal(status, 400);
    assert.deepEqual(body.issues.map((issue: any) => issue.field).sort(), ['body.minutes', 'body.type']);
  });

  it('note appears in the detail', async () => {
    const { number } = await openThroughTeams('Notiz dazu');
    harness.clock.set('2026-12-07T09:12:00+01:00');

    const { status, body } = await api('POST', `/requests/fabrikam/${number}/notes`, { text: 'Kunde ist bis 11 Uhr im Meeting.' });

    assert.equal(status, 201);
    assert.deepEqual(
      body.notes.map((note: any) => [note.at, note.note, note.from, note.to]),
      [['2026-12-07T09:12:00+01:00', 'Kunde ist bis 11 Uhr im Meeting.', 'new', 'new']],
    );
    assert.deepEqual(body.history, []);
    assert.equal(body.state, 'new');
  });

  it('tampered request number is 404', async () => {
    const { number } = await openThroughTeams('Echte Anfrage');
    const paths = [
      '/requests/fabrikam/HD-2026-9999',
      `/requests/northwind/${number}`,
      '/requests/fabrikam/HD-2026-9999/acknowledge',
    ];

    for (const path of paths) {
      const method = path.endsWith('acknowledge') ? 'POST' : 'GET';
      const { status, body } = await api(method, path);

      assert.equal(status, 404, path);
      assert.equal(body.code, 'requestNotFound', path);
    }
    const time = await api('POST', '/requests/fabrikam/HD-2026-9999/time', { minutes: 10, type: 'support' });
    assert.equal(time.status, 404);
  });

  it('malformed request number is 400', async () => {
    const { status, body } = await api('GET', "/requests/fabrikam/HD-2026-1'");

    assert.equal(status, 400);
    assert.deepEqual(body.issues.map((issue: any) => issue.field), ['params.number']);
  });
});
