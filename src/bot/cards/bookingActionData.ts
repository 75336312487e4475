import { DateTime } from 'luxon';

import { isRequestNumber } from '../../domain/requestNumber.js';

/**
 * Data of the booking and callback card actions, as the client sends them back. A crafted invoke can send
 * anything, so every handler parses the data with the functions below before use. The data never names
 * the customer: handlers always act on the caller's own customer.
 */

/** Maximum length of an instant or id in card data; longer values are rejected. */
const MAX_VALUE_LENGTH = 200;

/** Instants in card data: ISO 8601 with an offset or "Z", as the slot search writes them. */
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Data of `booking.offer`: the entitlement kind, and the start of the last slot shown before ("Weitere Termine"). */
export interface BookingOfferData {
  kind?: string;
  after?: string;
}

/** Data of `booking.pick` and `booking.confirm`: the entitlement kind and the slot start. */
export interface BookingSlotData {
  kind: string;
  start: string;
}

/** Data of `booking.cancel` and `booking.reschedule`: the booking's transaction id, and the paging cursor. */
export interface BookingReferenceData {
  bookingId: string;
  after?: string;
}

/** Data of `booking.reschedulePick` and `booking.rescheduleConfirm`: the booking and its new start. */
export interface BookingMoveData {
  bookingId: string;
  start: string;
}

/** Data of `callback.offer`: the request number and the paging cursor. */
export interface CallbackOfferData {
  number: string;
  after?: string;
  /** True on the request card's button: the slots arrive as a new message and the request card stays. */
  newMessage?: boolean;
}

/** Data of `callback.pick` and `callback.confirm`: the request number and the slot start. */
export interface CallbackSlotData {
  number: string;
  start: string;
}

/** Returns whether a value is an ISO 8601 instant with offset of a real calendar date; 2027-02-30 is rejected. */
export function isInstant(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length <= MAX_VALUE_LENGTH && instantPattern.test(value) && DateTime.fromISO(value).isValid
  );
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_VALUE_LENGTH;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** Parses `booking.offer` data; undefined when a present field is invalid. */
export function parseBookingOfferData(value: unknown): BookingOfferData | undefined {
  const data = record(value) ?? {};
  if (data.kind !== undefined && !isText(data.kind)) return undefined;
  if (data.after !== undefined && !isInstant(data.after)) return undefined;
  return { ...(data.kind === undefined ? {} : { kind: data.kind }), ...(data.after === undefined ? {} : { after: data.after }) };
}

/** Parses `booking.pick` and `booking.confirm` data; undefined when a field is missing or invalid. */
export function parseBookingSlotData(value: unknown): BookingSlotData | undefined {
  const data = record(value);
  if (!data || !isText(data.kind) || !isInstant(data.start)) return undefined;
  return { kind: data.kind, start: data.start };
}

/** Parses `booking.cancel` and `booking.reschedule` data; undefined when a field is missing or invalid. */
export function parseBookingReferenceData(value: unknown): BookingReferenceData | undefined {
  const data = record(value);
  if (!data || !isText(data.bookingId)) return undefined;
  if (data.after !== undefined && !isInstant(data.after)) return undefined;
  return { bookingId: data.bookingId, ...(data.after === undefined ? {} : { after: data.after }) };
}

/** Parses `booking.reschedulePick` and `booking.rescheduleConfirm` data; undefined when a field is missing or invalid. */
export function parseBookingMoveData(value: unknown): BookingMoveData | undefined {
  const data = record(value);
  if (!data || !isText(data.bookingId) || !isInstant(data.start)) return undefined;
  return { bookingId: data.bookingId, start: data.start };
}

/** Parses `callback.offer` data; undefined when a field is missing or invalid. */
export function parseCallbackOfferData(value: unknown): CallbackOfferData | undefined {
  const data = record(value);
  if (!data || !isRequestNumber(data.number)) return undefined;
  if (data.after !== undefined && !isInstant(data.after)) return undefined;
  return {
    number: data.number,
    ...(data.after === undefined ? {} : { after: data.after }),
    ...(data.newMessage === true ? { newMessage: true } : {}),
  };
}

/** Parses `callback.pick` and `callback.confirm` data; undefined when a field is missing or invalid. */
export function parseCallbackSlotData(value: unknown): CallbackSlotData | undefined {
  const data = record(value);
  if (!data || !isRequestNumber(data.number) || !isInstant(data.start)) return undefined;
  return { number: data.number, start: data.start };
}
