import assert from 'node:assert/strict';

import { createStorage, type Storage } from '../../../src/storage/tables.js';
import { STALE_CLAIM_MS, WarningRepository, type WarningKey } from '../../../src/storage/warnings.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { azuriteConnectionString } from '../../support/root-hooks.js';

const KEY: WarningKey = { customerId: 'contoso-praxis', number: 'HD-2026-0004', kind: 'atRisk' };
const DUE_AT = '2026-12-07T10:00:00+01:00';
const CLAIMED_AT = '2026-12-07T10:00:10+01:00';

/** Returns the instant `ms` milliseconds after CLAIMED_AT, as ISO 8601 in UTC. */
function afterClaim(ms: number): string {
  return new Date(Date.parse(CLAIMED_AT) + ms).toISOString();
}

describe('WarningRepository', () => {
  let storage: Storage;
  let warnings: WarningRepository;

  beforeEach(async () => {
    storage = createStorage(azuriteConnectionString(), { tablePrefix: uniqueTablePrefix('warnings') });
    await storage.ensureTables();
    warnings = new WarningRepository(storage.tables);
  });

  it('first claim wins, second sees the claimer', async () => {
    const first = await warnings.claim(KEY, { dueAt: DUE_AT, claimedAt: CLAIMED_AT, instanceId: 'web-1:101' });
    const second = await warnings.claim(KEY, { dueAt: DUE_AT, claimedAt: CLAIMED_AT, instanceId: 'web-2:202' });

    assert.equal(first.status, 'claimed');
    assert.deepEqual(second, { status: 'claimedElsewhere', claimedBy: 'web-1:101' });
  });

  it('claim row has keys and columns', async () => {
    await warnings.claim(KEY, { dueAt: DUE_AT, claimedAt: CLAIMED_AT, instanceId: 'web-1:101' });

    const row = await storage.tables.warnings.getEntity<Record<string, unknown>>('contoso-praxis', 'HD-2026-0004|atRisk');
    assert.equal(row.number, 'HD-2026-0004');
    assert.equal(row.kind, 'atRisk');
    assert.equal(row.state, 'claimed');
    assert.equal(row.dueAt, DUE_AT);
    assert.equal(row.claimedAt, CLAIMED_AT);
    assert.equal(row.claimedBy, 'web-1:101');
    assert.equal(row.sentAt, undefined);
  });

  it('concurrent claims give one owner', async () => {
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        warnings.claim(KEY, { dueAt: DUE_AT, claimedAt: CLAIMED_AT, instanceId: `web-${index}:1` }),
      ),
    );

    assert.equal(claims.filter((claim) => claim.status === 'claimed').length, 1);
    assert.equal(claims.filter((claim) => claim.status === 'claimedElsewhere').length, 7);
  });

  it('marked warning is reported as sent', async () => {
    const claim = await warnings.claim(KEY, { dueAt: DUE_AT, claimedAt: CLAIMED_AT, instanceId: 'web-1:101' });
    assert.equal(claim.status, 'claimed');

    const marked = await warnings.markSent(KEY, claim.etag, {
      sentAt: '2026-12-07T10:00:11+01:00',
      late: false,
      sentBy: 'web-1:101',
      recipients: ['consultant'],
    });
    const later = await warnings.claim(KEY, { dueAt: DUE_AT, claimedAt: afterClaim(STALE_CLAIM_MS * 10), instanceId: 'web-2:202' });

    assert.equal(marked, true);
    assert.equal(later.status, 'alreadySent');
    const stored = await warnings.get(KEY);
    assert.equal(stored?.state, 'sent');
    assert.equal(stored?.dueAt, DUE_AT);
    assert.equal(stored?.sentAt, '2026-12-07T10:00:11+01:00');
    assert.equal(stored?.sentBy, 'web-1:101');
    assert.equal(stored?.late, false);
    assert.deepEqual(stored?.recipients, ['consultant']);
  });

  it('claim is kept until the stale limit', async () => {
    await warnings.claim(KEY, { dueAt: DUE_AT, claimedAt: CLAIMED_AT, instanceId: 'web-1:101' });

    const atLimit = await warnings.claim(KEY, { dueAt: DUE_AT, claimedAt: afterClaim(STALE_CLAIM_MS), instanceId: 'web-2:202' });

    assert.deepEqual(atLimit, { status: 'claimedElsewhere', claimedBy: 'web-1:101' });
  });

  it('stale claim is taken over', async () => {
    const crashed = await warnings.claim(KEY, { dueAt: DUE_AT, claimedAt: CLAIMED_AT, instanceId: 'web-1:101' });
    assert.equal(crashed.status, 'claimed');

    const takeover = await warnings.claim(KEY, { dueAt: DUE_AT, claimedAt: afterClaim(STALE_CLAIM_MS + 1000), instanceId: 'web-2:202' });

    assert.equal(takeover.status, 'claimed');
    assert.equal(takeover.status === 'claimed' && takeover.takenOverFrom, 'web-1:101');
    const stored = await warnings.get(KEY);
    assert.equal(stored?.claimedBy, 'web-2:202');
    assert.equal(stored?.claimedAt, afterClaim(STALE_CLAIM_MS + 1000));
  });

  it('old claimer cannot mark after takeover', async () => {
    const crashed = await warnings.claim(KEY, { dueAt: DUE_AT, claimedAt: CLAIMED_AT, instanceId: 'web-1:101' });
    assert.equal(crashed.status, 'claimed');
    await warnings.claim(KEY, { dueAt: DUE_AT, claimedAt: afterClaim(STALE_CLAIM_MS + 1000), instanceId: 'web-2:202' });

    const marked = await warnings.markSent(KEY, crashed.etag, {
      sentAt: afterClaim(STALE_CLAIM_MS + 2000),
      late: true,
      sentBy: 'web-1:101',
      recipients: ['consultant'],
    });

    assert.equal(marked, false);
    assert.equal((await warnings.get(KEY))?.state, 'claimed');
  });

  it('concurrent takeovers give one owner', async () => {
    await warnings.claim(KEY, { dueAt: DUE_AT, claimedAt: CLAIMED_AT, instanceId: 'web-1:101' });
    const staleAt = afterClaim(STALE_CLAIM_MS + 1000);

    const claims = await Promise.all(
      Array.from({ length: 6 }, (_, index) => warnings.claim(KEY, { dueAt: DUE_AT, claimedAt: staleAt, instanceId: `web-${index + 2}:1` })),
    );

    assert.equal(claims.filter((claim) => claim.status === 'claimed').length, 1);
  });

  it('kinds of one request are separate rows', async () => {
    await warnings.claim(KEY, { dueAt: DUE_AT, claimedAt: CLAIMED_AT, instanceId: 'web-1:101' });
    const breach = await warnings.claim({ ...KEY, kind: 'breach' }, { dueAt: '2026-12-07T11:00:00+01:00', claimedAt: CLAIMED_AT, instanceId: 'web-1:101' });

    assert.equal(breach.status, 'claimed');
    const rows = await warnings.listByCustomer('contoso-praxis');
    assert.deepEqual(rows.map((row) => row.kind), ['atRisk', 'breach']);
  });

  it('invalid values are rejected by name', async () => {
    await assert.rejects(
      warnings.claim({ ...KEY, number: 'HD|1' }, { dueAt: DUE_AT, claimedAt: CLAIMED_AT, instanceId: 'web-1:101' }),
      /request number "HD\|1"/,
    );
    await assert.rejects(warnings.claim(KEY, { dueAt: 'Montag', claimedAt: CLAIMED_AT, instanceId: 'web-1:101' }), /dueAt "Montag"/);
    await assert.rejects(warnings.claim(KEY, { dueAt: DUE_AT, claimedAt: CLAIMED_AT, instanceId: ' ' }), /instance id/);
    await assert.rejects(
      warnings.markSent(KEY, '*', { sentAt: CLAIMED_AT, late: false, sentBy: 'web-1:101', recipients: [] }),
      /no recipient/,
    );
  });
});
