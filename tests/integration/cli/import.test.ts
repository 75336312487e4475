import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { StatementService } from '../../../src/services/statementService.js';
import { TimeService } from '../../../src/services/timeService.js';
import { CustomerRepository } from '../../../src/storage/customers.js';
import { OverageApprovalRepository } from '../../../src/storage/overageApprovals.js';
import { createStorage, type StorageTables } from '../../../src/storage/tables.js';
import { TimeEntryRepository } from '../../../src/storage/timeEntries.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { azuriteConnectionString } from '../../support/root-hooks.js';
import { deskEnvironment, runDesk } from '../hours/deskCli.js';
import { loadCatalog, ZONE } from '../hours/hoursHarness.js';

const FABRIKAM = {
  id: 'fabrikam',
  name: 'Fabrikam Logistik GmbH',
  plan: 'gold',
  tenantId: '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e01',
  contractStart: '2026-10-01',
};

/** Returns a valid document: one Gold customer, three entries (one emergency) and one approval. */
function validDocument() {
  return {
    customers: [FABRIKAM],
    timeEntries: [
      { customerId: 'fabrikam', type: 'support', start: '2026-11-03T09:00:00+01:00', minutes: 50, note: 'Outlook' },
      { customerId: 'fabrikam', type: 'support', start: '2026-11-03T09:00:00+01:00', minutes: 50, note: 'Outlook' },
      { customerId: 'fabrikam', type: 'emergency', start: '2026-11-08T03:00:00+01:00', minutes: 70, request: 'HD-2026-0007' },
    ],
    overageApprovals: [
      { customerId: 'fabrikam', month: '2026-11', minutes: 60, decision: 'approved', decidedBy: 'Jana Becker', decidedAt: '2026-11-20T10:00:00+01:00' },
    ],
  };
}

/** Counts every row of a table, whatever its keys. */
async function countRows(tables: StorageTables, kind: keyof StorageTables): Promise<number> {
  let count = 0;
  for await (const _row of tables[kind].listEntities()) {
    count += 1;
  }
  return count;
}

describe('desk import command', function () {
  this.timeout(120_000);

  let folder: string;
  let env: NodeJS.ProcessEnv;
  let tables: StorageTables;

  beforeEach(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'desk-import-'));
    const prefix = uniqueTablePrefix('import');
    // A clock in December 2026, so the November entries lie in the past.
    env = { ...deskEnvironment(prefix), DESK_TEST_NOW: '2026-12-01T12:00:00Z' };
    const storage = createStorage(azuriteConnectionString(), { tablePrefix: prefix });
    await storage.ensureTables();
    tables = storage.tables;
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  function writeDocument(name: string, document: unknown): string {
    const file = path.join(folder, name);
    writeFileSync(file, typeof document === 'string' ? document : JSON.stringify(document));
    return file;
  }

  it('valid file is stored and summarized', async () => {
    const run = await runDesk(['import', '--file', writeDocument('data.json', validDocument())], env);

    assert.equal(run.status, 0, run.stderr);
    const summary = JSON.parse(run.stdout) as Record<string, Record<string, number>>;
    assert.deepEqual(summary.customers, { created: 1, unchanged: 0 });
    assert.deepEqual(summary.timeEntries, { created: 3, unchanged: 0, changedSinceImport: 0 });
    assert.deepEqual(summary.overageApprovals, { created: 1, unchanged: 0, decidedSinceImport: 0 });
    assert.equal(await countRows(tables, 'timeEntries'), 3);

    const statement = JSON.parse((await runDesk(['statement', '--customer', 'fabrikam', '--month', '2026-11'], env)).stdout) as Record<
      string,
      number
    >;
    // Two support entries of 50 minutes bill 60 each; the emergency bills 75 minutes plus its base fee.
    assert.equal(statement.billableMinutes, 120);
    assert.equal(statement.emergencyCount, 1);
    assert.equal(statement.emergencyCents, 29900 + 24875);
    assert.equal(statement.overageApprovedMinutes, 60);
  });

  it('invalid file is rejected whole with a report', async () => {
    const document = validDocument();
    document.customers.push({ id: 'Contoso!', name: '', plan: 'platinum', tenantId: 'not-a-guid', contractStart: '2026-02-30' });
    document.timeEntries.push(
      { customerId: 'fabrikam', type: 'support', start: '2026-11-04T09:00:00+01:00', minutes: -5, note: 'x' },
      { customerId: 'nobody', type: 'support', start: '2026-11-04T09:00:00+01:00', minutes: 30, note: 'x' },
      { customerId: 'fabrikam', type: 'lunch', start: '2026-11-04 09:00', minutes: 30, request: 'REQ-1' },
      { customerId: 'fabrikam', type: 'support', start: '2026-09-30T09:00:00+02:00', minutes: 30, note: 'x' },
    );
    (document.timeEntries[0] as Record<string, unknown>).minuts = 5;
    document.overageApprovals.push({
      customerId: 'fabrikam',
      month: '2026-11',
      minutes: 30,
      decision: 'approved',
      decidedBy: '',
      decidedAt: 'gestern',
    });

    const run = await runDesk(['import', '--file', writeDocument('invalid.json', document)], env);

    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /rejected with 14 problem\(s\); nothing was stored/);
    const expectedLines = [
      'customers[1].id = "Contoso!": expected 2 to 63 lowercase letters, digits and dashes',
      'customers[1].name = "": expected a name of 1 to 200 characters',
      'customers[1].plan = "platinum": expected a plan id of the catalog: bronze, silver, gold, starter, professional, enterprise',
      'customers[1].tenantId = "not-a-guid": expected the Entra tenant id, a GUID',
      'customers[1].contractStart = "2026-02-30": expected a date "yyyy-MM-dd"',
      'timeEntries[0].minuts = 5: unknown field; expected customerId, type, start, minutes, request, note',
      'timeEntries[3].minutes = -5: expected a whole number of minutes from 1 to 1440',
      'timeEntries[4].customerId = "nobody": no customer with this id in the file or in storage',
      'timeEntries[5].type = "lunch": expected one of support, project, emergency, on-site',
      'timeEntries[5].start = "2026-11-04 09:00": expected an ISO 8601 instant with offset',
      'timeEntries[5].request = "REQ-1": expected a request number such as HD-2026-0042',
      'timeEntries[6].start = "2026-09-30T09:00:00+02:00": lies on 2026-09-30, before the contract start 2026-10-01',
      'overageApprovals[1].decidedBy = "": must name who decided, because the decision is approved',
      'overageApprovals[1].decidedAt = "gestern": expected an ISO 8601 instant with offset',
    ];
    for (const line of expectedLines) {
      assert.ok(run.stderr.includes(line), `report contains: ${line}\n--- report ---\n${run.stderr}`);
    }
    assert.equal(run.stderr.trimEnd().split('\n').length, 1 + expectedLines.length, 'one report line per problem');

    assert.equal(await countRows(tables, 'customers'), 0);
    assert.equal(await countRows(tables, 'tenants'), 0);
    assert.equal(await countRows(tables, 'timeEntries'), 0);
    assert.equal(await countRows(tables, 'overageApprovals'), 0);
  });

  it('entry starting in 2036 is rejected', async () => {
    const document = validDocument();
    document.timeEntries.push({ customerId: 'fabrikam', type: 'support', start: '2036-11-04T09:00:00+01:00', minutes: 30, note: 'x' });
    const row = document.timeEntries.length - 1;

    const run = await runDesk(['import', '--file', writeDocument('future.json', document)], env);

    assert.equal(run.status, 1);
    assert.match(run.stderr, /rejected with 1 problem\(s\); nothing was stored/);
    assert.ok(
      run.stderr.includes(`timeEntries[${row}].start = "2036-11-04T09:00:00+01:00": lies more than 24 hours after now`),
      run.stderr,
    );
    assert.equal(await countRows(tables, 'timeEntries'), 0);
  });

  it('file that is not JSON is rejected', async () => {
    const run = await runDesk(['import', '--file', writeDocument('broken.json', '{"customers": [')], env);

    assert.equal(run.status, 1);
    assert.match(run.stderr, /is not valid JSON: .*; nothing was stored/);
  });

  it('missing file is rejected', async () => {
    const run = await runDesk(['import', '--file', path.join(folder, 'missing.json')], env);

    assert.equal(run.status, 1);
    assert.match(run.stderr, /Cannot read the import file .*missing\.json/);
  });

  it('missing --file exits with usage', async () => {
    const run = await runDesk(['import'], env);

    assert.equal(run.status, 2);
    assert.match(run.stderr, /Missing --file/);
  });

  it('same file twice adds nothing', async () => {
    const file = writeDocument('data.json', validDocument());
    assert.equal((await runDesk(['import', '--file', file], env)).status, 0);

    const second = await runDesk(['import', '--file', file], env);

    assert.equal(second.status, 0, second.stderr);
    const summary = JSON.parse(second.stdout) as Record<string, Record<string, number>>;
    assert.deepEqual(summary.customers, { created: 0, unchanged: 1 });
    assert.deepEqual(summary.timeEntries, { created: 0, unchanged: 3, changedSinceImport: 0 });
    assert.deepEqual(summary.overageApprovals, { created: 0, unchanged: 1, decidedSinceImport: 0 });
    assert.equal(await countRows(tables, 'timeEntries'), 3);
    assert.equal(await countRows(tables, 'overageApprovals'), 1);
  });

  it('entries changed since import are kept', async () => {
    const file = writeDocument('data.json', validDocument());
    assert.equal((await runDesk(['import', '--file', file], env)).status, 0);

    const catalog = loadCatalog();
    const customers = new CustomerRepository(tables);
    const timeEntries = new TimeEntryRepository(tables);
    const approvals = new OverageApprovalRepository(tables);
    const statements = new StatementService({ customers, timeEntries, approvals, catalog, zone: ZONE });
    const time = new TimeService({ customers, timeEntries, approvals, statements, catalog, zone: ZONE, clock: { now: () => new Date() } });
    const [first, second] = await time.listEntries('fabrikam', '2026-11');
    assert.ok(first);
    assert.ok(second);
    await time.editEntry(first, { minutes: 20 }, 'Berater');
    await time.deleteEntry(second, 'Berater');

    const again = await runDesk(['import', '--file', file], env);

    assert.equal(again.status, 0, again.stderr);
    const summary = JSON.parse(again.stdout) as Record<string, Record<string, number>>;
    assert.deepEqual(summary.timeEntries, { created: 0, unchanged: 1, changedSinceImport: 2 });
    const stored = await time.listEntries('fabrikam', '2026-11');
    assert.deepEqual(
      stored.map((entry) => entry.minutes),
      [20, 70],
    );
  });

  it('customer stored with other fields is a conflict', async () => {
    assert.equal((await runDesk(['import', '--file', writeDocument('first.json', validDocument())], env)).status, 0);
    const changed = {
      customers: [{ ...FABRIKAM, plan: 'silver' }],
      timeEntries: [{ customerId: 'fabrikam', type: 'support', start: '2026-11-20T09:00:00+01:00', minutes: 30 }],
    };

    const run = await runDesk(['import', '--file', writeDocument('changed.json', changed)], env);

    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      /customers\[0\]\.plan = "silver": customer "fabrikam" is stored with plan "gold"; an import does not change stored customers/,
    );
    assert.equal(await countRows(tables, 'timeEntries'), 3);
  });

  it('tenant of another customer is a conflict', async () => {
    assert.equal((await runDesk(['import', '--file', writeDocument('first.json', validDocument())], env)).status, 0);
    const other = { customers: [{ ...FABRIKAM, id: 'fabrikam-two' }] };

    const run = await runDesk(['import', '--file', writeDocument('other.json', other)], env);

    assert.equal(run.status, 1);
    assert.match(run.stderr, /customers\[0\]\.tenantId = "6f1c2d3e-[0-9a-f-]+": belongs to the stored customer "fabrikam"/);
    assert.equal(await countRows(tables, 'customers'), 1);
  });

  it('pending approval decided since import is kept', async () => {
    const document = {
      customers: [FABRIKAM],
      overageApprovals: [{ customerId: 'fabrikam', month: '2026-11', minutes: 60, decision: 'pending' }],
    };
    const file = writeDocument('pending.json', document);
    assert.equal((await runDesk(['import', '--file', file], env)).status, 0);
    const approvals = new OverageApprovalRepository(tables);
    const [pending] = await approvals.listMonths('fabrikam', '2026-11', '2026-11');
    assert.ok(pending);
    await approvals.decide(pending, 'declined', 'Jana Becker', new Date('2026-11-21T09:00:00Z'));

    const again = await runDesk(['import', '--file', file], env);

    assert.equal(again.status, 0, again.stderr);
    const summary = JSON.parse(again.stdout) as Record<string, Record<string, number>>;
    assert.deepEqual(summary.overageApprovals, { created: 0, unchanged: 0, decidedSinceImport: 1 });
    assert.equal((await approvals.get(pending))?.decision, 'declined');
  });
});
