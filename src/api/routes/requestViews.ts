import type { z } from 'zod';
import { roundUpToIncrement } from '../../domain/hours/index.js';
import type { SupportRequest } from '../../domain/request.js';
import type { SlaStatus } from '../../domain/slaStatus.js';
import type { RequestDetail } from '../../services/requestDetails.js';
import type { StoredTimeEntry, TimeEntryHistoryRecord } from '../../storage/timeEntries.js';
import type { ApiServices } from '../apiServices.js';
import type { RequestDetailSchema, RequestSummarySchema } from './requestSchemas.js';

/** Copies the fields the queue shows from a request, so fields such as card copies never leave the server. */
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

/**
 * Loads a request's detail and copies it into the response shape.
 *
 * @throws RequestNotFoundError when the customer has no request with this number.
 */
export async function requestDetailResponse(services: ApiServices, customerId: string, number: string): Promise<z.input<typeof RequestDetailSchema>> {
  const detail = await services.requestDetails.get(customerId, number);
  return toRequestDetail(detail, services.catalog.billingIncrementMinutes);
}

/** Copies a request's detail into the response shape, rounding billed minutes up to `billingIncrementMinutes`. */
export function toRequestDetail(detail: RequestDetail, billingIncrementMinutes: number): z.input<typeof RequestDetailSchema> {
  const version = (entry: StoredTimeEntry) => ({
    type: entry.type,
    minutes: entry.minutes,
    billedMinutes: roundUpToIncrement(entry.minutes, billingIncrementMinutes),
    start: entry.start,
    note: entry.note,
    version: entry.version,
  });
  const change = (record: TimeEntryHistoryRecord) => ({
    action: record.action,
    changedBy: record.changedBy,
    changedAt: record.changedAt,
    before: version(record.before),
  });
  const editsOf = (key: { month: string; id: string }) =>
    detail.timeEntryHistory
      .filter((record) => record.action === 'edited' && record.before.month === key.month && record.before.id === key.id)
      .map(change);

  return {
    ...toRequestSummary(detail.request, detail.customerName, detail.slaStatus),
    solution: detail.request.solution,
    resolvedAt: detail.request.resolvedAt,
    history: detail.history.map(toHistoryEntry),
    notes: detail.notes.map(toHistoryEntry),
    timeEntries: detail.timeEntries.map((entry) => ({
      id: entry.id,
      month: entry.month,
      ...version(entry),
      createdBy: entry.createdBy,
      history: editsOf(entry),
    })),
    deletedTimeEntries: detail.timeEntryHistory
      .filter((record) => record.action === 'deleted')
      .map((record) => ({
        id: record.before.id,
        month: record.before.month,
        deletedBy: record.changedBy,
        deletedAt: record.changedAt,
        last: version(record.before),
        history: editsOf(record.before),
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
