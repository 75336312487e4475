import assert from 'node:assert/strict';

import { agreeCallbackAppointment, CallbackAppointmentError, mayAgreeCallbackAppointment } from '../../../src/domain/callbackAppointment.js';
import { sampleRequest } from '../cards/cardQueries.js';

/** sampleRequest: opened Monday 2026-12-07 10:00, due 11:00. */
const appointment = (start: string, end: string) => ({ start, end, bookingId: 'bot-cb' });

describe('agreeCallbackAppointment', () => {
  it('appointment before the deadline keeps it', () => {
    const request = agreeCallbackAppointment(
      { ...sampleRequest(), atRiskAt: '2026-12-07T10:45:00+01:00' },
      appointment('2026-12-07T10:30:00+01:00', '2026-12-07T10:45:00+01:00'),
    );

    assert.equal(request.deadline, '2026-12-07T11:00:00+01:00');
    assert.equal(request.planDeadline, '2026-12-07T11:00:00+01:00');
    assert.equal(request.atRiskAt, '2026-12-07T10:45:00+01:00');
    assert.deepEqual(request.callbackAppointment, appointment('2026-12-07T10:30:00+01:00', '2026-12-07T10:45:00+01:00'));
  });

  it('appointment after the deadline replaces it', () => {
    const request = agreeCallbackAppointment(sampleRequest(), appointment('2026-12-08T14:00:00+01:00', '2026-12-08T14:15:00+01:00'));

    assert.equal(request.planDeadline, '2026-12-07T11:00:00+01:00');
    assert.equal(request.deadline, '2026-12-08T14:15:00+01:00');
    assert.equal(request.atRiskAt, '2026-12-08T14:00:00+01:00');
  });

  it('appointment starting at the deadline replaces it', () => {
    const request = agreeCallbackAppointment(sampleRequest(), appointment('2026-12-07T11:00:00+01:00', '2026-12-07T11:15:00+01:00'));

    assert.equal(request.deadline, '2026-12-07T11:15:00+01:00');
  });

  it('second appointment is rejected', () => {
    const agreed = agreeCallbackAppointment(sampleRequest(), appointment('2026-12-07T10:30:00+01:00', '2026-12-07T10:45:00+01:00'));

    assert.equal(mayAgreeCallbackAppointment(agreed), false);
    assert.throws(
      () => agreeCallbackAppointment(agreed, appointment('2026-12-08T14:00:00+01:00', '2026-12-08T14:15:00+01:00')),
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
      () => agreeCallbackAppointment(sampleRequest(), appointment('2026-12-07T10:45:00+01:00', '2026-12-07T10:30:00+01:00')),
      /end must be later than the start/,
    );
  });
});
