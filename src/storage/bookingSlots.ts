import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';

import { RowReader, type StoredRow } from './columns.js';
import { callTable, isConflict, isNotFound, isPreconditionFailed } from './errors.js';
import { decodeKey, encodeKey } from './keys.js';
import type { StorageTables } from './tables.js';

/** Azure's limit of operations in one entity group transaction. */
const MAX_TRANSACTION_ACTIONS = 100;

/** A locked quarter-hour cell and the booking that holds it. */
export interface SlotLock {
  localDate: string;
  /** Start of the cell in epoch milliseconds. */
  startMs: number;
  transactionId: string;
  customerId: string;
  etag: string;
}

/** Result of {@link BookingSlotRepository.lock}. */
export type SlotLockResult = { status: 'locked' } | { status: 'taken'; holders: SlotLock[] };

/**
 * Slot locks in table "bookingSlots": PartitionKey = local date "yyyy-MM-dd" of the booking, RowKey = the
 * cell start as a UTC ISO string, columns `transactionId` and `customerId` of the booking that holds it.
 *
 * All cells of one booking are inserted in one entity group transaction, so a booking owns either all
 * of its cells or none. Inserting a row that exists fails with 409, which is how two bookings of the same
 * time at the same moment are told apart: exactly one transaction succeeds.
 */
export class BookingSlotRepository {
  private readonly table: TableClient;

  /** @param tables - Table clients from `createStorage`; this repository uses "bookingSlots". */
  constructor(tables: StorageTables) {
    this.table = tables.bookingSlots;
  }

  /**
   * Locks the cells for a booking. Cells that this booking holds already count as locked, so a retried
   * booking with the same transaction id continues.
   *
   * @returns "locked", or "taken" with the locks of other bookings among the cells.
   * @throws RangeError when there are no cells or more than one transaction can hold.
   */
  async lock(localDate: string, cellStartsMs: readonly number[], transactionId: string, customerId: string): Promise<SlotLockResult> {
    if (cellStartsMs.length === 0 || cellStartsMs.length > MAX_TRANSACTION_ACTIONS) {
      throw new RangeError(`Invalid slot lock on ${localDate}: ${cellStartsMs.length} cells, expected 1 to ${MAX_TRANSACTION_ACTIONS}`);
    }

    const held = await this.listForDate(localDate);
    const requested = new Set(cellStartsMs);
    const holders = held.filter((lock) => requested.has(lock.startMs) && lock.transactionId !== transactionId);
    if (holders.length > 0) {
      return { status: 'taken', holders };
    }

    const own = new Set(held.filter((lock) => lock.transactionId === transactionId).map((lock) => lock.startMs));
    const missing = cellStartsMs.filter((startMs) => !own.has(startMs));
    if (missing.length === 0) {
      return { status: 'locked' };
    }

    const partitionKey = encodeKey(localDate);
    const actions: TransactionAction[] = missing.map((startMs) => [
      'create',
      { partitionKey, rowKey: cellRowKey(startMs), transactionId, customerId },
    ]);
    try {
      await callTable(this.table, 'submitTransaction', () => this.table.submitTransaction(actions));
      return { status: 'locked' };
    } catch (error) {
      if (!isConflict(error)) {
        throw error;
      }
    }

    // Another booking inserted one of the cells between the read and the transaction.
    const after = await this.listForDate(localDate);
    const winners = after.filter((lock) => requested.has(lock.startMs) && lock.transactionId !== transactionId);
    return winners.length > 0 ? { status: 'taken', holders: winners } : this.lock(localDate, cellStartsMs, transactionId, customerId);
  }

  /** Returns the locks of one local date, ascending by cell start. */
  async listForDate(localDate: string): Promise<SlotLock[]> {
    const filter = odata`PartitionKey eq ${encodeKey(localDate)}`;
    const locks = await callTable(this.table, 'listEntities', async () => {
      const rows: SlotLock[] = [];
      for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        rows.push(this.toLock(row as StoredRow));
      }
      return rows;
    });
    return locks.sort((first, second) => first.startMs - second.startMs);
  }

  /** Deletes the cells of a local date that `transactionId` holds, except those in `keepStartsMs`. */
  async release(localDate: string, transactionId: string, keepStartsMs: readonly number[] = []): Promise<void> {
    const keep = new Set(keepStartsMs);
    for (const lock of await this.listForDate(localDate)) {
      if (lock.transactionId === transactionId && !keep.has(lock.startMs)) {
        await this.remove(lock);
      }
    }
  }

  /** Deletes one lock if it is unchanged since it was read; a lock that is gone or changed is left alone. */
  async remove(lock: SlotLock): Promise<void> {
    try {
      await callTable(this.table, 'deleteEntity', () =>
        this.table.deleteEntity(encodeKey(lock.localDate), cellRowKey(lock.startMs), { etag: lock.etag }),
      );
    } catch (error) {
      if (!isNotFound(error) && !isPreconditionFailed(error)) {
        throw error;
      }
    }
  }

  private toLock(row: StoredRow): SlotLock {
    const columns = new RowReader(row, this.table.tableName);
    const rowKey = decodeKey(columns.rowKey());
    const startMs = Date.parse(rowKey);
    if (!Number.isFinite(startMs)) {
      throw columns.invalid('RowKey', 'a UTC ISO instant', rowKey);
    }
    return {
      localDate: columns.partitionKey(),
      startMs,
      transactionId: columns.string('transactionId'),
      customerId: columns.string('customerId'),
      etag: columns.etag,
    };
  }
}

function cellRowKey(startMs: number): string {
  return encodeKey(new Date(startMs).toISOString());
}
