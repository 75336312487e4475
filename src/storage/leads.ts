import type { TableClient } from '@azure/data-tables';

import { RowReader } from './columns.js';
import { callTable, findRow, isConflict, isPreconditionFailed } from './errors.js';
import { encodeKey } from './keys.js';
import type { StorageTables } from './tables.js';

/** Minimum time between two lead cards for the same unknown tenant. */
export const LEAD_NOTIFY_INTERVAL_MS = 24 * 60 * 60 * 1000;

const ROW_KEY = 'lead';

/**
 * Unknown tenants that wrote to the bot, in table "leads": PartitionKey = encoded tenant id,
 * columns `firstSeenAt`, `lastNotifiedAt` and `messages` (count). It limits the consultant's lead
 * cards to one per tenant and {@link LEAD_NOTIFY_INTERVAL_MS}, so a chatty stranger cannot flood the chat.
 */
export class LeadRepository {
  private readonly table: TableClient;

  /** @param tables - Table clients from `createStorage`; this repository uses "leads". */
  constructor(tables: StorageTables) {
    this.table = tables.leads;
  }

  /**
   * Records a message from an unknown tenant and returns whether the consultant should get a lead card now.
   * Of concurrent callers at most one gets true: the first insert wins (409 for the others), and a later
   * notification is an update with the ETag just read (412 for the others).
   */
  async recordMessage(tenantId: string, now: Date): Promise<boolean> {
    const partitionKey = encodeKey(tenantId || '-');
    const nowIso = now.toISOString();

    const row = await findRow(this.table, partitionKey, ROW_KEY);

    if (!row) {
      try {
        const entity = { partitionKey, rowKey: ROW_KEY, firstSeenAt: nowIso, lastNotifiedAt: nowIso, messages: 1 };
        await callTable(this.table, 'createEntity', () => this.table.createEntity(entity));
        return true;
      } catch (error) {
        if (isConflict(error)) return false;
        throw error;
      }
    }

    const reader = new RowReader(row, this.table.tableName);
    const due = now.getTime() - Date.parse(reader.string('lastNotifiedAt')) >= LEAD_NOTIFY_INTERVAL_MS;
    const update = {
      partitionKey,
      rowKey: ROW_KEY,
      messages: reader.number('messages') + 1,
      ...(due ? { lastNotifiedAt: nowIso } : {}),
    };
    try {
      await callTable(this.table, 'updateEntity', () => this.table.updateEntity(update, 'Merge', { etag: reader.etag }));
      return due;
    } catch (error) {
      // Another instance counted the same moment; it decides about the card.
      if (isPreconditionFailed(error)) return false;
      throw error;
    }
  }
}
