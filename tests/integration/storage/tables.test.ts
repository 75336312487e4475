import assert from 'node:assert/strict';

import { createStorage, tableName } from '../../../src/storage/tables.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { azuriteConnectionString } from '../../support/root-hooks.js';

describe('createStorage', () => {
  it('default prefix names the tables', () => {
    const storage = createStorage(azuriteConnectionString());

    const names = Object.values(storage.tables).map((table) => table.tableName);

    assert.equal(storage.tables.customers.tableName, 'deskCustomers');
    assert.equal(storage.tables.requests.tableName, 'deskRequests');
    assert.equal(storage.tables.timeEntries.tableName, 'deskTimeEntries');
    assert.equal(new Set(names).size, names.length);
    for (const name of names) assert.match(name, /^desk[A-Z][A-Za-z]+$/);
  });

  it('invalid prefix is rejected', () => {
    assert.throws(
      () => createStorage(azuriteConnectionString(), { tablePrefix: 'test-run' }),
      /Invalid table prefix "test-run": table name "test-runCustomers" must be 3 to 63 letters and digits/,
    );
    assert.throws(() => tableName('9lives', 'customers'), /Invalid table prefix "9lives"/);
    assert.throws(() => tableName('x'.repeat(60), 'customers'), /must be 3 to 63 letters and digits/);
  });

  it('invalid request timeout is rejected', () => {
    assert.throws(
      () => createStorage(azuriteConnectionString(), { requestTimeoutMs: 0 }),
      /Invalid requestTimeoutMs 0: expected a positive whole number of milliseconds/,
    );
  });

  it('ensureTables twice succeeds', async () => {
    const storage = createStorage(azuriteConnectionString(), { tablePrefix: uniqueTablePrefix('tables') });

    await storage.ensureTables();
    await storage.ensureTables();

    await storage.tables.counters.createEntity({ partitionKey: 'request', rowKey: '2026', value: 1 });
    const row = await storage.tables.counters.getEntity('request', '2026');
    assert.equal(row.value, 1);
  });
});
