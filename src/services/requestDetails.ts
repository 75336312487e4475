import { DateTime } from 'luxon';
import type { Clock } from '../domain/clock.js';
import type { RequestHistoryEntry } from '../domain/history.js';
import type { SupportRequest } from '../domain/request.js';
import { slaStatusAt, type SlaStatus } from '../domain/slaStatus.js';
import type { Booking, BookingRepository } from '../storage/bookings.js';
import type { CustomerRepository } from '../storage/customers.js';
import type { OverageApprovalRepository, StoredOverageApproval } from '../storage/overageApprovals.js';
import type { StoredTimeEntry, TimeEntryHistoryRecord, TimeEntryRepository } from '../storage/timeEntries.js';
import type { RequestService } from './requestService.js';

/** Everything recorded about one request. */
export interface RequestDetail {
  request: SupportRequest;
  customerName: string;
  slaStatus: SlaStatus;
  /** Changes of state, take-over and callback, oldest first. */
  history: RequestHistoryEntry[];
  /** Notes of the consultant, oldest first. */
  notes: RequestHistoryEntry[];
  /** Time logged with this request number, ordered by start. */
  timeEntries: StoredTimeEntry[];
  /** Earlier versions of this request's time entries, edited and deleted ones, ordered by entry id and version. */
  timeEntryHistory: TimeEntryHistoryRecord[];
  /** Overage approvals asked for this request number. */
  overageApprovals: StoredOverageApproval[];
  /** Calendar bookings of this request, such as its callback appointment. */
  bookings: Booking[];
}

/** Dependencies of {@link RequestDetailsService}. */
export interface RequestDetailsDeps {
  requests: Pick<RequestService, 'get' | 'history'>;
  customers: Pick<CustomerRepository, 'get'>;
  timeEntries: Pick<TimeEntryRepository, 'listMonths' | 'listHistory'>;
  approvals: Pick<OverageApprovalRepository, 'listMonths'>;
  bookings: Pick<BookingRepository, 'listForCustomer'>;
  /** IANA zone whose local months partition time entries and approvals. */
  zone: string;
  clock: Clock;
}

/** Collects a request with its history, notes, time, approvals and bookings for the request's detail view. */
export class RequestDetailsService {
  constructor(private readonly deps: RequestDetailsDeps) {}

  /**
   * Returns the detail of one request. Time entries, their history and approvals are read from the month
   * of opening up to the current month, because they are logged while the request is worked on.
   *
   * @throws RequestNotFoundError when the customer has no request with this number.
   */
  async get(customerId: string, number: string): Promise<RequestDetail> {
    const { request } = await this.deps.requests.get(customerId, number);
    const firstMonth = DateTime.fromISO(request.openedAt, { zone: this.deps.zone }).toFormat('yyyy-MM');
    const currentMonth = DateTime.fromJSDate(this.deps.clock.now(), { zone: this.deps.zone }).toFormat('yyyy-MM');
    const lastMonth = currentMonth < firstMonth ? firstMonth : currentMonth;

    const [customer, history, entries, entryHistory, approvals, bookings] = await Promise.all([
      this.deps.customers.get(customerId),
      this.deps.requests.history(customerId, number),
      this.deps.timeEntries.listMonths(customerId, firstMonth, lastMonth),
      this.deps.timeEntries.listHistory(customerId, firstMonth, lastMonth),
      this.deps.approvals.listMonths(customerId, firstMonth, lastMonth),
      this.deps.bookings.listForCustomer(customerId),
    ]);

    return {
      request,
      customerName: customer?.name ?? customerId,
      slaStatus: slaStatusAt(request, this.deps.clock.now()),
      history: history.filter((entry) => entry.action !== 'note'),
      notes: history.filter((entry) => entry.action === 'note'),
      timeEntries: entries.filter((entry) => entry.request === number).sort((a, b) => Date.parse(a.start) - Date.parse(b.start)),
      timeEntryHistory: entryHistory.filter((record) => record.before.request === number),
      overageApprovals: approvals.filter((approval) => approval.request === number),
      bookings: bookings.filter((booking) => booking.requestNumber === number),
    };
  }
}
