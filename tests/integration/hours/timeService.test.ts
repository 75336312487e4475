import assert from 'node:assert/strict';

import { InvalidInputError, type NewTimeEntry } from '../../../src/services/timeService.js';
import { EntityNotFoundError } from '../../../src/storage/errors.js';
import { createHoursHarness, type HoursHarness } from './hoursHarness.js';

describe('TimeService time entries', () => {
  let harness: HoursHarness;

  beforeEach(async () => {
    harness = await createHoursHarness('timeservice');
    await harness.addCustomer('fabrikam', 'gold', '2026-10-01');
  });

  /** Logs 50 support minutes for fabrikam at 09:00 Berlin time on 10 November, unless `fields` overrides them. */
  async function logSupportEntry(fields: Partial<NewTimeEntry> = {}) {
    const logged = await harness.time.addEntry({
      customerId: 'fabrikam',
      type: 'support',
      minutes: 50,
      start: '2026-11-10T09:00:00+01:00',
      createdBy: 'Berater',
      ...fields,
    });
    return logged.entry;
  }

  it('addEntry stores raw minutes in the local month', async () => {
    const logged = await harness.time.addEntry({
      customerId: 'fabrikam',
      type: 'support',
      minutes: 7,
      // 23:30 UTC on 31 October is 00:30 on 1 November in Berlin.
      start: '2026-10-31T23:30:00Z',
      request: 'HD-2026-0042',
      note: '  Outlook-Profil neu angelegt  ',
      createdBy: 'Berater',
    });

    assert.equal(logged.entry.month, '2026-11');
    assert.equal(logged.entry.minutes, 7);
    assert.equal(logged.entry.start, '2026-10-31T23:30:00.000Z');
    assert.equal(logged.entry.note, 'Outlook-Profil neu angelegt');
    assert.equal(logged.entry.version, 1);
    assert.match(logged.entry.id, /^20261031T233000Z-[0-9a-f]{16}$/);
    assert.equal(logged.statement.billableMinutes, 15);

    const listed = await harness.time.listEntries('fabrikam', '2026-11');
    assert.deepEqual(listed, [logged.entry]);
    assert.deepEqual(await harness.time.listEntries('fabrikam', '2026-10'), []);
  });

  it('20 concurrent entries are all stored', async () => {
    const minutes = Array.from({ length: 20 }, (_, index) => index + 1);

    const logged = await Promise.all(
      minutes.map((value, index) =>
        harness.time.addEntry({
          customerId: 'fabrikam',
          type: 'support',
          minutes: value,
          start: `2026-11-10T09:${String(index).padStart(2, '0')}:00+01:00`,
          createdBy: `caller ${index}`,
        }),
      ),
    );

    const stored = await harness.time.listEntries('fabrikam', '2026-11');
    assert.equal(stored.length, 20);
    assert.equal(new Set(stored.map((entry) => entry.id)).size, 20);
    assert.deepEqual(
      stored.map((entry) => entry.minutes),
      minutes,
    );
    assert.equal(logged.length, 20);

    // Each entry of 1 to 15 minutes bills 15, and each of 16 to 20 minutes bills 30.
    const statement = await harness.statements.monthStatement('fabrikam', '2026-11');
    assert.equal(statement.billableMinutes, 15 * 15 + 5 * 30);
  });

  it('addEntry lists every invalid field', async () => {
    await assert.rejects(
      harness.time.addEntry({
        customerId: 'fabrikam',
        type: 'coffee' as 'support',
        minutes: 0,
        start: '2026-11-10 09:00',
        request: 'REQ-1',
        createdBy: ' ',
      }),
      (error: unknown) => {
        assert.ok(error instanceof InvalidInputError);
        assert.deepEqual(
          error.problems.map((problem) => problem.field),
          ['type', 'minutes', 'start', 'request', 'createdBy'],
        );
        assert.match(error.message, /minutes 0: expected a whole number of minutes from 1 to 1440/);
        return true;
      },
    );
    assert.deepEqual(await harness.time.listEntries('fabrikam', '2026-11'), []);
  });

  it('addEntry before contract start is rejected', async () => {
    await assert.rejects(
      harness.time.addEntry({ customerId: 'fabrikam', type: 'support', minutes: 30, start: '2026-09-30T10:00:00+02:00', createdBy: 'Berater' }),
      /start "2026-09-30T08:00:00.000Z": lies on 2026-09-30, before the contract start 2026-10-01/,
    );
  });

  it('addEntry more than a day ahead is rejected', async () => {
    // The harness clock is 2026-11-28T12:00:00Z, so the latest accepted start is 2026-11-29T12:00:00Z.
    await assert.rejects(
      harness.time.addEntry({ customerId: 'fabrikam', type: 'support', minutes: 30, start: '2026-11-29T13:00:01+01:00', createdBy: 'Berater' }),
      /start "2026-11-29T12:00:01.000Z": lies more than 24 hours after now \(2026-11-28T12:00:00.000Z\)/,
    );
    assert.deepEqual(await harness.time.listEntries('fabrikam', '2026-11'), []);
  });

  it('addEntry exactly a day ahead is stored', async () => {
    const { entry } = await harness.time.addEntry({
      customerId: 'fabrikam',
      type: 'support',
      minutes: 30,
      start: '2026-11-29T13:00:00+01:00',
      createdBy: 'Berater',
    });

    assert.equal(entry.start, '2026-11-29T12:00:00.000Z');
  });

  it('editEntry to a start more than a day ahead is rejected', async () => {
    const entry = await logSupportEntry();

    await assert.rejects(
      harness.time.editEntry(entry, { start: '2026-11-30T09:00:00+01:00' }, 'Berater'),
      /start "2026-11-30T08:00:00.000Z": lies more than 24 hours after now/,
    );
    assert.equal((await harness.timeEntries.get(entry))?.start, '2026-11-10T08:00:00.000Z');
  });

  it('addEntry for unknown customer is rejected', async () => {
    await assert.rejects(
      harness.time.addEntry({ customerId: 'nobody', type: 'support', minutes: 30, start: '2026-11-10T10:00:00+01:00', createdBy: 'Berater' }),
      EntityNotFoundError,
    );
  });

  it('addEntry reports the 80 and 100 percent thresholds once', async () => {
    // Gold includes 480 minutes: 375 minutes are 78 %, 390 are 81 %, 480 are 100 %.
    const add = (minutes: number, day: number) =>
      harness.time.addEntry({
        customerId: 'fabrikam',
        type: 'support',
        minutes,
        start: `2026-11-${String(day).padStart(2, '0')}T10:00:00+01:00`,
        createdBy: 'Berater',
      });

    assert.deepEqual((await add(375, 2)).crossedThresholdsPercent, []);
    assert.deepEqual((await add(15, 3)).crossedThresholdsPercent, [80]);
    assert.deepEqual((await add(60, 4)).crossedThresholdsPercent, []);
    assert.deepEqual((await add(30, 5)).crossedThresholdsPercent, [100]);
    assert.deepEqual((await add(30, 6)).crossedThresholdsPercent, []);
  });

  it('project time on a hotline plan crosses no threshold', async () => {
    const logged = await harness.time.addEntry({
      customerId: 'fabrikam',
      type: 'project',
      minutes: 600,
      start: '2026-11-02T10:00:00+01:00',
      createdBy: 'Berater',
    });

    assert.deepEqual(logged.crossedThresholdsPercent, []);
    assert.equal(logged.statement.projectCents, 149000);
  });

  it('editEntry keeps the replaced version as history', async () => {
    const entry = await logSupportEntry({ note: 'erste Notiz' });

    const edited = await harness.time.editEntry(entry, { minutes: 65, note: null }, 'Korrektur');

    assert.equal(edited.minutes, 65);
    assert.equal(edited.note, undefined);
    assert.equal(edited.version, 2);
    assert.deepEqual(await harness.timeEntries.get(entry), edited);

    const history = await harness.time.entryHistory(entry);
    assert.equal(history.length, 1);
    assert.equal(history[0]?.action, 'edited');
    assert.equal(history[0]?.changedBy, 'Korrektur');
    assert.equal(history[0]?.changedAt, '2026-11-28T12:00:00.000Z');
    assert.deepEqual(history[0]?.before, entry);

    const statement = await harness.statements.monthStatement('fabrikam', '2026-11');
    assert.equal(statement.billableMinutes, 75);
  });

  it('editEntry without a change writes no history', async () => {
    const entry = await logSupportEntry();

    const unchanged = await harness.time.editEntry(entry, { minutes: 50, start: '2026-11-10T08:00:00Z' }, 'Berater');

    assert.equal(unchanged.version, 1);
    assert.deepEqual(await harness.time.entryHistory(entry), []);
  });

  it('editEntry into another month is rejected', async () => {
    // A clock on 1 December, so both the November start and the December one lie before now.
    harness = await createHoursHarness('timeservice', { now: () => new Date('2026-12-01T12:00:00Z') });
    await harness.addCustomer('fabrikam', 'gold', '2026-10-01');
    const entry = await logSupportEntry({ start: '2026-11-30T22:00:00+01:00' });

    await assert.rejects(
      harness.time.editEntry(entry, { start: '2026-12-01T00:30:00+01:00' }, 'Berater'),
      /lies in 2026-12, but the entry belongs to 2026-11; delete the entry and log it again in 2026-12/,
    );
    assert.equal((await harness.timeEntries.get(entry))?.version, 1);
  });

  it('concurrent edits both apply with one history row each', async () => {
    const entry = await logSupportEntry();

    await Promise.all([
      harness.time.editEntry(entry, { minutes: 70 }, 'erste'),
      harness.time.editEntry(entry, { note: 'Rückruf dokumentiert' }, 'zweite'),
    ]);

    const stored = await harness.timeEntries.get(entry);
    assert.equal(stored?.minutes, 70);
    assert.equal(stored?.note, 'Rückruf dokumentiert');
    assert.equal(stored?.version, 3);

    const history = await harness.time.entryHistory(entry);
    assert.deepEqual(
      history.map((row) => row.before.version),
      [1, 2],
    );
  });

  it('deleteEntry keeps the last version as history', async () => {
    const entry = await logSupportEntry();
    const edited = await harness.time.editEntry(entry, { minutes: 55 }, 'Berater');

    const deletion = await harness.time.deleteEntry(entry, 'Storno');

    assert.equal(deletion.action, 'deleted');
    assert.deepEqual(deletion.before, edited);
    assert.equal(await harness.timeEntries.get(entry), undefined);
    assert.deepEqual(
      (await harness.time.entryHistory(entry)).map((row) => [row.action, row.before.version, row.before.minutes]),
      [
        ['edited', 1, 50],
        ['deleted', 2, 55],
      ],
    );
    assert.equal((await harness.statements.monthStatement('fabrikam', '2026-11')).billableMinutes, 0);
    await assert.rejects(harness.time.deleteEntry(entry, 'Storno'), EntityNotFoundError);
  });

  it('concurrent edit and delete lose no history', async () => {
    const entry = await logSupportEntry();

    const outcomes = await Promise.allSettled([
      harness.time.editEntry(entry, { minutes: 80 }, 'Bearbeitung'),
      harness.time.deleteEntry(entry, 'Storno'),
    ]);

    // The delete always succeeds; the edit fails only when the delete came first.
    assert.equal(outcomes[1].status, 'fulfilled');
    assert.equal(await harness.timeEntries.get(entry), undefined);

    const history = await harness.time.entryHistory(entry);
    const last = history[history.length - 1];
    assert.equal(last?.action, 'deleted');
    if (outcomes[0].status === 'fulfilled') {
      assert.deepEqual(
        history.map((row) => row.action),
        ['edited', 'deleted'],
      );
      assert.equal(last?.before.minutes, 80);
    } else {
      assert.ok(outcomes[0].reason instanceof EntityNotFoundError);
      assert.equal(history.length, 1);
    }
  });
});
