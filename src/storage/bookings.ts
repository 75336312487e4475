import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';

import type { Entitlement, PlanId } from '../domain/catalog.js';
import { assertRowSize, definedColumns, RowReader, type StoredRow } from './columns.js';
import { callTable, findRow, isConflict, isNotFound, isPreconditionFailed } from './errors.js';
import { encodeKey } from './keys.js';
import type { StorageTables } from './tables.js';

/** Kind of a booked call: one of the plan entitlements, or the callback appointment of a support request. */
export type BookingKind = Entitlement['kind'] | 'callback';

/**
 * State of a booking: "pending" while its slot is locked and the event is being created, "confirmed"
 * once the event exists, "cancelled" after a cancellation, "abandoned" when a stuck pending booking was
 * taken over by another booking of its slot.
 */
export type BookingStatus = 'pending' | 'confirmed' | 'cancelled' | 'abandoned';

const BOOKING_STATUSES: readonly BookingStatus[] = ['pending', 'confirmed', 'cancelled', 'abandoned'];
const BOOKING_KINDS: readonly BookingKind[] = ['check-in', 'proactive-call', 'strategy-meeting', 'roadmap-review', 'callback'];

/** RowKeys of booking rows start with this, so one range query lists a customer's bookings. */
const BOOKING_ROW_PREFIX = 'booking|';
/** RowKeys of entitlement claims start with this. */
const PERIOD_ROW_PREFIX = 'period|';

/** A customer's booking, keyed by the transaction id that its Outlook event carries. */
export interface Booking {
  customerId: string;
  /** Id chosen by the caller for this booking; the calendar event is created with it. */
  transactionId: string;
  planId: PlanId;
  kind: BookingKind;
  /**
   * Key of the entitlement period of `start`, e.g. "2026-W24". A callback appointment uses its request
   * number, so a request has at most one appointment.
   */
  periodKey: string;
  /** Number of the support request whose callback this booking is; only for kind "callback". */
  requestNumber?: string;
  /** ISO 8601 instant with the consultant's offset. */
  start: string;
  /** ISO 8601 instant with the consultant's offset, exclusive. */
  end: string;
  status: BookingStatus;
  contactName: string;
  contactEmail: string;
  eventId?: string;
  joinUrl?: string;
  /** ISO 8601 instant of the first booking attempt. */
  createdAt: string;
  /** ISO 8601 instant of the last change. */
  updatedAt: string;
}

/** A booking as read, with the ETag that a later update must match. */
export interface StoredBooking {
  booking: Booking;
  etag: string;
}

/** Result of {@link BookingRepository.createPending}. */
export type PendingBookingResult =
  | { status: 'created'; stored: StoredBooking }
  /** A booking with this transaction id exists; the caller resumes or returns it. */
  | { status: 'bookingExists'; stored: StoredBooking }
  /** Another booking has claimed the entitlement of this period. */
  | { status: 'periodTaken'; holderTransactionId: string };

/**
 * Bookings in table "bookings", one partition per customer (PartitionKey = encoded customer id):
 *
 * - booking rows, RowKey "booking|<transaction id>" (encoded), with the columns of {@link Booking};
 * - entitlement claims, RowKey "period|<kind>|<period key>", column `transactionId`: one row per used
 *   entitlement period, so two bookings of the same period cannot both succeed, also when they run at once.
 *
 * A booking row and its claim are written in one entity group transaction, so neither exists without the other.
 */
export class BookingRepository {
  private readonly table: TableClient;

  /** @param tables - Table clients from `createStorage`; this repository uses "bookings". */
  constructor(tables: StorageTables) {
    this.table = tables.bookings;
  }

  /**
   * Inserts a pending booking together with the claim of its entitlement period. When either row exists
   * already, nothing is written and the result names the existing row.
   *
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async createPending(booking: Booking): Promise<PendingBookingResult> {
    const record = this.toEntity(booking);
    const claim = this.claimEntity(booking.customerId, booking.kind, booking.periodKey, booking.transactionId);
    assertRowSize(record, this.table.tableName);

    const actions: TransactionAction[] = [
      ['create', record],
      ['create', claim],
    ];
    try {
      await callTable(this.table, 'submitTransaction', () => this.table.submitTransaction(actions));
      const stored = await this.get(booking.customerId, booking.transactionId);
      if (stored === undefined) {
        throw new Error(`Booking "${booking.transactionId}" is missing right after it was inserted into table "${this.table.tableName}"`);
      }
      return { status: 'created', stored };
    } catch (error) {
      if (!isConflict(error)) {
        throw error;
      }
    }

    // The transaction failed on one of the two rows; read both to tell which.
    const existing = await this.get(booking.customerId, booking.transactionId);
    if (existing !== undefined) {
      return { status: 'bookingExists', stored: existing };
    }
    const holder = await this.periodHolder(booking.customerId, booking.kind, booking.periodKey);
    if (holder !== undefined) {
      return { status: 'periodTaken', holderTransactionId: holder };
    }
    // Both rows vanished between the conflict and the reads: another booking was just released. Retry once.
    return this.createPending(booking);
  }

  /** Returns the booking, or undefined when the customer has none with this transaction id. */
  async get(customerId: string, transactionId: string): Promise<StoredBooking | undefined> {
    const row = await findRow(this.table, encodeKey(customerId), bookingRowKey(transactionId));
    return row === undefined ? undefined : { booking: this.toBooking(row), etag: row.etag };
  }

  /** Returns the customer's bookings in every state, oldest first by start. */
  async listForCustomer(customerId: string): Promise<Booking[]> {
    const partitionKey = encodeKey(customerId);
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${BOOKING_ROW_PREFIX} and RowKey lt ${'booking}'}`;
    const bookings = await callTable(this.table, 'listEntities', async () => {
      const rows: Booking[] = [];
      for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        rows.push(this.toBooking(row as StoredRow));
      }
      return rows;
    });
    return bookings.sort((first, second) => Date.parse(first.start) - Date.parse(second.start));
  }

  /**
   * Replaces a booking row if it still has the ETag that was read.
   *
   * @returns The stored booking with its new ETag.
   * @throws RestError with status 412 when another writer changed the row since it was read.
   */
  async update(booking: Booking, etag: string): Promise<StoredBooking> {
    const entity = this.toEntity(booking);
    assertRowSize(entity, this.table.tableName);
    const result = await callTable(this.table, 'updateEntity', () => this.table.updateEntity(entity, 'Replace', { etag }));
    return { booking, etag: result.etag ?? etag };
  }

  /**
   * Claims an entitlement period for a booking that moves into it.
   *
   * @returns False when another booking has claimed the period, true when this booking has.
   */
  async claimPeriod(customerId: string, kind: BookingKind, periodKey: string, transactionId: string): Promise<boolean> {
    try {
      const claim = this.claimEntity(customerId, kind, periodKey, transactionId);
      await callTable(this.table, 'createEntity', () => this.table.createEntity(claim));
      return true;
    } catch (error) {
      if (!isConflict(error)) {
        throw error;
      }
    }
    return (await this.periodHolder(customerId, kind, periodKey)) === transactionId;
  }

  /** Deletes the claim of a period if `transactionId` made it. A claim of another booking stays. */
  async releasePeriod(customerId: string, kind: BookingKind, periodKey: string, transactionId: string): Promise<void> {
    const partitionKey = encodeKey(customerId);
    const rowKey = periodRowKey(kind, periodKey);
    const row = await findRow(this.table, partitionKey, rowKey);
    if (row === undefined || new RowReader(row, this.table.tableName).string('transactionId') !== transactionId) {
      return;
    }
    await this.deleteIfUnchanged(partitionKey, rowKey, row.etag);
  }

  /** Deletes a booking row if it still has the ETag that was read; a missing or changed row is left alone. */
  async deleteBooking(customerId: string, transactionId: string, etag: string): Promise<void> {
    await this.deleteIfUnchanged(encodeKey(customerId), bookingRowKey(transactionId), etag);
  }

  private async periodHolder(customerId: string, kind: BookingKind, periodKey: string): Promise<string | undefined> {
    const row = await findRow(this.table, encodeKey(customerId), periodRowKey(kind, periodKey));
    return row === undefined ? undefined : new RowReader(row, this.table.tableName).string('transactionId');
  }

  private async deleteIfUnchanged(partitionKey: string, rowKey: string, etag: string): Promise<void> {
    try {
      await callTable(this.table, 'deleteEntity', () => this.table.deleteEntity(partitionKey, rowKey, { etag }));
    } catch (error) {
      if (!isNotFound(error) && !isPreconditionFailed(error)) {
        throw error;
      }
    }
  }

  private claimEntity(customerId: string, kind: BookingKind, periodKey: string, transactionId: string) {
    return { partitionKey: encodeKey(customerId), rowKey: periodRowKey(kind, periodKey), transactionId };
  }

  private toEntity(booking: Booking) {
    return {
      partitionKey: encodeKey(booking.customerId),
      rowKey: bookingRowKey(booking.transactionId),
      ...definedColumns({
        customerId: booking.customerId,
        transactionId: booking.transactionId,
        planId: booking.planId,
        kind: booking.kind,
        periodKey: booking.periodKey,
        start: booking.start,
        end: booking.end,
        status: booking.status,
        contactName: booking.contactName,
        contactEmail: booking.contactEmail,
        eventId: booking.eventId,
        joinUrl: booking.joinUrl,
        requestNumber: booking.requestNumber,
        createdAt: booking.createdAt,
        updatedAt: booking.updatedAt,
      }),
    };
  }

  private toBooking(row: StoredRow): Booking {
    const columns = new RowReader(row, this.table.tableName);
    const booking: Booking = {
      customerId: columns.string('customerId'),
      transactionId: columns.string('transactionId'),
      planId: columns.string('planId') as PlanId,
      kind: columns.oneOf('kind', BOOKING_KINDS),
      periodKey: columns.string('periodKey'),
      start: columns.string('start'),
      end: columns.string('end'),
      status: columns.oneOf('status', BOOKING_STATUSES),
      contactName: columns.string('contactName'),
      contactEmail: columns.string('contactEmail'),
      createdAt: columns.string('createdAt'),
      updatedAt: columns.string('updatedAt'),
    };
    const eventId = columns.optionalString('eventId');
    const joinUrl = columns.optionalString('joinUrl');
    const requestNumber = columns.optionalString('requestNumber');
    if (eventId !== undefined) booking.eventId = eventId;
    if (joinUrl !== undefined) booking.joinUrl = joinUrl;
    if (requestNumber !== undefined) booking.requestNumber = requestNumber;
    return booking;
  }
}

function bookingRowKey(transactionId: string): string {
  return encodeKey(`${BOOKING_ROW_PREFIX}${transactionId}`);
}

function periodRowKey(kind: BookingKind, periodKey: string): string {
  return encodeKey(`${PERIOD_ROW_PREFIX}${kind}|${periodKey}`);
}
