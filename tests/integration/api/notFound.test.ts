import assert from 'node:assert/strict';
import { startTabApiHarness, type TabApiHarness } from './reportsHarness.js';

const NOW = '2026-12-07T09:00:00+01:00';

describe('tab API unknown paths and methods', () => {
  let tab: TabApiHarness;

  before(async () => {
    tab = await startTabApiHarness(NOW);
  });

  after(async () => {
    await tab.stop();
  });

  /** Sends a request to any path of the server, with the consultant's token when `signed`. */
  async function send(method: string, path: string, signed = true) {
    const headers: Record<string, string> = {};
    if (signed) headers.authorization = `Bearer ${await tab.token()}`;
    const response = await fetch(`${tab.desk.desk.url}${path}`, { method, headers });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      allow: response.headers.get('allow'),
      body: text ? JSON.parse(text) : undefined,
    };
  }

  it('unknown path is 404 routeNotFound', async () => {
    const { status, contentType, body } = await send('GET', '/api/tab/invoices');

    assert.equal(status, 404);
    assert.match(contentType, /^application\/json/);
    assert.deepEqual(Object.keys(body).sort(), ['code', 'message']);
    assert.equal(body.code, 'routeNotFound');
    assert.equal(body.message, 'No tab API operation has this path. GET /api/tab/openapi.json lists the operations.');
  });

  it('unknown paths of every form are routeNotFound', async () => {
    const cases = [
      ['GET', '/api/tab'],
      ['GET', '/api/tab/'],
      ['POST', '/api/tab/customers/contoso/contacts'],
      ['GET', '/api/tab/requests/fabrikam'],
      ['DELETE', '/api/tab/absences/01KCX3F8Q0Z4W6N2M8R5T7V9XA/substitute'],
    ];

    for (const [method, path] of cases) {
      const { status, body } = await send(method!, path!);

      assert.equal(status, 404, `${method} ${path}`);
      assert.equal(body.code, 'routeNotFound', `${method} ${path}`);
    }
  });

  it('unknown path without token is 404', async () => {
    const { status, body } = await send('GET', '/api/tab/invoices', false);

    assert.equal(status, 404);
    assert.equal(body.code, 'routeNotFound');
  });

  it('wrong method is 405 with Allow', async () => {
    const { status, contentType, allow, body } = await send('DELETE', '/api/tab/customers');

    assert.equal(status, 405);
    assert.match(contentType, /^application\/json/);
    assert.equal(allow, 'GET, POST');
    assert.deepEqual(Object.keys(body).sort(), ['code', 'message']);
    assert.equal(body.code, 'methodNotAllowed');
    assert.equal(body.message, 'The path does not support this method. The Allow header lists the supported methods.');
  });

  it('wrong method on a path with parameters is 405', async () => {
    const patch = await send('PATCH', '/api/tab/customers/fabrikam');
    const post = await send('POST', '/api/tab/openapi.json');

    assert.equal(patch.status, 405);
    assert.equal(patch.allow, 'GET, PUT');
    assert.equal(patch.body.code, 'methodNotAllowed');
    assert.equal(post.status, 405);
    assert.equal(post.allow, 'GET');
    assert.equal(post.body.code, 'methodNotAllowed');
  });

  it('known routes still respond', async () => {
    const customers = await send('GET', '/api/tab/customers');
    const document = await send('GET', '/api/tab/openapi.json', false);

    assert.equal(customers.status, 200);
    assert.ok(customers.body.items.some((customer: any) => customer.id === 'fabrikam'));
    assert.equal(document.status, 200);
  });

  it('bot endpoint keeps restify errors', async () => {
    const { status, body } = await send('GET', '/api/messages', false);

    assert.equal(status, 405);
    assert.equal(body.code, 'MethodNotAllowed');
  });

  it('other paths keep restify errors', async () => {
    const other = await send('GET', '/api/other', false);
    const similarPrefix = await send('GET', '/api/tabs/customers', false);
    const tab = await send('POST', '/tab/', false);

    assert.equal(other.status, 404);
    assert.equal(other.body.code, 'ResourceNotFound');
    assert.equal(similarPrefix.status, 404);
    assert.equal(similarPrefix.body.code, 'ResourceNotFound');
    assert.equal(tab.status, 405);
    assert.equal(tab.body.code, 'MethodNotAllowed');
  });
});
