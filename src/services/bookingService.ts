import { DateTime } from 'luxon';
import type { Logger } from 'pino';

import type { CalendarProvider } from '../calendar/calendarProvider.js';
import { slotCellsOf, SLOT_CELL_MS } from '../calendar/slotCells.js';
import { searchFreeSlots, type SlotRules } from '../calendar/slotSearch.js';
import { findPlan, type Catalog, type Entitlement, type Plan } from '../domain/catalog.js';
import type { Clock } from '../domain/clock.js';
import type { Language } from '../domain/customer.js';
import { entitlementLeft } from '../domain/slots/entitlementLeft.js';
import { computeEntitlementPeriod, type EntitlementPeriod } from '../domain/slots/entitlementPeriod.js';
import type { Absence, Slot } from '../domain/slots/findSlots.js';
import { formatInstant, toEpochMillis } from '../domain/slots/instant.js';
import { isRequestNumber } from '../domain/requestNumber.js';
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

/** Maximum bookings that {@link BookingService.openTransactionId} derives from one base id. */
export const MAX_TRANSACTION_GENERATIONS = 20;

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
  kind: Entitlement['kind'];
  /** Slot start as an ISO 8601 instant with offset or a Date, as offered by {@link BookingService.findSlots}. */
  start: string | Date;
  contact: { name: string; email: string };
  /** Language of the invitation text; defaults to German. */
  language?: Language;
}

/**
 * Input of {@link BookingService.bookCallback}: like {@link BookingRequest}, but for the callback of a
 * support request instead of an entitlement. The length comes from the plan's `callbackSlot`.
 */
export interface CallbackBookingRequest extends Omit<BookingRequest, 'kind'> {
  /** Number of the request, e.g. "HD-2026-0001". A request has at most one callback appointment. */
  requestNumber: string;
}

/** Grant of one entitlement in the current period and what is left of it, from {@link BookingService.entitlementStatus}. */
export interface EntitlementStatus {
  entitlement: Entitlement;
  /** The period that contains now. */
  period: EntitlementPeriod;
  /** Bookings still open in `period`: 1 or 0. */
  left: number;
  /** The booking that uses `period`, when `left` is 0. */
  booking?: Booking;
}

/** Result of {@link BookingService.book} and {@link BookingService.reschedule}. */
export type BookingOutcome =
  /**
   * The booking is confirmed; `booking.eventId` names its calendar event. `changed` is true only for the
   * call that confirmed or moved it, and false when a repeated call found it done already.
   */
  | { status: 'booked'; booking: Booking; changed: boolean }
  /**
   * The slot is not offered (any more); `nextFreeSlot` is the first free slot at or after it, if any within
   * 14 days. `reason` is "tooSoon" when the slot starts within the minimum notice or has passed, so a
   * confirmation that came too late is not reported as taken, and "taken" otherwise.
   */
  | { status: 'conflict'; reason: ConflictReason; nextFreeSlot?: Slot }
  /** The customer has used this entitlement in the period of the slot. */
  | {
      status: 'entitlementUsed';
      period: Entitlement['period'];
      periodKey: string;
      /** Local midnight at which the next period starts, as an ISO 8601 instant with offset. */
      nextPeriodStart: string;
      existing?: Booking;
    }
  /** The request has a callback appointment already; `existing` is that booking. */
  | { status: 'callbackExists'; existing?: Booking };

/** A confirmed booking that has not ended, as "Meine Termine" lists it. */
export interface UpcomingBooking extends Booking {
  /** Whether the booking's start has passed, so it can no longer be cancelled or moved. */
  started: boolean;
}

/** Why a slot is not offered: another booking or calendar item has it, or it starts within the minimum notice. */
export type ConflictReason = 'taken' | 'tooSoon';

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
   * Whether a booking sends the contact an invitation. The Graph calendar invites the contact as an attendee
   * of the Outlook event, and the local calendar (kind "local") only stores the event in the tables.
   */
  get sendsInvitations(): boolean {
    return this.deps.calendar.kind !== 'local';
  }

  /**
   * Returns the free slots for an entitlement of a plan, with the entitlement's duration.
   *
   * @param from - First local date "yyyy-MM-dd" in the consultant's zone.
   * @throws EntitlementNotInPlanError naming the kinds the plan has.
   * @throws CalendarUnavailableError when the calendar cannot be reached.
   */
  async findSlots(planId: string, kind: string, from: string, days: number): Promise<Slot[]> {
    const entitlement = entitlementOf(this.deps.catalog, planId, kind);
    return this.searchSlots(from, days, { durationMinutes: entitlement.durationMinutes, minimumNoticeMinutes: this.deps.rules.minimumNoticeMinutes });
  }

  /**
   * Returns the free slots for the callback appointment of a request, with the length and minimum notice
   * of the plan's `callbackSlot`.
   *
   * @param from - First local date "yyyy-MM-dd" in the consultant's zone.
   * @throws CalendarUnavailableError when the calendar cannot be reached.
   */
  async findCallbackSlots(planId: string, from: string, days: number): Promise<Slot[]> {
    return this.searchSlots(from, days, callbackSpanOf(findPlan(this.deps.catalog, planId)));
  }

  /**
   * Returns the free slots a confirmed booking may move to, with its own length. Its current time counts
   * as free, so a move by a quarter hour that overlaps itself is offered.
   *
   * @throws BookingNotFoundError, BookingStateError when the booking is missing, has started or cannot be moved.
   * @throws CalendarUnavailableError when the calendar cannot be reached.
   */
  async findRescheduleSlots(customerId: string, transactionId: string, from: string, days: number): Promise<Slot[]> {
    const { booking } = await this.requireBooking(customerId, transactionId);
    assertMovable(booking);
    this.assertNotStarted(booking, 'moved');
    return this.searchSlots(from, days, this.spanOf(booking), ownBookingOf(booking));
  }

  /**
   * Returns what the plan grants of an entitlement in the period that contains now, and what is left of it.
   * Pending and confirmed bookings use a period; cancelled ones give it back.
   *
   * @throws EntitlementNotInPlanError naming the kinds the plan has.
   */
  async entitlementStatus(customerId: string, planId: string, kind: string): Promise<EntitlementStatus> {
    const entitlement = entitlementOf(this.deps.catalog, planId, kind);
    const period = computeEntitlementPeriod(entitlement.period, this.deps.clock.now(), this.deps.rules.zone);
    const holders = (await this.deps.bookings.listForCustomer(customerId)).filter(
      (booking) =>
        booking.kind === entitlement.kind &&
        booking.periodKey === period.key &&
        (booking.status === 'pending' || booking.status === 'confirmed'),
    );
    const left = entitlementLeft(entitlement, holders.length);
    const [booking] = holders;
    return booking === undefined ? { entitlement, period, left } : { entitlement, period, left, booking };
  }

  /**
   * Returns the customer's confirmed bookings that have not ended yet, ordered by start, each with whether
   * it has started, because a started booking can no longer be cancelled or moved.
   */
  async listUpcoming(customerId: string): Promise<UpcomingBooking[]> {
    const nowMs = this.deps.clock.now().getTime();
    const bookings = await this.deps.bookings.listForCustomer(customerId);
    return bookings
      .filter((booking) => booking.status === 'confirmed' && Date.parse(booking.end) > nowMs)
      .map((booking) => ({ ...booking, started: hasStarted(booking, nowMs) }));
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
    const zone = this.deps.rules.zone;
    return this.place(request, {
      kind: request.kind,
      span: { durationMinutes: entitlement.durationMinutes, minimumNoticeMinutes: this.deps.rules.minimumNoticeMinutes },
      periodKeyOf: (startMs) => computeEntitlementPeriod(entitlement.period, new Date(startMs), zone).key,
      periodTaken: (startMs, holder) => {
        const period = computeEntitlementPeriod(entitlement.period, new Date(startMs), zone);
        return { status: 'entitlementUsed', period: entitlement.period, periodKey: period.key, nextPeriodStart: period.end, existing: holder };
      },
    });
  }

  /**
   * Books the callback appointment of a support request, in the same steps as {@link book}. The request
   * number takes the place of the entitlement period, so a request has at most one appointment, and a
   * second one returns "callbackExists". A repeated call with the same transaction id returns the first booking.
   *
   * @throws InvalidBookingRequestError for invalid input, e.g. a malformed request number.
   * @throws BookingStateError when this transaction id belongs to a cancelled booking or another slot.
   * @throws CalendarUnavailableError when the calendar cannot be reached; nothing stays booked then.
   */
  async bookCallback(request: CallbackBookingRequest): Promise<BookingOutcome> {
    const plan = findPlan(this.deps.catalog, request.planId);
    const requestNumber: string = request.requestNumber;
    if (!isRequestNumber(requestNumber)) {
      throw new InvalidBookingRequestError(`Invalid requestNumber "${String(requestNumber).slice(0, 40)}": expected e.g. "HD-2026-0001"`);
    }
    return this.place(request, {
      kind: 'callback',
      requestNumber: request.requestNumber,
      span: callbackSpanOf(plan),
      periodKeyOf: () => request.requestNumber,
      periodTaken: (_startMs, holder) => ({ status: 'callbackExists', existing: holder }),
    });
  }

  /** Steps 1 and 2 of a booking, then {@link lockAndCreateEvent}. */
  private async place(request: Omit<BookingRequest, 'kind'>, placement: Placement): Promise<BookingOutcome> {
    validateRequest(request);
    const startMs = toRequestMillis(request.start);
    const endMs = startMs + placement.span.durationMinutes * MILLIS_PER_MINUTE;

    const existing = await this.deps.bookings.get(request.customerId, request.transactionId);
    if (existing !== undefined) {
      return this.continueExisting(existing, startMs, request);
    }

    if (!(await this.isOffered(startMs, endMs, placement.span))) {
      return this.conflict(startMs, placement.span);
    }

    const zone = this.deps.rules.zone;
    const now = this.deps.clock.now().toISOString();
    const pending: Booking = {
      customerId: request.customerId,
      transactionId: request.transactionId,
      planId: findPlan(this.deps.catalog, request.planId).id,
      kind: placement.kind,
      periodKey: placement.periodKeyOf(startMs),
      ...(placement.requestNumber === undefined ? {} : { requestNumber: placement.requestNumber }),
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
        return placement.periodTaken(startMs, holder?.booking);
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
   * @throws BookingStateError for a callback appointment, whose request deadline depends on it.
   * @throws CalendarUnavailableError when the calendar cannot be reached; the booking stays as it was.
   */
  async cancel(customerId: string, transactionId: string): Promise<Booking> {
    return (await this.cancelBooking(customerId, transactionId)).booking;
  }

  /**
   * Cancels a booking like {@link cancel} and returns whether this call cancelled it: `changed` is false
   * when it was cancelled already, e.g. by a repeated card action.
   *
   * @throws BookingNotFoundError when the customer has no booking with this transaction id.
   * @throws BookingStateError for a callback appointment or a booking that has started already.
   * @throws CalendarUnavailableError when the calendar cannot be reached; the booking stays as it was.
   */
  async cancelBooking(customerId: string, transactionId: string): Promise<{ booking: Booking; changed: boolean }> {
    for (;;) {
      const stored = await this.requireBooking(customerId, transactionId);
      const { booking } = stored;
      if (booking.status === 'cancelled' || booking.status === 'abandoned') {
        return { booking, changed: false };
      }
      assertNotCallback(booking, 'cancelled');
      this.assertNotStarted(booking, 'cancelled');

      if (booking.eventId !== undefined) {
        await this.deps.calendar.cancelEvent(booking.eventId);
      }
      await this.releaseHolds(booking);

      const cancelled: Booking = { ...booking, status: 'cancelled', updatedAt: this.deps.clock.now().toISOString() };
      try {
        await this.deps.bookings.update(cancelled, stored.etag);
        this.deps.logger?.info({ customerId, transactionId, eventId: booking.eventId }, 'Booking cancelled');
        return { booking: cancelled, changed: true };
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
   * @throws BookingNotFoundError, BookingStateError when the booking is missing, not confirmed or a callback appointment.
   * @throws CalendarUnavailableError when the calendar cannot be reached; the booking keeps its old slot.
   */
  async reschedule(customerId: string, transactionId: string, newStart: string | Date): Promise<BookingOutcome> {
    const stored = await this.requireBooking(customerId, transactionId);
    const { booking } = stored;
    const { eventId, kind } = assertMovable(booking);
    this.assertNotStarted(booking, 'moved');

    const oldStartMs = Date.parse(booking.start);
    const oldEndMs = Date.parse(booking.end);
    const startMs = toRequestMillis(newStart);
    const endMs = startMs + (oldEndMs - oldStartMs);
    if (startMs === oldStartMs) {
      return { status: 'booked', booking, changed: false };
    }

    const span = this.spanOf(booking);
    const own = ownBookingOf(booking);
    if (!(await this.isOffered(startMs, endMs, span, own))) {
      return this.conflict(startMs, span, own);
    }

    const zone = this.deps.rules.zone;
    const entitlement = entitlementOf(this.deps.catalog, booking.planId, kind);
    const period = computeEntitlementPeriod(entitlement.period, new Date(startMs), zone);
    const periodChanges = period.key !== booking.periodKey;
    if (periodChanges && !(await this.deps.bookings.claimPeriod(customerId, booking.kind, period.key, transactionId))) {
      return { status: 'entitlementUsed', period: entitlement.period, periodKey: period.key, nextPeriodStart: period.end };
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
      return this.conflict(startMs, span, own);
    }

    try {
      await this.deps.calendar.updateEvent(eventId, { start: new Date(startMs), end: new Date(endMs) });
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
    return { status: 'booked', booking: moved, changed: true };
  }

  /**
   * Returns the transaction id for a booking attempt whose caller derives `baseId` from stable input, such
   * as the card and the slot. That is `baseId` itself, unless the booking stored under it is cancelled or
   * abandoned, because a closed booking's id cannot book again. Then it is the first of `baseId-2`,
   * `baseId-3`, ... that is unused or still open. A repeated delivery of the same attempt gets the same id,
   * so booking the same slot again after a cancellation works and stays idempotent.
   *
   * @throws BookingStateError when {@link MAX_TRANSACTION_GENERATIONS} ids of this base are closed.
   */
  async openTransactionId(customerId: string, baseId: string): Promise<string> {
    for (let generation = 1; generation <= MAX_TRANSACTION_GENERATIONS; generation += 1) {
      const candidate = generation === 1 ? baseId : `${baseId}-${generation}`;
      const status = (await this.deps.bookings.get(customerId, candidate))?.booking.status;
      if (status !== 'cancelled' && status !== 'abandoned') {
        return candidate;
      }
    }
    throw new BookingStateError(
      `Transaction "${baseId}" of customer "${customerId}" was cancelled ${MAX_TRANSACTION_GENERATIONS} times; book from a new card`,
    );
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
  private async continueExisting(stored: StoredBooking, startMs: number, request: EventTextInput): Promise<BookingOutcome> {
    const { booking } = stored;
    if (Date.parse(booking.start) !== startMs && booking.status !== 'confirmed') {
      throw new BookingStateError(
        `Transaction "${booking.transactionId}" belongs to a booking at ${booking.start}, not at ${formatInstant(startMs, this.deps.rules.zone)}; use a new transaction id`,
      );
    }
    switch (booking.status) {
      case 'confirmed':
        return { status: 'booked', booking, changed: false };
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
  private async lockAndCreateEvent(stored: StoredBooking, request: EventTextInput): Promise<BookingOutcome> {
    const { booking } = stored;
    const startMs = Date.parse(booking.start);
    const endMs = Date.parse(booking.end);
    const span = this.spanOf(booking);
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
      return this.conflict(startMs, span);
    }

    const texts = eventTextsOf(booking, request.customerName, request.language ?? 'de');
    let event;
    try {
      event = await this.deps.calendar.createEvent({
        transactionId: booking.transactionId,
        subject: texts.subject,
        body: texts.body,
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
      return this.afterLostConfirmation(confirmed);
    }

    this.deps.logger?.info(
      { customerId: booking.customerId, transactionId: booking.transactionId, eventId: event.eventId, start: booking.start },
      'Booking confirmed',
    );
    return { status: 'booked', booking: confirmed, changed: true };
  }

  /**
   * Handles a confirmation that failed with 412. Either a second delivery of the same booking confirmed
   * it first (same event, because both used the same transaction id), or the booking was taken over or
   * cancelled meanwhile, and then the event just created must not stay.
   */
  private async afterLostConfirmation(confirmed: Booking): Promise<BookingOutcome> {
    const current = await this.deps.bookings.get(confirmed.customerId, confirmed.transactionId);
    if (current?.booking.status === 'confirmed' && current.booking.eventId === confirmed.eventId) {
      return { status: 'booked', booking: current.booking, changed: false };
    }

    this.deps.logger?.warn(
      { customerId: confirmed.customerId, transactionId: confirmed.transactionId, status: current?.booking.status },
      'Booking changed while its event was created; cancelling the event',
    );
    if (confirmed.eventId !== undefined) {
      await this.deps.calendar.cancelEvent(confirmed.eventId);
    }
    return this.conflict(Date.parse(confirmed.start), this.spanOf(confirmed));
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

  /** Rejects a change of a booking whose start has passed, because the call has begun or taken place. */
  private assertNotStarted(booking: Booking, change: 'cancelled' | 'moved'): void {
    if (hasStarted(booking, this.deps.clock.now().getTime())) {
      throw new BookingStateError(`Booking "${booking.transactionId}" started at ${booking.start} and cannot be ${change}`);
    }
  }

  /** Returns the length and minimum notice of a booking's kind: the plan's callback slot or the configured rules. */
  private spanOf(booking: Booking): SlotSpan {
    const durationMinutes = (Date.parse(booking.end) - Date.parse(booking.start)) / MILLIS_PER_MINUTE;
    const minimumNoticeMinutes =
      booking.kind === 'callback'
        ? callbackSpanOf(findPlan(this.deps.catalog, booking.planId)).minimumNoticeMinutes
        : this.deps.rules.minimumNoticeMinutes;
    return { durationMinutes, minimumNoticeMinutes };
  }

  /** Returns whether [startMs, endMs) is one of the slots offered on its local date. */
  private async isOffered(startMs: number, endMs: number, span: SlotSpan, own?: OwnBooking): Promise<boolean> {
    const localDate = DateTime.fromMillis(startMs, { zone: this.deps.rules.zone }).toFormat('yyyy-MM-dd');
    const slots = await this.searchSlots(localDate, 1, { ...span, durationMinutes: (endMs - startMs) / MILLIS_PER_MINUTE }, own);
    return slots.some((slot) => Date.parse(slot.start) === startMs);
  }

  /**
   * Builds a conflict result with its reason and the first free slot at or after `startMs` within
   * {@link NEXT_SLOT_SEARCH_DAYS}.
   */
  private async conflict(startMs: number, span: SlotSpan, own?: OwnBooking): Promise<BookingOutcome> {
    const localDate = DateTime.fromMillis(startMs, { zone: this.deps.rules.zone }).toFormat('yyyy-MM-dd');
    const slots = await this.searchSlots(localDate, NEXT_SLOT_SEARCH_DAYS, span, own);
    const nextFreeSlot = slots.find((slot) => Date.parse(slot.start) >= startMs);
    const earliestStartMs = this.deps.clock.now().getTime() + span.minimumNoticeMinutes * MILLIS_PER_MINUTE;
    const reason: ConflictReason = startMs < earliestStartMs ? 'tooSoon' : 'taken';
    return nextFreeSlot === undefined ? { status: 'conflict', reason } : { status: 'conflict', reason, nextFreeSlot };
  }

  /**
   * Searches free slots in the calendar, leaving out absences and cells locked by other bookings. Locked
   * cells get no extra buffer, because a booking's cells already include the buffer after it. The cells
   * and the event of `own`, the booking being moved, count as free.
   */
  private async searchSlots(from: string, days: number, span: SlotSpan, own?: OwnBooking): Promise<Slot[]> {
    const absences = (await this.deps.absences?.()) ?? [];
    const locked: Absence[] = [];
    const firstDate = DateTime.fromISO(from, { zone: this.deps.rules.zone });
    const staleByTransaction = new Map<string, boolean>();
    for (let offset = 0; offset < days; offset += 1) {
      const localDate = firstDate.plus({ days: offset }).toFormat('yyyy-MM-dd');
      for (const lock of await this.deps.slotLocks.listForDate(localDate)) {
        if (lock.transactionId === own?.transactionId) {
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

    const rules = { ...this.deps.rules, minimumNoticeMinutes: span.minimumNoticeMinutes };
    return searchFreeSlots(this.deps.calendar, rules, {
      from,
      days,
      durationMinutes: span.durationMinutes,
      now: this.deps.clock.now(),
      unavailable: [...absences, ...locked],
      ignoreBusy: own === undefined ? [] : [own],
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

/** Length and minimum notice of the slots searched for one kind of booking. */
interface SlotSpan {
  durationMinutes: number;
  minimumNoticeMinutes: number;
}

/** The booking being moved, whose cells and event count as free in its own slot search. */
interface OwnBooking {
  transactionId: string;
  startMs: number;
  endMs: number;
}

/** Customer name and language of the invitation text of a calendar event. */
type EventTextInput = Pick<BookingRequest, 'customerName' | 'language'>;

/** Settings with which {@link BookingService.place} books one kind: an entitlement or a callback appointment. */
interface Placement {
  kind: BookingKind;
  requestNumber?: string;
  span: SlotSpan;
  /** Key of the claim row that keeps a second booking of the same period or request out. */
  periodKeyOf: (startMs: number) => string;
  /** Builds the result when another booking has the claim for a slot at `startMs`, with that booking when it could be read. */
  periodTaken: (startMs: number, holder: Booking | undefined) => BookingOutcome;
}

function callbackSpanOf(plan: Plan): SlotSpan {
  return { durationMinutes: plan.callbackSlot.durationMinutes, minimumNoticeMinutes: plan.callbackSlot.minimumNoticeMinutes };
}

/** Returns whether a booking's start is at or before `nowMs`, so its call has begun or taken place. */
function hasStarted(booking: Booking, nowMs: number): boolean {
  return Date.parse(booking.start) <= nowMs;
}

function ownBookingOf(booking: Booking): OwnBooking {
  return { transactionId: booking.transactionId, startMs: Date.parse(booking.start), endMs: Date.parse(booking.end) };
}

/**
 * Checks that a booking is a confirmed entitlement booking with an event, the only kind that can move.
 *
 * @returns Its event id and entitlement kind.
 * @throws BookingStateError naming the booking otherwise.
 */
function assertMovable(booking: Booking): { eventId: string; kind: Entitlement['kind'] } {
  const kind = assertNotCallback(booking, 'moved');
  if (booking.status !== 'confirmed' || booking.eventId === undefined) {
    throw new BookingStateError(
      `Booking "${booking.transactionId}" of customer "${booking.customerId}" is ${booking.status} and cannot be moved`,
    );
  }
  return { eventId: booking.eventId, kind };
}

/**
 * Rejects changes to a callback appointment, because the deadline of its request was set from it.
 *
 * @returns The booking's entitlement kind.
 */
function assertNotCallback(booking: Booking, change: 'cancelled' | 'moved'): Entitlement['kind'] {
  if (booking.kind === 'callback') {
    // NOTE: the request keeps the deadline that the appointment set; a change would have to reset it too.
    throw new BookingStateError(
      `Booking "${booking.transactionId}" is the callback appointment of request ${booking.requestNumber ?? booking.periodKey} and cannot be ${change}`,
    );
  }
  return booking.kind;
}

/** Returns the subject and body of a booking's calendar event in a language. */
function eventTextsOf(booking: Booking, customerName: string, language: Language): { subject: string; body: string } {
  const messages = messagesFor(language);
  if (booking.kind === 'callback') {
    const number = booking.requestNumber ?? booking.periodKey;
    return { subject: messages.booking.callback.eventSubject(number, customerName), body: messages.booking.callback.eventBody(number, booking.contactName) };
  }
  const durationMinutes = (Date.parse(booking.end) - Date.parse(booking.start)) / MILLIS_PER_MINUTE;
  return {
    subject: messages.calendar.eventSubject(booking.kind, customerName),
    body: messages.calendar.eventBody(booking.kind, booking.contactName, durationMinutes),
  };
}

function validateRequest(request: Omit<BookingRequest, 'kind'>): void {
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
