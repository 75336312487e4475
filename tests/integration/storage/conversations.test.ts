import assert from 'node:assert/strict';

import type { ConversationReference } from 'botbuilder';

import {
  CONSULTANT_KEY,
  contactConversationKey,
  ConversationRepository,
} from '../../../src/storage/conversations.js';
import { createStorage, encodeKey, type Storage } from '../../../src/storage/tables.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { azuriteConnectionString } from '../../support/root-hooks.js';

const consultantChat: Partial<ConversationReference> = {
  activityId: 'f:1733300000000',
  user: { id: '29:1consultant-user-id', name: 'Consultant', aadObjectId: '9e8d7c6b-0000-4000-8000-000000000001' },
  bot: { id: '28:bot-app-id', name: 'Hotline Desk' },
  conversation: { id: 'a:1xyz;messageid=1', isGroup: false, conversationType: 'personal', name: '', tenantId: 'tenant-1' },
  channelId: 'msteams',
  locale: 'de-DE',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
};

describe('ConversationRepository', () => {
  let storage: Storage;
  let conversations: ConversationRepository;

  beforeEach(async () => {
    storage = createStorage(azuriteConnectionString(), { tablePrefix: uniqueTablePrefix('conversations') });
    await storage.ensureTables();
    conversations = new ConversationRepository(storage.tables);
  });

  it('save then get round trip', async () => {
    await conversations.save('consultant', CONSULTANT_KEY, consultantChat);

    assert.deepEqual(await conversations.get('consultant', CONSULTANT_KEY), consultantChat);
  });

  it('get of unknown key returns undefined', async () => {
    assert.equal(await conversations.get('contact', contactConversationKey('tenant-1', 'user-1')), undefined);
  });

  it('save replaces the reference', async () => {
    await conversations.save('consultant', CONSULTANT_KEY, consultantChat);
    const moved = { ...consultantChat, serviceUrl: 'https://smba.trafficmanager.net/de/' };

    await conversations.save('consultant', CONSULTANT_KEY, moved);

    assert.deepEqual(await conversations.get('consultant', CONSULTANT_KEY), moved);
  });

  it('save of an identical reference writes nothing', async () => {
    await conversations.save('consultant', CONSULTANT_KEY, consultantChat);
    const before = await storage.tables.conversations.getEntity('consultant', CONSULTANT_KEY);

    await conversations.save('consultant', CONSULTANT_KEY, consultantChat);

    const after = await storage.tables.conversations.getEntity('consultant', CONSULTANT_KEY);
    assert.equal(after.etag, before.etag);
  });

  it('concurrent saves leave one complete reference', async () => {
    const references = Array.from({ length: 8 }, (_, index) => ({ ...consultantChat, activityId: `f:${index}` }));

    await Promise.all(references.map((reference) => conversations.save('consultant', CONSULTANT_KEY, reference)));

    const stored = await conversations.get('consultant', CONSULTANT_KEY);
    assert.ok(references.some((reference) => JSON.stringify(reference) === JSON.stringify(stored)));
  });

  it('contact key is stored encoded', async () => {
    const key = contactConversationKey('72f988bf-86f1-41af-91ab-2d7cd011db47', '29:1a-b;c@d/e');

    await conversations.save('contact', key, consultantChat);

    const row = await storage.tables.conversations.getEntity('contact', encodeKey(key));
    assert.equal(row.rowKey, '72f988bf-86f1-41af-91ab-2d7cd011db47|29:1a-b;c@d%2Fe');
    assert.deepEqual(await conversations.get('contact', key), consultantChat);
  });

  it('contactConversationKey rejects a pipe', () => {
    assert.throws(() => contactConversationKey('a|b', 'user'), /Invalid tenantId "a\|b"/);
    assert.throws(() => contactConversationKey('tenant', ''), /Invalid aadObjectId ""/);
  });
});
