import assert from 'node:assert/strict';

import { CounterRepository } from '../../../src/storage/counters.js';
import { createStorage } from '../../../src/storage/tables.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { azuriteConnectionString } from '../../support/root-hooks.js';

describe('CounterRepository', () => {
  let counters: CounterRepository;

  beforeEach(async () => {
    const storage = createStorage(azuriteConnectionString(), { tablePrefix: uniqueTablePrefix('counters') });
    await storage.ensureTables();
    counters = new CounterRepository(storage.tables);
  });

  it('next counts from 1', async () => {
    assert.equal(await counters.next('request', '2026'), 1);
    assert.equal(await counters.next('request', '2026'), 2);
    assert.equal(await counters.next('request', '2026'), 3);
  });

  it('next keeps scopes apart', async () => {
    await counters.next('request', '2026');
    await counters.next('request', '2026');

    assert.equal(await counters.next('request', '2027'), 1);
    assert.equal(await counters.next('invoice', '2026'), 1);
    assert.equal(await counters.next('request', '2026'), 3);
  });

  it('20 concurrent next calls give 1 to 20', async () => {
    const numbers = await Promise.all(Array.from({ length: 20 }, () => counters.next('request', '2026')));

    const sorted = [...numbers].sort((a, b) => a - b);
    assert.deepEqual(sorted, Array.from({ length: 20 }, (_, index) => index + 1));
    assert.equal(await counters.next('request', '2026'), 21);
  });

  it('128 concurrent next calls all get a number', async () => {
    const numbers = await Promise.all(Array.from({ length: 128 }, () => counters.next('request', '2026')));

    const sorted = [...numbers].sort((a, b) => a - b);
    assert.deepEqual(sorted, Array.from({ length: 128 }, (_, index) => index + 1));
  });

  it('next continues an existing counter concurrently', async () => {
    await counters.next('request', '2026');

    const numbers = await Promise.all(Array.from({ length: 10 }, () => counters.next('request', '2026')));

    assert.deepEqual([...numbers].sort((a, b) => a - b), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});
