import type { z } from 'zod';
import type { SupportRequest } from '../../domain/request.js';
import type { SlaStatus } from '../../domain/slaStatus.js';
import type { RequestDetail } from '../../services/requestDetails.js';
import type { RequestDetailSchema, RequestSummarySchema } from './requestSchemas.js';

/** Copies the fields the queue shows from a request; fields such as card copies never leave the server. */
export function toRequestSummary(request: SupportRequest, customerName: string, slaStatus: SlaStatus): z.input<typeof RequestSummarySchema> {
  return {
    customerId: request.customerId,
    customerName,
    number: request.number,
    description: request.description,
    state: request.state,
    urgency: request.urgency,
    channel: request.channel,
    emergency: request.emergency,
    contactName: request.contactName,
    callbackChannel: request.callbackChannel,
    callbackPhone: request.callbackPhone,
    openedAt: request.openedAt,
    deadline: request.deadline,
    planDeadline: request.planDeadline,
    atRiskAt: request.atRiskAt,
    acknowledgedAt: request.acknowledgedAt,
    firstContactAt: request.firstContactAt,
    slaStatus,
  };
}

/** Copies a request's detail into the response shape. */
export function toRequestDetail(detail: RequestDetail): z.input<typeof RequestDetailSchema> {
  return {
    ...toRequestSummary(detail.request, detail.customerName, detail.slaStatus),
    solution: detail.request.solution,
    resolvedAt: detail.request.resolvedAt,
    history: detail.history.map(toHistoryEntry),
    notes: detail.notes.map(toHistoryEntry),
    timeEntries: detail.timeEntries.map((entry) => ({
      id: entry.id,
      month: entry.month,
      type: entry.type,
      minutes: entry.minutes,
      start: entry.start,
      note: entry.note,
      createdBy: entry.createdBy,
    })),
    overageApprovals: detail.overageApprovals.map((approval) => ({
      id: approval.id,
      month: approval.month,
      minutes: approval.minutes,
      decision: approval.decision,
      decidedBy: approval.decidedBy,
      decidedAt: approval.decidedAt,
      requestedAt: approval.requestedAt,
      note: approval.note,
    })),
    bookings: detail.bookings.map((booking) => ({
      transactionId: booking.transactionId,
      kind: booking.kind,
      start: booking.start,
      end: booking.end,
      status: booking.status,
      contactName: booking.contactName,
      joinUrl: booking.joinUrl,
    })),
  };
}

function toHistoryEntry(entry: RequestDetail['history'][number]) {
  return { sequence: entry.sequence, action: entry.action, at: entry.at, actor: entry.actor, from: entry.from, to: entry.to, note: entry.note };
}
