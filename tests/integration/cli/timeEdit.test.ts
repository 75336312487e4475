import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { uniqueTablePrefix } from '../../support/azurite.js';
import { deskEnvironment, runDesk } from '../hours/deskCli.js';

describe('desk time list, edit, delete and history commands', function () {
  this.timeout(120_000);

  let env: NodeJS.ProcessEnv;
  let folder: string;
  let entryId: string;

  before(async () => {
    // A clock in December 2026, so the November entries lie in the past.
    env = { ...deskEnvironment(uniqueTablePrefix('timeedit')), DESK_TEST_NOW: '2026-12-01T12:00:00Z' };
    folder = mkdtempSync(path.join(tmpdir(), 'desk-time-edit-'));
    const file = path.join(folder, 'data.json');
    writeFileSync(
      file,
      JSON.stringify({
        customers: [
          { id: 'fabrikam', name: 'Fabrikam Logistik GmbH', plan: 'gold', tenantId: '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e01', contractStart: '2026-10-01' },
        ],
        // 600 minutes where 60 were meant: 120 minutes beyond Gold's 480 included minutes.
        timeEntries: [{ customerId: 'fabrikam', type: 'support', start: '2026-11-02T09:00:00+01:00', minutes: 600, note: 'Tippfehler' }],
      }),
    );
    const run = await runDesk(['import', '--file', file], env);
    assert.equal(run.status, 0, run.stderr);

    const list = await runDesk(['time', 'list', '--customer', 'fabrikam', '--month', '2026-11'], env);
    assert.equal(list.status, 0, list.stderr);
    const listed = JSON.parse(list.stdout) as { entries: { id: string; minutes: number; start: string }[] };
    assert.equal(listed.entries.length, 1);
    assert.equal(listed.entries[0]!.minutes, 600);
    assert.equal(listed.entries[0]!.start, '2026-11-02T09:00:00+01:00');
    entryId = listed.entries[0]!.id;
  });

  after(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  const entryOptions = () => ['--customer', 'fabrikam', '--month', '2026-11', '--id', entryId];

  it('edit corrects minutes and keeps history', async () => {
    const run = await runDesk(['time', 'edit', ...entryOptions(), '--minutes', '60', '--note', '', '--by', 'Sebastian Krüger'], env);

    assert.equal(run.status, 0, run.stderr);
    const output = JSON.parse(run.stdout) as { entry: Record<string, unknown>; hours: Record<string, number> };
    assert.equal(output.entry.minutes, 60);
    assert.equal(output.entry.note, undefined);
    assert.equal(output.entry.version, 2);
    assert.equal(output.hours.billableMinutes, 60);
    assert.equal(output.hours.overageMinutes, 0);

    const history = await runDesk(['time', 'history', ...entryOptions()], env);
    assert.equal(history.status, 0, history.stderr);
    const records = (JSON.parse(history.stdout) as { history: { action: string; changedBy: string; before: Record<string, unknown> }[] }).history;
    assert.equal(records.length, 1);
    assert.equal(records[0]!.action, 'edited');
    assert.equal(records[0]!.changedBy, 'Sebastian Krüger');
    assert.equal(records[0]!.before.minutes, 600);
    assert.equal(records[0]!.before.note, 'Tippfehler');

    const statement = await runDesk(['statement', '--customer', 'fabrikam', '--month', '2026-11'], env);
    assert.equal((JSON.parse(statement.stdout) as { billableMinutes: number }).billableMinutes, 60);
  });

  it('edit rejects invalid values and changes nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['--minutes', '1,5'], /Invalid --minutes "1,5"/],
      [['--minutes', '0'], /minutes 0: expected a whole number of minutes from 1 to 1440/],
      [['--type', 'Support'], /type "Support": expected one of support, project, emergency, on-site/],
      [['--start', '2026-12-01T09:00:00+01:00'], /lies in 2026-12, but the entry belongs to 2026-11/],
      [[], /Nothing to change/],
    ];
    for (const [options, message] of cases) {
      const run = await runDesk(['time', 'edit', ...entryOptions(), ...options], env);
      assert.equal(run.status, 2, options.join(' '));
      assert.match(run.stderr, message);
    }

    const list = await runDesk(['time', 'list', '--customer', 'fabrikam', '--month', '2026-11'], env);
    const entries = (JSON.parse(list.stdout) as { entries: { minutes: number; version: number }[] }).entries;
    assert.deepEqual(entries.map((entry) => [entry.minutes, entry.version]), [[60, 2]]);
  });

  it('unknown entry id exits with code 1', async () => {
    const run = await runDesk(['time', 'delete', '--customer', 'fabrikam', '--month', '2026-11', '--id', '20261102T080000Z-0000000000000000'], env);

    assert.equal(run.status, 1);
    assert.match(run.stderr, /not found/);
  });

  it('delete removes the entry from the statement', async () => {
    const run = await runDesk(['time', 'delete', ...entryOptions(), '--by', 'Sebastian Krüger'], env);

    assert.equal(run.status, 0, run.stderr);
    const output = JSON.parse(run.stdout) as { deleted: { action: string; before: { minutes: number } }; hours: Record<string, number> };
    assert.equal(output.deleted.action, 'deleted');
    assert.equal(output.deleted.before.minutes, 60);
    assert.equal(output.hours.billableMinutes, 0);

    const history = await runDesk(['time', 'history', ...entryOptions()], env);
    const records = (JSON.parse(history.stdout) as { history: { action: string }[] }).history;
    assert.deepEqual(records.map((record) => record.action), ['edited', 'deleted']);

    const list = await runDesk(['time', 'list', '--customer', 'fabrikam', '--month', '2026-11'], env);
    assert.deepEqual((JSON.parse(list.stdout) as { entries: unknown[] }).entries, []);
  });
});
