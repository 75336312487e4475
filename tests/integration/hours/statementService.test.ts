import assert from 'node:assert/strict';

import type { TimeType } from '../../../src/domain/catalog.js';
import { createHoursHarness, type HoursHarness } from './hoursHarness.js';

describe('StatementService', () => {
  let harness: HoursHarness;

  beforeEach(async () => {
    harness = await createHoursHarness('statements');
  });

  /** Logs one entry per value in `minutes`, on consecutive days of `month` starting on the 2nd. */
  async function logMonth(customerId: string, month: string, minutes: number[], type: TimeType = 'support'): Promise<void> {
    for (const [index, value] of minutes.entries()) {
      await harness.time.addEntry({
        customerId,
        type,
        minutes: value,
        start: `${month}-${String(index + 2).padStart(2, '0')}T10:00:00+01:00`,
        createdBy: 'Berater',
      });
    }
  }

  it('rollover walks back to the contract start', async () => {
    // Professional: 1800 included minutes, rollover cap 600. June is unused, so July starts with a
    // 600-minute lot; July and August each use 1800 minutes and so roll 600 over again. A walk of two
    // months only, starting in July without a lot, would find no lot in September and 600 minutes of overage.
    await harness.addCustomer('northwind', 'professional', '2026-06-01');
    await logMonth('northwind', '2026-07', [900, 900]);
    await logMonth('northwind', '2026-08', [900, 900]);
    await logMonth('northwind', '2026-09', [900, 900, 600]);

    const september = await harness.statements.monthStatement('northwind', '2026-09');

    assert.equal(september.rolloverInMinutes, 600);
    assert.equal(september.rolledLotUsedMinutes, 600);
    assert.equal(september.ownUsedMinutes, 1800);
    assert.equal(september.overageMinutes, 0);
    assert.equal(september.netCents, 349900);
  });

  it('contract start month has no lot', async () => {
    await harness.addCustomer('northwind', 'professional', '2026-11-15');

    const november = await harness.statements.monthStatement('northwind', '2026-11');
    const december = await harness.statements.monthStatement('northwind', '2026-12');

    assert.equal(november.rolloverInMinutes, 0);
    assert.equal(november.rolloverOutMinutes, 600);
    assert.equal(december.rolloverInMinutes, 600);
    assert.equal(december.availableMinutes, 2400);
  });

  it('month before contract start is rejected', async () => {
    await harness.addCustomer('northwind', 'professional', '2026-11-15');

    await assert.rejects(
      harness.statements.monthStatement('northwind', '2026-10'),
      /Month 2026-10 lies before the contract start 2026-11-15 of customer "northwind"; choose 2026-11 or later/,
    );
  });

  it('unknown customer is rejected', async () => {
    await assert.rejects(harness.statements.monthStatement('nobody', '2026-11'), {
      name: 'CustomerNotFoundError',
      message: 'Customer "nobody" not found',
    });
  });

  it('invalid month is rejected', async () => {
    await assert.rejects(harness.statements.monthStatement('nobody', '2026-13'), /Invalid month "2026-13"/);
  });

  it('emergencies group by request number', async () => {
    await harness.addCustomer('fabrikam', 'gold', '2026-10-01');
    const emergency = (minutes: number, start: string, request?: string) =>
      harness.time.addEntry({
        customerId: 'fabrikam',
        type: 'emergency',
        minutes,
        start,
        createdBy: 'Berater',
        ...(request === undefined ? {} : { request }),
      });

    // One emergency with two entries (45 + 30 billed minutes), and one without a request number.
    await emergency(40, '2026-11-07T02:00:00+01:00', 'HD-2026-0100');
    await emergency(30, '2026-11-07T05:00:00+01:00', 'HD-2026-0100');
    await emergency(20, '2026-11-20T22:00:00+01:00');

    const statement = await harness.statements.monthStatement('fabrikam', '2026-11');

    assert.equal(statement.emergencyCount, 2);
    assert.equal(statement.emergencyBillableMinutes, 105);
    // Two base fees of 299.00 EUR, plus 75 minutes and 30 minutes at 199.00 EUR per hour.
    assert.equal(statement.emergencyCents, 2 * 29900 + 24875 + 9950);
    assert.equal(statement.includedUsedMinutes, 0);
    assert.equal(statement.lines.find((line) => line.descriptionKey === 'emergencyBaseFee')?.reference, 'HD-2026-0100');
  });

  it('on-site days count local dates', async () => {
    // A clock in December, so the entry on 1 December lies before now.
    harness = await createHoursHarness('statements', { now: () => new Date('2026-12-02T12:00:00Z') });
    await harness.addCustomer('northwind', 'enterprise', '2026-10-01');
    const onSite = (start: string) =>
      harness.time.addEntry({ customerId: 'northwind', type: 'on-site', minutes: 240, start, createdBy: 'Berater' });

    // Two entries on 3 November make one day; 23:30 UTC on 30 November is 1 December in Berlin.
    await onSite('2026-11-03T08:00:00+01:00');
    await onSite('2026-11-03T13:00:00+01:00');
    await onSite('2026-11-30T23:30:00Z');

    const november = await harness.statements.monthStatement('northwind', '2026-11');
    const december = await harness.statements.monthStatement('northwind', '2026-12');

    assert.equal(november.onSiteDays, 1);
    assert.equal(november.onSiteCents, 149900);
    assert.equal(november.includedUsedMinutes, 0);
    assert.equal(december.onSiteDays, 1);
  });

  it('deleted entries are not billed', async () => {
    await harness.addCustomer('fabrikam', 'gold', '2026-10-01');
    const { entry } = await harness.time.addEntry({
      customerId: 'fabrikam',
      type: 'project',
      minutes: 60,
      start: '2026-11-05T10:00:00+01:00',
      createdBy: 'Berater',
    });
    assert.equal((await harness.statements.monthStatement('fabrikam', '2026-11')).projectCents, 14900);

    await harness.time.deleteEntry(entry, 'Berater');

    assert.equal((await harness.statements.monthStatement('fabrikam', '2026-11')).projectCents, 0);
  });
});
