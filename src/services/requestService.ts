import { DateTime } from 'luxon';
import type { Catalog, Plan } from '../domain/catalog.js';
import { findPlan } from '../domain/catalog.js';
import type { Clock } from '../domain/clock.js';
import type { Contact, Customer } from '../domain/customer.js';
import {
  acknowledgeRequest,
  addRequestNote,
  changeRequestState,
  recordFirstCallback,
  type ChangeContext,
  type HistoryDraft,
  type RecordedChange,
  type RequestHistoryEntry,
} from '../domain/history.js';
import { isOpenState } from '../domain/lifecycle.js';
import { agreeCallbackAppointment } from '../domain/callbackAppointment.js';
import type { CallbackAppointment, RequestChannel, RequestState, SupportRequest } from '../domain/request.js';
import type { RequestInput } from '../domain/requestInput.js';
import { formatRequestNumber } from '../domain/requestNumber.js';
import type { BusinessCalendar } from '../domain/serviceWindows.js';
import { callbackDeadline } from '../domain/sla.js';
import type { CounterRepository } from '../storage/counters.js';
import { isNotFound } from '../storage/errors.js';
import type { CardCopy, RequestRepository, StoredRequest } from '../storage/requests.js';
import type { AbsenceService } from './absenceService.js';

/** Result of a change to a request; `changed` is false when the request already had that state. */
export interface RequestChange {
  stored: StoredRequest;
  changed: boolean;
  /** The history entry written with the change; undefined when nothing changed. */
  entry?: HistoryDraft;
}

/** Raised when card data names a request that does not exist for that customer. */
export class RequestNotFoundError extends Error {
  constructor(
    readonly customerId: string,
    readonly number: string,
  ) {
    super(`Request ${number} of customer "${customerId}" not found`);
    this.name = 'RequestNotFoundError';
  }
}

/** Opening support requests and recording what the consultant does with them. */
export class RequestService {
  constructor(
    private readonly requests: RequestRepository,
    private readonly counters: CounterRepository,
    private readonly catalog: Catalog,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
    /** Absences of the consultant, which the plan clock of a deadline skips. */
    private readonly absences: Pick<AbsenceService, 'excludedIntervals'>,
  ) {}

  /**
   * Opens a request: draws the next number of the opening year, computes the callback deadline
   * by the customer's plan and stores the request in state "new".
   *
   * @param params.openedAt - When the customer asked, for a call the consultant logs afterwards; now by
   *   default. The deadline counts from it.
   */
  async open(params: {
    customer: Customer;
    contact: Contact;
    input: RequestInput;
    channel: RequestChannel;
    emergency: boolean;
    openedAt?: Date;
  }): Promise<SupportRequest> {
    const openedAt = params.openedAt ? wholeSecond(params.openedAt) : this.wholeSecondNow();
    const plan: Plan = findPlan(this.catalog, params.customer.planId);
    const deadline = callbackDeadline({
      plan,
      emergencyLine: this.catalog.emergencyLine,
      openedAt,
      emergency: params.emergency,
      calendar: this.calendar,
      // Absences pause only the plan clock. An emergency still gets the 24/7 line's deadline, so during an
      // absence it is the earlier of that one and the plan deadline counted after the absence.
      excluded: await this.absences.excludedIntervals(),
    });

    const year = DateTime.fromJSDate(openedAt, { zone: this.calendar.zone }).year;
    const sequence = await this.counters.next('request', String(year));

    const request: SupportRequest = {
      number: formatRequestNumber(year, sequence),
      customerId: params.customer.id,
      planId: plan.id,
      emergency: params.emergency,
      description: params.input.description,
      urgency: params.input.urgency,
      callbackPhone: params.input.callbackPhone,
      callbackChannel: params.input.callbackChannel,
      channel: params.channel,
      contactAadObjectId: params.contact.aadObjectId,
      contactName: params.contact.name,
      state: 'new',
      openedAt: DateTime.fromJSDate(openedAt, { zone: this.calendar.zone }).toISO({ suppressMilliseconds: true }) as string,
      deadline: deadline.deadline,
      atRiskAt: deadline.atRiskAt,
      guaranteeMinutes: deadline.guaranteeMinutes,
    };
    await this.requests.create(request);
    return request;
  }

  /**
   * Reads a request of one customer.
   *
   * @throws RequestNotFoundError when it does not exist.
   */
  async get(customerId: string, number: string): Promise<StoredRequest> {
    const stored = await this.requests.get(customerId, number);
    if (!stored) throw new RequestNotFoundError(customerId, number);
    return stored;
  }

  /** Remembers where a card of the request was posted, so later changes update that copy too. */
  async addCard(customerId: string, number: string, card: CardCopy): Promise<StoredRequest> {
    return this.requests.addCard(customerId, number, card);
  }

  /**
   * Marks a request as taken over by the consultant and writes a history entry. Taking over twice
   * changes nothing, because Teams may deliver the same card action more than once.
   *
   * @throws RequestNotFoundError when the request does not exist.
   * @throws ForbiddenTransitionError when the request is closed.
   */
  async acknowledge(customerId: string, number: string, actorName: string): Promise<RequestChange> {
    return this.change(customerId, number, (request, context) => acknowledgeRequest(request, context), actorName);
  }

  /**
   * Records the first callback: the first-contact instant, whether it was at or before the deadline, and a
   * history entry. A second call keeps the first instant and writes nothing.
   *
   * @throws RequestNotFoundError when the request does not exist.
   * @throws ForbiddenTransitionError when the request's state does not lead to "callbackDone".
   */
  async recordCallback(customerId: string, number: string, actorName: string): Promise<RequestChange> {
    return this.change(customerId, number, (request, context) => recordFirstCallback(request, context), actorName);
  }

  /**
   * Moves a request to state `to` and writes a history entry in the same transaction. Asking for the
   * state the request already has changes nothing. Resolving stores `note` as the solution on the request.
   *
   * @param actorName - Display name of who makes the change, stored in the history.
   * @param note - Comment for the history; required as the solution when `to` is "resolved".
   * @throws RequestNotFoundError when the request does not exist.
   * @throws ForbiddenTransitionError when the lifecycle does not allow moving to `to`.
   * @throws InvalidSolutionError when `to` is "resolved" and the solution is empty or too long.
   */
  async changeState(
    customerId: string,
    number: string,
    to: RequestState,
    actorName: string,
    note?: string,
  ): Promise<RequestChange> {
    return this.change(customerId, number, (request, context) => changeRequestState(request, to, context, note), actorName);
  }

  /**
   * Records the callback appointment a contact agreed for a request. Whether it moves the deadline depends
   * on its end and on `pickedAt`, as `agreeCallbackAppointment` states. Agreeing the same booking again
   * returns the request unchanged, because Teams may deliver a card action twice.
   *
   * @param pickedAt - Instant at which the contact confirmed the appointment, e.g. the booking's creation.
   * @throws RequestNotFoundError when the request does not exist.
   * @throws CallbackAppointmentError when the request takes no appointment (any more).
   */
  async agreeCallbackAppointment(
    customerId: string,
    number: string,
    appointment: CallbackAppointment,
    pickedAt: Date,
  ): Promise<StoredRequest> {
    try {
      return await this.requests.update(customerId, number, (current) => {
        if (current.request.callbackAppointment?.bookingId === appointment.bookingId) return undefined;
        return { ...current, request: agreeCallbackAppointment(current.request, appointment, pickedAt) };
      });
    } catch (error) {
      if (isNotFound(error)) throw new RequestNotFoundError(customerId, number);
      throw error;
    }
  }

  /**
   * Adds a note of the consultant to the request's history without changing the request.
   *
   * @throws RequestNotFoundError when the request does not exist.
   * @throws InvalidNoteError when the text is empty or too long.
   */
  async addNote(customerId: string, number: string, text: string, actorName: string): Promise<RequestChange> {
    return this.change(customerId, number, (request, context) => addRequestNote(request, text, context), actorName);
  }

  /** Returns the history of a request, oldest entry first. */
  async history(customerId: string, number: string): Promise<RequestHistoryEntry[]> {
    return this.requests.listHistory(customerId, number);
  }

  /** Returns the open requests of one customer (neither resolved nor closed), newest first. */
  async listOpenOfCustomer(customerId: string): Promise<SupportRequest[]> {
    const stored = await this.requests.listByCustomer(customerId);
    return stored
      .map((entry) => entry.request)
      .filter((request) => isOpenState(request.state))
      .sort((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt) || b.number.localeCompare(a.number));
  }

  private async change(
    customerId: string,
    number: string,
    apply: (request: SupportRequest, context: ChangeContext) => RecordedChange | undefined,
    actorName: string,
  ): Promise<RequestChange> {
    const context: ChangeContext = { at: this.nowIso(), actor: actorName };
    let entry: HistoryDraft | undefined;
    try {
      const stored = await this.requests.updateWithHistory(customerId, number, (current) => {
        // Runs again after a lost ETag race, so `entry` always describes the version that was written.
        const result = apply(current.request, context);
        entry = result?.entry;
        return result ? { next: { ...current, request: result.request }, history: [result.entry] } : undefined;
      });
      return { stored, changed: entry !== undefined, entry };
    } catch (error) {
      if (isNotFound(error)) throw new RequestNotFoundError(customerId, number);
      throw error;
    }
  }

  private nowIso(): string {
    return DateTime.fromJSDate(this.wholeSecondNow(), { zone: this.calendar.zone }).toISO({ suppressMilliseconds: true }) as string;
  }

  /** Current instant cut to the whole second, so stored instants and deadlines carry no milliseconds. */
  private wholeSecondNow(): Date {
    return wholeSecond(this.clock.now());
  }
}

/** Returns the instant cut to the whole second. */
function wholeSecond(instant: Date): Date {
  const millis = instant.getTime();
  return new Date(millis - (millis % 1000));
}
