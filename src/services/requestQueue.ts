import { isOpenState } from '../domain/lifecycle.js';
import type { Clock } from '../domain/clock.js';
import type { RequestChannel, RequestState, SupportRequest } from '../domain/request.js';
import { slaStatusAt, type SlaStatus } from '../domain/slaStatus.js';
import type { CustomerRepository } from '../storage/customers.js';
import type { RequestRepository } from '../storage/requests.js';

/** Filters of the queue; every given field must match. */
export interface QueueFilter {
  customerId?: string;
  state?: RequestState;
  channel?: RequestChannel;
  /**
   * true lists requests that are neither resolved nor closed, false the resolved and closed ones. Ignored
   * when `state` is given; true by default.
   */
  open?: boolean;
}

/** Place of a request in the queue order: effective deadline, then customer id, then number. */
export interface QueuePosition {
  deadline: string;
  customerId: string;
  number: string;
}

/** One request in the queue, with what the list shows beside the request itself. */
export interface QueueItem {
  request: SupportRequest;
  customerName: string;
  slaStatus: SlaStatus;
}

/** One page of the queue and the position to continue after, undefined on the last page. */
export interface QueuePage {
  items: QueueItem[];
  next?: QueuePosition;
}

/**
 * The consultant's queue: requests ordered by their effective deadline (the plan's deadline, or a later
 * agreed callback appointment), earliest first, with the SLA status at the clock's now.
 */
export class RequestQueue {
  constructor(
    private readonly requests: Pick<RequestRepository, 'listOpen' | 'listByCustomer'>,
    private readonly customers: Pick<CustomerRepository, 'list'>,
    private readonly clock: Clock,
  ) {}

  /**
   * Returns up to `limit` requests that come after `after` in the queue order. Paging by position keeps
   * pages stable while requests are opened or closed between two calls.
   */
  async page(filter: QueueFilter, limit: number, after?: QueuePosition): Promise<QueuePage> {
    const customers = await this.customers.list();
    const names = new Map(customers.map((customer) => [customer.id, customer.name]));
    const candidates = await this.candidates(filter, customers.map((customer) => customer.id));

    const matching = candidates
      .filter((request) => matches(request, filter))
      .sort(compareQueueOrder)
      .filter((request) => after === undefined || compareQueueOrder(request, after) > 0);
    const pageRequests = matching.slice(0, limit);

    const now = this.clock.now();
    const items = pageRequests.map((request) => ({
      request,
      customerName: names.get(request.customerId) ?? request.customerId,
      slaStatus: slaStatusAt(request, now),
    }));
    const last = pageRequests.at(-1);
    const next =
      matching.length > limit && last ? { deadline: last.deadline, customerId: last.customerId, number: last.number } : undefined;
    return { items, next };
  }

  /** Reads as few rows as the filter allows: one customer's partition, or the open requests of all. */
  private async candidates(filter: QueueFilter, customerIds: string[]): Promise<SupportRequest[]> {
    if (filter.customerId !== undefined) {
      return (await this.requests.listByCustomer(filter.customerId)).map((stored) => stored.request);
    }
    const wantsOpenOnly = filter.state === undefined ? filter.open !== false : isOpenState(filter.state);
    if (wantsOpenOnly) return (await this.requests.listOpen()).map((stored) => stored.request);

    const perCustomer = await Promise.all(customerIds.map((id) => this.requests.listByCustomer(id)));
    return perCustomer.flat().map((stored) => stored.request);
  }
}

function matches(request: SupportRequest, filter: QueueFilter): boolean {
  if (filter.customerId !== undefined && request.customerId !== filter.customerId) return false;
  if (filter.channel !== undefined && request.channel !== filter.channel) return false;
  if (filter.state !== undefined) return request.state === filter.state;
  return isOpenState(request.state) === (filter.open ?? true);
}

/** Orders by effective deadline, then customer id, then number, so the order is total. */
function compareQueueOrder(a: QueuePosition, b: QueuePosition): number {
  return (
    Date.parse(a.deadline) - Date.parse(b.deadline) || compareText(a.customerId, b.customerId) || compareText(a.number, b.number)
  );
}

/** Compares by UTF-16 code units, as Azure Tables orders keys, independent of the locale. */
function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
