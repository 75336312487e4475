import type { TableClient } from '@azure/data-tables';

import { RowReader } from './columns.js';
import { callTable, findRow } from './errors.js';
import { encodeKey } from './keys.js';
import { retryOnConcurrentChange, type ConcurrencyRetryOptions } from './retry.js';
import type { StorageTables } from './tables.js';

/**
 * Maximum attempts per number. Every new request increments the same row, so one caller in a burst can lose
 * many races in a row. With the general default of 10, some of 32 simultaneous request submissions failed.
 */
export const COUNTER_MAX_ATTEMPTS = 60;

/**
 * Named sequences in table "counters": PartitionKey = encoded name, RowKey = encoded scope,
 * column `value` = the last number handed out. Request numbers use name "request" and the year as scope.
 */
export class CounterRepository {
  private readonly retryOptions: ConcurrencyRetryOptions;

  private readonly table: TableClient;

  /**
   * @param tables - Table clients from `createStorage`; this repository uses "counters".
   * @param options - Attempts per call (default {@link COUNTER_MAX_ATTEMPTS}) and a logger for retries.
   */
  constructor(tables: StorageTables, options: ConcurrencyRetryOptions = {}) {
    this.table = tables.counters;
    this.retryOptions = { maxAttempts: COUNTER_MAX_ATTEMPTS, ...options };
  }

  /**
   * Returns the next number of a sequence: 1 on first use, then 2, 3, and so on. Each number is returned
   * once, also to concurrent callers in several processes, because every step is an insert (409 when
   * another caller was first) or an update with the ETag just read (412 when another caller was first).
   *
   * @param name - Sequence name, e.g. "request".
   * @param scope - Sequence scope within the name, e.g. the year "2026".
   * @throws OptimisticConcurrencyError when every attempt lost the race.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async next(name: string, scope: string): Promise<number> {
    const partitionKey = encodeKey(name);
    const rowKey = encodeKey(scope);
    const target = `counter "${name}" scope "${scope}" in table "${this.table.tableName}"`;

    return retryOnConcurrentChange(target, () => this.increment(partitionKey, rowKey), this.retryOptions);
  }

  private async increment(partitionKey: string, rowKey: string): Promise<number> {
    const row = await findRow(this.table, partitionKey, rowKey);

    if (row === undefined) {
      await callTable(this.table, 'createEntity', () => this.table.createEntity({ partitionKey, rowKey, value: 1 }));
      return 1;
    }

    const columns = new RowReader(row, this.table.tableName);
    const value = columns.number('value') + 1;
    await callTable(this.table, 'updateEntity', () =>
      this.table.updateEntity({ partitionKey, rowKey, value }, 'Replace', { etag: columns.etag }),
    );
    return value;
  }
}
