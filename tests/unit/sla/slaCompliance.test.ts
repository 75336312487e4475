import assert from 'node:assert/strict';

import {
  callbackMinutesOf,
  computeSlaCompliance,
  medianMinutes,
  slaMonthOf,
  slaOutcomeOf,
  type SlaRequestFacts,
} from '../../../src/domain/slaCompliance.js';

const ZONE = 'Europe/Berlin';

/** Tuesday 2026-12-01, noon in Berlin, after every deadline of November below. */
const DECEMBER_NOON = new Date('2026-12-01T12:00:00+01:00');

function request(number: string, openedAt: string, deadline: string, firstContactAt?: string, slaMet?: boolean): SlaRequestFacts {
  return {
    number,
    openedAt,
    deadline,
    ...(firstContactAt === undefined ? {} : { firstContactAt }),
    ...(slaMet === undefined ? {} : { slaMet }),
  };
}

describe('SLA compliance', () => {
  describe('slaMonthOf', () => {
    it('uses the local month of the deadline', () => {
      // 23:30 UTC on 30 November is 00:30 on 1 December in Berlin.
      const lateNovemberUtc = request('HD-2026-0001', '2026-11-30T20:00:00+01:00', '2026-11-30T23:30:00Z');
      assert.equal(slaMonthOf(lateNovemberUtc, ZONE), '2026-12');
    });

    it('keeps a deadline just before midnight in its month', () => {
      const onTheLastEvening = request('HD-2026-0002', '2026-11-30T20:00:00+01:00', '2026-11-30T23:59:00+01:00');
      assert.equal(slaMonthOf(onTheLastEvening, ZONE), '2026-11');
    });

    it('uses the winter offset after the switch', () => {
      // 22:30 UTC on 31 October 2026 is 23:30 CET (winter time from 25 October), still in October.
      const october = request('HD-2026-0003', '2026-10-31T20:00:00+01:00', '2026-10-31T22:30:00Z');
      assert.equal(slaMonthOf(october, ZONE), '2026-10');
    });
  });

  describe('slaOutcomeOf', () => {
    it('first contact at the deadline is met', () => {
      const onTime = request('HD-2026-0010', '2026-11-02T09:00:00+01:00', '2026-11-02T10:00:00+01:00', '2026-11-02T10:00:00+01:00', true);
      assert.equal(slaOutcomeOf(onTime, DECEMBER_NOON), 'met');
    });

    it('late first contact is missed', () => {
      const late = request('HD-2026-0011', '2026-11-02T09:00:00+01:00', '2026-11-02T10:00:00+01:00', '2026-11-02T10:01:00+01:00', false);
      assert.equal(slaOutcomeOf(late, DECEMBER_NOON), 'missed');
    });

    it('row without slaMet compares the instants', () => {
      const late = request('HD-2026-0012', '2026-11-02T09:00:00+01:00', '2026-11-02T10:00:00+01:00', '2026-11-02T09:00:01Z');
      assert.equal(slaOutcomeOf(late, DECEMBER_NOON), 'missed');
    });

    it('no contact after the deadline is missed', () => {
      const forgotten = request('HD-2026-0013', '2026-11-02T09:00:00+01:00', '2026-11-02T10:00:00+01:00');
      assert.equal(slaOutcomeOf(forgotten, new Date('2026-11-02T10:00:01+01:00')), 'missed');
    });

    it('no contact before the deadline is pending', () => {
      const waiting = request('HD-2026-0014', '2026-11-02T09:00:00+01:00', '2026-11-02T10:00:00+01:00');
      assert.equal(slaOutcomeOf(waiting, new Date('2026-11-02T10:00:00+01:00')), 'pending');
    });
  });

  describe('callbackMinutesOf', () => {
    it('rounds down to whole minutes', () => {
      const called = request('HD-2026-0020', '2026-11-02T09:00:00+01:00', '2026-11-02T10:00:00+01:00', '2026-11-02T09:37:59+01:00');
      assert.equal(callbackMinutesOf(called), 37);
    });

    it('counts across the DST switch in real minutes', () => {
      // Sunday 2026-10-25 the clocks go back from 03:00 CEST to 02:00 CET: 01:30 CEST to 02:30 CET is 120 minutes.
      const overnight = request('HD-2026-0021', '2026-10-25T01:30:00+02:00', '2026-10-25T03:30:00+01:00', '2026-10-25T02:30:00+01:00');
      assert.equal(callbackMinutesOf(overnight), 120);
    });

    it('is undefined without first contact', () => {
      assert.equal(callbackMinutesOf(request('HD-2026-0022', '2026-11-02T09:00:00+01:00', '2026-11-02T10:00:00+01:00')), undefined);
    });

    it('rejects a contact before the opening', () => {
      const impossible = request('HD-2026-0023', '2026-11-02T09:00:00+01:00', '2026-11-02T10:00:00+01:00', '2026-11-02T08:59:00+01:00');
      assert.throws(() => callbackMinutesOf(impossible), /first contact 2026-11-02T08:59:00\+01:00 lies before the opening/);
    });
  });

  describe('medianMinutes', () => {
    it('takes the middle of an odd count', () => {
      assert.equal(medianMinutes([50, 10, 30]), 30);
    });

    it('averages the two middle values of an even count', () => {
      assert.equal(medianMinutes([10, 20, 40, 90]), 30);
    });

    it('rounds an even median half up', () => {
      assert.equal(medianMinutes([25, 10]), 18);
    });

    it('is null without values', () => {
      assert.equal(medianMinutes([]), null);
    });

    it('rejects a fractional value', () => {
      assert.throws(() => medianMinutes([1.5]), /Invalid callback time 1.5/);
    });
  });

  describe('computeSlaCompliance', () => {
    // Gold customer, November 2026: five requests due in November, one due in December, one in October.
    const requests: SlaRequestFacts[] = [
      // Met after 12 minutes.
      request('HD-2026-0100', '2026-11-03T09:00:00+01:00', '2026-11-03T10:00:00+01:00', '2026-11-03T09:12:30+01:00', true),
      // Met after 58 minutes.
      request('HD-2026-0101', '2026-11-10T14:00:00+01:00', '2026-11-10T15:00:00+01:00', '2026-11-10T14:58:00+01:00', true),
      // Missed: called back 95 minutes after opening.
      request('HD-2026-0102', '2026-11-17T08:00:00+01:00', '2026-11-17T09:00:00+01:00', '2026-11-17T09:35:00+01:00', false),
      // Missed: never called back, deadline long passed.
      request('HD-2026-0103', '2026-11-20T16:00:00+01:00', '2026-11-20T17:00:00+01:00'),
      // Opened Friday evening in October, due in November by the plan's windows: met after 40 minutes.
      request('HD-2026-0104', '2026-10-30T20:50:00+01:00', '2026-11-02T07:50:00+01:00', '2026-10-30T21:30:00+01:00', true),
      // Due in December, not part of November.
      request('HD-2026-0105', '2026-11-30T20:45:00+01:00', '2026-12-01T07:45:00+01:00', '2026-12-01T07:10:00+01:00', true),
      // Due in October, not part of November.
      request('HD-2026-0106', '2026-10-29T10:00:00+01:00', '2026-10-29T11:00:00+01:00', '2026-10-29T10:05:00+01:00', true),
    ];

    it('counts met, missed and the median of November', () => {
      const november = computeSlaCompliance(requests, '2026-11', ZONE, DECEMBER_NOON);

      assert.equal(november.month, '2026-11');
      assert.equal(november.requestCount, 5);
      assert.equal(november.decidedCount, 5);
      assert.equal(november.metCount, 3);
      assert.equal(november.missedCount, 2);
      assert.equal(november.pendingCount, 0);
      assert.equal(november.metPercent, 60);
      // Callback minutes 12, 58, 95, 40: the median of four is (40 + 58) / 2 = 49.
      assert.equal(november.callbackCount, 4);
      assert.equal(november.medianCallbackMinutes, 49);
    });

    it('keeps an open request pending until its deadline', () => {
      const duringNovember = new Date('2026-11-20T16:30:00+01:00');
      const partial = computeSlaCompliance(requests, '2026-11', ZONE, duringNovember);

      assert.equal(partial.pendingCount, 1);
      assert.equal(partial.missedCount, 1);
      assert.equal(partial.decidedCount, 4);
      assert.equal(partial.metPercent, 75);
    });

    it('rounds the share to one decimal', () => {
      const twoOfThree = computeSlaCompliance(requests.slice(0, 3), '2026-11', ZONE, DECEMBER_NOON);
      assert.equal(twoOfThree.metPercent, 66.7);
    });

    it('month without requests has no share', () => {
      const empty = computeSlaCompliance(requests, '2027-01', ZONE, DECEMBER_NOON);

      assert.equal(empty.requestCount, 0);
      assert.equal(empty.metPercent, null);
      assert.equal(empty.medianCallbackMinutes, null);
    });

    it('rejects an invalid month', () => {
      assert.throws(() => computeSlaCompliance(requests, '2026-13', ZONE, DECEMBER_NOON), /Invalid month "2026-13"/);
    });
  });
});
