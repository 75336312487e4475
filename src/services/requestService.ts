import { DateTime } from 'luxon';
import type { Catalog, Plan } from '../domain/catalog.js';
import { findPlan } from '../domain/catalog.js';
import type { Clock } from '../domain/clock.js';
import type { Contact, Customer } from '../domain/customer.js';
import { assertTransition } from '../domain/lifecycle.js';
import type { RequestChannel, SupportRequest } from '../domain/request.js';
import type { RequestInput } from '../domain/requestInput.js';
import { formatRequestNumber } from '../domain/requestNumber.js';
import type { BusinessCalendar } from '../domain/serviceWindows.js';
import { callbackDeadline } from '../domain/sla.js';
import type { CounterRepository } from '../storage/counters.js';
import { isNotFound } from '../storage/errors.js';
import type { CardCopy, RequestRepository, StoredRequest } from '../storage/requests.js';

/** Result of a change to a request; `changed` is false when the request already had that state. */
export interface RequestChange {
  stored: StoredRequest;
  changed: boolean;
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
  ) {}

  /**
   * Opens a request: draws the next number of the opening year, computes the callback deadline
   * by the customer's plan and stores the request in state "new".
   */
  async open(params: {
    customer: Customer;
    contact: Contact;
    input: RequestInput;
    channel: RequestChannel;
    emergency: boolean;
  }): Promise<SupportRequest> {
    const openedAt = this.clock.now();
    const plan: Plan = findPlan(this.catalog, params.customer.planId);
    const deadline = callbackDeadline({
      plan,
      emergencyLine: this.catalog.emergencyLine,
      openedAt,
      emergency: params.emergency,
      calendar: this.calendar,
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
   * Marks a request as taken over by the consultant. Taking over twice changes nothing,
   * because Teams may deliver the same card action more than once.
   *
   * @throws ForbiddenTransitionError when the request has moved past "new" in another way.
   */
  async acknowledge(customerId: string, number: string, actorName: string): Promise<RequestChange> {
    return this.change(customerId, number, (request) => {
      if (request.acknowledgedAt) return undefined;
      if (request.state !== 'new') {
        return { ...request, acknowledgedAt: this.nowIso(), acknowledgedBy: actorName };
      }
      assertTransition(request.number, request.state, 'acknowledged');
      return { ...request, state: 'acknowledged', acknowledgedAt: this.nowIso(), acknowledgedBy: actorName };
    });
  }

  /**
   * Records the first callback: the first-contact instant and whether it was at or before the deadline.
   * A second call keeps the first instant.
   */
  async recordCallback(customerId: string, number: string, actorName: string): Promise<RequestChange> {
    return this.change(customerId, number, (request) => {
      if (request.firstContactAt) return undefined;
      assertTransition(request.number, request.state, 'callbackDone');

      const now = this.nowIso();
      return {
        ...request,
        state: 'callbackDone',
        acknowledgedAt: request.acknowledgedAt ?? now,
        acknowledgedBy: request.acknowledgedBy ?? actorName,
        firstContactAt: now,
        slaMet: Date.parse(now) <= Date.parse(request.deadline),
      };
    });
  }

  private async change(
    customerId: string,
    number: string,
    apply: (request: SupportRequest) => SupportRequest | undefined,
  ): Promise<RequestChange> {
    let changed = false;
    try {
      const stored = await this.requests.update(customerId, number, (current) => {
        const next = apply(current.request);
        changed = next !== undefined;
        return next ? { ...current, request: next } : undefined;
      });
      return { stored, changed };
    } catch (error) {
      if (isNotFound(error)) throw new RequestNotFoundError(customerId, number);
      throw error;
    }
  }

  private nowIso(): string {
    return DateTime.fromJSDate(this.clock.now(), { zone: this.calendar.zone }).toISO({ suppressMilliseconds: true }) as string;
  }
}
