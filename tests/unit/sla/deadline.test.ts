import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findPlan } from '../../../src/domain/catalog.js';
import { callbackDeadline } from '../../../src/domain/sla.js';
import { berlinCalendar, catalog } from '../../support/calendar.js';

interface DeadlineVector {
  plan: string;
  opened: string;
  region: string;
  emergency?: boolean;
  deadline: string;
  note: string;
}

const vectors = JSON.parse(
  readFileSync(new URL('./sla-deadlines.vectors.json', import.meta.url), 'utf8'),
) as { cases: DeadlineVector[] };

function deadlineFor(planId: string, opened: string, options: { region?: string; emergency?: boolean } = {}) {
  const emergencyOnly = planId === catalog.emergencyLine.id;
  return callbackDeadline({
    plan: emergencyOnly ? undefined : findPlan(catalog, planId),
    emergencyLine: catalog.emergencyLine,
    openedAt: new Date(opened),
    emergency: emergencyOnly || options.emergency === true,
    calendar: berlinCalendar(options.region),
  });
}

describe('callback deadline', () => {
  describe('worked examples', () => {
    for (const vector of vectors.cases) {
      it(`${vector.plan} opened ${vector.opened} in ${vector.region}: ${vector.note}`, () => {
        const result = deadlineFor(vector.plan, vector.opened, vector);

        assert.equal(result.deadline, vector.deadline);
      });
    }
  });

  it('Bronze opened Friday 17:00 counts 1 h Friday and 3 h Monday', () => {
    const result = deadlineFor('bronze', '2026-12-04T17:00:00+01:00');

    assert.equal(result.deadline, '2026-12-07T11:00:00+01:00');
    assert.equal(result.guaranteeMinutes, 240);
    assert.equal(result.clockStartedAt, '2026-12-04T17:00:00+01:00');
    assert.equal(result.basis, 'plan');
  });

  it('clock opened before the window starts at the window opening', () => {
    const result = deadlineFor('gold', '2026-12-05T10:00:00+01:00');

    assert.equal(result.clockStartedAt, '2026-12-07T07:00:00+01:00');
  });

  it('deadline exactly at closing time stays on that day', () => {
    const result = deadlineFor('bronze', '2026-12-08T14:00:00+01:00');

    assert.equal(result.deadline, '2026-12-08T18:00:00+01:00');
  });

  it('opening exactly at closing time starts the next working day', () => {
    const result = deadlineFor('gold', '2026-12-08T21:00:00+01:00');

    assert.equal(result.clockStartedAt, '2026-12-09T07:00:00+01:00');
    assert.equal(result.deadline, '2026-12-09T08:00:00+01:00');
  });

  it('Enterprise on a working day uses the 30-minute guarantee', () => {
    const result = deadlineFor('enterprise', '2026-12-04T17:45:00+01:00');

    assert.equal(result.guaranteeMinutes, 30);
    assert.equal(result.deadline, '2026-12-05T10:15:00+01:00');
  });

  it('Enterprise on a public holiday uses the weekend window and guarantee', () => {
    const result = deadlineFor('enterprise', '2026-12-25T09:00:00+01:00');

    assert.equal(result.guaranteeMinutes, 120);
    assert.equal(result.clockStartedAt, '2026-12-25T10:00:00+01:00');
    assert.equal(result.deadline, '2026-12-25T12:00:00+01:00');
  });

  it('spring DST switch keeps the window in local time', () => {
    const result = deadlineFor('professional', '2026-03-28T17:30:00+01:00');

    assert.equal(result.deadline, '2026-03-29T12:30:00+02:00');
  });

  it('emergency on a plan keeps the plan deadline when it is earlier', () => {
    const result = deadlineFor('enterprise', '2026-12-07T09:00:00+01:00', { emergency: true });

    assert.equal(result.basis, 'plan');
    assert.equal(result.deadline, '2026-12-07T09:30:00+01:00');
  });

  it('emergency line alone runs around the clock across DST', () => {
    const result = deadlineFor('emergency', '2026-10-25T01:30:00+02:00');

    assert.equal(result.deadline, '2026-10-25T02:30:00+01:00');
    assert.equal(result.guaranteeMinutes, 120);
  });

  it('31 December afternoon is closed under the half-day policy', () => {
    const result = deadlineFor('gold', '2026-12-31T11:30:00+01:00');

    assert.equal(result.deadline, '2027-01-04T07:30:00+01:00');
  });

  it('extra closed date moves the clock like a holiday', () => {
    const calendar = { ...berlinCalendar(), holidays: createClosed('2026-12-07') };
    const result = callbackDeadline({
      plan: findPlan(catalog, 'bronze'),
      emergencyLine: catalog.emergencyLine,
      openedAt: new Date('2026-12-04T17:00:00+01:00'),
      emergency: false,
      calendar,
    });

    assert.equal(result.deadline, '2026-12-08T11:00:00+01:00');
  });

  it('Bronze at-risk point falls on Monday after the weekend', () => {
    const result = deadlineFor('bronze', '2026-12-04T17:00:00+01:00');

    assert.equal(result.atRiskAt, '2026-12-07T10:00:00+01:00');
  });

  it('Bronze at-risk point skips Easter', () => {
    const result = deadlineFor('bronze', '2026-04-02T16:30:00+02:00');

    assert.equal(result.atRiskAt, '2026-04-07T09:30:00+02:00');
    assert.equal(result.deadline, '2026-04-07T10:30:00+02:00');
  });

  it('emergency at-risk point is 90 minutes after opening', () => {
    const result = deadlineFor('emergency', '2026-06-10T23:30:00+02:00');

    assert.equal(result.atRiskAt, '2026-06-11T01:00:00+02:00');
  });

  it('absence is left out of the plan clock', () => {
    const absence = { startMs: Date.parse('2026-12-07T10:30:00+01:00'), endMs: Date.parse('2026-12-08T12:00:00+01:00') };
    const result = callbackDeadline({
      plan: findPlan(catalog, 'gold'),
      emergencyLine: catalog.emergencyLine,
      openedAt: new Date('2026-12-07T10:00:00+01:00'),
      emergency: false,
      calendar: berlinCalendar(),
      excluded: [absence],
    });

    assert.equal(result.deadline, '2026-12-08T12:30:00+01:00');
    assert.equal(result.atRiskAt, '2026-12-08T12:15:00+01:00');
  });

  it('request opened during an absence starts when it ends', () => {
    const absence = { startMs: Date.parse('2026-12-21T00:00:00+01:00'), endMs: Date.parse('2027-01-04T00:00:00+01:00') };
    const result = callbackDeadline({
      plan: findPlan(catalog, 'bronze'),
      emergencyLine: catalog.emergencyLine,
      openedAt: new Date('2026-12-22T09:00:00+01:00'),
      emergency: false,
      calendar: berlinCalendar(),
      excluded: [absence],
    });

    assert.equal(result.clockStartedAt, '2027-01-04T08:00:00+01:00');
    assert.equal(result.deadline, '2027-01-04T12:00:00+01:00');
  });

  it('absence longer than the search horizon still gets a deadline', () => {
    const absence = { startMs: Date.parse('2026-12-07T00:00:00+01:00'), endMs: Date.parse('2028-12-07T00:00:00+01:00') };
    const result = callbackDeadline({
      plan: findPlan(catalog, 'gold'),
      emergencyLine: catalog.emergencyLine,
      openedAt: new Date('2026-12-08T10:00:00+01:00'),
      emergency: false,
      calendar: berlinCalendar(),
      excluded: [absence],
    });

    assert.equal(result.deadline, '2028-12-07T08:00:00+01:00');
  });

  it('invalid opening instant is rejected', () => {
    assert.throws(() => deadlineFor('gold', 'not a date'), /openedAt is an invalid date/);
  });
});

function createClosed(date: string) {
  const base = berlinCalendar().holidays;
  return { region: base.region, isPublicHoliday: (localDate: string) => localDate === date || base.isPublicHoliday(localDate) };
}
