import assert from 'node:assert/strict';

import {
  agreeCallbackAppointment,
  CallbackAppointmentError,
  isDeadlinePassed,
  mayAgreeCallbackAppointment,
} from '../../../src/domain/callbackAppointment.js';
import { recordFirstCallback } from '../../../src/domain/history.js';
import { slaStatusAt } from '../../../src/domain/slaStatus.js';
import { sampleRequest } from '../cards/cardQueries.js';

/** sampleRequest: opened Monday 2026-12-07 10:00, due 11:00. */
const appointment = (start: string, end: string) => ({ start, end, bookingId: 'bot-cb' });

/** Monday 2026-12-07 10:20, before the deadline of sampleRequest. */
const BEFORE_DEADLINE = new Date('2026-12-07T10:20:00+01:00');

/** A Gold request opened Monday 2026-12-07 09:07 and due 10:07, at risk from 09:52. */
const requestDueAt1007 = () =>
  sampleRequest({ openedAt: '2026-12-07T09:07:00+01:00', deadline: '2026-12-07T10:07:00+01:00', atRiskAt: '2026-12-07T09:52:00+01:00' });

describe('agreeCallbackAppointment', () => {
  it('appointment ending before the deadline keeps it', () => {
    const request = agreeCallbackAppointment(
      { ...sampleRequest(), atRiskAt: '2026-12-07T10:45:00+01:00' },
      appointment('2026-12-07T10:30:00+01:00', '2026-12-07T10:45:00+01:00'),
      BEFORE_DEADLINE,
    );

    assert.equal(request.deadline, '2026-12-07T11:00:00+01:00');
    assert.equal(request.planDeadline, '2026-12-07T11:00:00+01:00');
    assert.equal(request.atRiskAt, '2026-12-07T10:45:00+01:00');
    assert.deepEqual(request.callbackAppointment, appointment('2026-12-07T10:30:00+01:00', '2026-12-07T10:45:00+01:00'));
  });

  it('appointment ending at the deadline keeps it', () => {
    const request = agreeCallbackAppointment(
      { ...sampleRequest(), atRiskAt: '2026-12-07T10:45:00+01:00' },
      appointment('2026-12-07T10:45:00+01:00', '2026-12-07T11:00:00+01:00'),
      BEFORE_DEADLINE,
    );

    assert.equal(request.deadline, '2026-12-07T11:00:00+01:00');
    assert.equal(request.atRiskAt, '2026-12-07T10:45:00+01:00');
  });

  it('appointment after the deadline replaces it', () => {
    const request = agreeCallbackAppointment(
      sampleRequest(),
      appointment('2026-12-08T14:00:00+01:00', '2026-12-08T14:15:00+01:00'),
      BEFORE_DEADLINE,
    );

    assert.equal(request.planDeadline, '2026-12-07T11:00:00+01:00');
    assert.equal(request.deadline, '2026-12-08T14:15:00+01:00');
    assert.equal(request.atRiskAt, '2026-12-08T14:00:00+01:00');
  });

  it('appointment starting at the deadline replaces it', () => {
    const request = agreeCallbackAppointment(
      sampleRequest(),
      appointment('2026-12-07T11:00:00+01:00', '2026-12-07T11:15:00+01:00'),
      BEFORE_DEADLINE,
    );

    assert.equal(request.deadline, '2026-12-07T11:15:00+01:00');
  });

  it('appointment spanning the deadline extends it to its end', () => {
    const request = agreeCallbackAppointment(
      requestDueAt1007(),
      appointment('2026-12-07T10:00:00+01:00', '2026-12-07T10:15:00+01:00'),
      new Date('2026-12-07T09:30:00+01:00'),
    );

    assert.equal(request.planDeadline, '2026-12-07T10:07:00+01:00');
    assert.equal(request.deadline, '2026-12-07T10:15:00+01:00');
    assert.equal(request.atRiskAt, '2026-12-07T10:00:00+01:00');
    assert.deepEqual(request.callbackAppointment, appointment('2026-12-07T10:00:00+01:00', '2026-12-07T10:15:00+01:00'));
  });

  it('picked after the deadline keeps the breach', () => {
    const request = agreeCallbackAppointment(
      sampleRequest({ atRiskAt: '2026-12-07T10:45:00+01:00' }),
      appointment('2026-12-08T14:00:00+01:00', '2026-12-08T14:15:00+01:00'),
      new Date('2026-12-07T11:30:00+01:00'),
    );

    assert.equal(request.planDeadline, '2026-12-07T11:00:00+01:00');
    assert.equal(request.deadline, '2026-12-07T11:00:00+01:00');
    assert.equal(request.atRiskAt, '2026-12-07T10:45:00+01:00');
    assert.deepEqual(request.callbackAppointment, appointment('2026-12-08T14:00:00+01:00', '2026-12-08T14:15:00+01:00'));
  });

  it('picked exactly at the deadline keeps it', () => {
    const request = agreeCallbackAppointment(
      requestDueAt1007(),
      appointment('2026-12-07T10:15:00+01:00', '2026-12-07T10:30:00+01:00'),
      new Date('2026-12-07T10:07:00+01:00'),
    );

    assert.equal(request.deadline, '2026-12-07T10:07:00+01:00');
    assert.equal(request.atRiskAt, '2026-12-07T09:52:00+01:00');
    assert.equal(request.planDeadline, '2026-12-07T10:07:00+01:00');
  });

  it('picked one millisecond before the deadline extends it', () => {
    const request = agreeCallbackAppointment(
      requestDueAt1007(),
      appointment('2026-12-07T10:15:00+01:00', '2026-12-07T10:30:00+01:00'),
      new Date('2026-12-07T10:06:59.999+01:00'),
    );

    assert.equal(request.deadline, '2026-12-07T10:30:00+01:00');
    assert.equal(request.atRiskAt, '2026-12-07T10:15:00+01:00');
  });

  it('call inside a spanning appointment meets the SLA', () => {
    const agreed = agreeCallbackAppointment(
      requestDueAt1007(),
      appointment('2026-12-07T10:00:00+01:00', '2026-12-07T10:15:00+01:00'),
      new Date('2026-12-07T09:30:00+01:00'),
    );

    const called = recordFirstCallback(agreed, { at: '2026-12-07T10:10:00+01:00', actor: 'Thomas Berger' });

    assert.equal(slaStatusAt(agreed, new Date('2026-12-07T10:10:00+01:00')), 'atRisk');
    assert.equal(called?.request.slaMet, true);
    assert.equal(slaStatusAt(called!.request, new Date('2026-12-07T10:10:00+01:00')), 'met');
  });

  it('call at a late-picked appointment stays missed', () => {
    const agreed = agreeCallbackAppointment(
      sampleRequest(),
      appointment('2026-12-08T14:00:00+01:00', '2026-12-08T14:15:00+01:00'),
      new Date('2026-12-07T11:30:00+01:00'),
    );

    const called = recordFirstCallback(agreed, { at: '2026-12-08T14:05:00+01:00', actor: 'Thomas Berger' });

    assert.equal(slaStatusAt(agreed, new Date('2026-12-08T14:00:00+01:00')), 'breached');
    assert.equal(called?.request.slaMet, false);
    assert.equal(slaStatusAt(called!.request, new Date('2026-12-08T14:05:00+01:00')), 'missed');
  });

  it('second appointment is rejected', () => {
    const agreed = agreeCallbackAppointment(
      sampleRequest(),
      appointment('2026-12-07T10:30:00+01:00', '2026-12-07T10:45:00+01:00'),
      BEFORE_DEADLINE,
    );

    assert.equal(mayAgreeCallbackAppointment(agreed), false);
    assert.throws(
      () => agreeCallbackAppointment(agreed, appointment('2026-12-08T14:00:00+01:00', '2026-12-08T14:15:00+01:00'), BEFORE_DEADLINE),
      (error: unknown) => error instanceof CallbackAppointmentError && error.reason === 'alreadyAgreed',
    );
  });

  it('emergencies, callbacks done and resolved requests take none', () => {
    assert.equal(mayAgreeCallbackAppointment(sampleRequest({ emergency: true })), false);
    assert.equal(mayAgreeCallbackAppointment(sampleRequest({ firstContactAt: '2026-12-07T10:20:00+01:00' })), false);
    assert.equal(mayAgreeCallbackAppointment(sampleRequest({ state: 'resolved' })), false);
    assert.equal(mayAgreeCallbackAppointment(sampleRequest()), true);
  });

  it('end before start is rejected', () => {
    assert.throws(
      () =>
        agreeCallbackAppointment(
          sampleRequest(),
          appointment('2026-12-07T10:45:00+01:00', '2026-12-07T10:30:00+01:00'),
          BEFORE_DEADLINE,
        ),
      /end must be later than the start/,
    );
  });

  it('invalid pick instant is rejected', () => {
    assert.throws(
      () =>
        agreeCallbackAppointment(
          sampleRequest(),
          appointment('2026-12-07T10:30:00+01:00', '2026-12-07T10:45:00+01:00'),
          new Date('not a date'),
        ),
      (error: unknown) =>
        error instanceof CallbackAppointmentError && error.reason === 'invalidTimes' && /HD-2026-0001 was picked/.test(error.message),
    );
  });
});

describe('isDeadlinePassed', () => {
  it('is false before and true from the deadline on', () => {
    const request = sampleRequest();

    assert.equal(isDeadlinePassed(request, new Date('2026-12-07T10:59:59.999+01:00')), false);
    assert.equal(isDeadlinePassed(request, new Date('2026-12-07T11:00:00+01:00')), true);
    assert.equal(isDeadlinePassed(request, new Date('2026-12-07T11:30:00+01:00')), true);
  });

  it('invalid deadline names the request', () => {
    assert.throws(
      () => isDeadlinePassed(sampleRequest({ deadline: '2026-12-07 11:00' }), BEFORE_DEADLINE),
      /Invalid deadline of request HD-2026-0001 "2026-12-07 11:00"/,
    );
  });
});
