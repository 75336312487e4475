import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';

import type { TimeType } from '../domain/catalog.js';
import { assertMonth } from '../domain/hours/month.js';
import { assertRowSize, definedColumns, omitUndefined, RowReader, type StoredRow } from './columns.js';
import { callTable, ConflictError, EntityNotFoundError, findRow, isConflict, isNotFound, listRows } from './errors.js';
import { encodeKey } from './keys.js';
import { retryOnConcurrentChange, type ConcurrencyRetryOptions } from './retry.js';
import type { StorageTables } from './tables.js';
import { TIME_TYPES } from '../domain/timeTypes.js';

/** The recorded facts of a time entry: the part that an edit may change. */
export interface TimeEntryFields {
  type: TimeType;
  /** Recorded minutes, before billing rounds them up to the increment. */
  minutes: number;
  /** Start instant in UTC as `Date.toISOString()` writes it, e.g. "2026-11-03T08:00:00.000Z". */
  start: string;
  /** Request number such as "HD-2026-0042". Emergency entries with the same request form one emergency. */
  request?: string;
  note?: string;
}

/** Address of a time entry: the customer, the local month "yyyy-MM" of its start and its id. */
export interface TimeEntryKey {
  customerId: string;
  month: string;
  /** Unique id within the customer's month; ids sort by the start instant recorded at creation. */
  id: string;
}

/** A stored time entry. */
export interface StoredTimeEntry extends TimeEntryKey, TimeEntryFields {
  /** Name of the person or command that logged the entry, e.g. the consultant or "import data.json". */
  createdBy: string;
  /** Instant of creation, ISO 8601 in UTC. */
  createdAt: string;
  /** 1 when created; each edit adds 1. */
  version: number;
}

/** Kind of change that a history row records. */
export type TimeEntryChangeKind = 'edited' | 'deleted';

/** One history row: the entry as it was before an edit or a delete. */
export interface TimeEntryHistoryRecord {
  action: TimeEntryChangeKind;
  changedBy: string;
  /** Instant of the change, ISO 8601 in UTC. */
  changedAt: string;
  /** The entry before the change, including the version that the change replaced. */
  before: StoredTimeEntry;
}

/**
 * Computes the new fields of an entry from the latest stored version, or returns undefined to write nothing.
 * It may run several times when other writers interfere, so it must not have side effects.
 */
export type TimeEntryChange = (current: StoredTimeEntry) => TimeEntryFields | undefined;

/** Counts of an {@link TimeEntryRepository.insertAll} call. */
export interface InsertCounts {
  created: number;
  /** Rows that already existed with the same content and were left as they were. */
  unchanged: number;
}

/** Entry RowKeys are "e|<id>" and history RowKeys "h|<id>|<version>"; "}" follows "|" and bounds a range query. */
const ENTRY_ROW_PREFIX = 'e|';
const ENTRY_ROW_END = 'e}';
const HISTORY_ROW_PREFIX = 'h|';
const HISTORY_ROW_END = 'h}';

/** Width of the zero-padded version in history RowKeys, so that they sort by version. */
const VERSION_DIGITS = 6;

/** Azure accepts at most 100 operations in one entity group transaction. */
const MAX_TRANSACTION_ACTIONS = 100;

/** Entry ids become part of a RowKey, so they are restricted to characters that need no encoding. */
const ENTRY_ID_PATTERN = /^[0-9A-Za-z-]{1,100}$/;

// Keyed by each TimeType so the compiler reports a type that the catalog schema gains or loses.
const CHANGE_KINDS: Record<TimeEntryChangeKind, true> = { edited: true, deleted: true };

/**
 * Time entries in table "timeEntries". PartitionKey = "<encoded customer id>|<yyyy-MM>", the local month
 * of the entry's start, so one customer's month is one partition query. RowKey "e|<id>" contains the
 * current entry. Each edit or delete writes a history row "h|<id>|<replaced version>" with the entry as it
 * was, in one transaction with the change. Because that history RowKey is created (not upserted), two
 * changes based on the same version collide with 409 and only one of them is stored.
 */
export class TimeEntryRepository {
  private readonly table: TableClient;
  private readonly retryOptions: ConcurrencyRetryOptions;

  /**
   * @param tables - Table clients from `createStorage`; this repository uses "timeEntries".
   * @param options - Attempts per change and a logger for retries.
   */
  constructor(tables: StorageTables, options: ConcurrencyRetryOptions = {}) {
    this.table = tables.timeEntries;
    this.retryOptions = options;
  }

  /**
   * Inserts a new entry.
   *
   * @throws ConflictError when the customer's month already has an entry with this id.
   * @throws RangeError when the customer id contains "|" or the id or month is invalid.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async create(entry: StoredTimeEntry): Promise<StoredTimeEntry> {
    const entity = this.entryEntity(entry);

    try {
      await callTable(this.table, 'createEntity', () => this.table.createEntity(entity));
      return entry;
    } catch (error) {
      if (isConflict(error)) {
        throw new ConflictError(`Time entry "${entry.id}" of customer "${entry.customerId}" in ${entry.month} already exists`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  /**
   * Inserts entries and treats an entry that already exists with the same fields (type, minutes, start,
   * request, note) as done, so that a repeated import adds nothing. Entries of one partition are written
   * in transactions of up to 100 rows. When a transaction fails because a row exists, that chunk is
   * written row by row.
   *
   * NOTE: only each transaction is atomic. When a later chunk fails, the earlier chunks stay stored, and
   * running the same insert again completes it.
   *
   * @throws ConflictError naming an entry that exists with different fields.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async insertAll(entries: readonly StoredTimeEntry[]): Promise<InsertCounts> {
    const counts: InsertCounts = { created: 0, unchanged: 0 };

    for (const partition of groupByPartition(entries)) {
      for (let start = 0; start < partition.length; start += MAX_TRANSACTION_ACTIONS) {
        const chunk = partition.slice(start, start + MAX_TRANSACTION_ACTIONS);
        const actions = chunk.map((entry): TransactionAction => ['create', this.entryEntity(entry)]);

        try {
          await callTable(this.table, 'submitTransaction', () => this.table.submitTransaction(actions));
          counts.created += chunk.length;
        } catch (error) {
          if (!isConflict(error)) {
            throw error;
          }
          for (const entry of chunk) {
            const created = await this.createUnlessIdentical(entry);
            counts[created ? 'created' : 'unchanged'] += 1;
          }
        }
      }
    }

    return counts;
  }

  /** Returns the entry, or undefined when there is none. */
  async get(key: TimeEntryKey): Promise<StoredTimeEntry | undefined> {
    const row = await findRow(this.table, partitionKeyOf(key.customerId, key.month), entryRowKey(key.id));
    return row === undefined ? undefined : this.toEntry(row);
  }

  /**
   * Returns the customer's entries from `firstMonth` to `lastMonth`, both included, ordered by month and id.
   * One range query covers all months.
   */
  async listMonths(customerId: string, firstMonth: string, lastMonth: string): Promise<StoredTimeEntry[]> {
    const first = partitionKeyOf(customerId, firstMonth);
    const last = partitionKeyOf(customerId, lastMonth);
    const rows = await listRows(
      this.table,
      odata`PartitionKey ge ${first} and PartitionKey le ${last} and RowKey gt ${ENTRY_ROW_PREFIX} and RowKey lt ${ENTRY_ROW_END}`,
    );
    return rows.map((row) => this.toEntry(row));
  }

  /**
   * Returns the history rows of the customer's months from `firstMonth` to `lastMonth`, both included,
   * ordered by month, entry id and version. One range query covers all months.
   */
  async listHistory(customerId: string, firstMonth: string, lastMonth: string): Promise<TimeEntryHistoryRecord[]> {
    const first = partitionKeyOf(customerId, firstMonth);
    const last = partitionKeyOf(customerId, lastMonth);
    const rows = await listRows(
      this.table,
      odata`PartitionKey ge ${first} and PartitionKey le ${last} and RowKey gt ${HISTORY_ROW_PREFIX} and RowKey lt ${HISTORY_ROW_END}`,
    );
    return rows.map((row) => this.toHistory(row));
  }

  /** Returns the earlier versions of one entry, oldest first, including the version that a delete removed. */
  async entryHistory(key: TimeEntryKey): Promise<TimeEntryHistoryRecord[]> {
    const partitionKey = partitionKeyOf(key.customerId, key.month);
    const from = historyRowPrefix(key.id);
    const to = `${HISTORY_ROW_PREFIX}${key.id}}`;
    const rows = await listRows(this.table, odata`PartitionKey eq ${partitionKey} and RowKey gt ${from} and RowKey lt ${to}`);
    return rows.map((row) => this.toHistory(row));
  }

  /**
   * Applies `change` to the latest stored version and writes the result together with a history row of
   * the replaced version, in one transaction. When another writer changed the entry first, it reads
   * again and reapplies `change`.
   *
   * @returns The stored entry: the written one, or the current one when `change` returned undefined.
   * @throws EntityNotFoundError when the entry does not exist.
   * @throws OptimisticConcurrencyError when every attempt lost the race.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async update(key: TimeEntryKey, change: TimeEntryChange, changedBy: string, changedAt: Date): Promise<StoredTimeEntry> {
    return retryOnConcurrentChange(this.describe(key), () => this.updateOnce(key, change, changedBy, changedAt), this.retryOptions);
  }

  /**
   * Deletes the entry and writes a history row of its last version, in one transaction.
   *
   * @returns The history row that records the delete.
   * @throws EntityNotFoundError when the entry does not exist, e.g. because it was deleted already.
   * @throws OptimisticConcurrencyError when every attempt lost the race against edits.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async delete(key: TimeEntryKey, deletedBy: string, deletedAt: Date): Promise<TimeEntryHistoryRecord> {
    return retryOnConcurrentChange(this.describe(key), () => this.deleteOnce(key, deletedBy, deletedAt), this.retryOptions);
  }

  private async updateOnce(
    key: TimeEntryKey,
    change: TimeEntryChange,
    changedBy: string,
    changedAt: Date,
  ): Promise<StoredTimeEntry> {
    const { entry, etag } = await this.requireEntry(key);
    const fields = change(entry);
    if (fields === undefined) {
      return entry;
    }

    const updated: StoredTimeEntry = {
      customerId: entry.customerId,
      month: entry.month,
      id: entry.id,
      ...fields,
      createdBy: entry.createdBy,
      createdAt: entry.createdAt,
      version: entry.version + 1,
    };
    const history: TimeEntryHistoryRecord = { action: 'edited', changedBy, changedAt: changedAt.toISOString(), before: entry };

    // The ETag guards the entry row, and the history RowKey of the replaced version guards against a
    // concurrent delete, which writes the same history RowKey.
    try {
      await this.submit([
        ['update', this.entryEntity(updated), 'Replace', { etag }],
        ['create', this.historyEntity(history)],
      ]);
    } catch (error) {
      if (isNotFound(error)) {
        throw new EntityNotFoundError(`${this.describe(key)} was deleted while it was being edited`, { cause: error });
      }
      throw error;
    }
    return updated;
  }

  private async deleteOnce(key: TimeEntryKey, deletedBy: string, deletedAt: Date): Promise<TimeEntryHistoryRecord> {
    const { entry } = await this.requireEntry(key);
    const history: TimeEntryHistoryRecord = { action: 'deleted', changedBy: deletedBy, changedAt: deletedAt.toISOString(), before: entry };

    // A delete inside a transaction cannot carry an ETag in @azure/data-tables 13.3.2. The history RowKey
    // of the version read above takes its place: an edit in between has created it, so this transaction
    // fails with 409 and is retried on the new version.
    await this.submit([
      ['delete', { partitionKey: partitionKeyOf(key.customerId, key.month), rowKey: entryRowKey(key.id) }],
      ['create', this.historyEntity(history)],
    ]);
    return history;
  }

  private async submit(actions: TransactionAction[]): Promise<void> {
    await callTable(this.table, 'submitTransaction', () => this.table.submitTransaction(actions));
  }

  private async requireEntry(key: TimeEntryKey): Promise<{ entry: StoredTimeEntry; etag: string }> {
    const row = await findRow(this.table, partitionKeyOf(key.customerId, key.month), entryRowKey(key.id));
    if (row === undefined) {
      throw new EntityNotFoundError(`${this.describe(key)} not found`);
    }
    return { entry: this.toEntry(row), etag: row.etag };
  }

  /** Creates one entry; returns false when it already exists with the same fields. */
  private async createUnlessIdentical(entry: StoredTimeEntry): Promise<boolean> {
    try {
      await callTable(this.table, 'createEntity', () => this.table.createEntity(this.entryEntity(entry)));
      return true;
    } catch (error) {
      if (!isConflict(error)) {
        throw error;
      }
    }

    const stored = await this.get(entry);
    if (stored !== undefined && hasSameFields(stored, entry)) {
      return false;
    }
    throw new ConflictError(`${this.describe(entry)} already exists with other fields; it was not overwritten`);
  }

  private describe(key: TimeEntryKey): string {
    return `Time entry "${key.id}" of customer "${key.customerId}" in ${key.month} (table "${this.table.tableName}")`;
  }

  private entryEntity(entry: StoredTimeEntry) {
    const entity = {
      partitionKey: partitionKeyOf(entry.customerId, entry.month),
      rowKey: entryRowKey(entry.id),
      ...fieldColumns(entry),
      createdBy: entry.createdBy,
      createdAt: entry.createdAt,
      version: entry.version,
    };
    assertRowSize(entity, this.table.tableName);
    return entity;
  }

  private historyEntity(history: TimeEntryHistoryRecord) {
    const { before } = history;
    const entity = {
      partitionKey: partitionKeyOf(before.customerId, before.month),
      rowKey: historyRowPrefix(before.id) + String(before.version).padStart(VERSION_DIGITS, '0'),
      entryId: before.id,
      action: history.action,
      changedBy: history.changedBy,
      changedAt: history.changedAt,
      ...fieldColumns(before),
      createdBy: before.createdBy,
      createdAt: before.createdAt,
      version: before.version,
    };
    assertRowSize(entity, this.table.tableName);
    return entity;
  }

  private toEntry(row: StoredRow): StoredTimeEntry {
    const columns = new RowReader(row, this.table.tableName);
    return {
      ...splitPartitionKey(columns.partitionKey()),
      id: columns.rowKey().slice(ENTRY_ROW_PREFIX.length),
      ...readFields(columns),
      createdBy: columns.string('createdBy'),
      createdAt: columns.string('createdAt'),
      version: columns.number('version'),
    };
  }

  private toHistory(row: StoredRow): TimeEntryHistoryRecord {
    const columns = new RowReader(row, this.table.tableName);
    return {
      action: columns.oneOf('action', Object.keys(CHANGE_KINDS) as TimeEntryChangeKind[]),
      changedBy: columns.string('changedBy'),
      changedAt: columns.string('changedAt'),
      before: {
        ...splitPartitionKey(columns.partitionKey()),
        id: columns.string('entryId'),
        ...readFields(columns),
        createdBy: columns.string('createdBy'),
        createdAt: columns.string('createdAt'),
        version: columns.number('version'),
      },
    };
  }
}

/**
 * Returns whether two entries record the same work: equal type, minutes, start, request and note.
 * Who created them, when, and the version do not count.
 */
export function hasSameFields(left: TimeEntryFields, right: TimeEntryFields): boolean {
  return (
    left.type === right.type &&
    left.minutes === right.minutes &&
    left.start === right.start &&
    left.request === right.request &&
    left.note === right.note
  );
}

/**
 * Builds the PartitionKey "<encoded customer id>|<yyyy-MM>".
 *
 * @throws RangeError when the customer id contains "|", which would make the key ambiguous, or the month is invalid.
 */
function partitionKeyOf(customerId: string, month: string): string {
  if (customerId.includes('|')) {
    throw new RangeError(`Invalid customer id "${customerId}" for time entries: "|" separates the id from the month`);
  }
  try {
    assertMonth(month);
  } catch (error) {
    throw new RangeError((error as Error).message, { cause: error });
  }
  return `${encodeKey(customerId)}|${month}`;
}

function splitPartitionKey(decoded: string): { customerId: string; month: string } {
  const separator = decoded.lastIndexOf('|');
  return { customerId: decoded.slice(0, separator), month: decoded.slice(separator + 1) };
}

function entryRowKey(id: string): string {
  assertEntryId(id);
  return ENTRY_ROW_PREFIX + id;
}

function historyRowPrefix(id: string): string {
  assertEntryId(id);
  return `${HISTORY_ROW_PREFIX}${id}|`;
}

/** Returns whether a value can be a time entry id: 1 to 100 letters, digits and dashes. */
export function isTimeEntryId(value: string): boolean {
  return ENTRY_ID_PATTERN.test(value);
}

function assertEntryId(id: string): void {
  if (!isTimeEntryId(id)) {
    throw new RangeError(`Invalid time entry id "${id}": expected 1 to 100 letters, digits and dashes`);
  }
}

function fieldColumns(fields: TimeEntryFields) {
  return {
    type: fields.type,
    minutes: fields.minutes,
    start: fields.start,
    ...definedColumns({ request: fields.request, note: fields.note }),
  };
}

function readFields(columns: RowReader): TimeEntryFields {
  return {
    type: columns.oneOf('type', TIME_TYPES),
    minutes: columns.number('minutes'),
    start: columns.string('start'),
    ...omitUndefined({ request: columns.optionalString('request'), note: columns.optionalString('note') }),
  };
}

function groupByPartition(entries: readonly StoredTimeEntry[]): StoredTimeEntry[][] {
  const partitions = new Map<string, StoredTimeEntry[]>();
  for (const entry of entries) {
    const partitionKey = partitionKeyOf(entry.customerId, entry.month);
    const partition = partitions.get(partitionKey) ?? [];
    partition.push(entry);
    partitions.set(partitionKey, partition);
  }
  return [...partitions.values()];
}
