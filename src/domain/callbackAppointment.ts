import type { CallbackAppointment, SupportRequest } from './request.js';

/** Thrown when a callback appointment cannot be agreed for a request; `reason` names why. */
export class CallbackAppointmentError extends Error {
  override readonly name = 'CallbackAppointmentError';

  constructor(
    readonly requestNumber: string,
    readonly reason: 'emergency' | 'closed' | 'calledBack' | 'alreadyAgreed' | 'invalidTimes',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Returns whether a contact may still pick a callback appointment for a request: it is no emergency
 * (which has its own 2-hour line), it is open, the consultant has not called back yet, and no
 * appointment is agreed yet.
 */
export function mayAgreeCallbackAppointment(request: SupportRequest): boolean {
  return blockingReason(request) === undefined;
}

/**
 * Records an agreed callback appointment on a request and returns the new version.
 *
 * The plan's deadline is kept in `planDeadline`. An appointment that starts at or after the plan's
 * deadline replaces it, because the customer chose the later time. Then `deadline` becomes the
 * appointment's end, so a call anywhere inside the appointment meets the SLA. `atRiskAt` becomes its
 * start, when the call is due. An appointment before the plan's deadline leaves both unchanged.
 *
 * @throws CallbackAppointmentError when the request does not allow an appointment or the times are invalid.
 */
export function agreeCallbackAppointment(request: SupportRequest, appointment: CallbackAppointment): SupportRequest {
  const reason = blockingReason(request);
  if (reason !== undefined) {
    throw new CallbackAppointmentError(request.number, reason, `Request ${request.number} takes no callback appointment: ${reason}`);
  }
  const startMs = Date.parse(appointment.start);
  const endMs = Date.parse(appointment.end);
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || endMs <= startMs) {
    throw new CallbackAppointmentError(
      request.number,
      'invalidTimes',
      `Invalid callback appointment ${appointment.start} to ${appointment.end} for request ${request.number}: the end must be later than the start`,
    );
  }

  const planDeadline = request.deadline;
  const replacesDeadline = startMs >= Date.parse(planDeadline);
  return {
    ...request,
    planDeadline,
    callbackAppointment: { ...appointment },
    ...(replacesDeadline ? { deadline: appointment.end, atRiskAt: appointment.start } : {}),
  };
}

function blockingReason(request: SupportRequest): CallbackAppointmentError['reason'] | undefined {
  if (request.emergency) return 'emergency';
  if (request.state === 'resolved' || request.state === 'closed') return 'closed';
  if (request.firstContactAt !== undefined) return 'calledBack';
  if (request.callbackAppointment !== undefined) return 'alreadyAgreed';
  return undefined;
}
