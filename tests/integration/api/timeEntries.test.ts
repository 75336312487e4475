import assert from 'node:assert/strict';
import { TimeEntryRepository } from '../../../src/storage/timeEntries.js';
import { consultant, startDeskHarness, type DeskHarness } from '../../support/deskHarness.js';
import { CLIENT_ID, EntraStandIn, callApi } from './tokenFixture.js';

/** Monday 2026-12-07, 09:00 in Berlin. */
const MONDAY_MORNING = '2026-12-07T09:00:00+01:00';

describe('tab API time entries', () => {
  const entra = new EntraStandIn();
  let harness: DeskHarness;
  let timeEntries: TimeEntryRepository;

  before(async () => {
    await entra.start();
    harness = await startDeskHarness(MONDAY_MORNING, { TAB_SSO_CLIENT_ID: CLIENT_ID, TAB_JWKS_URL: entra.jwksUrl });
    timeEntries = new TimeEntryRepository(harness.storage.tables);
  });

  after(async () => {
    await harness.stop();
    await entra.stop();
  });

  beforeEach(() => {
    harness.clock.set(MONDAY_MORNING);
  });

  /** Calls the tab API as the consultant with a token issued at the harness's now. */
  async function api(method: string, path: string, body?: unknown) {
    const token = await entra.sign({ issuedAt: harness.clock.now() });
    return callApi(harness.desk.url, method, path, { token, body });
  }

  /** Logs a phone call for the customer and 25 support minutes on it, then returns the request and the entry. */
  async function requestWithTime(customerId: string) {
    const call = await api('POST', '/requests', {
      customerId,
      channel: 'phone',
      calledAt: '2026-12-07T08:30:00+01:00',
      contactName: 'Jana Becker',
      description: 'Postfach voll',
      callbackPhone: '+49 211 5550101',
    });
    assert.equal(call.status, 201, JSON.stringify(call.body));
    const number: string = call.body.number;

    const logged = await api('POST', `/requests/${customerId}/${number}/time`, {
      minutes: 25,
      type: 'support',
      note: 'Archiv eingerichtet',
      start: '2026-12-07T08:35:00+01:00',
    });
    assert.equal(logged.status, 201, JSON.stringify(logged.body));
    const entry = logged.body.timeEntries[0];
    return { number, entry, path: `/requests/${customerId}/${number}/time/${entry.month}/${entry.id}` };
  }

  it('edit stores the entry and its history', async () => {
    const { number, entry, path } = await requestWithTime('fabrikam');
    assert.equal(entry.month, '2026-12');
    assert.equal(entry.billedMinutes, 30);
    harness.clock.set('2026-12-07T11:00:00+01:00');

    const { status, body } = await api('PUT', path, { minutes: 40, type: 'project', note: 'Archiv und Regeln' });

    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.number, number);
    const updatedEntry = body.timeEntries[0];
    assert.equal(updatedEntry.minutes, 40);
    assert.equal(updatedEntry.billedMinutes, 45);
    assert.equal(updatedEntry.type, 'project');
    assert.equal(updatedEntry.note, 'Archiv und Regeln');
    assert.equal(updatedEntry.version, 2);
    assert.equal(updatedEntry.history.length, 1);
    assert.equal(updatedEntry.history[0].action, 'edited');
    assert.equal(updatedEntry.history[0].changedBy, 'Sebastian Krüger');
    assert.equal(updatedEntry.history[0].changedAt, '2026-12-07T10:00:00.000Z');
    assert.equal(updatedEntry.history[0].before.minutes, 25);
    assert.equal(updatedEntry.history[0].before.billedMinutes, 30);
    assert.equal(updatedEntry.history[0].before.type, 'support');
    assert.equal(updatedEntry.history[0].before.note, 'Archiv eingerichtet');

    const key = { customerId: 'fabrikam', month: '2026-12', id: entry.id };
    const stored = await timeEntries.get(key);
    assert.equal(stored?.minutes, 40);
    assert.equal(stored?.type, 'project');
    assert.equal(stored?.start, '2026-12-07T07:35:00.000Z');
    assert.equal(stored?.version, 2);
    const history = await timeEntries.entryHistory(key);
    assert.equal(history.length, 1);
    assert.equal(history[0]?.changedBy, consultant.name);
    assert.equal(history[0]?.before.minutes, 25);
  });

  it('empty note removes the note', async () => {
    const { entry, path } = await requestWithTime('fabrikam');

    const { status, body } = await api('PUT', path, { note: '' });

    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.timeEntries[0].note, undefined);
    assert.equal(body.timeEntries[0].minutes, 25);
    assert.equal((await timeEntries.get({ customerId: 'fabrikam', month: '2026-12', id: entry.id }))?.note, undefined);
  });

  it('invalid edit is 400 naming the fields', async () => {
    const { entry, path } = await requestWithTime('fabrikam');

    const invalid = await api('PUT', path, { minutes: 0, type: 'holiday' });
    const empty = await api('PUT', path, {});
    const tooLong = await api('PUT', path, { minutes: 24 * 60 + 1 });

    assert.equal(invalid.status, 400);
    assert.deepEqual(invalid.body.issues.map((issue: any) => issue.field).sort(), ['body.minutes', 'body.type']);
    assert.equal(empty.status, 400);
    assert.equal(empty.body.issues[0].message, 'Expected minutes, type or note');
    assert.equal(tooLong.status, 400);
    assert.deepEqual(tooLong.body.issues.map((issue: any) => issue.field), ['body.minutes']);
    assert.equal((await timeEntries.get({ customerId: 'fabrikam', month: '2026-12', id: entry.id }))?.version, 1);
  });

  it("another customer's entry is 404", async () => {
    const fabrikam = await requestWithTime('fabrikam');
    const northwind = await requestWithTime('northwind');

    const edit = await api('PUT', `/requests/northwind/${northwind.number}/time/2026-12/${fabrikam.entry.id}`, { minutes: 40 });
    const remove = await api('DELETE', `/requests/northwind/${northwind.number}/time/2026-12/${fabrikam.entry.id}`);

    assert.equal(edit.status, 404);
    assert.equal(edit.body.code, 'notFound');
    assert.equal(remove.status, 404);
    assert.equal((await timeEntries.get({ customerId: 'fabrikam', month: '2026-12', id: fabrikam.entry.id }))?.minutes, 25);
  });

  it("another request's entry is 404", async () => {
    const first = await requestWithTime('fabrikam');
    const second = await requestWithTime('fabrikam');

    const { status, body } = await api('PUT', `/requests/fabrikam/${second.number}/time/2026-12/${first.entry.id}`, { minutes: 40 });

    assert.equal(status, 404);
    assert.equal(body.code, 'notFound');
    assert.equal((await timeEntries.get({ customerId: 'fabrikam', month: '2026-12', id: first.entry.id }))?.version, 1);
  });

  it('tampered keys are 404', async () => {
    const { number, entry } = await requestWithTime('fabrikam');
    const lastCharacter = entry.id.at(-1) === '0' ? '1' : '0';
    const tampered = [
      `/requests/fabrikam/${number}/time/2026-12/${entry.id.slice(0, -1)}${lastCharacter}`,
      `/requests/fabrikam/${number}/time/2026-11/${entry.id}`,
      `/requests/fabrikam/${number}/time/2026-13/${entry.id}`,
      `/requests/fabrikam/${number}/time/2026-12/${encodeURIComponent(`${entry.id}|x`)}`,
    ];

    for (const path of tampered) {
      const { status, body } = await api('PUT', path, { minutes: 40 });
      assert.equal(status, 404, `${path}: ${JSON.stringify(body)}`);
      assert.equal(body.code, 'notFound', path);
    }
    const unknownRequest = await api('PUT', `/requests/fabrikam/HD-2026-9999/time/2026-12/${entry.id}`, { minutes: 40 });
    assert.equal(unknownRequest.status, 404);
    assert.equal(unknownRequest.body.code, 'requestNotFound');
    assert.equal((await timeEntries.get({ customerId: 'fabrikam', month: '2026-12', id: entry.id }))?.version, 1);
  });

  it('delete keeps the entry in the history', async () => {
    const { entry, path } = await requestWithTime('fabrikam');
    await api('PUT', path, { minutes: 40 });
    harness.clock.set('2026-12-07T12:00:00+01:00');

    const { status, body } = await api('DELETE', path);

    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual(body.timeEntries, []);
    assert.equal(body.deletedTimeEntries.length, 1);
    const deleted = body.deletedTimeEntries[0];
    assert.equal(deleted.id, entry.id);
    assert.equal(deleted.deletedBy, 'Sebastian Krüger');
    assert.equal(deleted.deletedAt, '2026-12-07T11:00:00.000Z');
    assert.equal(deleted.last.minutes, 40);
    assert.equal(deleted.last.version, 2);
    assert.equal(deleted.history.length, 1);
    assert.equal(deleted.history[0].before.minutes, 25);

    const key = { customerId: 'fabrikam', month: '2026-12', id: entry.id };
    assert.equal(await timeEntries.get(key), undefined);
    const history = await timeEntries.entryHistory(key);
    assert.deepEqual(
      history.map((record) => [record.action, record.changedBy, record.before.version]),
      [
        ['edited', 'Sebastian Krüger', 1],
        ['deleted', 'Sebastian Krüger', 2],
      ],
    );

    const again = await api('DELETE', path);
    assert.equal(again.status, 404);
  });

  it('edit without a token is 401', async () => {
    const { entry, path } = await requestWithTime('fabrikam');

    const { status } = await callApi(harness.desk.url, 'PUT', path, { body: { minutes: 40 } });

    assert.equal(status, 401);
    assert.equal((await timeEntries.get({ customerId: 'fabrikam', month: '2026-12', id: entry.id }))?.version, 1);
  });
});
