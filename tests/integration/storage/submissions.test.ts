import assert from 'node:assert/strict';

import { PENDING_CLAIM_TIMEOUT_MS, SubmissionRepository } from '../../../src/storage/submissions.js';
import { createStorage, type Storage } from '../../../src/storage/tables.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { azuriteConnectionString } from '../../support/root-hooks.js';

const CONVERSATION = 'a:1xyz;messageid=1';
const FORM = '1733300000001';
const NOW = new Date('2026-12-04T09:15:00Z');

describe('SubmissionRepository', () => {
  let storage: Storage;
  let submissions: SubmissionRepository;

  beforeEach(async () => {
    storage = createStorage(azuriteConnectionString(), { tablePrefix: uniqueTablePrefix('submissions') });
    await storage.ensureTables();
    submissions = new SubmissionRepository(storage.tables);
  });

  it('claim succeeds once', async () => {
    assert.deepEqual(await submissions.claim(CONVERSATION, FORM, NOW), { status: 'claimed' });
    assert.deepEqual(await submissions.claim(CONVERSATION, FORM, NOW), { status: 'taken' });
  });

  it('concurrent claims give one owner', async () => {
    const claims = await Promise.all(Array.from({ length: 8 }, () => submissions.claim(CONVERSATION, FORM, NOW)));

    assert.equal(claims.filter((claim) => claim.status === 'claimed').length, 1);
  });

  it('complete reports the request', async () => {
    await submissions.claim(CONVERSATION, FORM, NOW);

    await submissions.complete(CONVERSATION, FORM, 'fabrikam', 'HD-2026-0001');

    assert.deepEqual(await submissions.claim(CONVERSATION, FORM, NOW), {
      status: 'taken',
      customerId: 'fabrikam',
      number: 'HD-2026-0001',
    });
  });

  it('release allows a new claim', async () => {
    await submissions.claim(CONVERSATION, FORM, NOW);

    await submissions.release(CONVERSATION, FORM);

    assert.deepEqual(await submissions.claim(CONVERSATION, FORM, NOW), { status: 'claimed' });
  });

  it('release keeps a completed submission', async () => {
    await submissions.claim(CONVERSATION, FORM, NOW);
    await submissions.complete(CONVERSATION, FORM, 'fabrikam', 'HD-2026-0001');

    await submissions.release(CONVERSATION, FORM);

    const claim = await submissions.claim(CONVERSATION, FORM, NOW);
    assert.equal(claim.status, 'taken');
  });

  it('stale pending claim is taken over', async () => {
    await submissions.claim(CONVERSATION, FORM, NOW);
    const later = new Date(NOW.getTime() + PENDING_CLAIM_TIMEOUT_MS + 1);

    assert.deepEqual(await submissions.claim(CONVERSATION, FORM, later), { status: 'claimed' });
    const row = await storage.tables.submissions.getEntity(CONVERSATION, FORM);
    assert.equal(row.claimedAt, later.toISOString());
  });
});
