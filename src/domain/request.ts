/** Channel a support request came in through. */
export type RequestChannel = 'teams' | 'phone' | 'whatsapp' | 'emergency-line';

/** Callback channels in the order the form offers them. */
export const CALLBACK_CHANNELS = ['phone', 'teams-call', 'teams-chat'] as const;

/** Channel the customer wants to be called back on. */
export type CallbackChannel = (typeof CALLBACK_CHANNELS)[number];

/** Urgencies in the order the form offers them. */
export const URGENCIES = ['low', 'normal', 'high'] as const;

/** Urgency the customer chose; an emergency is a separate request kind. */
export type Urgency = (typeof URGENCIES)[number];

/** Lifecycle state of a support request. */
export type RequestState =
  | 'new'
  | 'acknowledged'
  | 'callbackDone'
  | 'inProgress'
  | 'waitingForCustomer'
  | 'resolved'
  | 'closed';

/** A callback appointment of a request and the id of its booking in the consultant's calendar. */
export interface CallbackAppointment {
  start: string;
  end: string;
  bookingId: string;
}

/** A support request as stored, with its SLA facts. */
export interface SupportRequest {
  /** Readable number, unique per year: "HD-2026-0001". */
  number: string;
  customerId: string;
  /** Plan at opening time; the deadline was computed with it. */
  planId: string;
  emergency: boolean;
  description: string;
  urgency: Urgency;
  callbackPhone?: string;
  callbackChannel: CallbackChannel;
  channel: RequestChannel;
  /** Entra object id of the contact who opened it. */
  contactAadObjectId: string;
  contactName: string;
  state: RequestState;
  /** ISO 8601 instants with offset. */
  openedAt: string;
  /**
   * Effective callback deadline, which the SLA is measured against: the plan's deadline, or the end of a
   * callback appointment that ends after it and was picked before it passed (see `agreeCallbackAppointment`).
   */
  deadline: string;
  /** Deadline by the plan's guarantee, recorded when a callback appointment is agreed. */
  planDeadline?: string;
  /** Callback appointment the contact picked, [start, end) as ISO 8601 instants with offset. */
  callbackAppointment?: CallbackAppointment;
  /** Instant at which 75 % of the SLA time has elapsed; the consultant is warned then. */
  atRiskAt?: string;
  /** Guarantee applied, in business minutes (or wall-clock minutes for an emergency). */
  guaranteeMinutes: number;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  /** First callback or first contact by the consultant. */
  firstContactAt?: string;
  /** Whether the first contact happened at or before the deadline; set with `firstContactAt`. */
  slaMet?: boolean;
  /** Solution the consultant entered when resolving; removed again when the request is reopened. */
  solution?: string;
  /** ISO 8601 instant at which the request was resolved; set and removed together with `solution`. */
  resolvedAt?: string;
}
