import assert from 'node:assert/strict';

import { findPlan } from '../../../src/domain/catalog.js';
import type { SupportRequest } from '../../../src/domain/request.js';
import { callbackDeadline } from '../../../src/domain/sla.js';
import {
  dueSlaWarnings,
  EMERGENCY_ACKNOWLEDGE_MINUTES,
  isLateDelivery,
  LATE_AFTER_MINUTES,
} from '../../../src/domain/slaWarnings.js';
import { berlinCalendar, catalog } from '../../support/calendar.js';

const calendar = berlinCalendar('DE-NW');

/** Builds a request as RequestService stores it, with the deadline and at-risk instant of its plan. */
function openedRequest(planId: string, openedAt: string, overrides: Partial<SupportRequest> = {}): SupportRequest {
  const emergency = overrides.emergency ?? false;
  const deadline = callbackDeadline({
    plan: findPlan(catalog, planId),
    emergencyLine: catalog.emergencyLine,
    openedAt: new Date(openedAt),
    emergency,
    calendar,
  });
  return {
    number: 'HD-2026-0004',
    customerId: 'contoso-praxis',
    planId,
    emergency,
    description: 'Der Drucker am Empfang druckt nicht mehr.',
    urgency: 'normal',
    callbackPhone: '+49 211 5550101',
    callbackChannel: 'phone',
    channel: 'phone',
    contactAadObjectId: '4e6a8c02-5f7b-4d93-8ebf-2a3b4c5d6e41',
    contactName: 'Lars Hoffmann',
    state: 'new',
    openedAt,
    deadline: deadline.deadline,
    atRiskAt: deadline.atRiskAt,
    guaranteeMinutes: deadline.guaranteeMinutes,
    ...overrides,
  };
}

function dueAt(request: SupportRequest, now: string) {
  return dueSlaWarnings({
    request,
    plan: findPlan(catalog, request.planId),
    emergencyLine: catalog.emergencyLine,
    calendar,
    now: new Date(now),
  });
}

describe('dueSlaWarnings', () => {
  describe('Bronze opened Friday 2026-12-04 17:00 (deadline Monday 11:00)', () => {
    const request = openedRequest('bronze', '2026-12-04T17:00:00+01:00');

    it('stores at risk Monday 10:00 and deadline 11:00', () => {
      assert.equal(request.atRiskAt, '2026-12-07T10:00:00+01:00');
      assert.equal(request.deadline, '2026-12-07T11:00:00+01:00');
    });

    for (const now of ['2026-12-04T17:30:00+01:00', '2026-12-05T10:00:00+01:00', '2026-12-06T12:00:00+01:00', '2026-12-07T09:59:59+01:00']) {
      it(`nothing due at ${now}`, () => {
        assert.deepEqual(dueAt(request, now), []);
      });
    }

    it('at risk due Monday 10:00, on time', () => {
      assert.deepEqual(dueAt(request, '2026-12-07T10:00:00+01:00'), [
        { kind: 'atRisk', dueAt: '2026-12-07T10:00:00+01:00', delivery: 'sendNow', late: false },
      ]);
    });

    it('at risk sent 5 minutes after due is on time', () => {
      const [warning] = dueAt(request, '2026-12-07T10:05:00+01:00');
      assert.equal(warning?.late, false);
    });

    it('at risk sent 6 minutes after due is late', () => {
      const [warning] = dueAt(request, '2026-12-07T10:06:00+01:00');
      assert.equal(warning?.kind, 'atRisk');
      assert.equal(warning?.late, true);
    });

    it('breach at 11:00 replaces at risk', () => {
      assert.deepEqual(dueAt(request, '2026-12-07T11:00:00+01:00'), [
        { kind: 'breach', dueAt: '2026-12-07T11:00:00+01:00', delivery: 'sendNow', late: false },
      ]);
    });

    it('first contact ends all warnings', () => {
      const calledBack = { ...request, state: 'callbackDone' as const, firstContactAt: '2026-12-07T09:00:00+01:00', slaMet: true };
      assert.deepEqual(dueAt(calledBack, '2026-12-07T10:00:00+01:00'), []);
      assert.deepEqual(dueAt(calledBack, '2026-12-07T11:30:00+01:00'), []);
    });

    for (const state of ['resolved', 'closed'] as const) {
      it(`${state} request gets none`, () => {
        assert.deepEqual(dueAt({ ...request, state }, '2026-12-07T11:30:00+01:00'), []);
      });
    }

    it('old row without atRiskAt computes it', () => {
      const { atRiskAt: _dropped, ...oldRow } = request;
      assert.deepEqual(dueAt(oldRow, '2026-12-07T10:00:00+01:00'), [
        { kind: 'atRisk', dueAt: '2026-12-07T10:00:00+01:00', delivery: 'sendNow', late: false },
      ]);
    });
  });

  describe('Bronze opened Thursday 2026-04-02 16:30 before Easter', () => {
    const request = openedRequest('bronze', '2026-04-02T16:30:00+02:00');

    it('stores at risk Tuesday 09:30 and deadline 10:30', () => {
      assert.equal(request.atRiskAt, '2026-04-07T09:30:00+02:00');
      assert.equal(request.deadline, '2026-04-07T10:30:00+02:00');
    });

    for (const now of ['2026-04-03T10:00:00+02:00', '2026-04-06T10:00:00+02:00', '2026-04-07T09:29:00+02:00']) {
      it(`nothing due at ${now}`, () => {
        assert.deepEqual(dueAt(request, now), []);
      });
    }

    it('at risk due Tuesday 09:30', () => {
      assert.deepEqual(dueAt(request, '2026-04-07T09:30:00+02:00'), [
        { kind: 'atRisk', dueAt: '2026-04-07T09:30:00+02:00', delivery: 'sendNow', late: false },
      ]);
    });

    it('breach due Tuesday 10:30', () => {
      assert.deepEqual(dueAt(request, '2026-04-07T10:30:00+02:00'), [
        { kind: 'breach', dueAt: '2026-04-07T10:30:00+02:00', delivery: 'sendNow', late: false },
      ]);
    });
  });

  describe('service window of normal requests', () => {
    // Gold, opened Monday 2026-12-07 20:00: at risk 20:45, deadline at closing time 21:00.
    const request = openedRequest('gold', '2026-12-07T20:00:00+01:00', { customerId: 'fabrikam' });

    it('breach at closing time goes out at once', () => {
      assert.equal(request.deadline, '2026-12-07T21:00:00+01:00');
      assert.deepEqual(dueAt(request, '2026-12-07T21:00:00+01:00'), [
        { kind: 'breach', dueAt: '2026-12-07T21:00:00+01:00', delivery: 'sendNow', late: false },
      ]);
    });

    it('breach noticed 5 minutes after closing still goes out', () => {
      const [warning] = dueAt(request, '2026-12-07T21:05:00+01:00');
      assert.equal(warning?.delivery, 'sendNow');
      assert.equal(warning?.late, false);
    });

    it('breach missed at closing waits overnight', () => {
      assert.deepEqual(dueAt(request, '2026-12-08T03:00:00+01:00'), [
        { kind: 'breach', dueAt: '2026-12-07T21:00:00+01:00', delivery: 'waitForServiceWindow', late: true },
      ]);
    });

    it('waiting breach goes out at the next opening, late', () => {
      assert.deepEqual(dueAt(request, '2026-12-08T07:00:00+01:00'), [
        { kind: 'breach', dueAt: '2026-12-07T21:00:00+01:00', delivery: 'sendNow', late: true },
      ]);
    });

    it('deadline stored at night waits even when fresh', () => {
      const nightly = { ...request, atRiskAt: '2026-12-08T01:45:00+01:00', deadline: '2026-12-08T02:00:00+01:00' };
      assert.deepEqual(dueAt(nightly, '2026-12-08T02:01:00+01:00'), [
        { kind: 'breach', dueAt: '2026-12-08T02:00:00+01:00', delivery: 'waitForServiceWindow', late: false },
      ]);
    });

    it('Bronze breach waits through the weekend', () => {
      const bronze = openedRequest('bronze', '2026-12-04T14:00:00+01:00');
      assert.equal(bronze.deadline, '2026-12-04T18:00:00+01:00');

      const [saturday] = dueAt(bronze, '2026-12-05T10:00:00+01:00');
      const [monday] = dueAt(bronze, '2026-12-07T08:00:00+01:00');
      assert.equal(saturday?.delivery, 'waitForServiceWindow');
      assert.equal(monday?.delivery, 'sendNow');
      assert.equal(monday?.late, true);
    });
  });

  describe('emergency', () => {
    // Gold emergency opened Tuesday 2026-12-08 02:45: the 24/7 line's deadline 04:45 is earlier than the plan's.
    const emergency = openedRequest('gold', '2026-12-08T02:45:00+01:00', { customerId: 'fabrikam', emergency: true });

    it('uses the 24/7 deadline', () => {
      assert.equal(emergency.deadline, '2026-12-08T04:45:00+01:00');
      assert.equal(emergency.atRiskAt, '2026-12-08T04:15:00+01:00');
    });

    it('nothing due before 15 minutes', () => {
      assert.equal(EMERGENCY_ACKNOWLEDGE_MINUTES, 15);
      assert.deepEqual(dueAt(emergency, '2026-12-08T02:59:59+01:00'), []);
    });

    it('unacknowledged due at 03:00 at night', () => {
      assert.deepEqual(dueAt(emergency, '2026-12-08T03:00:00+01:00'), [
        { kind: 'emergencyUnacknowledged', dueAt: '2026-12-08T03:00:00+01:00', delivery: 'sendNow', late: false },
      ]);
    });

    it('at risk at night goes out too', () => {
      assert.deepEqual(dueAt(emergency, '2026-12-08T04:15:00+01:00'), [
        { kind: 'emergencyUnacknowledged', dueAt: '2026-12-08T03:00:00+01:00', delivery: 'sendNow', late: true },
        { kind: 'atRisk', dueAt: '2026-12-08T04:15:00+01:00', delivery: 'sendNow', late: false },
      ]);
    });

    it('acknowledged emergency drops that warning', () => {
      const acknowledged = {
        ...emergency,
        state: 'acknowledged' as const,
        acknowledgedAt: '2026-12-08T02:50:00+01:00',
        acknowledgedBy: 'Sebastian Krüger',
      };
      assert.deepEqual(dueAt(acknowledged, '2026-12-08T03:00:00+01:00'), []);
    });

    it('resolved emergency gets none', () => {
      assert.deepEqual(dueAt({ ...emergency, state: 'resolved' }, '2026-12-08T05:00:00+01:00'), []);
    });

    it('emergency line alone needs no plan', () => {
      const lineOnly = { ...emergency, planId: 'emergency' };
      const warnings = dueSlaWarnings({ request: lineOnly, emergencyLine: catalog.emergencyLine, calendar, now: new Date('2026-12-08T03:00:00+01:00') });
      assert.deepEqual(warnings.map((warning) => warning.kind), ['emergencyUnacknowledged']);
    });
  });

  it('normal request without plan is rejected', () => {
    const request = openedRequest('bronze', '2026-12-04T17:00:00+01:00', { planId: 'platinum' });
    assert.throws(
      () => dueSlaWarnings({ request, emergencyLine: catalog.emergencyLine, calendar, now: new Date('2026-12-07T10:00:00+01:00') }),
      /HD-2026-0004.*"platinum"/,
    );
  });

  it('invalid stored deadline is named', () => {
    const request = openedRequest('bronze', '2026-12-04T17:00:00+01:00', { deadline: 'Montag' });
    assert.throws(() => dueAt(request, '2026-12-07T10:00:00+01:00'), /invalid deadline "Montag"/);
  });
});

describe('isLateDelivery', () => {
  it('threshold is 5 minutes', () => {
    assert.equal(LATE_AFTER_MINUTES, 5);
  });

  it('exactly 5 minutes after due is on time', () => {
    assert.equal(isLateDelivery('2026-12-07T10:00:00+01:00', new Date('2026-12-07T10:05:00+01:00')), false);
  });

  it('one second more is late', () => {
    assert.equal(isLateDelivery('2026-12-07T10:00:00+01:00', new Date('2026-12-07T10:05:01+01:00')), true);
  });

  it('invalid due instant is named', () => {
    assert.throws(() => isLateDelivery('soon', new Date()), /invalid dueAt "soon"/);
  });
});
