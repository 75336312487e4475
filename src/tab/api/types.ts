import type { z } from 'zod';
import type { ApiErrorBody, ApiErrorCode } from '../../api/apiFailure.js';
import type { AbsenceInputSchema, AbsenceSchema } from '../../api/routes/absences.js';
import type { CustomerSchema } from '../../api/routes/customers.js';
import type { MeSchema } from '../../api/routes/me.js';
import type { LoggedCallSchema, RequestDetailSchema, RequestSummarySchema } from '../../api/routes/requestSchemas.js';
import type { TimeType } from '../../domain/catalog.js';
import type { RequestChannel, RequestState, Urgency } from '../../domain/request.js';
import type { SlaStatus } from '../../domain/slaStatus.js';
import type { LoggedCallChannel } from '../../services/callLog.js';
import type { BookingKind } from '../../storage/bookings.js';

export type { ApiErrorBody, ApiErrorCode, RequestState, TimeType, Urgency };

export { AUTH_ERROR_CODES, type AuthErrorCode } from '../../api/authErrorCodes.js';

/** Channel of a request in the queue, as the list filter and its items name it. */
export type RequestListChannel = RequestChannel;

/** Channel of a call that the consultant records in the tab. */
export type CallChannel = LoggedCallChannel;

export type { SlaStatus };

/** The signed-in consultant (GET /api/tab/me). */
export type Me = z.infer<typeof MeSchema>;

/** One request of the queue (GET /api/tab/requests). Instants are ISO 8601 with offset. */
export type QueueItem = z.infer<typeof RequestSummarySchema>;

/** A page of a list response. `nextCursor` is absent on the last page. */
export interface Page<Item> {
  items: Item[];
  nextCursor?: string | null;
}

/** A request with everything documented on it (GET /api/tab/requests/{customerId}/{number}). */
export type RequestDetail = z.infer<typeof RequestDetailSchema>;

/** Action that an entry of a request's history records. */
export type HistoryAction = RequestDetail['history'][number]['action'];

/** Decision on an overage approval. */
export type ApprovalDecision = RequestDetail['overageApprovals'][number]['decision'];

/** Status of a calendar booking. */
export type BookingStatus = RequestDetail['bookings'][number]['status'];

export type { BookingKind };

/** Body of POST /api/tab/requests ("Anruf erfassen"). */
export type RecordedCall = z.input<typeof LoggedCallSchema>;

/** A customer as the filters and the call form list it. The API sends more fields. */
export type CustomerSummary = Pick<z.infer<typeof CustomerSchema>, 'id' | 'name'>;

/** A stored absence. `from` is inclusive and `to` exclusive, both ISO 8601 instants with offset. */
export type AbsenceItem = z.infer<typeof AbsenceSchema>;

/** Body of POST /api/tab/absences. A local date "yyyy-MM-dd" as `to` means the end of that day. */
export type NewAbsence = z.input<typeof AbsenceInputSchema>;
