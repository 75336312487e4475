import assert from 'node:assert/strict';

import { computeMonthStatement } from '../../../src/domain/hours/index.js';
import { hoursOverviewOf } from '../../../src/domain/hours/hoursOverview.js';
import { loadCatalog } from './catalogFixture.js';

const catalog = loadCatalog();

describe('hoursOverviewOf', () => {
  it('gold at 75 % has no warning', () => {
    // Gold: 480 included minutes; 360 billed support minutes.
    const statement = computeMonthStatement({
      catalog,
      planId: 'gold',
      month: '2026-11',
      entries: [{ type: 'support', minutes: 360 }],
      approvals: [],
      rolloverInMinutes: 0,
    });

    const overview = hoursOverviewOf(statement);

    assert.equal(overview.availableMinutes, 480);
    assert.equal(overview.usedMinutes, 360);
    assert.equal(overview.remainingMinutes, 120);
    assert.equal(overview.percentUsed, 75);
    assert.equal(overview.warningThresholdPercent, null);
  });

  it('gold at 80 % warns at 80', () => {
    const statement = computeMonthStatement({
      catalog,
      planId: 'gold',
      month: '2026-11',
      entries: [{ type: 'support', minutes: 384 }],
      approvals: [],
      rolloverInMinutes: 0,
    });

    assert.equal(hoursOverviewOf(statement).warningThresholdPercent, 80);
  });

  it('overage splits into approved and unapproved', () => {
    // 600 billed minutes on 480 included: 120 overage, 60 approved, so 60 unapproved and none left.
    const statement = computeMonthStatement({
      catalog,
      planId: 'gold',
      month: '2026-11',
      entries: [
        { type: 'support', minutes: 540 },
        { type: 'support', minutes: 60 },
      ],
      approvals: [{ minutes: 60, decision: 'approved' }],
      rolloverInMinutes: 0,
    });

    const overview = hoursOverviewOf(statement);

    assert.equal(overview.remainingMinutes, 0);
    assert.equal(overview.overageMinutes, 120);
    assert.equal(overview.overageApprovedMinutes, 60);
    assert.equal(overview.overageApprovedLeftMinutes, 0);
    assert.equal(overview.unapprovedOverageMinutes, 60);
    assert.equal(overview.percentUsed, 125);
    assert.equal(overview.warningThresholdPercent, 100);
  });

  it('rolled lot is used first and the rest expires', () => {
    // Professional: 1800 own minutes plus a 600-minute lot; 450 billed minutes use the lot, 150 of it expire.
    const statement = computeMonthStatement({
      catalog,
      planId: 'professional',
      month: '2026-11',
      entries: [
        { type: 'support', minutes: 300 },
        { type: 'project', minutes: 150 },
      ],
      approvals: [],
      rolloverInMinutes: 600,
    });

    const overview = hoursOverviewOf(statement);

    assert.equal(overview.availableMinutes, 2400);
    assert.equal(overview.rolledLotUsedMinutes, 450);
    assert.equal(overview.rolledLotExpiredMinutes, 150);
    assert.equal(overview.ownUsedMinutes, 0);
    assert.equal(overview.remainingMinutes, 1950);
    assert.deepEqual(overview.usedByType, { support: 300, project: 150, emergency: 0, 'on-site': 0 });
    assert.equal(overview.percentUsed, 18.8);
  });

  it('approved overage left is shown before use', () => {
    const statement = computeMonthStatement({
      catalog,
      planId: 'gold',
      month: '2026-11',
      entries: [{ type: 'support', minutes: 510 }],
      approvals: [{ minutes: 120, decision: 'approved' }],
      rolloverInMinutes: 0,
    });

    assert.equal(hoursOverviewOf(statement).overageApprovedLeftMinutes, 90);
  });
});
