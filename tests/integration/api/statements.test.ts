import assert from 'node:assert/strict';

import { runDesk } from '../hours/deskCli.js';
import { seedFabrikamNovember, startTabApiHarness, type TabApiHarness } from './reportsHarness.js';

/** Tuesday 2026-12-08, 10:00 in Berlin: every November deadline and booking lies in the past. */
const DECEMBER_MORNING = '2026-12-08T10:00:00+01:00';

describe('statement routes over HTTP', function () {
  this.timeout(120_000);

  let tab: TabApiHarness;

  before(async () => {
    tab = await startTabApiHarness(DECEMBER_MORNING);
    await seedFabrikamNovember(tab.desk);
  });

  after(async () => {
    await tab.stop();
  });

  /** Runs `desk statement` on the harness's tables with the default zone and catalog. */
  function cliStatement(format: 'json' | 'csv') {
    // The root hooks set the connection string of the test Azurite; the CLI needs no consultant settings.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DESK_TABLE_PREFIX: tab.desk.config.storage.tablePrefix,
      DESK_TIME_ZONE: '',
      DESK_CATALOG_PATH: '',
      DESK_HOLIDAY_REGION: '',
    };
    return runDesk(['statement', '--customer', 'fabrikam', '--month', '2026-11', '--format', format], env);
  }

  it('statement JSON has billing, SLA and bonus calls', async () => {
    const { status, body } = await tab.api('GET', '/statements?customerId=fabrikam&month=2026-11');

    assert.equal(status, 200);
    assert.equal(body.customerId, 'fabrikam');
    assert.equal(body.planId, 'gold');
    // Support 300 + 200 minutes, the 200 rounded up to 210 in 15-minute steps: 510 billed on 480 included.
    assert.equal(body.billableMinutes, 510);
    assert.equal(body.overageMinutes, 30);
    assert.equal(body.overageBilledMinutes, 30);
    assert.equal(body.overageCents, 6450);
    // 45 project minutes on a hotline plan at 149 EUR per hour.
    assert.equal(body.projectCents, 11175);
    assert.equal(body.netCents, 117525);
    assert.equal(body.vatCents, 22330);
    assert.equal(body.grossCents, 139855);
    assert.deepEqual(body.slaCompliance, {
      month: '2026-11',
      requestCount: 4,
      decidedCount: 4,
      metCount: 2,
      missedCount: 2,
      pendingCount: 0,
      metPercent: 50,
      callbackCount: 3,
      medianCallbackMinutes: 40,
    });
    assert.deepEqual(body.bonusCallsHeld, {
      count: 2,
      byKind: { 'check-in': 2, 'proactive-call': 0, 'strategy-meeting': 0, 'roadmap-review': 0 },
    });
  });

  it('statement JSON equals the CLI output', async () => {
    const [api, cli] = await Promise.all([tab.api('GET', '/statements?customerId=fabrikam&month=2026-11'), cliStatement('json')]);

    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(api.body, JSON.parse(cli.stdout));
  });

  it('CSV download equals the CLI output', async () => {
    const [response, cli] = await Promise.all([tab.fetchRaw('/statements.csv?customerId=fabrikam&month=2026-11'), cliStatement('csv')]);

    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(
      response.headers.get('content-disposition'),
      `attachment; filename="Abrechnung_fabrikam_2026-11.csv"; filename*=UTF-8''Abrechnung_fabrikam_2026-11.csv`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(bytes.toString('utf8'), cli.stdout);
    assert.ok(bytes.toString('utf8').endsWith('Termine;;;\n'), 'the download ends with a line break like the CLI output');
  });

  it('CSV lists SLA and bonus rows', async () => {
    const response = await tab.fetchRaw('/statements?customerId=fabrikam&month=2026-11&format=csv');
    const rows = (await response.text()).slice(1).split('\n').map((line) => line.split(';'));

    assert.deepEqual(rows.find((row) => row[2] === 'Summe netto'), ['fabrikam', '2026-11', 'Summe netto', '', '', '', '', '', '1175,25']);
    assert.deepEqual(rows.find((row) => row[2] === 'Anfragen mit Rückruffrist im Monat'), ['fabrikam', '2026-11', 'Anfragen mit Rückruffrist im Monat', '', '4', 'Anfragen', '', '', '']);
    assert.deepEqual(rows.find((row) => row[2] === 'Anteil rechtzeitig an den entschiedenen'), ['fabrikam', '2026-11', 'Anteil rechtzeitig an den entschiedenen', '', '50', '%', '', '', '']);
    assert.deepEqual(rows.find((row) => row[2] === 'Rückrufzeit (Median)'), ['fabrikam', '2026-11', 'Rückrufzeit (Median)', '', '40', 'Minuten', '', '', '']);
    assert.deepEqual(rows.find((row) => row[2] === 'Bonus-Termine gehalten'), ['fabrikam', '2026-11', 'Bonus-Termine gehalten', '', '2', 'Termine', '', '', '']);
  });

  it('unknown customer is 404 customerNotFound', async () => {
    const json = await tab.api('GET', '/statements?customerId=nobody&month=2026-11');
    const csv = await tab.api('GET', '/statements.csv?customerId=nobody&month=2026-11');

    assert.equal(json.status, 404);
    assert.equal(json.body.code, 'customerNotFound');
    assert.equal(csv.status, 404);
    assert.equal(csv.body.code, 'customerNotFound');
  });

  it('month before the contract is 422', async () => {
    const { status, body } = await tab.api('GET', '/statements.csv?customerId=fabrikam&month=2025-12');

    assert.equal(status, 422);
    assert.deepEqual(body.issues, [
      { field: 'query.month', code: 'beforeContractStart', params: { contractStart: '2026-01' }, message: 'Choose 2026-01 or later' },
    ]);
  });

  it('invalid month is 400', async () => {
    const { status, body } = await tab.api('GET', '/statements?customerId=fabrikam&month=2026-13');

    assert.equal(status, 400);
    assert.equal(body.issues[0].field, 'query.month');
  });

  it('missing token is 401', async () => {
    const response = await fetch(`${tab.desk.desk.url}/api/tab/statements.csv?customerId=fabrikam&month=2026-11`);

    assert.equal(response.status, 401);
  });
});
