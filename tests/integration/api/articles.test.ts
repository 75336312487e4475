import assert from 'node:assert/strict';

import { RequestRepository } from '../../../src/storage/requests.js';
import { fabrikamRequest, startTabApiHarness, type TabApiHarness } from './reportsHarness.js';

const outlook = {
  title: 'Outlook synchronisiert keine E-Mails',
  problem: 'Outlook zeigt neue E-Mails nicht an, der Posteingang bleibt leer.',
  solution: 'Den Exchange-Cache-Modus ausschalten und das Outlook-Profil neu anlegen.',
  tags: ['Outlook', 'Exchange'],
  visibility: 'public',
};
const printer = {
  title: 'Drucker druckt nicht nach Windows-Update',
  problem: 'Nach dem Update druckt der Netzwerkdrucker nicht mehr.',
  solution: 'Den Druckertreiber neu installieren und Outlook nicht anfassen.',
  tags: ['Drucker'],
  visibility: 'internal',
};
const password = {
  title: 'Kennwort zurücksetzen',
  problem: 'Ein Benutzer hat sein Kennwort vergessen.',
  solution: 'Im Microsoft 365 Admin Center das Kennwort zurücksetzen.',
  tags: ['Konto'],
  visibility: 'public',
};

describe('knowledge-base routes over HTTP', function () {
  this.timeout(60_000);

  let tab: TabApiHarness;
  const ids: Record<string, string> = {};

  before(async () => {
    tab = await startTabApiHarness('2026-12-08T10:00:00+01:00');
    for (const [name, content] of Object.entries({ outlook, printer, password })) {
      const { status, body } = await tab.api('POST', '/articles', content);
      assert.equal(status, 201, JSON.stringify(body));
      ids[name] = body.id;
      tab.desk.clock.set(new Date(tab.desk.clock.now().getTime() + 60_000).toISOString());
    }

    const requests = new RequestRepository(tab.desk.storage.tables);
    await requests.create(
      fabrikamRequest('HD-2026-0201', {
        description: 'VPN trennt ständig. Betrifft drei Kollegen im Homeoffice.',
        state: 'resolved',
        solution: 'MTU am VPN-Gateway auf 1400 gesetzt.',
        resolvedAt: '2026-12-02T15:00:00+01:00',
      }),
    );
    await requests.create(fabrikamRequest('HD-2026-0202', { state: 'inProgress' }));
  });

  after(async () => {
    await tab.stop();
  });

  it('create stores the article in its own partition', async () => {
    const { status, body } = await tab.api('GET', `/articles/${ids.outlook}`);

    assert.equal(status, 200);
    assert.match(body.id, /^[0-9a-f]{16}$/);
    assert.equal(body.title, outlook.title);
    assert.deepEqual(body.tags, ['Outlook', 'Exchange']);
    assert.equal(body.visibility, 'public');
    assert.equal(body.createdAt, '2026-12-08T09:00:00.000Z');
    assert.equal(body.updatedAt, body.createdAt);

    const row = await tab.desk.storage.tables.articles.getEntity(ids.outlook!, 'article');
    assert.equal(row.title, outlook.title);
    assert.equal(row.tags, '["Outlook","Exchange"]');
  });

  it('search ranks the title match first', async () => {
    const { status, body } = await tab.api('GET', `/articles?q=${encodeURIComponent('Outlook')}`);

    assert.equal(status, 200);
    assert.deepEqual(
      body.items.map((article: any) => article.id),
      [ids.outlook, ids.printer],
    );
    assert.equal(body.total, 2);
    assert.equal(body.nextCursor, undefined);
  });

  it('search finds umlauts spelled out', async () => {
    const { body } = await tab.api('GET', '/articles?q=zuruecksetzen');

    assert.deepEqual(
      body.items.map((article: any) => article.id),
      [ids.password],
    );
  });

  it('filters by tag and visibility', async () => {
    const byTag = await tab.api('GET', '/articles?tag=drucker');
    const byVisibility = await tab.api('GET', '/articles?visibility=public&q=Outlook');

    assert.deepEqual(
      byTag.body.items.map((article: any) => article.id),
      [ids.printer],
    );
    assert.deepEqual(
      byVisibility.body.items.map((article: any) => article.id),
      [ids.outlook],
    );
  });

  it('pages with a cursor, newest first', async () => {
    const first = await tab.api('GET', '/articles?limit=2');
    const second = await tab.api('GET', `/articles?limit=2&cursor=${first.body.nextCursor}`);

    assert.deepEqual(
      first.body.items.map((article: any) => article.id),
      [ids.password, ids.printer],
    );
    assert.equal(first.body.total, 3);
    assert.deepEqual(
      second.body.items.map((article: any) => article.id),
      [ids.outlook],
    );
    assert.equal(second.body.nextCursor, undefined);
  });

  it('invalid cursor is 400', async () => {
    const { status, body } = await tab.api('GET', '/articles?cursor=bm9wZQ');

    assert.equal(status, 400);
    assert.equal(body.issues[0].field, 'query.cursor');
  });

  it('edited cursor offset is 400', async () => {
    const cursor = Buffer.from(JSON.stringify({ offset: 1e300 }), 'utf8').toString('base64url');
    const { status, body } = await tab.api('GET', `/articles?cursor=${cursor}`);

    assert.equal(status, 400);
    assert.deepEqual(body.issues, [{ field: 'query.cursor', code: 'invalidFormat', message: 'Invalid cursor; pass nextCursor of the previous page unchanged' }]);
  });

  it('update replaces the content', async () => {
    tab.desk.clock.set('2026-12-09T08:00:00+01:00');
    const { status, body } = await tab.api('PUT', `/articles/${ids.printer}`, { ...printer, visibility: 'public', tags: ['Drucker', 'Windows'] });

    assert.equal(status, 200);
    assert.equal(body.visibility, 'public');
    assert.deepEqual(body.tags, ['Drucker', 'Windows']);
    assert.equal(body.updatedAt, '2026-12-09T07:00:00.000Z');
    assert.notEqual(body.createdAt, body.updatedAt);
  });

  it('blank title is 422', async () => {
    const { status, body } = await tab.api('PUT', `/articles/${ids.printer}`, { ...printer, title: '   ' });

    assert.equal(status, 422);
    assert.deepEqual(body.issues, [{ field: 'body.title', code: 'required', message: 'is required' }]);
  });

  it('unknown and malformed ids', async () => {
    assert.equal((await tab.api('GET', '/articles/0123456789abcdef')).status, 404);
    assert.equal((await tab.api('PUT', '/articles/0123456789abcdef', outlook)).status, 404);
    assert.equal((await tab.api('GET', '/articles/not-an-id')).status, 400);
  });

  it('delete removes the article', async () => {
    const created = await tab.api('POST', '/articles', { ...password, title: 'Doppelt' });

    assert.equal((await tab.api('DELETE', `/articles/${created.body.id}`)).status, 204);
    assert.equal((await tab.api('GET', `/articles/${created.body.id}`)).status, 404);
    assert.equal((await tab.api('DELETE', `/articles/${created.body.id}`)).status, 404);
  });

  it('resolved request becomes an internal draft', async () => {
    const { status, body } = await tab.api('POST', '/requests/fabrikam/HD-2026-0201/article');

    assert.equal(status, 200);
    assert.equal(body.created, true);
    assert.equal(body.article.title, 'VPN trennt ständig.');
    assert.equal(body.article.problem, 'VPN trennt ständig. Betrifft drei Kollegen im Homeoffice.');
    assert.equal(body.article.solution, 'MTU am VPN-Gateway auf 1400 gesetzt.');
    assert.equal(body.article.visibility, 'internal');
    assert.deepEqual(body.article.source, { customerId: 'fabrikam', number: 'HD-2026-0201' });

    const again = await tab.api('POST', '/requests/fabrikam/HD-2026-0201/article');
    assert.equal(again.body.created, false);
    assert.equal(again.body.article.id, body.article.id);
  });

  it('unresolved request is 409', async () => {
    const { status, body } = await tab.api('POST', '/requests/fabrikam/HD-2026-0202/article');

    assert.equal(status, 409);
    assert.equal(body.code, 'conflict');
  });

  it('malformed request number is 400', async () => {
    const { status, body } = await tab.api('POST', '/requests/fabrikam/hd-2026-x/article');

    assert.equal(status, 400);
    assert.deepEqual(body.issues, [{ field: 'params.number', code: 'invalid', message: 'Expected a request number such as HD-2026-0042' }]);
  });

  it('unknown request is 404', async () => {
    const { status, body } = await tab.api('POST', '/requests/fabrikam/HD-2026-0999/article');

    assert.equal(status, 404);
    assert.equal(body.code, 'requestNotFound');
  });
});
