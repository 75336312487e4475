import type { CallbackChannel, Urgency } from '../../domain/request.js';

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

/** Action data type per verb, for typed handler registration. */
export interface VerbData {
  'request.form': RequestFormData;
  'request.submit': RequestSubmitData;
  'request.acknowledge': RequestReferenceData;
  'request.callbackDone': RequestReferenceData;
}

/** Returns whether action data carries a non-empty customer id and request number. */
export function isRequestReferenceData(value: unknown): value is RequestReferenceData {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { customerId, number } = value as Record<string, unknown>;
  return typeof customerId === 'string' && customerId !== '' && typeof number === 'string' && number !== '';
}
