import type { CallbackAppointment, SupportRequest } from './request.js';
import { toEpochMillis } from './slots/instant.js';

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
 * Returns whether a request's deadline has passed at `at`, so the SLA is missed and a callback appointment
 * agreed from then on no longer moves the deadline (see {@link agreeCallbackAppointment}).
 *
 * @throws Error naming the request when its deadline is not a valid instant.
 */
export function isDeadlinePassed(request: Pick<SupportRequest, 'number' | 'deadline'>, at: Date): boolean {
  return at.getTime() >= toEpochMillis(request.deadline, `deadline of request ${request.number}`);
}

/**
 * Records an agreed callback appointment on a request and returns the new version.
 *
 * The plan's deadline is kept in `planDeadline` and the appointment in `callbackAppointment`. Whether the
 * appointment moves the effective `deadline` depends on when the contact picked it:
 *
 * - Picked before the plan's deadline: `deadline` becomes the later of the plan's deadline and the
 *   appointment's end, because the customer chose the time, so a call anywhere inside the appointment meets
 *   the SLA. When the appointment ends after the plan's deadline, `atRiskAt` becomes its start, when the call
 *   is due. An appointment that ends at or before the plan's deadline leaves both unchanged.
 * - Picked at or after the plan's deadline: the SLA is already missed, so `deadline` and `atRiskAt` stay as
 *   they are and the breach remains in the SLA statistics.
 *
 * Example: a deadline at 10:07, appointment 10:00–10:15 picked at 09:30 gives the deadline 10:15 and the
 * at-risk instant 10:00. The same appointment picked at 10:07 or later keeps the deadline at 10:07.
 *
 * @param pickedAt - Instant at which the contact confirmed the appointment.
 * @throws CallbackAppointmentError when the request does not allow an appointment or the times are invalid.
 */
export function agreeCallbackAppointment(request: SupportRequest, appointment: CallbackAppointment, pickedAt: Date): SupportRequest {
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
  if (Number.isNaN(pickedAt.getTime())) {
    throw new CallbackAppointmentError(
      request.number,
      'invalidTimes',
      `Invalid instant at which the callback appointment for request ${request.number} was picked: the Date is invalid`,
    );
  }

  const planDeadline = request.deadline;
  const agreed: SupportRequest = { ...request, planDeadline, callbackAppointment: { ...appointment } };
  const extendsDeadline = !isDeadlinePassed(request, pickedAt) && endMs > Date.parse(planDeadline);
  return extendsDeadline ? { ...agreed, deadline: appointment.end, atRiskAt: appointment.start } : agreed;
}

function blockingReason(request: SupportRequest): CallbackAppointmentError['reason'] | undefined {
  if (request.emergency) return 'emergency';
  if (request.state === 'resolved' || request.state === 'closed') return 'closed';
  if (request.firstContactAt !== undefined) return 'calledBack';
  if (request.callbackAppointment !== undefined) return 'alreadyAgreed';
  return undefined;
}
