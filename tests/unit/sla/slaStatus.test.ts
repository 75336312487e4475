import assert from 'node:assert/strict';
import { slaStatusAt } from '../../../src/domain/slaStatus.js';

/** A Gold request opened Monday 09:00 in Berlin, due 10:00, at risk from 09:45. */
const request = {
  number: 'HD-2026-0042',
  openedAt: '2026-12-07T09:00:00+01:00',
  deadline: '2026-12-07T10:00:00+01:00',
  atRiskAt: '2026-12-07T09:45:00+01:00',
};

describe('slaStatusAt', () => {
  it('open request moves from on track to at risk to breached', () => {
    const cases: Array<[string, string]> = [
      ['2026-12-07T09:44:59+01:00', 'onTrack'],
      ['2026-12-07T09:45:00+01:00', 'atRisk'],
      ['2026-12-07T10:00:00+01:00', 'atRisk'],
      ['2026-12-07T10:00:01+01:00', 'breached'],
    ];
    for (const [now, expected] of cases) {
      assert.equal(slaStatusAt(request, new Date(now)), expected, now);
    }
  });

  it('request without atRiskAt is on track until the deadline', () => {
    const { atRiskAt: _atRiskAt, ...withoutRisk } = request;

    assert.equal(slaStatusAt(withoutRisk, new Date('2026-12-07T09:59:00+01:00')), 'onTrack');
  });

  it('first contact decides met or missed', () => {
    const later = new Date('2026-12-08T12:00:00+01:00');

    assert.equal(slaStatusAt({ ...request, firstContactAt: '2026-12-07T09:50:00+01:00', slaMet: true }, later), 'met');
    assert.equal(slaStatusAt({ ...request, firstContactAt: '2026-12-07T10:05:00+01:00', slaMet: false }, later), 'missed');
  });
});
