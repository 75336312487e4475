import { MAX_HISTORY_NOTE_LENGTH, MAX_SOLUTION_LENGTH } from '../../domain/history.js';
import { CALLBACK_CHANNELS, URGENCIES, type RequestChannel, type RequestState } from '../../domain/request.js';
import { CALLBACK_PHONE_MAX_LENGTH, MAX_DESCRIPTION_LENGTH, isValidCallbackPhone } from '../../domain/requestInput.js';
import { isRequestNumber } from '../../domain/requestNumber.js';
import { SLA_STATUSES } from '../../domain/slaStatus.js';
import { CUSTOMER_ID_PATTERN, MAX_CUSTOMER_NAME_LENGTH } from '../../domain/customer.js';
import { LOGGED_CALL_CHANNELS } from '../../services/callLog.js';
import { MAX_ENTRY_MINUTES, MAX_NOTE_LENGTH } from '../../services/timeService.js';
import { z } from '../openApiZod.js';

/** Every request state, in lifecycle order. */
export const REQUEST_STATES = [
  'new',
  'acknowledged',
  'callbackDone',
  'inProgress',
  'waitingForCustomer',
  'resolved',
  'closed',
] as const satisfies readonly RequestState[];

/** Every channel a request can come in through. */
export const REQUEST_CHANNELS = ['teams', 'phone', 'whatsapp', 'emergency-line'] as const satisfies readonly RequestChannel[];

const instant = z.string().datetime({ offset: true });

/** A customer id as the customers table stores it. */
export const CustomerIdParamSchema = z
  .string()
  .regex(CUSTOMER_ID_PATTERN, 'Expected a customer id of lowercase letters, digits and dashes')
  .openapi({ example: 'fabrikam' });

/** Path of one request: customer id and request number. */
export const RequestPathSchema = z.object({
  customerId: CustomerIdParamSchema,
  number: z.string().refine(isRequestNumber, 'Expected a request number such as HD-2026-0042').openapi({ example: 'HD-2026-0042' }),
});

/** A request as the queue lists it. */
export const RequestSummarySchema = z
  .object({
    customerId: z.string(),
    customerName: z.string(),
    number: z.string().openapi({ example: 'HD-2026-0042' }),
    description: z.string(),
    state: z.enum(REQUEST_STATES),
    urgency: z.enum(URGENCIES),
    channel: z.enum(REQUEST_CHANNELS),
    emergency: z.boolean(),
    contactName: z.string(),
    callbackChannel: z.enum(CALLBACK_CHANNELS),
    callbackPhone: z.string().optional(),
    openedAt: instant,
    deadline: instant.openapi({ description: 'Effective callback deadline: the plan deadline or a later agreed callback appointment' }),
    planDeadline: instant.optional(),
    atRiskAt: instant.optional(),
    acknowledgedAt: instant.optional(),
    firstContactAt: instant.optional(),
    slaStatus: z.enum(SLA_STATUSES).openapi({ description: 'Status against the deadline at the time of the response' }),
  })
  .openapi('RequestSummary');

/** One entry of a request's history. */
export const HistoryEntrySchema = z
  .object({
    sequence: z.number().int(),
    action: z.enum(['acknowledge', 'callback', 'stateChange', 'note']),
    at: instant,
    actor: z.string(),
    from: z.enum(REQUEST_STATES),
    to: z.enum(REQUEST_STATES),
    note: z.string().optional(),
  })
  .openapi('RequestHistoryEntry');

/** The recorded facts of a time entry version. */
const TimeEntryVersionSchema = z.object({
  type: z.enum(['support', 'project', 'emergency', 'on-site']),
  minutes: z.number().int(),
  billedMinutes: z.number().int().openapi({ description: "Minutes rounded up to the catalog's billing increment" }),
  start: instant,
  note: z.string().optional(),
  version: z.number().int().openapi({ description: '1 when logged; each edit adds 1' }),
});

/** An earlier version of a time entry and the change that replaced it. */
export const TimeEntryChangeSchema = z
  .object({
    action: z.enum(['edited', 'deleted']),
    changedBy: z.string().openapi({ description: 'Name of the person who edited or deleted the entry' }),
    changedAt: instant,
    before: TimeEntryVersionSchema,
  })
  .openapi('TimeEntryChange');

/** Time logged for a request, with its earlier versions. */
export const RequestTimeEntrySchema = TimeEntryVersionSchema.extend({
  id: z.string(),
  month: z.string(),
  createdBy: z.string(),
  history: z.array(TimeEntryChangeSchema).openapi({ description: 'Earlier versions, oldest first' }),
}).openapi('RequestTimeEntry');

/** A deleted time entry of a request: its last version and who deleted it. */
export const DeletedTimeEntrySchema = z
  .object({
    id: z.string(),
    month: z.string(),
    deletedBy: z.string(),
    deletedAt: instant,
    last: TimeEntryVersionSchema,
    history: z.array(TimeEntryChangeSchema).openapi({ description: 'Edits before the delete, oldest first' }),
  })
  .openapi('DeletedTimeEntry');

/** An overage approval requested for a request. */
export const RequestOverageApprovalSchema = z
  .object({
    id: z.string(),
    month: z.string(),
    minutes: z.number().int(),
    decision: z.enum(['pending', 'approved', 'declined']),
    decidedBy: z.string().optional(),
    decidedAt: z.string().optional(),
    requestedAt: z.string().optional(),
    note: z.string().optional(),
  })
  .openapi('RequestOverageApproval');

/** A calendar booking of a request, such as its callback appointment. */
export const RequestBookingSchema = z
  .object({
    transactionId: z.string(),
    kind: z.string(),
    start: instant,
    end: instant,
    status: z.enum(['pending', 'confirmed', 'cancelled', 'abandoned']),
    contactName: z.string(),
    joinUrl: z.string().optional(),
  })
  .openapi('RequestBooking');

/** Everything recorded about one request. */
export const RequestDetailSchema = RequestSummarySchema.extend({
  solution: z.string().optional(),
  resolvedAt: instant.optional(),
  history: z.array(HistoryEntrySchema),
  notes: z.array(HistoryEntrySchema),
  timeEntries: z.array(RequestTimeEntrySchema),
  deletedTimeEntries: z.array(DeletedTimeEntrySchema),
  overageApprovals: z.array(RequestOverageApprovalSchema),
  bookings: z.array(RequestBookingSchema),
}).openapi('RequestDetail');

/** Body of a state change. */
export const StateChangeSchema = z
  .object({
    state: z.enum(REQUEST_STATES).refine((state) => state !== 'new', 'A request cannot move back to "new"'),
    solution: z
      .string()
      .max(MAX_SOLUTION_LENGTH)
      .optional()
      .openapi({ description: `Required for "resolved", at most ${MAX_SOLUTION_LENGTH} characters; a comment otherwise` }),
  })
  .openapi('StateChange');

/** Body of a time entry for a request. */
export const RequestTimeSchema = z
  .object({
    minutes: z.number().int('Expected whole minutes').min(1).max(MAX_ENTRY_MINUTES),
    type: z.enum(['support', 'project', 'emergency', 'on-site']),
    note: z.string().max(MAX_NOTE_LENGTH).optional(),
    start: instant.optional().openapi({ description: 'Start of the work; by default the work ended now' }),
  })
  .openapi('RequestTime');

/** Path of one time entry of a request, addressed by the local month of the entry's start and its id. */
export const RequestTimeEntryPathSchema = RequestPathSchema.extend({
  month: z.string().max(7).openapi({ example: '2026-12', description: 'Local month "yyyy-MM" of the entry\'s start' }),
  entryId: z.string().max(100).openapi({ example: '20261207T085000Z-3f9a1c2b4d5e6f70' }),
});

/** Body of a time entry edit: at least one field. */
export const RequestTimeEditSchema = z
  .object({
    minutes: z.number().int('Expected whole minutes').min(1).max(MAX_ENTRY_MINUTES).optional(),
    type: z.enum(['support', 'project', 'emergency', 'on-site']).optional(),
    note: z.string().max(MAX_NOTE_LENGTH).optional().openapi({ description: 'An empty text removes the note' }),
  })
  .refine((edit) => edit.minutes !== undefined || edit.type !== undefined || edit.note !== undefined, 'Expected minutes, type or note')
  .openapi('RequestTimeEdit');

/** Body of a note. */
export const RequestNoteSchema = z
  .object({ text: z.string().trim().min(1, 'Required').max(MAX_HISTORY_NOTE_LENGTH) })
  .openapi('RequestNote');

/** Body of "Anruf erfassen": a request that came by phone, WhatsApp or the emergency line. */
export const LoggedCallSchema = z
  .object({
    customerId: CustomerIdParamSchema,
    channel: z.enum(LOGGED_CALL_CHANNELS),
    calledAt: instant.openapi({ description: 'Time of the call, not in the future; the deadline counts from it', example: '2026-11-03T09:15:00+01:00' }),
    contactName: z.string().trim().min(1, 'Required').max(MAX_CUSTOMER_NAME_LENGTH),
    contactAadObjectId: z.string().uuid().optional(),
    description: z.string().trim().min(1, 'Required').max(MAX_DESCRIPTION_LENGTH),
    urgency: z.enum(URGENCIES).default('normal'),
    callbackPhone: z
      .string()
      .max(CALLBACK_PHONE_MAX_LENGTH)
      .refine(isValidCallbackPhone, 'Expected a phone number such as +49 211 5550100'),
  })
  .openapi('LoggedCall');

/** Query of the queue. */
export const QueueQuerySchema = z.object({
  customerId: CustomerIdParamSchema.optional(),
  state: z.enum(REQUEST_STATES).optional(),
  channel: z.enum(REQUEST_CHANNELS).optional(),
  open: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .openapi({
      type: 'string',
      enum: ['true', 'false'],
      description: 'true (default): open requests; false: resolved and closed ones. Ignored with state.',
    }),
});

/** Position in the queue order that a cursor carries. */
export const QueuePositionSchema = z.object({ deadline: z.string(), customerId: z.string(), number: z.string() });
