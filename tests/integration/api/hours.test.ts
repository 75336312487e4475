import assert from 'node:assert/strict';

import { seedFabrikamNovember, startTabApiHarness, type TabApiHarness } from './reportsHarness.js';

describe('hours route over HTTP', function () {
  this.timeout(60_000);

  let tab: TabApiHarness;

  before(async () => {
    tab = await startTabApiHarness('2026-12-08T10:00:00+01:00');
    await seedFabrikamNovember(tab.desk);
  });

  after(async () => {
    await tab.stop();
  });

  it('pool of November matches the statement', async () => {
    const [hours, statement] = await Promise.all([
      tab.api('GET', '/hours?customerId=fabrikam&month=2026-11'),
      tab.api('GET', '/statements?customerId=fabrikam&month=2026-11'),
    ]);

    assert.equal(hours.status, 200);
    assert.deepEqual(hours.body, {
      customerId: 'fabrikam',
      month: '2026-11',
      includedMinutes: 480,
      rolloverInMinutes: 0,
      rolledLotUsedMinutes: 0,
      rolledLotExpiredMinutes: 0,
      ownUsedMinutes: 480,
      availableMinutes: 480,
      usedMinutes: 510,
      includedUsedMinutes: 480,
      usedByType: { support: 510, project: 45, emergency: 0, 'on-site': 0 },
      remainingMinutes: 0,
      overageMinutes: 30,
      overageApprovedMinutes: 30,
      overageApprovedLeftMinutes: 0,
      unapprovedOverageMinutes: 0,
      percentUsed: 106.3,
      warningThresholdPercent: 100,
    });
    assert.equal(hours.body.usedMinutes, statement.body.billableMinutes);
    assert.equal(hours.body.overageMinutes, statement.body.overageMinutes);
    assert.equal(hours.body.includedUsedMinutes, statement.body.includedUsedMinutes);
  });

  it('month without time has no warning', async () => {
    const { status, body } = await tab.api('GET', '/hours?customerId=fabrikam&month=2026-10');

    assert.equal(status, 200);
    assert.equal(body.usedMinutes, 0);
    assert.equal(body.remainingMinutes, 480);
    assert.equal(body.percentUsed, 0);
    assert.equal(body.warningThresholdPercent, null);
  });

  it('missing customer id is 400', async () => {
    const { status, body } = await tab.api('GET', '/hours?month=2026-11');

    assert.equal(status, 400);
    assert.equal(body.issues[0].field, 'query.customerId');
  });
});
