import assert from 'node:assert/strict';

import { countBonusCallsHeld, type BonusCallFacts } from '../../../src/domain/bonusCalls.js';

const ZONE = 'Europe/Berlin';

function booking(kind: string, status: BonusCallFacts['status'], start: string, end: string): BonusCallFacts {
  return { kind, status, start, end };
}

describe('countBonusCallsHeld', () => {
  const bookings: BonusCallFacts[] = [
    booking('check-in', 'confirmed', '2026-11-03T10:00:00+01:00', '2026-11-03T10:15:00+01:00'),
    booking('check-in', 'confirmed', '2026-11-10T10:00:00+01:00', '2026-11-10T10:15:00+01:00'),
    booking('check-in', 'cancelled', '2026-11-17T10:00:00+01:00', '2026-11-17T10:15:00+01:00'),
    booking('check-in', 'pending', '2026-11-18T10:00:00+01:00', '2026-11-18T10:15:00+01:00'),
    booking('callback', 'confirmed', '2026-11-19T10:00:00+01:00', '2026-11-19T10:15:00+01:00'),
    booking('check-in', 'confirmed', '2026-11-24T10:00:00+01:00', '2026-11-24T10:15:00+01:00'),
    // 23:30 UTC on 30 November is 00:30 on 1 December in Berlin.
    booking('check-in', 'confirmed', '2026-11-30T23:30:00Z', '2026-11-30T23:45:00Z'),
  ];

  it('counts confirmed past calls of the month', () => {
    const held = countBonusCallsHeld(bookings, '2026-11', ZONE, new Date('2026-12-05T12:00:00+01:00'));

    assert.equal(held.count, 3);
    assert.deepEqual(held.byKind, { 'check-in': 3, 'proactive-call': 0, 'strategy-meeting': 0, 'roadmap-review': 0 });
  });

  it('skips a call that has not ended', () => {
    const duringThird = new Date('2026-11-24T10:10:00+01:00');
    assert.equal(countBonusCallsHeld(bookings, '2026-11', ZONE, duringThird).count, 2);
  });

  it('assigns by local start date', () => {
    assert.equal(countBonusCallsHeld(bookings, '2026-12', ZONE, new Date('2026-12-05T12:00:00+01:00')).count, 1);
  });
});
