import type { CallbackChannel, RequestState, Urgency } from '../../domain/request.js';

/** The `verb` of every Action.Execute the bot's cards send; one verb per action. */
export const Verbs = {
  /** Opens the request form card. */
  requestForm: 'request.form',
  /** Submits the request form; the form's inputs are merged into the action data. */
  requestSubmit: 'request.submit',
  /** The consultant takes over a new request. */
  requestAcknowledge: 'request.acknowledge',
  /** The consultant records the first callback or first contact. */
  requestCallbackDone: 'request.callbackDone',
  /** The consultant moves a request to another state: in progress, waiting for the customer, resolved, closed. */
  requestSetState: 'request.setState',
  /** A contact requests the emergency card, which lists what counts as an emergency and what it costs. */
  emergencyStart: 'emergency.start',
  /** The contact confirms the emergency and its cost; the card's inputs are merged into the action data. */
  emergencyConfirm: 'emergency.confirm',
  /** The contact declines the emergency and gets the normal request form. */
  emergencyDecline: 'emergency.decline',
  /** Shows what the plan includes and a page of free slots for an entitlement ("Termin buchen", "Weitere Termine"). */
  bookingOffer: 'booking.offer',
  /** The contact picks a slot, and the confirmation step follows. */
  bookingPick: 'booking.pick',
  /** The contact confirms the picked slot and it is booked. */
  bookingConfirm: 'booking.confirm',
  /** Lists the customer's upcoming bookings ("Meine Termine"). */
  bookingList: 'booking.list',
  /** Cancels a booking of the contact's customer. */
  bookingCancel: 'booking.cancel',
  /** Shows a page of slots a booking may move to. */
  bookingReschedule: 'booking.reschedule',
  /** The contact picks the new slot of a booking, and the confirmation step follows. */
  bookingReschedulePick: 'booking.reschedulePick',
  /** The contact confirms the move and the booking is moved. */
  bookingRescheduleConfirm: 'booking.rescheduleConfirm',
  /** Shows a page of callback slots for a request ("Rückruftermin wählen"). */
  callbackOffer: 'callback.offer',
  /** The contact picks a callback slot, and the confirmation step follows. */
  callbackPick: 'callback.pick',
  /** The contact confirms the callback slot, which is then booked and recorded on the request. */
  callbackConfirm: 'callback.confirm',
  /** The consultant logs time on a request. The card's minutes, type and note inputs are merged into the data. */
  timeLog: 'time.log',
  /** The consultant requests extra hours on a request from the customer's approvers. The card's hours and note inputs are merged into the data. */
  overageRequest: 'overage.request',
  /** An approver approves an overage request. */
  overageApprove: 'overage.approve',
  /** An approver declines an overage request. */
  overageDecline: 'overage.decline',
  /** Teams fetches the current state of an approval card for a user listed in its refresh section. */
  overageRefresh: 'overage.refresh',
  /** A contact opens the hours card of the current month ("Stunden" on the welcome card). */
  hoursShow: 'hours.show',
} as const;

/** Any verb the cards send. */
export type Verb = (typeof Verbs)[keyof typeof Verbs];

/** Data of `request.form`: an optional description that prefills the form. */
export interface RequestFormData {
  description?: string;
}

/**
 * Data of `request.submit`: the form inputs as the client sends them.
 *
 * Values are strings or missing, because the client validates the card only
 * loosely and a crafted invoke can send anything. The handler must validate
 * every field before use.
 */
export interface RequestSubmitData {
  description?: string;
  /** Expected to be an {@link Urgency}. */
  urgency?: string;
  /** Empty or missing when the contact gave no number. */
  callbackPhone?: string;
  /** Expected to be a {@link CallbackChannel}. */
  callbackChannel?: string;
}

/** Data of `request.acknowledge` and `request.callbackDone`: which request the card shows. */
export interface RequestReferenceData {
  customerId: string;
  /** Request number, e.g. "HD-2026-0001". */
  number: string;
}

/** States the consultant sets with `request.setState`; take-over and callback have their own verbs. */
export const SETTABLE_STATES = ['inProgress', 'waitingForCustomer', 'resolved', 'closed'] as const satisfies readonly RequestState[];

/** A state that `request.setState` accepts. */
export type SettableState = (typeof SETTABLE_STATES)[number];

/** Data of `request.setState`: the request, the target state and, for "resolved", the solution input. */
export interface RequestSetStateData extends RequestReferenceData {
  state: SettableState;
  /** Text of the card's "solution" input; required by the handler when `state` is "resolved". */
  solution?: string;
}

/** Data of `emergency.start`; the action carries nothing. */
export type EmergencyStartData = Record<string, never>;

/**
 * Data of `emergency.confirm` and `emergency.decline`: the inputs of the emergency card as the client
 * sends them. The handler validates every field before use.
 */
export interface EmergencyInputData {
  description?: string;
  callbackPhone?: string;
}

/** Action data type per verb, for typed handler registration. */
export interface VerbData {
  'request.form': RequestFormData;
  'request.submit': RequestSubmitData;
  'request.acknowledge': RequestReferenceData;
  'request.callbackDone': RequestReferenceData;
  'request.setState': RequestSetStateData;
  'emergency.start': EmergencyStartData;
  'emergency.confirm': EmergencyInputData;
  'emergency.decline': EmergencyInputData;
  'time.log': TimeLogData;
  'overage.request': OverageRequestData;
  'overage.approve': OverageDecisionData;
  'overage.decline': OverageDecisionData;
  'overage.refresh': OverageDecisionData;
}

/**
 * Data of `time.log`: the request and the inputs of the "Zeit erfassen" card. Input.Number arrives as a
 * number or a string depending on the client, so `minutes` may be either, and the handler validates it.
 */
export interface TimeLogData extends RequestReferenceData {
  minutes?: string | number;
  /** Expected to be a TimeType: support, project, emergency or on-site. */
  type?: string;
  note?: string;
}

/** Data of `overage.request`: the request and the inputs of the "Mehrstunden anfragen" card. */
export interface OverageRequestData extends RequestReferenceData {
  /** Hours as a number or a string such as "1,5", which the handler converts to whole minutes. */
  hours?: string | number;
  /** Value of the note input. Its id differs from the time card's "note" because input ids must be unique in a card. */
  overageNote?: string;
}

/** Data of `overage.approve`, `overage.decline` and `overage.refresh`: which approval the card shows. */
export interface OverageDecisionData {
  customerId: string;
  /** Statement month "yyyy-MM" of the approval. */
  month: string;
  approvalId: string;
}

/** Returns whether action data carries a non-empty customer id and request number. */
export function isRequestReferenceData(value: unknown): value is RequestReferenceData {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { customerId, number } = value as Record<string, unknown>;
  return (
    typeof customerId === 'string' &&
    customerId.length > 0 &&
    customerId.length <= 64 &&
    typeof number === 'string' &&
    number.length > 0 &&
    number.length <= 40
  );
}

/** Returns whether action data names a request, a state that `request.setState` accepts, and at most a string solution. */
export function isRequestSetStateData(value: unknown): value is RequestSetStateData {
  if (!isRequestReferenceData(value)) {
    return false;
  }
  const { state, solution } = value as unknown as Record<string, unknown>;
  const knownState = (SETTABLE_STATES as readonly unknown[]).includes(state);
  return knownState && (solution === undefined || typeof solution === 'string');
}

/** Returns whether a value is missing, a string or a finite number, as a card input may arrive. */
function isOptionalInput(value: unknown): value is string | number | undefined {
  return value === undefined || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** Returns whether action data names a request and carries at most string or number inputs for minutes, type and note. */
export function isTimeLogData(value: unknown): value is TimeLogData {
  if (!isRequestReferenceData(value)) {
    return false;
  }
  const { minutes, type, note } = value as unknown as Record<string, unknown>;
  return isOptionalInput(minutes) && (type === undefined || typeof type === 'string') && (note === undefined || typeof note === 'string');
}

/** Returns whether action data names a request and carries at most string or number inputs for hours and note. */
export function isOverageRequestData(value: unknown): value is OverageRequestData {
  if (!isRequestReferenceData(value)) {
    return false;
  }
  const { hours, overageNote } = value as unknown as Record<string, unknown>;
  return isOptionalInput(hours) && (overageNote === undefined || typeof overageNote === 'string');
}

/** Returns whether action data names an approval: a customer id, a month "yyyy-MM" and an approval id. */
export function isOverageDecisionData(value: unknown): value is OverageDecisionData {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { customerId, month, approvalId } = value as Record<string, unknown>;
  return (
    typeof customerId === 'string' &&
    customerId.length > 0 &&
    customerId.length <= 64 &&
    typeof month === 'string' &&
    /^\d{4}-(0[1-9]|1[0-2])$/.test(month) &&
    typeof approvalId === 'string' &&
    /^[0-9A-Za-z-]{1,100}$/.test(approvalId)
  );
}

/**
 * Reads a whole number of minutes from a card input: a non-negative integer, or a string of digits.
 *
 * @returns the minutes, or undefined for anything else, e.g. "45.5", "-3", "" or "zehn".
 */
export function parseMinutesInput(value: string | number | undefined): number | undefined {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  }
  const text = (value ?? '').trim();
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}
