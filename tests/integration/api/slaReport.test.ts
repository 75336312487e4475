import assert from 'node:assert/strict';

import { RequestRepository } from '../../../src/storage/requests.js';
import { fabrikamRequest, seedFabrikamNovember, startTabApiHarness, type TabApiHarness } from './reportsHarness.js';

describe('SLA report route over HTTP', function () {
  this.timeout(60_000);

  let tab: TabApiHarness;

  before(async () => {
    tab = await startTabApiHarness('2026-12-08T10:00:00+01:00');
    await seedFabrikamNovember(tab.desk);
    // Northwind (Enterprise): one request due in November, called back after 20 minutes.
    await new RequestRepository(tab.desk.storage.tables).create({
      ...fabrikamRequest('HD-2026-0110', { firstContactAt: '2026-11-05T11:20:00+01:00', slaMet: true }),
      customerId: 'northwind',
      planId: 'enterprise',
      openedAt: '2026-11-05T11:00:00+01:00',
      deadline: '2026-11-05T11:30:00+01:00',
      guaranteeMinutes: 30,
    });
  });

  after(async () => {
    await tab.stop();
  });

  it('lists every customer by name', async () => {
    const { status, body } = await tab.api('GET', '/sla-report?month=2026-11');

    assert.equal(status, 200);
    assert.equal(body.month, '2026-11');
    const byId = new Map(body.customers.map((row: any) => [row.customerId, row]));
    assert.deepEqual(
      body.customers.map((row: any) => row.customerName),
      [...body.customers.map((row: any) => row.customerName)].sort((a: string, b: string) => a.localeCompare(b, 'de')),
    );
    assert.deepEqual(
      ['fabrikam', 'northwind', 'contoso-praxis'].map((id) => byId.has(id)),
      [true, true, true],
    );

    const fabrikam: any = byId.get('fabrikam');
    assert.equal(fabrikam.decidedCount, 4);
    assert.equal(fabrikam.metCount, 2);
    assert.equal(fabrikam.metPercent, 50);
    assert.equal(fabrikam.medianCallbackMinutes, 40);

    const northwind: any = byId.get('northwind');
    assert.equal(northwind.metCount, 1);
    assert.equal(northwind.metPercent, 100);
    assert.equal(northwind.medianCallbackMinutes, 20);

    const contoso: any = byId.get('contoso-praxis');
    assert.equal(contoso.requestCount, 0);
    assert.equal(contoso.metPercent, null);
  });

  it('filters one customer', async () => {
    const { status, body } = await tab.api('GET', '/sla-report?month=2026-11&customerId=northwind');

    assert.equal(status, 200);
    assert.equal(body.customers.length, 1);
    assert.equal(body.customers[0].customerId, 'northwind');
    assert.equal(body.customers[0].callbackCount, 1);
  });

  it('December counts the request due on the 1st', async () => {
    const { body } = await tab.api('GET', '/sla-report?month=2026-12&customerId=fabrikam');

    // HD-2026-0105 was due on 2026-12-01 at 07:45 without a callback; at 2026-12-08 it is missed.
    assert.equal(body.customers[0].requestCount, 1);
    assert.equal(body.customers[0].missedCount, 1);
    assert.equal(body.customers[0].metPercent, 0);
  });

  it('unknown customer is 404', async () => {
    const { status, body } = await tab.api('GET', '/sla-report?month=2026-11&customerId=nobody');

    assert.equal(status, 404);
    assert.equal(body.code, 'customerNotFound');
  });
});
