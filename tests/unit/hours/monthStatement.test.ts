import assert from 'node:assert/strict';

import { computeMonthStatement, type MonthStatementInput } from '../../../src/domain/hours/index.js';
import { loadCatalog } from './catalogFixture.js';

const catalog = loadCatalog();

const baseInput: Omit<MonthStatementInput, 'planId'> = {
  catalog,
  month: '2026-11',
  entries: [],
  approvals: [],
  rolloverInMinutes: 0,
};

function statementOf(overrides: Partial<MonthStatementInput> & Pick<MonthStatementInput, 'planId'>) {
  return computeMonthStatement({ ...baseInput, ...overrides });
}

describe('computeMonthStatement', () => {
  it('rounds VAT half up on a .5 cent', () => {
    const statement = statementOf({
      planId: 'bronze',
      entries: [{ type: 'emergency', minutes: 30, emergencyId: 'E1' }],
    });

    assert.equal(statement.emergencyCents, 39850);
    assert.equal(statement.netCents, 69750);
    assert.equal(statement.vatCents, 13253);
    assert.equal(statement.grossCents, 83003);
  });

  it('bills approved overage only up to the overage', () => {
    const statement = statementOf({
      planId: 'gold',
      entries: [{ type: 'support', minutes: 600 }],
      approvals: [
        { minutes: 180, decision: 'approved' },
        { minutes: 60, decision: 'declined' },
        { minutes: 30, decision: 'pending' },
      ],
    });

    assert.equal(statement.overageMinutes, 120);
    assert.equal(statement.overageApprovedMinutes, 180);
    assert.equal(statement.overageBilledMinutes, 120);
    assert.equal(statement.unapprovedOverageMinutes, 0);
    assert.equal(statement.overageCents, 25800);
    assert.equal(statement.netCents, 125700);
  });

  it('leaves overage beyond approvals unbilled', () => {
    const statement = statementOf({
      planId: 'silver',
      entries: [{ type: 'support', minutes: 330 }],
      approvals: [{ minutes: 60, decision: 'approved' }],
    });

    assert.equal(statement.overageMinutes, 90);
    assert.equal(statement.overageBilledMinutes, 60);
    assert.equal(statement.unapprovedOverageMinutes, 30);
    assert.equal(statement.overageCents, 13900);
    assert.equal(statement.netCents, 73800);
  });

  it('bills hotline project-only month at project rate', () => {
    const statement = statementOf({
      planId: 'bronze',
      entries: [
        { type: 'project', minutes: 50 },
        { type: 'project', minutes: 10 },
      ],
    });

    assert.equal(statement.usedByType.project, 75);
    assert.equal(statement.billableMinutes, 0);
    assert.equal(statement.includedUsedMinutes, 0);
    assert.equal(statement.overageMinutes, 0);
    assert.equal(statement.projectCents, 18625);
    assert.equal(statement.netCents, 48525);
    assert.equal(statement.vatCents, 9220);
    assert.equal(statement.grossCents, 57745);
    assert.deepEqual(statement.lines[1], {
      descriptionKey: 'projectWork',
      quantity: 75,
      unit: 'minute',
      unitPriceCents: 14900,
      priceUnit: 'hour',
      amountCents: 18625,
    });
  });

  it('takes partner project work from the pool', () => {
    const statement = statementOf({
      planId: 'starter',
      entries: [
        { type: 'project', minutes: 55 },
        { type: 'support', minutes: 20 },
      ],
    });

    assert.equal(statement.billableMinutes, 90);
    assert.equal(statement.includedUsedMinutes, 90);
    assert.equal(statement.projectCents, 0);
    assert.equal(statement.netCents, 199900);
  });

  it('bills on-site work per distinct date', () => {
    const statement = statementOf({
      planId: 'professional',
      entries: [
        { type: 'on-site', minutes: 240, date: '2026-11-03' },
        { type: 'on-site', minutes: 200, date: '2026-11-03' },
        { type: 'on-site', minutes: 480, date: '2026-11-10' },
      ],
    });

    assert.equal(statement.onSiteDays, 2);
    assert.equal(statement.onSiteCents, 299800);
    assert.equal(statement.usedByType['on-site'], 930);
    assert.equal(statement.billableMinutes, 0);
    assert.equal(statement.includedUsedMinutes, 0);
    assert.equal(statement.netCents, 649700);
  });

  it('charges one base fee per emergency id', () => {
    const statement = statementOf({
      planId: 'gold',
      entries: [
        { type: 'emergency', minutes: 10, emergencyId: 'E1' },
        { type: 'emergency', minutes: 10, emergencyId: 'E1' },
      ],
    });

    assert.equal(statement.emergencyCount, 1);
    assert.equal(statement.emergencyBillableMinutes, 30);
    assert.equal(statement.emergencyCents, 39850);
    assert.equal(statement.lines.length, 3);
  });

  it('uses rolled lot before own minutes', () => {
    const statement = statementOf({
      planId: 'enterprise',
      rolloverInMinutes: 900,
      entries: [{ type: 'support', minutes: 1200 }],
    });

    assert.equal(statement.availableMinutes, 3900);
    assert.equal(statement.rolledLotUsedMinutes, 900);
    assert.equal(statement.rolledLotExpiredMinutes, 0);
    assert.equal(statement.ownUsedMinutes, 300);
    assert.equal(statement.includedUsedMinutes, 1200);
    assert.equal(statement.rolloverOutMinutes, 900);
  });

  it('rolls over less than the cap when little is unused', () => {
    const statement = statementOf({
      planId: 'starter',
      entries: [{ type: 'support', minutes: 780 }],
    });

    assert.equal(statement.ownUsedMinutes, 780);
    assert.equal(statement.rolloverOutMinutes, 120);
  });

  it('bills overage after lot and own minutes are used', () => {
    const statement = statementOf({
      planId: 'starter',
      rolloverInMinutes: 300,
      entries: [{ type: 'support', minutes: 1260 }],
      approvals: [{ minutes: 60, decision: 'approved' }],
    });

    assert.equal(statement.rolledLotUsedMinutes, 300);
    assert.equal(statement.ownUsedMinutes, 900);
    assert.equal(statement.overageMinutes, 60);
    assert.equal(statement.overageCents, 14900);
    assert.equal(statement.rolloverOutMinutes, 0);
  });

  it('never rolls over on hotline plans', () => {
    const statement = statementOf({ planId: 'gold' });

    assert.equal(statement.rolloverOutMinutes, 0);
    assert.equal(statement.availableMinutes, 480);
  });

  it('shows the billing increment', () => {
    assert.equal(statementOf({ planId: 'gold' }).billingIncrementMinutes, 15);
  });

  it('rejects a rolled lot on a hotline plan', () => {
    assert.throws(() => statementOf({ planId: 'gold', rolloverInMinutes: 60 }), /rolloverInMinutes 60 for plan "gold"/);
  });

  it('rejects a rolled lot above the cap', () => {
    assert.throws(
      () => statementOf({ planId: 'starter', rolloverInMinutes: 301 }),
      /rolloverInMinutes 301 for plan "starter"; the plan rolls over at most 300 minutes/,
    );
  });

  it('rejects an invalid month', () => {
    assert.throws(() => statementOf({ planId: 'gold', month: '2026-13' }), /Invalid month "2026-13"/);
  });

  it('rejects an unknown plan', () => {
    assert.throws(() => statementOf({ planId: 'platinum' as 'gold' }), /Unknown plan "platinum"/);
  });

  it('rejects negative entry minutes', () => {
    assert.throws(
      () => statementOf({ planId: 'gold', entries: [{ type: 'support', minutes: -10 }] }),
      /support entry of -10 minutes/,
    );
  });

  it('rejects an emergency entry without id', () => {
    assert.throws(
      () => statementOf({ planId: 'gold', entries: [{ type: 'emergency', minutes: 30 }] }),
      /Emergency entry of 30 minutes has no emergencyId/,
    );
  });

  it('rejects an on-site entry without date', () => {
    assert.throws(
      () => statementOf({ planId: 'enterprise', entries: [{ type: 'on-site', minutes: 480 }] }),
      /On-site entry of 480 minutes has no date/,
    );
  });

  it('rejects an entry dated outside the month', () => {
    assert.throws(
      () => statementOf({ planId: 'gold', entries: [{ type: 'support', minutes: 30, date: '2026-12-01' }] }),
      /"2026-12-01" lies outside the statement month 2026-11/,
    );
  });

  it('rejects a date that does not exist', () => {
    assert.throws(
      () => statementOf({ planId: 'gold', entries: [{ type: 'support', minutes: 30, date: '2026-11-31' }] }),
      /"2026-11-31"; that day does not exist/,
    );
  });

  it('rejects an unknown approval decision', () => {
    assert.throws(
      () =>
        statementOf({
          planId: 'gold',
          entries: [{ type: 'support', minutes: 600 }],
          approvals: [{ minutes: 60, decision: 'maybe' as 'approved' }],
        }),
      /decision "maybe"/,
    );
  });

  it('rejects on-site in includedCovers', () => {
    const plans = catalog.plans.map((plan) =>
      plan.id === 'enterprise' ? { ...plan, includedCovers: [...plan.includedCovers, 'on-site' as const] } : plan,
    );

    assert.throws(
      () => computeMonthStatement({ ...baseInput, catalog: { ...catalog, plans }, planId: 'enterprise' }),
      /includedCovers of plan "enterprise": "on-site"/,
    );
  });
});
