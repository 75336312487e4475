import type { TableClient } from '@azure/data-tables';
import type { ConversationReference } from 'botbuilder';

import { assertRowSize, RowReader } from './columns.js';
import { callTable, findRow } from './errors.js';
import { encodeKey } from './keys.js';
import { retryOnConcurrentChange, type ConcurrencyRetryOptions } from './retry.js';
import type { StorageTables } from './tables.js';

/** Whose conversation a reference points to. */
export type ConversationRole = 'consultant' | 'contact' | 'substitute';

/** Key of the consultant's own chat with the bot. */
export const CONSULTANT_KEY = 'primary';

/**
 * Returns the key of a contact's personal chat: "<tenantId>|<aadObjectId>".
 *
 * @throws RangeError when an id is empty or contains "|", which would make the key ambiguous.
 */
export function contactConversationKey(tenantId: string, aadObjectId: string): string {
  for (const [name, value] of [['tenantId', tenantId], ['aadObjectId', aadObjectId]] as const) {
    if (value.length === 0 || value.includes('|')) {
      throw new RangeError(`Invalid ${name} "${value}" for a conversation key: it must be non-empty and contain no "|"`);
    }
  }
  return `${tenantId}|${aadObjectId}`;
}

/**
 * Bot Framework conversation references for proactive messages in table "conversations":
 * PartitionKey = role, RowKey = encoded key, column `reference` = the reference as JSON.
 */
export class ConversationRepository {
  private readonly retryOptions: ConcurrencyRetryOptions;

  private readonly table: TableClient;

  /**
   * @param tables - Table clients from `createStorage`; this repository uses "conversations".
   * @param options - Attempts per save and a logger for retries.
   */
  constructor(tables: StorageTables, options: ConcurrencyRetryOptions = {}) {
    this.table = tables.conversations;
    this.retryOptions = options;
  }

  /**
   * Stores the latest reference for a conversation. Writes nothing when the stored reference is identical,
   * so saving on every incoming message costs one read. The newest save wins, but only through an insert
   * or an ETag-checked update that is retried on 409 or 412.
   *
   * @param key - {@link CONSULTANT_KEY} or a key from {@link contactConversationKey}.
   */
  async save(role: ConversationRole, key: string, reference: Partial<ConversationReference>): Promise<void> {
    const entity = { partitionKey: role, rowKey: encodeKey(key), reference: JSON.stringify(reference) };
    assertRowSize(entity, this.table.tableName);

    const target = `conversation "${key}" of role "${role}" in table "${this.table.tableName}"`;
    await retryOnConcurrentChange(target, () => this.write(entity), this.retryOptions);
  }

  /** Returns the stored reference, or undefined when none was saved. */
  async get(role: ConversationRole, key: string): Promise<Partial<ConversationReference> | undefined> {
    const row = await findRow(this.table, role, encodeKey(key));
    if (row === undefined) {
      return undefined;
    }

    const columns = new RowReader(row, this.table.tableName);
    const reference = columns.json('reference');
    if (typeof reference !== 'object' || reference === null || Array.isArray(reference)) {
      throw columns.invalid('reference', 'a JSON object', reference);
    }
    return reference as Partial<ConversationReference>;
  }

  private async write(entity: { partitionKey: string; rowKey: string; reference: string }): Promise<void> {
    const row = await findRow(this.table, entity.partitionKey, entity.rowKey);

    if (row === undefined) {
      await callTable(this.table, 'createEntity', () => this.table.createEntity(entity));
      return;
    }

    const columns = new RowReader(row, this.table.tableName);
    if (columns.optionalString('reference') === entity.reference) {
      return;
    }
    await callTable(this.table, 'updateEntity', () =>
      this.table.updateEntity(entity, 'Replace', { etag: columns.etag }),
    );
  }
}
