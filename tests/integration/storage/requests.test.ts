import assert from 'node:assert/strict';

import type { SupportRequest } from '../../../src/domain/request.js';
import { InvalidRowError, RowTooLargeError } from '../../../src/storage/columns.js';
import { RequestRepository, type CardCopy } from '../../../src/storage/requests.js';
import { ConflictError, createStorage, EntityNotFoundError, type Storage } from '../../../src/storage/tables.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { azuriteConnectionString } from '../../support/root-hooks.js';

const opened: SupportRequest = {
  number: 'HD-2026-0001',
  customerId: 'fabrikam',
  planId: 'gold',
  emergency: false,
  description: 'Outlook asks for the password every few minutes.',
  urgency: 'normal',
  callbackPhone: '+49 211 5550101',
  callbackChannel: 'phone',
  channel: 'teams',
  contactAadObjectId: '0b9d7a52-1c3e-4f60-9a8b-7c6d5e4f3a21',
  contactName: 'Jana Becker',
  state: 'new',
  openedAt: '2026-12-04T09:15:00+01:00',
  deadline: '2026-12-04T10:15:00+01:00',
  guaranteeMinutes: 60,
};

const requesterCard: CardCopy = {
  role: 'requester',
  conversation: {
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    conversation: { id: 'a:1xyz;messageid=1', isGroup: false, conversationType: 'personal', name: '' },
  },
  activityId: '1733300000001',
};

describe('RequestRepository', () => {
  let storage: Storage;
  let requests: RequestRepository;

  beforeEach(async () => {
    storage = createStorage(azuriteConnectionString(), { tablePrefix: uniqueTablePrefix('requests') });
    await storage.ensureTables();
    requests = new RequestRepository(storage.tables);
  });

  it('create then get round trip', async () => {
    const created = await requests.create(opened);

    const stored = await requests.get('fabrikam', 'HD-2026-0001');
    assert.ok(stored !== undefined);
    assert.deepEqual(stored.request, opened);
    assert.deepEqual(stored.cards, []);
    assert.equal(stored.etag, created.etag);
  });

  it('create stores typed columns', async () => {
    await requests.create(opened);

    const row = await storage.tables.requests.getEntity('fabrikam', 'HD-2026-0001');
    assert.equal(row.state, 'new');
    assert.equal(row.emergency, false);
    assert.equal(row.guaranteeMinutes, 60);
    assert.equal(row.deadline, '2026-12-04T10:15:00+01:00');
    assert.equal(row.cards, '[]');
    assert.equal('acknowledgedAt' in row, false);
  });

  it('create rejects an existing number', async () => {
    await requests.create(opened);

    await assert.rejects(
      requests.create({ ...opened, description: 'second' }),
      (error: unknown) =>
        error instanceof ConflictError && error.message === 'Request "HD-2026-0001" already exists for customer "fabrikam"',
    );
    assert.equal((await requests.get('fabrikam', 'HD-2026-0001'))?.request.description, opened.description);
  });

  it('create rejects an oversized description', async () => {
    await assert.rejects(requests.create({ ...opened, description: 'x'.repeat(40_000) }), RowTooLargeError);
  });

  it('get of unknown number returns undefined', async () => {
    assert.equal(await requests.get('fabrikam', 'HD-2026-9999'), undefined);
  });

  it('update writes the change', async () => {
    await requests.create(opened);

    const updated = await requests.update('fabrikam', 'HD-2026-0001', (current) => ({
      ...current,
      request: { ...current.request, state: 'acknowledged', acknowledgedAt: '2026-12-04T09:20:00+01:00', acknowledgedBy: 'consultant' },
    }));

    const stored = await requests.get('fabrikam', 'HD-2026-0001');
    assert.equal(stored?.request.state, 'acknowledged');
    assert.equal(stored?.request.acknowledgedAt, '2026-12-04T09:20:00+01:00');
    assert.equal(stored?.request.acknowledgedBy, 'consultant');
    assert.equal(stored?.etag, updated.etag);
  });

  it('update removes a cleared optional field', async () => {
    await requests.create(opened);

    await requests.update('fabrikam', 'HD-2026-0001', (current) => {
      const { callbackPhone: _removed, ...rest } = current.request;
      return { ...current, request: rest };
    });

    const stored = await requests.get('fabrikam', 'HD-2026-0001');
    assert.equal(stored?.request.callbackPhone, undefined);
    assert.equal('callbackPhone' in (stored?.request ?? {}), false);
  });

  it('update returning undefined writes nothing', async () => {
    const created = await requests.create(opened);

    const result = await requests.update('fabrikam', 'HD-2026-0001', () => undefined);

    assert.equal(result.etag, created.etag);
    const stored = await requests.get('fabrikam', 'HD-2026-0001');
    assert.equal(stored?.etag, created.etag);
    assert.deepEqual(stored?.request, opened);
  });

  it('concurrent updates lose nothing', async () => {
    await requests.create({ ...opened, guaranteeMinutes: 0 });

    // Each change appends its own card copy and adds one minute; a lost update would drop one of each.
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        requests.update('fabrikam', 'HD-2026-0001', (current) => ({
          ...current,
          request: { ...current.request, guaranteeMinutes: current.request.guaranteeMinutes + 1 },
          cards: [...current.cards, { ...requesterCard, activityId: `activity-${index}` }],
        })),
      ),
    );

    const stored = await requests.get('fabrikam', 'HD-2026-0001');
    assert.equal(stored?.request.guaranteeMinutes, 10);
    assert.deepEqual(
      stored?.cards.map((card) => card.activityId).sort(),
      Array.from({ length: 10 }, (_, index) => `activity-${index}`).sort(),
    );
  });

  it('update of unknown request throws not found', async () => {
    await assert.rejects(
      requests.update('fabrikam', 'HD-2026-0404', (current) => current),
      (error: unknown) =>
        error instanceof EntityNotFoundError && error.message === 'Request "HD-2026-0404" of customer "fabrikam" not found',
    );
  });

  it('update rejects a changed number', async () => {
    await requests.create(opened);

    await assert.rejects(
      requests.update('fabrikam', 'HD-2026-0001', (current) => ({ ...current, request: { ...current.request, number: 'HD-2026-0002' } })),
      /keys cannot change/,
    );
  });

  it('addCard stores each copy once', async () => {
    await requests.create(opened);
    const consultantCard: CardCopy = { ...requesterCard, role: 'consultant', activityId: '1733300000002' };

    await requests.addCard('fabrikam', 'HD-2026-0001', requesterCard);
    const afterSecond = await requests.addCard('fabrikam', 'HD-2026-0001', consultantCard);
    const afterRepeat = await requests.addCard('fabrikam', 'HD-2026-0001', requesterCard);

    assert.equal(afterRepeat.etag, afterSecond.etag);
    const stored = await requests.get('fabrikam', 'HD-2026-0001');
    assert.deepEqual(stored?.cards, [requesterCard, consultantCard]);
  });

  it('listOpen skips resolved and closed', async () => {
    await requests.create(opened);
    await requests.create({ ...opened, number: 'HD-2026-0002', state: 'resolved' });
    await requests.create({ ...opened, number: 'HD-2026-0003', state: 'closed' });
    await requests.create({ ...opened, number: 'HD-2026-0004', customerId: 'contoso', state: 'waitingForCustomer' });

    const open = await requests.listOpen();

    assert.deepEqual(
      open.map((stored) => `${stored.request.customerId}/${stored.request.number}`),
      ['contoso/HD-2026-0004', 'fabrikam/HD-2026-0001'],
    );
  });

  it('listByCustomer returns one customer', async () => {
    await requests.create(opened);
    await requests.create({ ...opened, number: 'HD-2026-0002', state: 'closed' });
    await requests.create({ ...opened, number: 'HD-2026-0003', customerId: 'contoso' });

    const fabrikam = await requests.listByCustomer('fabrikam');

    assert.deepEqual(
      fabrikam.map((stored) => stored.request.number),
      ['HD-2026-0001', 'HD-2026-0002'],
    );
  });

  it('get rejects a row with an unknown state', async () => {
    await requests.create(opened);
    const row = await storage.tables.requests.getEntity('fabrikam', 'HD-2026-0001');
    await storage.tables.requests.updateEntity({ partitionKey: 'fabrikam', rowKey: 'HD-2026-0001', state: 'lost' }, 'Merge', {
      etag: row.etag,
    });

    await assert.rejects(
      requests.get('fabrikam', 'HD-2026-0001'),
      (error: unknown) => error instanceof InvalidRowError && error.message.includes('column "state" must be one of new,'),
    );
  });
});
