import type { Clock } from '../domain/clock.js';
import type { Customer } from '../domain/customer.js';
import { assertMonth } from '../domain/hours/month.js';
import { computeSlaCompliance, type SlaCompliance } from '../domain/slaCompliance.js';
import type { CustomerRepository } from '../storage/customers.js';
import type { RequestRepository } from '../storage/requests.js';
import { CustomerNotFoundError } from './customerService.js';

/** SLA compliance of one customer in the report, with the customer's name for display. */
export interface CustomerSlaCompliance extends SlaCompliance {
  customerId: string;
  customerName: string;
}

/** Dependencies of {@link SlaReportService}. */
export interface SlaReportDependencies {
  customers: Pick<CustomerRepository, 'get' | 'list'>;
  requests: Pick<RequestRepository, 'listByCustomer'>;
  /** IANA zone of the business calendar; a request belongs to the local month of its deadline. */
  zone: string;
  clock: Clock;
}

/**
 * SLA compliance per customer and month: the share of first contacts in time and the median callback time.
 * The rules are in `computeSlaCompliance`; requests count in the month of their deadline.
 */
export class SlaReportService {
  constructor(private readonly deps: SlaReportDependencies) {}

  /**
   * Computes the compliance of a customer that the caller has already read.
   *
   * @throws Error naming an invalid month or a stored request with invalid instants.
   */
  async complianceFor(customer: Customer, month: string): Promise<SlaCompliance> {
    assertMonth(month);
    const stored = await this.deps.requests.listByCustomer(customer.id);
    return computeSlaCompliance(
      stored.map(({ request }) => request),
      month,
      this.deps.zone,
      this.deps.clock.now(),
    );
  }

  /**
   * Computes the month's compliance of every customer, or of one when `customerId` is given, ordered by
   * customer name.
   *
   * @throws CustomerNotFoundError when `customerId` names no customer.
   * @throws Error naming an invalid month.
   */
  async monthReport(month: string, customerId?: string): Promise<CustomerSlaCompliance[]> {
    assertMonth(month);

    let customers: Customer[];
    if (customerId === undefined) {
      customers = await this.deps.customers.list();
    } else {
      const customer = await this.deps.customers.get(customerId);
      if (customer === undefined) throw new CustomerNotFoundError(customerId);
      customers = [customer];
    }

    const report = await Promise.all(
      customers.map(async (customer) => ({
        customerId: customer.id,
        customerName: customer.name,
        ...(await this.complianceFor(customer, month)),
      })),
    );
    return report.sort(
      (left, right) => left.customerName.localeCompare(right.customerName, 'de') || left.customerId.localeCompare(right.customerId),
    );
  }
}
