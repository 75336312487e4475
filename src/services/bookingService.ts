import { DateTime } from 'luxon';
import type { Logger } from 'pino';

import type { CalendarProvider } from '../calendar/calendarProvider.js';
import { slotCellsOf, SLOT_CELL_MS } from '../calendar/slotCells.js';
import { searchFreeSlots, type SlotRules } from '../calendar/slotSearch.js';
import { findPlan, type Catalog, type Entitlement } from '../domain/catalog.js';
import type { Clock } from '../domain/clock.js';
import type { Language } from '../domain/customer.js';
import { computeEntitlementPeriod } from '../domain/slots/entitlementPeriod.js';
import type { Absence, Slot } from '../domain/slots/findSlots.js';
import { formatInstant, toEpochMillis } from '../domain/slots/instant.js';
import { messagesFor } from '../i18n/messages.js';
import type { BookingSlotRepository, SlotLock } from '../storage/bookingSlots.js';
import type { Booking, BookingKind, BookingRepository, StoredBooking } from '../storage/bookings.js';
import { isPreconditionFailed } from '../storage/errors.js';

export type { Booking, BookingKind, BookingStatus } from '../storage/bookings.js';
export type { Slot } from '../domain/slots/findSlots.js';

/** Days after the requested date that a conflict searches for the next free slot. */
export const NEXT_SLOT_SEARCH_DAYS = 14;

/**
 * How long a pending booking may hold its slot. A booking still pending after that is taken to have
 * crashed between locking its slot and confirming its event, and another booking may take the slot over.
 * It exceeds the Graph provider's 60-second limit per call several times over.
 */
export const PENDING_BOOKING_TIMEOUT_MS = 5 * 60 * 1000;

/** Maximum length of a transaction id; Azure keys allow more, Graph documents no limit. */
export const MAX_TRANSACTION_ID_LENGTH = 200;

const MILLIS_PER_MINUTE = 60_000;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Input of {@link BookingService.book}: customer, plan, entitlement kind, slot start, contact and language. */
export interface BookingRequest {
  /**
   * Id of this booking, chosen by the caller so that a repeated delivery of the same card action maps to
   * the same booking, e.g. derived from the card's activity id. The calendar event carries it too.
   */
  transactionId: string;
  customerId: string;
  /** Display name of the customer organisation, for the event subject. */
  customerName: string;
  planId: string;
  kind: BookingKind;
  /** Slot start as an ISO 8601 instant with offset or a Date, as offered by {@link BookingService.findSlots}. */
  start: string | Date;
  contact: { name: string; email: string };
  /** Language of the invitation text; defaults to German. */
  language?: Language;
}

/** Result of {@link BookingService.book} and {@link BookingService.reschedule}. */
export type BookingOutcome =
  /** The booking is confirmed; `booking.eventId` names its calendar event. */
  | { status: 'booked'; booking: Booking }
  /** The slot is no longer free; `nextFreeSlot` is the first free slot at or after it, if any within 14 days. */
  | { status: 'conflict'; nextFreeSlot?: Slot }
  /** The customer has used this entitlement in the period of the slot. */
  | { status: 'entitlementUsed'; period: Entitlement['period']; periodKey: string; existing?: Booking };

/** Thrown when the plan has no entitlement of the requested kind; the message names the kinds it has. */
export class EntitlementNotInPlanError extends Error {
  override readonly name = 'EntitlementNotInPlanError';
}

/** Thrown when a booking request contains an invalid value; the message names it. */
export class InvalidBookingRequestError extends Error {
  override readonly name = 'InvalidBookingRequestError';
}

/** Thrown when no booking exists for a customer and transaction id. */
export class BookingNotFoundError extends Error {
  override readonly name = 'BookingNotFoundError';
}

/** Thrown when a booking is in a state that does not allow the action, e.g. moving a cancelled booking. */
export class BookingStateError extends Error {
  override readonly name = 'BookingStateError';
}

/** Collaborators and settings of {@link BookingService}. */
export interface BookingServiceDeps {
  bookings: BookingRepository;
  slotLocks: BookingSlotRepository;
  calendar: CalendarProvider;
  catalog: Catalog;
  rules: SlotRules;
  clock: Clock;
  /** Returns the consultant's absences; no slot is offered inside them. */
  absences?: () => Promise<readonly Absence[]>;
  logger?: Logger;
}

/**
 * Books, cancels and moves the calls that plans include (check-ins, strategy meetings, ...) in the
 * consultant's calendar, without double booking.
 *
 * A booking runs in steps, and each step can be repeated with the same transaction id:
 * 1. check that the slot is offered (calendar free/busy, bookable hours, holidays, absences, locks);
 * 2. insert the pending booking row together with the claim of its entitlement period;
 * 3. lock the slot's quarter-hour cells, where an insert conflict (409) means another booking was first;
 * 4. create the calendar event with the transaction id, so a retried create returns the same event;
 * 5. confirm the booking row with the event id, checked against the ETag read in step 2.
 */
export class BookingService {
  constructor(private readonly deps: BookingServiceDeps) {}

  /**
   * Returns the free slots for an entitlement of a plan, with the entitlement's duration.
   *
   * @param from - First local date "yyyy-MM-dd" in the consultant's zone.
   * @throws EntitlementNotInPlanError naming the kinds the plan has.
   * @throws CalendarUnavailableError when the calendar cannot be reached.
   */
  async findSlots(planId: string, kind: string, from: string, days: number): Promise<Slot[]> {
    const entitlement = entitlementOf(this.deps.catalog, planId, kind);
    return this.searchSlots(from, days, entitlement.durationMinutes);
  }

  /**
   * Books a slot. A repeated call with the same transaction id returns the first booking and creates no
   * second event.
   *
   * @throws EntitlementNotInPlanError, InvalidBookingRequestError for invalid input.
   * @throws BookingStateError when this transaction id belongs to a cancelled booking or another slot.
   * @throws CalendarUnavailableError when the calendar cannot be reached; nothing stays booked then.
   */
  async book(request: BookingRequest): Promise<BookingOutcome> {
    const entitlement = entitlementOf(this.deps.catalog, request.planId, request.kind);
    validateRequest(request);
    const startMs = toRequestMillis(request.start);
    const endMs = startMs + entitlement.durationMinutes * MILLIS_PER_MINUTE;

    const existing = await this.deps.bookings.get(request.customerId, request.transactionId);
    if (existing !== undefined) {
      return this.continueExisting(existing, startMs, request);
    }

    if (!(await this.isOffered(startMs, endMs))) {
      return this.conflict(startMs, entitlement.durationMinutes);
    }

    const zone = this.deps.rules.zone;
    const period = computeEntitlementPeriod(entitlement.period, new Date(startMs), zone);
    const now = this.deps.clock.now().toISOString();
    const pending: Booking = {
      customerId: request.customerId,
      transactionId: request.transactionId,
      planId: findPlan(this.deps.catalog, request.planId).id,
      kind: request.kind,
      periodKey: period.key,
      start: formatInstant(startMs, zone),
      end: formatInstant(endMs, zone),
      status: 'pending',
      contactName: request.contact.name.trim(),
      contactEmail: request.contact.email.trim(),
      createdAt: now,
      updatedAt: now,
    };

    const created = await this.deps.bookings.createPending(pending);
    switch (created.status) {
      case 'bookingExists':
        // Another delivery of the same booking got here first.
        return this.continueExisting(created.stored, startMs, request);
      case 'periodTaken': {
        const holder = await this.deps.bookings.get(request.customerId, created.holderTransactionId);
        return { status: 'entitlementUsed', period: entitlement.period, periodKey: period.key, existing: holder?.booking };
      }
      case 'created':
        return this.lockAndCreateEvent(created.stored, request);
    }
  }

  /**
   * Cancels a booking: the event is cancelled with a note to the contact, the slot and the entitlement
   * period are released. Cancelling a cancelled booking returns it unchanged.
   *
   * @throws BookingNotFoundError when the customer has no booking with this transaction id.
   * @throws CalendarUnavailableError when the calendar cannot be reached; the booking stays as it was.
   */
  async cancel(customerId: string, transactionId: string): Promise<Booking> {
    for (;;) {
      const stored = await this.requireBooking(customerId, transactionId);
      const { booking } = stored;
      if (booking.status === 'cancelled' || booking.status === 'abandoned') {
        return booking;
      }

      if (booking.eventId !== undefined) {
        await this.deps.calendar.cancelEvent(booking.eventId);
      }
      await this.releaseHolds(booking);

      const cancelled: Booking = { ...booking, status: 'cancelled', updatedAt: this.deps.clock.now().toISOString() };
      try {
        await this.deps.bookings.update(cancelled, stored.etag);
        this.deps.logger?.info({ customerId, transactionId, eventId: booking.eventId }, 'Booking cancelled');
        return cancelled;
      } catch (error) {
        // 412: the row changed meanwhile, e.g. a pending booking was confirmed. Read it again and cancel that state.
        if (!isPreconditionFailed(error)) {
          throw error;
        }
      }
    }
  }

  /**
   * Moves a confirmed booking to another slot of the same length. The event is updated, so the contact
   * receives the new time; the old slot is released.
   *
   * @throws BookingNotFoundError, BookingStateError when the booking is missing or not confirmed.
   * @throws CalendarUnavailableError when the calendar cannot be reached; the booking keeps its old slot.
   */
  async reschedule(customerId: string, transactionId: string, newStart: string | Date): Promise<BookingOutcome> {
    const stored = await this.requireBooking(customerId, transactionId);
    const { booking } = stored;
    if (booking.status !== 'confirmed' || booking.eventId === undefined) {
      throw new BookingStateError(`Booking "${transactionId}" of customer "${customerId}" is ${booking.status} and cannot be moved`);
    }

    const oldStartMs = Date.parse(booking.start);
    const oldEndMs = Date.parse(booking.end);
    const startMs = toRequestMillis(newStart);
    const endMs = startMs + (oldEndMs - oldStartMs);
    if (startMs === oldStartMs) {
      return { status: 'booked', booking };
    }

    const own = { startMs: oldStartMs, endMs: oldEndMs };
    if (!(await this.isOffered(startMs, endMs, transactionId, own))) {
      return this.conflict(startMs, (oldEndMs - oldStartMs) / MILLIS_PER_MINUTE, transactionId, own);
    }

    const zone = this.deps.rules.zone;
    const entitlement = entitlementOf(this.deps.catalog, booking.planId, booking.kind);
    const period = computeEntitlementPeriod(entitlement.period, new Date(startMs), zone);
    const periodChanges = period.key !== booking.periodKey;
    if (periodChanges && !(await this.deps.bookings.claimPeriod(customerId, booking.kind, period.key, transactionId))) {
      return { status: 'entitlementUsed', period: entitlement.period, periodKey: period.key };
    }

    const oldCells = slotCellsOf(new Date(oldStartMs), new Date(oldEndMs), this.deps.rules.bufferMinutes, zone);
    const newCells = slotCellsOf(new Date(startMs), new Date(endMs), this.deps.rules.bufferMinutes, zone);
    const undoNewHolds = async (): Promise<void> => {
      const keep = newCells.localDate === oldCells.localDate ? oldCells.startsMs : [];
      await this.deps.slotLocks.release(newCells.localDate, transactionId, keep);
      if (periodChanges) {
        await this.deps.bookings.releasePeriod(customerId, booking.kind, period.key, transactionId);
      }
    };

    const locked = await this.deps.slotLocks.lock(newCells.localDate, newCells.startsMs, transactionId, customerId);
    if (locked.status === 'taken') {
      await undoNewHolds();
      return this.conflict(startMs, (endMs - startMs) / MILLIS_PER_MINUTE, transactionId, own);
    }

    try {
      await this.deps.calendar.updateEvent(booking.eventId, { start: new Date(startMs), end: new Date(endMs) });
    } catch (error) {
      await undoNewHolds();
      throw error;
    }

    const moved: Booking = {
      ...booking,
      start: formatInstant(startMs, zone),
      end: formatInstant(endMs, zone),
      periodKey: period.key,
      updatedAt: this.deps.clock.now().toISOString(),
    };
    // NOTE: a concurrent cancel or move of the same booking makes this update fail with 412 after the event
    // has moved. The caller then gets the error, and the booking row keeps the state of the other change.
    await this.deps.bookings.update(moved, stored.etag);

    const keep = newCells.localDate === oldCells.localDate ? newCells.startsMs : [];
    await this.deps.slotLocks.release(oldCells.localDate, transactionId, keep);
    if (periodChanges) {
      await this.deps.bookings.releasePeriod(customerId, booking.kind, booking.periodKey, transactionId);
    }
    this.deps.logger?.info({ customerId, transactionId, from: booking.start, to: moved.start }, 'Booking moved');
    return { status: 'booked', booking: moved };
  }

  /** Returns the booking, or undefined when the customer has none with this transaction id. */
  async get(customerId: string, transactionId: string): Promise<Booking | undefined> {
    return (await this.deps.bookings.get(customerId, transactionId))?.booking;
  }

  /** Returns the customer's bookings in every state, ordered by start. */
  async listForCustomer(customerId: string): Promise<Booking[]> {
    return this.deps.bookings.listForCustomer(customerId);
  }

  /** Resumes or returns a booking whose row exists already, e.g. after a repeated card action. */
  private async continueExisting(stored: StoredBooking, startMs: number, request: BookingRequest): Promise<BookingOutcome> {
    const { booking } = stored;
    if (Date.parse(booking.start) !== startMs && booking.status !== 'confirmed') {
      throw new BookingStateError(
        `Transaction "${booking.transactionId}" belongs to a booking at ${booking.start}, not at ${formatInstant(startMs, this.deps.rules.zone)}; use a new transaction id`,
      );
    }
    switch (booking.status) {
      case 'confirmed':
        return { status: 'booked', booking };
      case 'pending':
        return this.lockAndCreateEvent(stored, request);
      case 'cancelled':
      case 'abandoned':
        throw new BookingStateError(
          `Booking "${booking.transactionId}" of customer "${booking.customerId}" is ${booking.status}; book again with a new transaction id`,
        );
    }
  }

  /** Steps 3 to 5 of a booking: lock the cells, create the event, confirm the row. */
  private async lockAndCreateEvent(stored: StoredBooking, request: BookingRequest): Promise<BookingOutcome> {
    const { booking } = stored;
    const startMs = Date.parse(booking.start);
    const endMs = Date.parse(booking.end);
    const durationMinutes = (endMs - startMs) / MILLIS_PER_MINUTE;
    const cells = slotCellsOf(new Date(startMs), new Date(endMs), this.deps.rules.bufferMinutes, this.deps.rules.zone);

    let locked = await this.deps.slotLocks.lock(cells.localDate, cells.startsMs, booking.transactionId, booking.customerId);
    if (locked.status === 'taken' && (await this.takeOverStaleLocks(locked.holders))) {
      locked = await this.deps.slotLocks.lock(cells.localDate, cells.startsMs, booking.transactionId, booking.customerId);
    }
    if (locked.status === 'taken') {
      await this.discardPending(stored);
      this.deps.logger?.info(
        { customerId: booking.customerId, transactionId: booking.transactionId, start: booking.start },
        'Slot was taken by another booking at the same time',
      );
      return this.conflict(startMs, durationMinutes);
    }

    const texts = messagesFor(request.language ?? 'de').calendar;
    let event;
    try {
      event = await this.deps.calendar.createEvent({
        transactionId: booking.transactionId,
        subject: texts.eventSubject(booking.kind, request.customerName),
        body: texts.eventBody(booking.kind, booking.contactName, durationMinutes),
        start: new Date(startMs),
        end: new Date(endMs),
        attendee: { name: booking.contactName, email: booking.contactEmail },
      });
    } catch (error) {
      // The event may exist when only the response was lost. A new attempt with the same transaction id
      // then gets that event back from the calendar instead of a second one.
      await this.discardPending(stored);
      throw error;
    }

    const confirmed: Booking = {
      ...booking,
      status: 'confirmed',
      eventId: event.eventId,
      ...(event.joinUrl === undefined ? {} : { joinUrl: event.joinUrl }),
      updatedAt: this.deps.clock.now().toISOString(),
    };
    try {
      await this.deps.bookings.update(confirmed, stored.etag);
    } catch (error) {
      if (!isPreconditionFailed(error)) {
        throw error;
      }
      return this.afterLostConfirmation(confirmed, durationMinutes);
    }

    this.deps.logger?.info(
      { customerId: booking.customerId, transactionId: booking.transactionId, eventId: event.eventId, start: booking.start },
      'Booking confirmed',
    );
    return { status: 'booked', booking: confirmed };
  }

  /**
   * Handles a confirmation that failed with 412. Either a second delivery of the same booking confirmed
   * it first (same event, because both used the same transaction id), or the booking was taken over or
   * cancelled meanwhile, and then the event just created must not stay.
   */
  private async afterLostConfirmation(confirmed: Booking, durationMinutes: number): Promise<BookingOutcome> {
    const current = await this.deps.bookings.get(confirmed.customerId, confirmed.transactionId);
    if (current?.booking.status === 'confirmed' && current.booking.eventId === confirmed.eventId) {
      return { status: 'booked', booking: current.booking };
    }

    this.deps.logger?.warn(
      { customerId: confirmed.customerId, transactionId: confirmed.transactionId, status: current?.booking.status },
      'Booking changed while its event was created; cancelling the event',
    );
    if (confirmed.eventId !== undefined) {
      await this.deps.calendar.cancelEvent(confirmed.eventId);
    }
    return this.conflict(Date.parse(confirmed.start), durationMinutes);
  }

  /**
   * Takes the cells of bookings that have been pending longer than {@link PENDING_BOOKING_TIMEOUT_MS}, or
   * whose booking row is gone or closed. A stale pending booking is first marked abandoned with its ETag,
   * so that its owner, should it still be running, fails to confirm and cancels its own event.
   *
   * @returns True when every holder was stale and its cells were removed.
   */
  private async takeOverStaleLocks(holders: readonly SlotLock[]): Promise<boolean> {
    const nowMs = this.deps.clock.now().getTime();
    const byTransaction = new Map<string, SlotLock[]>();
    for (const lock of holders) {
      byTransaction.set(lock.transactionId, [...(byTransaction.get(lock.transactionId) ?? []), lock]);
    }

    for (const [transactionId, locks] of byTransaction) {
      const customerId = (locks[0] as SlotLock).customerId;
      const holder = await this.deps.bookings.get(customerId, transactionId);
      const status = holder?.booking.status;
      if (status === 'confirmed') {
        return false;
      }
      if (holder !== undefined && status === 'pending') {
        if (nowMs - Date.parse(holder.booking.createdAt) <= PENDING_BOOKING_TIMEOUT_MS) {
          return false;
        }
        try {
          const abandoned: Booking = { ...holder.booking, status: 'abandoned', updatedAt: new Date(nowMs).toISOString() };
          await this.deps.bookings.update(abandoned, holder.etag);
          await this.deps.bookings.releasePeriod(customerId, holder.booking.kind, holder.booking.periodKey, transactionId);
        } catch (error) {
          if (isPreconditionFailed(error)) {
            return false;
          }
          throw error;
        }
        this.deps.logger?.warn({ customerId, transactionId }, 'Took over the slot of a booking that stayed pending too long');
      }
      for (const lock of locks) {
        await this.deps.slotLocks.remove(lock);
      }
    }
    return true;
  }

  /**
   * Returns whether a lock's booking no longer holds its slot: the booking row is gone, cancelled or
   * abandoned, or it has been pending longer than {@link PENDING_BOOKING_TIMEOUT_MS}.
   */
  private async isStaleHolder(lock: SlotLock): Promise<boolean> {
    const holder = await this.deps.bookings.get(lock.customerId, lock.transactionId);
    if (holder === undefined) {
      return true;
    }
    const { status, createdAt } = holder.booking;
    if (status === 'pending') {
      return this.deps.clock.now().getTime() - Date.parse(createdAt) > PENDING_BOOKING_TIMEOUT_MS;
    }
    return status !== 'confirmed';
  }

  /** Removes a pending booking that did not get its slot or event, with its claim and its cells. */
  private async discardPending(stored: StoredBooking): Promise<void> {
    const { booking } = stored;
    await this.releaseHolds(booking);
    await this.deps.bookings.deleteBooking(booking.customerId, booking.transactionId, stored.etag);
  }

  /** Releases the cells and the entitlement period that a booking holds. */
  private async releaseHolds(booking: Booking): Promise<void> {
    const cells = slotCellsOf(new Date(booking.start), new Date(booking.end), this.deps.rules.bufferMinutes, this.deps.rules.zone);
    await this.deps.slotLocks.release(cells.localDate, booking.transactionId);
    await this.deps.bookings.releasePeriod(booking.customerId, booking.kind, booking.periodKey, booking.transactionId);
  }

  private async requireBooking(customerId: string, transactionId: string): Promise<StoredBooking> {
    const stored = await this.deps.bookings.get(customerId, transactionId);
    if (stored === undefined) {
      throw new BookingNotFoundError(`No booking "${transactionId}" found for customer "${customerId}"`);
    }
    return stored;
  }

  /** Returns whether [startMs, endMs) is one of the slots offered on its local date. */
  private async isOffered(
    startMs: number,
    endMs: number,
    ownTransactionId?: string,
    ownEvent?: { startMs: number; endMs: number },
  ): Promise<boolean> {
    const localDate = DateTime.fromMillis(startMs, { zone: this.deps.rules.zone }).toFormat('yyyy-MM-dd');
    const durationMinutes = (endMs - startMs) / MILLIS_PER_MINUTE;
    const slots = await this.searchSlots(localDate, 1, durationMinutes, ownTransactionId, ownEvent);
    return slots.some((slot) => Date.parse(slot.start) === startMs);
  }

  /** Builds a conflict result with the first free slot at or after `startMs` within {@link NEXT_SLOT_SEARCH_DAYS}. */
  private async conflict(
    startMs: number,
    durationMinutes: number,
    ownTransactionId?: string,
    ownEvent?: { startMs: number; endMs: number },
  ): Promise<BookingOutcome> {
    const localDate = DateTime.fromMillis(startMs, { zone: this.deps.rules.zone }).toFormat('yyyy-MM-dd');
    const slots = await this.searchSlots(localDate, NEXT_SLOT_SEARCH_DAYS, durationMinutes, ownTransactionId, ownEvent);
    const nextFreeSlot = slots.find((slot) => Date.parse(slot.start) >= startMs);
    return nextFreeSlot === undefined ? { status: 'conflict' } : { status: 'conflict', nextFreeSlot };
  }

  /**
   * Searches free slots in the calendar, leaving out absences and cells locked by other bookings. Locked
   * cells get no extra buffer, because a booking's cells already include the buffer after it.
   */
  private async searchSlots(
    from: string,
    days: number,
    durationMinutes: number,
    ownTransactionId?: string,
    ownEvent?: { startMs: number; endMs: number },
  ): Promise<Slot[]> {
    const absences = (await this.deps.absences?.()) ?? [];
    const locked: Absence[] = [];
    const firstDate = DateTime.fromISO(from, { zone: this.deps.rules.zone });
    const staleByTransaction = new Map<string, boolean>();
    for (let offset = 0; offset < days; offset += 1) {
      const localDate = firstDate.plus({ days: offset }).toFormat('yyyy-MM-dd');
      for (const lock of await this.deps.slotLocks.listForDate(localDate)) {
        if (lock.transactionId === ownTransactionId) {
          continue;
        }
        // A stale lock is offered, because the next booking of its slot takes it over.
        let stale = staleByTransaction.get(lock.transactionId);
        if (stale === undefined) {
          stale = await this.isStaleHolder(lock);
          staleByTransaction.set(lock.transactionId, stale);
        }
        if (!stale) {
          locked.push({ start: new Date(lock.startMs), end: new Date(lock.startMs + SLOT_CELL_MS) });
        }
      }
    }

    return searchFreeSlots(this.deps.calendar, this.deps.rules, {
      from,
      days,
      durationMinutes,
      now: this.deps.clock.now(),
      unavailable: [...absences, ...locked],
      ignoreBusy: ownEvent === undefined ? [] : [ownEvent],
    });
  }
}

/**
 * Returns the plan's entitlement of a kind.
 *
 * @throws EntitlementNotInPlanError naming the plan and the kinds it has.
 */
export function entitlementOf(catalog: Catalog, planId: string, kind: string): Entitlement {
  const plan = findPlan(catalog, planId);
  const entitlement = plan.entitlements.find((candidate) => candidate.kind === kind);
  if (entitlement === undefined) {
    const kinds = plan.entitlements.map((candidate) => candidate.kind);
    throw new EntitlementNotInPlanError(
      `Plan "${plan.id}" has no "${kind}" entitlement; ` +
        (kinds.length === 0 ? 'it includes no bookable calls' : `its kinds: ${kinds.join(', ')}`),
    );
  }
  return entitlement;
}

function validateRequest(request: BookingRequest): void {
  const transactionId = request.transactionId;
  if (transactionId.trim() === '' || transactionId.length > MAX_TRANSACTION_ID_LENGTH) {
    throw new InvalidBookingRequestError(
      `Invalid transactionId "${transactionId.slice(0, 40)}": expected 1 to ${MAX_TRANSACTION_ID_LENGTH} characters`,
    );
  }
  if (request.contact.name.trim() === '') {
    throw new InvalidBookingRequestError('Invalid contact name "": the invitation needs the contact\'s name');
  }
  if (!emailPattern.test(request.contact.email.trim())) {
    throw new InvalidBookingRequestError(`Invalid contact email "${request.contact.email}": expected an address such as jana.becker@fabrikam.de`);
  }
}

function toRequestMillis(start: string | Date): number {
  try {
    return toEpochMillis(start, 'start');
  } catch (error) {
    throw new InvalidBookingRequestError((error as Error).message, { cause: error });
  }
}
