import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { uniqueTablePrefix } from '../../support/azurite.js';
import { deskEnvironment, runDesk } from '../hours/deskCli.js';

describe('desk time add command', function () {
  this.timeout(120_000);

  let env: NodeJS.ProcessEnv;
  let folder: string;

  before(async () => {
    // A clock in December 2026, so the November entries lie in the past.
    env = { ...deskEnvironment(uniqueTablePrefix('timeadd')), DESK_TEST_NOW: '2026-12-01T12:00:00Z' };
    folder = mkdtempSync(path.join(tmpdir(), 'desk-time-'));
    const file = path.join(folder, 'customers.json');
    writeFileSync(
      file,
      JSON.stringify({
        customers: [
          { id: 'fabrikam', name: 'Fabrikam Logistik GmbH', plan: 'gold', tenantId: '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e01', contractStart: '2026-10-01' },
        ],
        // Gold includes 480 minutes; 375 are 78 % of them.
        timeEntries: [{ customerId: 'fabrikam', type: 'support', start: '2026-11-02T09:00:00+01:00', minutes: 375 }],
      }),
    );
    const run = await runDesk(['import', '--file', file], env);
    assert.equal(run.status, 0, run.stderr);
  });

  after(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('prints the entry and the hours', async () => {
    const run = await runDesk(
      [
        'time', 'add',
        '--customer', 'fabrikam',
        '--minutes', '7',
        '--type', 'support',
        '--start', '2026-11-10T09:30:00Z',
        '--request', 'HD-2026-0042',
        '--note', 'Rückruf, Postfach freigegeben',
        '--by', 'Berater',
      ],
      env,
    );

    assert.equal(run.status, 0, run.stderr);
    const output = JSON.parse(run.stdout) as {
      entry: Record<string, unknown>;
      hours: Record<string, number>;
      crossedThresholdsPercent: number[];
    };
    assert.equal(output.entry.customerId, 'fabrikam');
    assert.equal(output.entry.month, '2026-11');
    assert.equal(output.entry.minutes, 7);
    assert.equal(output.entry.start, '2026-11-10T10:30:00+01:00');
    assert.equal(output.entry.request, 'HD-2026-0042');
    assert.equal(output.entry.note, 'Rückruf, Postfach freigegeben');
    assert.equal(output.entry.createdBy, 'Berater');
    // 375 + 15 billed minutes are 81 % of 480.
    assert.equal(output.hours.billableMinutes, 390);
    assert.equal(output.hours.availableMinutes, 480);
    assert.deepEqual(output.crossedThresholdsPercent, [80]);

    const statement = JSON.parse((await runDesk(['statement', '--customer', 'fabrikam', '--month', '2026-11'], env)).stdout) as Record<
      string,
      number
    >;
    assert.equal(statement.billableMinutes, 390);
  });

  it('invalid type exits with usage', async () => {
    const run = await runDesk(
      ['time', 'add', '--customer', 'fabrikam', '--minutes', '30', '--type', 'lunch', '--start', '2026-11-10T09:30:00Z'],
      env,
    );

    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /Invalid time entry: type "lunch": expected one of support, project, emergency, on-site/);
    assert.match(run.stderr, /desk time add --customer <id>/);
  });

  it('start in 2036 exits with usage', async () => {
    const run = await runDesk(
      ['time', 'add', '--customer', 'fabrikam', '--minutes', '30', '--type', 'support', '--start', '2036-11-10T09:30:00Z'],
      env,
    );

    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /Invalid time entry: start "2036-11-10T09:30:00.000Z": lies more than 24 hours after now/);
  });

  it('minutes that are not a number exit with usage', async () => {
    const run = await runDesk(
      ['time', 'add', '--customer', 'fabrikam', '--minutes', '1,5', '--type', 'support', '--start', '2026-11-10T09:30:00Z'],
      env,
    );

    assert.equal(run.status, 2);
    assert.match(run.stderr, /Invalid --minutes "1,5": expected a whole number of minutes/);
  });

  it('missing subcommand exits with usage', async () => {
    const run = await runDesk(['time', '--customer', 'fabrikam'], env);

    assert.equal(run.status, 2);
    assert.match(run.stderr, /Unknown subcommand "--customer"/);
  });

  it('unknown customer exits non-zero', async () => {
    const run = await runDesk(
      ['time', 'add', '--customer', 'nobody', '--minutes', '30', '--type', 'support', '--start', '2026-11-10T09:30:00Z'],
      env,
    );

    assert.equal(run.status, 1);
    assert.match(run.stderr, /Customer "nobody" not found; import or create the customer first/);
  });

  it('statement of unknown customer exits non-zero', async () => {
    const run = await runDesk(['statement', '--customer', 'nobody', '--month', '2026-11'], env);

    assert.equal(run.status, 1);
    assert.match(run.stderr, /Customer "nobody" not found/);
  });

  it('statement with invalid format exits with usage', async () => {
    const run = await runDesk(['statement', '--customer', 'fabrikam', '--month', '2026-11', '--format', 'xlsx'], env);

    assert.equal(run.status, 2);
    assert.match(run.stderr, /Invalid --format "xlsx": expected json or csv/);
  });
});
