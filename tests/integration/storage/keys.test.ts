import assert from 'node:assert/strict';

import { createStorage, decodeKey, encodeKey, MAX_KEY_LENGTH } from '../../../src/storage/tables.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { azuriteConnectionString } from '../../support/root-hooks.js';

const TEAMS_LIKE = '29:1a-b;c@d/e#f?g\\h%';

describe('table key encoding', () => {
  it('encodeKey escapes forbidden characters and %', () => {
    assert.equal(encodeKey(TEAMS_LIKE), '29:1a-b;c@d%2Fe%23f%3Fg%5Ch%25');
  });

  it('encodeKey escapes control characters', () => {
    assert.equal(encodeKey('a\tb\nc\u007fd\u009fe'), 'a%09b%0Ac%7Fd%9Fe');
  });

  it('decodeKey reverses encodeKey', () => {
    for (const value of [TEAMS_LIKE, '%25', '100%', 'a\u0000b', 'ünïcödé/ß', "O'Brien"]) {
      assert.equal(decodeKey(encodeKey(value)), value);
    }
  });

  it('encodeKey leaves a safe value unchanged', () => {
    assert.equal(encodeKey('HD-2026-0001'), 'HD-2026-0001');
  });

  it('encodeKey rejects an empty value', () => {
    assert.throws(() => encodeKey(''), /Invalid table key: the value is empty/);
  });

  it('encodeKey rejects a key over 512 characters', () => {
    assert.equal(encodeKey('x'.repeat(MAX_KEY_LENGTH)).length, 512);
    assert.throws(() => encodeKey('/'.repeat(200)), /600 characters encoded, the maximum is 512/);
  });

  it('decodeKey rejects a stray %', () => {
    assert.throws(() => decodeKey('50%off'), /Invalid encoded table key "50%off"/);
  });

  it('encoded keys round trip through Azurite', async () => {
    const storage = createStorage(azuriteConnectionString(), { tablePrefix: uniqueTablePrefix('keys') });
    await storage.ensureTables();
    const table = storage.tables.conversations;

    await table.createEntity({ partitionKey: encodeKey(TEAMS_LIKE), rowKey: encodeKey(TEAMS_LIKE), note: 'stored' });

    const row = await table.getEntity(encodeKey(TEAMS_LIKE), encodeKey(TEAMS_LIKE));
    assert.equal(row.note, 'stored');
    assert.equal(decodeKey(row.partitionKey ?? ''), TEAMS_LIKE);
    assert.equal(decodeKey(row.rowKey ?? ''), TEAMS_LIKE);
  });
});
