import assert from 'node:assert/strict';

import { InvalidInputError } from '../../../src/services/timeService.js';
import { EntityNotFoundError } from '../../../src/storage/errors.js';
import { createHoursHarness, type HoursHarness } from './hoursHarness.js';

describe('TimeService overage approvals', () => {
  let harness: HoursHarness;

  beforeEach(async () => {
    harness = await createHoursHarness('overage');
    await harness.addCustomer('fabrikam', 'gold', '2026-10-01');
  });

  it('requestOverage stores a pending approval', async () => {
    const approval = await harness.time.requestOverage({
      customerId: 'fabrikam',
      month: '2026-11',
      minutes: 120,
      request: 'HD-2026-0042',
      requestedBy: 'Berater',
    });

    assert.equal(approval.decision, 'pending');
    assert.equal(approval.minutes, 120);
    assert.equal(approval.decidedBy, undefined);
    assert.equal(approval.requestedAt, '2026-11-28T12:00:00.000Z');
    assert.deepEqual(await harness.approvals.get(approval), approval);
  });

  it('first decision wins', async () => {
    const approval = await harness.time.requestOverage({ customerId: 'fabrikam', month: '2026-11', minutes: 120, requestedBy: 'Berater' });

    const first = await harness.time.decideOverage(approval, 'approved', 'Jana Becker');
    const second = await harness.time.decideOverage(approval, 'declined', 'Max Mustermann');

    assert.equal(first.decidedNow, true);
    assert.equal(second.decidedNow, false);
    assert.equal(second.approval.decision, 'approved');
    assert.equal(second.approval.decidedBy, 'Jana Becker');
    assert.equal(second.approval.decidedAt, '2026-11-28T12:00:00.000Z');
  });

  it('concurrent decisions store exactly one', async () => {
    const approval = await harness.time.requestOverage({ customerId: 'fabrikam', month: '2026-11', minutes: 120, requestedBy: 'Berater' });
    const approvers = ['A', 'B', 'C', 'D', 'E'];

    const outcomes = await Promise.all(
      approvers.map((name, index) => harness.time.decideOverage(approval, index % 2 === 0 ? 'approved' : 'declined', name)),
    );

    const winners = outcomes.filter((outcome) => outcome.decidedNow);
    assert.equal(winners.length, 1);
    const stored = await harness.approvals.get(approval);
    assert.equal(stored?.decidedBy, winners[0]?.approval.decidedBy);
    assert.equal(stored?.decision, winners[0]?.approval.decision);
    for (const outcome of outcomes) {
      assert.deepEqual(outcome.approval, stored);
    }
  });

  it('decideOverage on unknown approval is rejected', async () => {
    await assert.rejects(
      harness.time.decideOverage({ customerId: 'fabrikam', month: '2026-11', id: 'missing' }, 'approved', 'Jana Becker'),
      EntityNotFoundError,
    );
  });

  it('requestOverage lists invalid fields', async () => {
    await assert.rejects(
      harness.time.requestOverage({ customerId: 'fabrikam', month: '2026-13', minutes: 0, request: 'x', requestedBy: '' }),
      (error: unknown) => {
        assert.ok(error instanceof InvalidInputError);
        assert.deepEqual(
          error.problems.map((problem) => problem.field),
          ['month', 'minutes', 'request', 'requestedBy'],
        );
        return true;
      },
    );
  });

  it('statement bills only approved overage', async () => {
    // Gold: 480 included minutes; 600 billed minutes leave 120 minutes of overage.
    for (const day of [2, 3]) {
      await harness.time.addEntry({
        customerId: 'fabrikam',
        type: 'support',
        minutes: 300,
        start: `2026-11-0${day}T09:00:00+01:00`,
        createdBy: 'Berater',
      });
    }
    const approved = await harness.time.requestOverage({ customerId: 'fabrikam', month: '2026-11', minutes: 90, requestedBy: 'Berater' });
    const declined = await harness.time.requestOverage({ customerId: 'fabrikam', month: '2026-11', minutes: 60, requestedBy: 'Berater' });
    await harness.time.requestOverage({ customerId: 'fabrikam', month: '2026-11', minutes: 30, requestedBy: 'Berater' });
    await harness.time.decideOverage(approved, 'approved', 'Jana Becker');
    await harness.time.decideOverage(declined, 'declined', 'Jana Becker');

    const statement = await harness.statements.monthStatement('fabrikam', '2026-11');

    assert.equal(statement.overageMinutes, 120);
    assert.equal(statement.overageApprovedMinutes, 90);
    assert.equal(statement.overageBilledMinutes, 90);
    assert.equal(statement.unapprovedOverageMinutes, 30);
    // 90 minutes at 129.00 EUR per hour.
    assert.equal(statement.overageCents, 19350);
  });
});
