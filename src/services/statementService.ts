import { DateTime } from 'luxon';

import { countBonusCallsHeld, type BonusCallsHeld } from '../domain/bonusCalls.js';
import { findPlan, type Catalog, type Plan } from '../domain/catalog.js';
import type { Clock } from '../domain/clock.js';
import type { Customer } from '../domain/customer.js';
import {
  assertMonth,
  computeStatementSequence,
  nextMonth,
  type MonthStatement,
  type OverageApproval,
  type SequenceMonth,
  type TimeEntry,
} from '../domain/hours/index.js';
import { hoursOverviewOf, type HoursOverview } from '../domain/hours/hoursOverview.js';
import type { SlaCompliance } from '../domain/slaCompliance.js';
import type { BookingRepository } from '../storage/bookings.js';
import type { CustomerRepository } from '../storage/customers.js';
import type { OverageApprovalRepository, StoredOverageApproval } from '../storage/overageApprovals.js';
import type { StoredTimeEntry, TimeEntryRepository } from '../storage/timeEntries.js';
import { CustomerNotFoundError } from './customerService.js';
import type { SlaReportService } from './slaReport.js';

/**
 * A customer's monthly statement: every field of {@link MonthStatement} plus the customer id and, from
 * {@link StatementService.monthStatement} of a service with a service record, SLA compliance and bonus calls.
 */
export interface CustomerMonthStatement extends MonthStatement {
  customerId: string;
  /** First contacts in time and the median callback time of the requests whose deadline falls in the month. */
  slaCompliance?: SlaCompliance;
  /** Booked entitlement calls (check-ins, proactive calls, strategy meetings, roadmap reviews) held in the month. */
  bonusCallsHeld?: BonusCallsHeld;
}

/** A customer's pool of hours in one month. */
export interface CustomerHoursOverview extends HoursOverview {
  customerId: string;
}

/** Sources of the statement's service record: the SLA compliance and the bookings of bonus calls. */
export interface StatementServiceRecord {
  slaReports: Pick<SlaReportService, 'complianceFor'>;
  bookings: Pick<BookingRepository, 'listForCustomer'>;
  /** Bonus calls count as held once they have ended at this clock's instant. */
  clock: Clock;
}

/** Thrown when a statement is asked for a month before the customer's contract started. */
export class MonthBeforeContractError extends Error {
  override readonly name = 'MonthBeforeContractError';

  constructor(
    readonly customerId: string,
    readonly month: string,
    readonly contractStart: string,
  ) {
    super(
      `Month ${month} lies before the contract start ${contractStart} of customer "${customerId}"; choose ${contractStart.slice(0, 7)} or later`,
    );
  }
}

/** Dependencies of {@link StatementService}. */
export interface StatementServiceDependencies {
  customers: Pick<CustomerRepository, 'get'>;
  timeEntries: Pick<TimeEntryRepository, 'listMonths'>;
  approvals: Pick<OverageApprovalRepository, 'listMonths'>;
  catalog: Catalog;
  /** IANA zone of the business calendar; on-site days are counted per local date in it. */
  zone: string;
  /**
   * Adds SLA compliance and bonus calls to {@link StatementService.monthStatement}. Callers that need the
   * billing only, such as the hours warnings of the time service, may leave it out.
   */
  serviceRecord?: StatementServiceRecord;
}

interface MutableSequenceMonth extends SequenceMonth {
  entries: TimeEntry[];
  approvals: OverageApproval[];
}

/** Builds monthly statements from the stored time entries and overage approvals. */
export class StatementService {
  constructor(private readonly deps: StatementServiceDependencies) {}

  /** VAT rate of the catalog in percent, which the CSV export names in its VAT row. */
  get vatPercent(): number {
    return this.deps.catalog.vatPercent;
  }

  /**
   * Computes a customer's statement for one calendar month, with SLA compliance and bonus calls held when the
   * service has a service record.
   *
   * @param month - Calendar month "yyyy-MM" in the business time zone.
   * @throws CustomerNotFoundError when the customer does not exist.
   * @throws MonthBeforeContractError for a month before the contract start.
   * @throws Error naming an invalid month, a plan missing from the catalog, or an invalid stored entry.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async monthStatement(customerId: string, month: string): Promise<CustomerMonthStatement> {
    assertMonth(month);

    const customer = await this.deps.customers.get(customerId);
    if (customer === undefined) throw new CustomerNotFoundError(customerId);

    const statement = await this.statementFor(customer, month);
    const record = this.deps.serviceRecord;
    if (record === undefined) return statement;

    const [slaCompliance, bookings] = await Promise.all([
      record.slaReports.complianceFor(customer, month),
      record.bookings.listForCustomer(customer.id),
    ]);
    const bonusCallsHeld = countBonusCallsHeld(bookings, month, this.deps.zone, record.clock.now());
    return { ...statement, slaCompliance, bonusCallsHeld };
  }

  /**
   * Computes a customer's pool of hours in one month from the same statement, so that both always agree.
   *
   * @throws CustomerNotFoundError when the customer does not exist.
   * @throws MonthBeforeContractError for a month before the contract start.
   * @throws Error naming an invalid month.
   */
  async hoursOverview(customerId: string, month: string): Promise<CustomerHoursOverview> {
    assertMonth(month);

    const customer = await this.deps.customers.get(customerId);
    if (customer === undefined) throw new CustomerNotFoundError(customerId);
    return { customerId, ...hoursOverviewOf(await this.statementFor(customer, month)) };
  }

  /**
   * Computes the statement of a customer that the caller has already read.
   *
   * A rolled-over lot depends on the whole chain of earlier months, because the lot that a month rolls
   * out depends on how much of its incoming lot it used, and that lot came from the month before. So on
   * plans that roll hours over, this walks every month from the contract start, where the first lot is 0.
   * A fixed walk of two months back would start from a lot of 0 in the middle of the chain and give a
   * wrong lot whenever the skipped months rolled hours over. One range query reads all those months.
   * Plans without rollover read the statement month alone.
   *
   * NOTE: the customer's current plan applies to every month of the walk, because plan changes are not
   * stored yet.
   *
   * @throws MonthBeforeContractError for a month before the contract start.
   */
  async statementFor(customer: Customer, month: string): Promise<CustomerMonthStatement> {
    assertMonth(month);
    const plan = findPlan(this.deps.catalog, customer.planId);

    const contractMonth = customer.contractStart.slice(0, 7);
    if (month < contractMonth) {
      throw new MonthBeforeContractError(customer.id, month, customer.contractStart);
    }

    const firstMonth = rollsOver(plan) ? contractMonth : month;
    const [entries, approvals] = await Promise.all([
      this.deps.timeEntries.listMonths(customer.id, firstMonth, month),
      this.deps.approvals.listMonths(customer.id, firstMonth, month),
    ]);

    const statements = computeStatementSequence({
      catalog: this.deps.catalog,
      planId: plan.id,
      months: this.sequenceMonths(firstMonth, month, entries, approvals),
    });

    const statement = statements[statements.length - 1];
    if (statement === undefined) {
      throw new Error(`No statement computed for customer "${customer.id}" and month ${month}`);
    }
    return { customerId: customer.id, ...statement };
  }

  /** Groups the stored rows into consecutive months, including months without any row. */
  private sequenceMonths(
    firstMonth: string,
    lastMonth: string,
    entries: readonly StoredTimeEntry[],
    approvals: readonly StoredOverageApproval[],
  ): SequenceMonth[] {
    const months: MutableSequenceMonth[] = [];
    const byMonth = new Map<string, MutableSequenceMonth>();
    for (let month = firstMonth; month <= lastMonth; month = nextMonth(month)) {
      const sequenceMonth: MutableSequenceMonth = { month, entries: [], approvals: [] };
      months.push(sequenceMonth);
      byMonth.set(month, sequenceMonth);
    }

    for (const entry of entries) {
      byMonth.get(entry.month)?.entries.push(this.toStatementEntry(entry));
    }
    for (const approval of approvals) {
      byMonth.get(approval.month)?.approvals.push({ minutes: approval.minutes, decision: approval.decision });
    }
    return months;
  }

  /**
   * Converts a stored entry to the billing input. An emergency entry belongs to the emergency of its
   * request number, or forms an emergency of its own without one. An on-site entry carries the local
   * date of its start, because on-site work is billed per date.
   *
   * NOTE: an emergency whose entries fall into two months is charged its base fee in each month.
   */
  private toStatementEntry(entry: StoredTimeEntry): TimeEntry {
    const statementEntry: TimeEntry = { type: entry.type, minutes: entry.minutes };
    if (entry.type === 'emergency') {
      statementEntry.emergencyId = entry.request ?? `entry-${entry.id}`;
    }
    if (entry.type === 'on-site') {
      statementEntry.date = DateTime.fromISO(entry.start, { zone: this.deps.zone }).toFormat('yyyy-MM-dd');
    }
    return statementEntry;
  }
}

/** Returns whether unused hours of the plan roll into the next month. Hotline plans never roll over. */
function rollsOver(plan: Plan): boolean {
  return plan.kind === 'partner' && plan.rolloverCapMinutes > 0;
}
