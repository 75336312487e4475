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
