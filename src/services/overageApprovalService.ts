import type { ConversationReference } from 'botbuilder';

import { findPlan, type Catalog, type Plan } from '../domain/catalog.js';
import type { Clock } from '../domain/clock.js';
import type { Customer } from '../domain/customer.js';
import { priceForMinutes } from '../domain/hours/index.js';
import type { Logger } from '../logger.js';
import type { CustomerRepository } from '../storage/customers.js';
import type { DeliveredCard, DeliveryKey, DeliveryRepository } from '../storage/deliveries.js';
import { EntityNotFoundError } from '../storage/errors.js';
import type { OverageApprovalKey, OverageApprovalRepository, StoredOverageApproval } from '../storage/overageApprovals.js';
import type { ApproverDirectory } from './approvers.js';
import type { RequestService } from './requestService.js';
import { localMonthOf, type TimeService } from './timeService.js';

/** Everything an approval card shows. */
export interface OverageApprovalView {
  approval: StoredOverageApproval;
  customer: Customer;
  plan: Plan;
  /** Start of the request's description, or undefined for an approval without request. */
  requestTitle?: string;
  /** The plan's extra-hour rate in euro cents (net). */
  rateCents: number;
  /** Price of the requested minutes at the extra-hour rate, in euro cents (net). */
  amountCents: number;
  /** Teams user ids of the approvers who got the card, which the card's refresh section lists. */
  approverUserIds: string[];
}

/** Sender and updater of approval cards, implemented by the bot because it owns the Bot Connector adapter. */
export interface OverageCardChannel {
  /** Posts the approval card into an approver's chat and returns its activity id, or undefined when that failed. */
  sendApprovalCard(reference: Partial<ConversationReference>, view: OverageApprovalView): Promise<string | undefined>;
  /** Replaces the given copies with the card for the view's current state. */
  updateApprovalCards(cards: readonly DeliveredCard[], view: OverageApprovalView): Promise<void>;
  /** Posts the decision into the consultant's chat. */
  sendDecisionToConsultant(view: OverageApprovalView): Promise<void>;
}

/** A new overage request from the consultant. */
export interface OverageRequestInput {
  customerId: string;
  /** Request number, e.g. "HD-2026-0042". */
  requestNumber: string;
  minutes: number;
  note?: string;
  requestedBy: string;
}

/** Result of delivering the approval cards of one overage request. */
export type ApprovalDelivery =
  /** Cards went to these approvers. */
  | { status: 'sent'; approverNames: string[] }
  /** No approver could be reached. The delivery stays unsent and is retried once its claim is stale. */
  | { status: 'undelivered' }
  /** Recorded for an app instance to send, because this process has no channel. */
  | { status: 'recorded' }
  /** Another caller sent or is sending the cards, or the approval or its customer no longer exists. */
  | { status: 'handledElsewhere' };

/** Person who clicked a card action. */
export interface CardActor {
  tenantId?: string;
  aadObjectId?: string;
  name: string;
}

/** Result of {@link OverageApprovalService.decide}. */
export type DecisionResult =
  | { status: 'decided' | 'alreadyDecided'; view: OverageApprovalView }
  | { status: 'notApprover'; customer: Customer }
  | { status: 'notFound' };

/** Dependencies of {@link OverageApprovalService}. */
export interface OverageApprovalServiceDependencies {
  time: Pick<TimeService, 'requestOverage' | 'decideOverage'>;
  approvals: Pick<OverageApprovalRepository, 'get'>;
  customers: Pick<CustomerRepository, 'get'>;
  requests: Pick<RequestService, 'get'>;
  approvers: ApproverDirectory;
  deliveries: DeliveryRepository;
  catalog: Catalog;
  /** IANA zone of the business calendar, whose local month an overage request counts in. */
  zone: string;
  clock: Clock;
  /** Sender of the cards. Without one, as in the `desk` command line, the cards are recorded as due. */
  channel?: OverageCardChannel;
  logger: Logger;
  /** Id of this process in claim rows. */
  instanceId: string;
}

const REQUEST_TITLE_LENGTH = 120;

/**
 * Overage approval with Adaptive Card Universal Actions: the consultant requests extra minutes on a
 * request, the customer's approvers get a card, the first decision wins, and every copy of the card and
 * the consultant's chat then show it.
 */
export class OverageApprovalService {
  constructor(private readonly deps: OverageApprovalServiceDependencies) {}

  /**
   * Stores a pending overage request for the current local month and delivers its approval cards when a
   * channel is set, or records them as due for an app instance otherwise.
   *
   * @throws RequestNotFoundError when the customer has no request with this number.
   * @throws InvalidInputError listing every invalid field.
   * @throws EntityNotFoundError when the customer does not exist.
   */
  async request(input: OverageRequestInput): Promise<{ approval: StoredOverageApproval; delivery: ApprovalDelivery }> {
    await this.deps.requests.get(input.customerId, input.requestNumber);

    const now = this.deps.clock.now();
    const approval = await this.deps.time.requestOverage({
      customerId: input.customerId,
      month: localMonthOf(now.toISOString(), this.deps.zone),
      minutes: input.minutes,
      request: input.requestNumber,
      ...(input.note === undefined ? {} : { note: input.note }),
      requestedBy: input.requestedBy,
    });
    this.deps.logger.info(
      { customerId: approval.customerId, month: approval.month, approvalId: approval.id, requestNumber: input.requestNumber, minutes: approval.minutes },
      'overage approval requested',
    );

    const key = overageDeliveryKey(approval);
    await this.deps.deliveries.record(key, now.toISOString());
    const delivery = this.deps.channel === undefined ? ({ status: 'recorded' } as const) : await this.deliver(key);
    return { approval, delivery };
  }

  /**
   * Claims a recorded delivery and posts the approval card to every approver with a known chat. The
   * activity id of every copy is stored, so a decision can update all of them.
   *
   * @throws RangeError when the key's subject is not "<yyyy-MM>|<approval id>".
   */
  async deliver(key: DeliveryKey): Promise<ApprovalDelivery> {
    const channel = this.deps.channel;
    if (channel === undefined) {
      return { status: 'recorded' };
    }
    const approvalKey = parseOverageDeliveryKey(key);
    const ids = { customerId: key.customerId, month: approvalKey.month, approvalId: approvalKey.id };

    const now = this.deps.clock.now().toISOString();
    const claim = await this.deps.deliveries.claim(key, now, this.deps.instanceId);
    if (claim.status !== 'claimed') {
      return { status: 'handledElsewhere' };
    }

    const approval = await this.deps.approvals.get(approvalKey);
    const customer = await this.deps.customers.get(key.customerId);
    if (approval === undefined || customer === undefined) {
      this.deps.logger.warn(ids, 'approval cards for a missing approval or customer dropped');
      await this.deps.deliveries.markSent(key, claim.etag, now, []);
      return { status: 'handledElsewhere' };
    }

    const recipients = (await this.deps.approvers.approversOf(customer, approval.request)).filter(
      (recipient) => recipient.conversation !== undefined,
    );
    const view = await this.buildView(approval, customer, recipients.map((recipient) => recipient.conversation?.user?.id ?? ''));

    const cards: DeliveredCard[] = [];
    for (const recipient of recipients) {
      const conversation = recipient.conversation as Partial<ConversationReference>;
      const activityId = await channel.sendApprovalCard(conversation, view);
      if (activityId !== undefined) {
        cards.push({ role: 'approver', aadObjectId: recipient.contact.aadObjectId, conversation, activityId });
      }
    }
    if (cards.length === 0) {
      this.deps.logger.warn(ids, 'no approver reachable; the approval cards are tried again when the claim is stale');
      return { status: 'undelivered' };
    }

    if (!(await this.deps.deliveries.markSent(key, claim.etag, this.deps.clock.now().toISOString(), cards))) {
      this.deps.logger.warn(ids, 'approval delivery claim was taken over while sending; the cards may have gone out twice');
    }
    this.deps.logger.info({ ...ids, activityIds: cards.map((card) => card.activityId) }, 'approval cards sent');
    const names = recipients.filter((recipient) => cards.some((card) => card.aadObjectId === recipient.contact.aadObjectId));
    return { status: 'sent', approverNames: names.map((recipient) => recipient.contact.name) };
  }

  /**
   * Records an approver's decision. Only an approver of the approval's customer may decide, and the
   * first decision wins. When this call decided, every other stored copy of the card is updated and the
   * consultant gets the decision.
   *
   * @param clickedActivityId - Activity id of the card the actor clicked, which the invoke response replaces.
   */
  async decide(
    key: OverageApprovalKey,
    decision: 'approved' | 'declined',
    actor: CardActor,
    clickedActivityId: string | undefined,
  ): Promise<DecisionResult> {
    const access = await this.checkAccess(key, actor);
    if (access.status !== 'approver') {
      return access;
    }

    let outcome;
    try {
      outcome = await this.deps.time.decideOverage(key, decision, actor.name);
    } catch (error) {
      if (error instanceof EntityNotFoundError) return { status: 'notFound' };
      throw error;
    }

    const delivery = await this.deps.deliveries.get(overageDeliveryKey(key));
    const cards = delivery?.cards ?? [];
    const view = await this.buildView(outcome.approval, access.customer, userIdsOf(cards));
    const ids = { customerId: key.customerId, month: key.month, approvalId: key.id, decision: outcome.approval.decision };
    if (!outcome.decidedNow) {
      this.deps.logger.info(ids, 'overage approval was decided before; nothing changed');
      return { status: 'alreadyDecided', view };
    }

    this.deps.logger.info({ ...ids, decidedBy: actor.name }, 'overage approval decided');
    const others = cards.filter((card) => card.activityId !== clickedActivityId);
    await this.deps.channel?.updateApprovalCards(others, view);
    await this.deps.channel?.sendDecisionToConsultant(view);
    return { status: 'decided', view };
  }

  /** Returns the current state of an approval for a card refresh by one of its approvers, without changing it. */
  async current(key: OverageApprovalKey, actor: CardActor): Promise<{ status: 'current'; view: OverageApprovalView } | DecisionResult> {
    const access = await this.checkAccess(key, actor);
    if (access.status !== 'approver') {
      return access;
    }
    const delivery = await this.deps.deliveries.get(overageDeliveryKey(key));
    const view = await this.buildView(access.approval, access.customer, userIdsOf(delivery?.cards ?? []));
    return { status: 'current', view };
  }

  /**
   * Checks that the approval exists and that the actor is one of its customer's approvers. An actor from
   * another tenant gets "notFound", so a changed card never reveals another customer's name.
   */
  private async checkAccess(
    key: OverageApprovalKey,
    actor: CardActor,
  ): Promise<{ status: 'approver'; approval: StoredOverageApproval; customer: Customer } | DecisionResult> {
    const [approval, customer] = await Promise.all([this.deps.approvals.get(key), this.deps.customers.get(key.customerId)]);
    if (approval === undefined || customer === undefined) {
      return { status: 'notFound' };
    }
    // Someone from another tenant, e.g. with a card whose customer id was changed to another customer's, learns
    // nothing about that customer, because the result is the same as for an approval that does not exist.
    if (actor.tenantId !== customer.tenantId) {
      this.deps.logger.warn(
        { customerId: key.customerId, approvalId: key.id, tenantId: actor.tenantId, aadObjectId: actor.aadObjectId },
        'overage action from another tenant rejected',
      );
      return { status: 'notFound' };
    }
    if (!(await this.deps.approvers.isApprover(customer, approval.request, actor.tenantId, actor.aadObjectId))) {
      this.deps.logger.warn(
        { customerId: key.customerId, approvalId: key.id, tenantId: actor.tenantId, aadObjectId: actor.aadObjectId },
        'overage decision from someone who is not an approver rejected',
      );
      return { status: 'notApprover', customer };
    }
    return { status: 'approver', approval, customer };
  }

  private async buildView(approval: StoredOverageApproval, customer: Customer, approverUserIds: string[]): Promise<OverageApprovalView> {
    const plan = findPlan(this.deps.catalog, customer.planId);
    let requestTitle: string | undefined;
    if (approval.request !== undefined) {
      try {
        const { request } = await this.deps.requests.get(customer.id, approval.request);
        requestTitle = Array.from(request.description).slice(0, REQUEST_TITLE_LENGTH).join('');
      } catch (error) {
        this.deps.logger.warn({ customerId: customer.id, requestNumber: approval.request, err: error }, 'request of an overage approval not readable');
      }
    }

    return {
      approval,
      customer,
      plan,
      ...(requestTitle === undefined ? {} : { requestTitle }),
      rateCents: plan.extraHourCents,
      amountCents: priceForMinutes(approval.minutes, plan.extraHourCents),
      approverUserIds: approverUserIds.filter((id) => id !== ''),
    };
  }
}

/** Returns the delivery key of an approval's cards: subject "<yyyy-MM>|<approval id>". */
export function overageDeliveryKey(key: OverageApprovalKey): DeliveryKey {
  return { customerId: key.customerId, kind: 'overageApproval', subject: `${key.month}|${key.id}` };
}

/**
 * Reads the approval key from an approval delivery key.
 *
 * @throws RangeError naming a subject that is not "<yyyy-MM>|<approval id>".
 */
export function parseOverageDeliveryKey(key: DeliveryKey): OverageApprovalKey {
  const match = /^(\d{4}-\d{2})\|([0-9A-Za-z-]{1,100})$/.exec(key.subject);
  if (!match) {
    throw new RangeError(`Invalid overage delivery subject "${key.subject}": expected "<yyyy-MM>|<approval id>"`);
  }
  return { customerId: key.customerId, month: match[1] as string, id: match[2] as string };
}

function userIdsOf(cards: readonly DeliveredCard[]): string[] {
  return cards.filter((card) => card.role === 'approver').map((card) => card.conversation.user?.id ?? '');
}
