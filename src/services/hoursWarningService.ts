import { findPlan, type Catalog, type Plan } from '../domain/catalog.js';
import type { Clock } from '../domain/clock.js';
import type { Customer } from '../domain/customer.js';
import { crossedHoursThresholds } from '../domain/hours/index.js';
import type { Logger } from '../logger.js';
import type { CustomerRepository } from '../storage/customers.js';
import type { DeliveryKey, DeliveryRepository } from '../storage/deliveries.js';
import type { CustomerMonthStatement, StatementService } from './statementService.js';
import type { TimeEntryObserver } from './timeService.js';

/** Content of an hours warning card. */
export interface HoursWarningView {
  customer: Customer;
  plan: Plan;
  /** Threshold in percent that the month's usage reached, e.g. 80. */
  thresholdPercent: number;
  /** The month's statement at the moment of sending. */
  statement: CustomerMonthStatement;
}

/** Sender of hours warning cards to the consultant, implemented by the bot. */
export interface HoursWarningChannel {
  /** Returns true when the card reached the consultant's chat. */
  sendHoursWarning(view: HoursWarningView): Promise<boolean>;
}

/** Dependencies of {@link HoursWarningService}. */
export interface HoursWarningServiceDependencies {
  customers: Pick<CustomerRepository, 'get'>;
  statements: Pick<StatementService, 'statementFor'>;
  deliveries: DeliveryRepository;
  catalog: Catalog;
  clock: Clock;
  /** Sender of the cards. Without one, as in the `desk` command line, warnings are only recorded as due. */
  channel?: HoursWarningChannel;
  logger: Logger;
  /** Id of this process in claim rows, e.g. "web-1:4711". */
  instanceId: string;
}

/**
 * Warns the consultant when a customer's usage reaches 80 % and 100 % of the month's available hours.
 * Each warning is a delivery row per customer, month and threshold, so it goes out once per month also
 * with several app instances, concurrent time entries and redelivered invokes. A process without a
 * channel records the warning as due, and an app instance sends it on its next delivery tick.
 */
export class HoursWarningService implements TimeEntryObserver {
  constructor(private readonly deps: HoursWarningServiceDependencies) {}

  /**
   * Records a warning for every threshold that the statement's usage has reached and sends the
   * unsent ones when a channel is set. Failures are logged and not thrown, because the time entry that
   * triggered the check is stored already. A later delivery tick sends the recorded warnings that are still
   * due, and a threshold whose recording failed is recorded again on the customer's next time entry.
   */
  async afterTimeEntry(customer: Customer, statement: CustomerMonthStatement): Promise<void> {
    const ids = { customerId: customer.id, month: statement.month };
    try {
      // With a previous usage of 0 the domain returns every threshold the current usage has reached.
      const reached = crossedHoursThresholds({
        availableMinutes: statement.availableMinutes,
        previousUsedMinutes: 0,
        currentUsedMinutes: statement.billableMinutes,
      });

      const recordedAt = this.deps.clock.now().toISOString();
      for (const thresholdPercent of reached) {
        const key = hoursWarningKey(customer.id, statement.month, thresholdPercent);
        if (await this.deps.deliveries.record(key, recordedAt)) {
          this.deps.logger.info({ ...ids, thresholdPercent }, 'hours warning recorded');
        }
        if (this.deps.channel !== undefined) {
          await this.deliver(key);
        }
      }
    } catch (error) {
      this.deps.logger.error({ ...ids, err: error }, 'hours warning check failed');
    }
  }

  /**
   * Claims, sends and marks one recorded hours warning.
   *
   * @returns true when this call sent the card.
   * @throws RangeError when the key's subject is not "<yyyy-MM>|<percent>".
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async deliver(key: DeliveryKey): Promise<boolean> {
    const channel = this.deps.channel;
    if (channel === undefined) {
      return false;
    }
    const { month, thresholdPercent } = parseHoursWarningSubject(key.subject);
    const ids = { customerId: key.customerId, month, thresholdPercent };

    const now = this.deps.clock.now().toISOString();
    const claim = await this.deps.deliveries.claim(key, now, this.deps.instanceId);
    if (claim.status !== 'claimed') {
      return false;
    }

    const customer = await this.deps.customers.get(key.customerId);
    if (customer === undefined) {
      this.deps.logger.warn(ids, 'hours warning for a deleted customer dropped');
      await this.deps.deliveries.markSent(key, claim.etag, now, []);
      return false;
    }

    const statement = await this.deps.statements.statementFor(customer, month);
    const plan = findPlan(this.deps.catalog, customer.planId);
    const sent = await channel.sendHoursWarning({ customer, plan, thresholdPercent, statement });
    if (!sent) {
      // The claim stays, so the next attempt comes once it is stale instead of on every entry.
      this.deps.logger.error(ids, 'hours warning not delivered; it is tried again when its claim is stale');
      return false;
    }

    await this.deps.deliveries.markSent(key, claim.etag, this.deps.clock.now().toISOString(), []);
    this.deps.logger.info(ids, 'hours warning sent');
    return true;
  }
}

/** Returns the delivery key of the warning at `thresholdPercent` for one customer and month. */
export function hoursWarningKey(customerId: string, month: string, thresholdPercent: number): DeliveryKey {
  return { customerId, kind: 'hoursWarning', subject: `${month}|${thresholdPercent}` };
}

/**
 * Reads month and threshold from an hours warning subject "<yyyy-MM>|<percent>".
 *
 * @throws RangeError naming a subject of another form.
 */
export function parseHoursWarningSubject(subject: string): { month: string; thresholdPercent: number } {
  const match = /^(\d{4}-\d{2})\|(\d{1,3})$/.exec(subject);
  if (!match) {
    throw new RangeError(`Invalid hours warning subject "${subject}": expected "<yyyy-MM>|<percent>", e.g. "2026-11|80"`);
  }
  return { month: match[1] as string, thresholdPercent: Number(match[2]) };
}
