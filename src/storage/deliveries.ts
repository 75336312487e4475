import { odata, type TableClient } from '@azure/data-tables';
import type { ConversationReference } from 'botbuilder';

import { claimUnsentRow, type RowClaim } from './claims.js';
import { assertRowSize, omitUndefined, RowReader, type StoredRow } from './columns.js';
import { callTable, findRow, isConflict, isNotFound, isPreconditionFailed } from './errors.js';
import { encodeKey } from './keys.js';
import { retryOnConcurrentChange, type ConcurrencyRetryOptions } from './retry.js';
import type { StorageTables } from './tables.js';

/** Kind of content a delivery sends: an hours warning to the consultant, or the approval cards of an overage request. */
export type DeliveryKind = 'hoursWarning' | 'overageApproval';
const DELIVERY_KINDS: readonly DeliveryKind[] = ['hoursWarning', 'overageApproval'];

/** Delivery state: "due" when recorded and not yet claimed, "claimed" while an instance is sending, "sent" when done. */
export type DeliveryState = 'due' | 'claimed' | 'sent';
const DELIVERY_STATES: readonly DeliveryState[] = ['due', 'claimed', 'sent'];

/** Identifies one delivery of a customer, e.g. kind "hoursWarning" with subject "2026-11|80". */
export interface DeliveryKey {
  customerId: string;
  kind: DeliveryKind;
  /** Identifier of the delivered content, unique per customer and kind and not empty. */
  subject: string;
}

/** A card posted by a delivery, so that a later change can update it. */
export interface DeliveredCard {
  /** Role of the person in whose chat the card was posted. */
  role: 'approver' | 'consultant';
  /** Entra object id of the approver; missing for the consultant's copy. */
  aadObjectId?: string;
  /** Conversation the card was posted to. */
  conversation: Partial<ConversationReference>;
  /** Teams activity id of the posted card. */
  activityId: string;
}

/** A delivery row as stored. Instants are ISO 8601 strings. */
export interface StoredDelivery extends DeliveryKey {
  state: DeliveryState;
  recordedAt: string;
  claimedAt?: string;
  /** Instance id of the last claimer. */
  claimedBy?: string;
  sentAt?: string;
  /** Cards posted by the send; empty until sent. */
  cards: DeliveredCard[];
  etag: string;
}

/** Result of {@link DeliveryRepository.claim}. */
export type DeliveryClaim =
  /** The caller owns the delivery, must send it and then call `markSent` with this ETag. */
  | RowClaim
  | { status: 'alreadySent'; delivery: StoredDelivery }
  /** No delivery was recorded under this key. */
  | { status: 'notRecorded' };

/**
 * Outbox of proactive cards in table "deliveries": PartitionKey = encoded customer id, RowKey = encoded
 * "<kind>|<subject>", columns `kind`, `subject`, `state`, `recordedAt`, `claimedAt`, `claimedBy`,
 * `sentAt` and `cards` (JSON).
 *
 * A process without the bot's adapter, such as the `desk` command line, records a delivery as "due",
 * and an app instance sends it. An app instance claims a row with an ETag-checked update before it
 * sends, so each delivery goes out once across app instances, restarts and redelivered invokes.
 */
export class DeliveryRepository {
  private readonly table: TableClient;
  private readonly retryOptions: ConcurrencyRetryOptions;

  /**
   * @param tables - Table clients from `createStorage`; this repository uses "deliveries".
   * @param options - Attempts per claim and a logger for retries.
   */
  constructor(tables: StorageTables, options: ConcurrencyRetryOptions = {}) {
    this.table = tables.deliveries;
    this.retryOptions = options;
  }

  /**
   * Records a delivery as "due" unless it exists already in any state.
   *
   * @returns true when this call recorded it.
   * @throws RangeError when the subject is empty or `recordedAt` is invalid.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async record(key: DeliveryKey, recordedAt: string): Promise<boolean> {
    parseInstant(recordedAt, 'recordedAt');
    const entity = { ...this.keysOf(key), kind: key.kind, subject: key.subject, state: 'due' satisfies DeliveryState, recordedAt };
    assertRowSize(entity, this.table.tableName);

    try {
      await callTable(this.table, 'createEntity', () => this.table.createEntity(entity));
      return true;
    } catch (error) {
      if (isConflict(error)) {
        return false;
      }
      throw error;
    }
  }

  /**
   * Claims a recorded delivery for sending. Of concurrent callers exactly one gets "claimed", because
   * each updates the row with the ETag it read. A claim still unsent {@link STALE_CLAIM_MS}
   * after `claimedAt` is taken over the same way.
   *
   * @throws RangeError when `claimedAt` is invalid or the instance id is empty.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async claim(key: DeliveryKey, claimedAt: string, instanceId: string): Promise<DeliveryClaim> {
    const claimedAtMs = parseInstant(claimedAt, 'claimedAt');
    if (instanceId.trim() === '') {
      throw new RangeError('Invalid instance id "": every claim must name the app instance');
    }

    return retryOnConcurrentChange(this.describe(key), () => this.tryClaim(key, claimedAt, claimedAtMs, instanceId), this.retryOptions);
  }

  /**
   * Marks a claimed delivery as sent and stores the posted cards, using the ETag returned by {@link claim}.
   *
   * @returns true when written, false when another instance took the claim over meanwhile.
   * @throws RangeError when `sentAt` is invalid.
   */
  async markSent(key: DeliveryKey, etag: string, sentAt: string, cards: readonly DeliveredCard[]): Promise<boolean> {
    parseInstant(sentAt, 'sentAt');
    const entity = { ...this.keysOf(key), state: 'sent' satisfies DeliveryState, sentAt, cards: JSON.stringify(cards) };
    assertRowSize(entity, this.table.tableName);

    try {
      await callTable(this.table, 'updateEntity', () => this.table.updateEntity(entity, 'Merge', { etag }));
      return true;
    } catch (error) {
      if (isPreconditionFailed(error) || isNotFound(error)) {
        return false;
      }
      throw error;
    }
  }

  /** Returns the delivery, or undefined when none was recorded. */
  async get(key: DeliveryKey): Promise<StoredDelivery | undefined> {
    const { partitionKey, rowKey } = this.keysOf(key);
    const row = await findRow(this.table, partitionKey, rowKey);
    return row === undefined ? undefined : this.toDelivery(row);
  }

  /**
   * Returns every delivery that is not sent yet, across all customers.
   *
   * NOTE: this query scans the table, because state is no key column. Sent rows stay in the table, so
   * the scan grows with every warning and approval ever sent.
   */
  async listUnsent(): Promise<StoredDelivery[]> {
    const sent: DeliveryState = 'sent';
    return callTable(this.table, 'listEntities', async () => {
      const found: StoredDelivery[] = [];
      for await (const row of this.table.listEntities({ queryOptions: { filter: odata`state ne ${sent}` } })) {
        found.push(this.toDelivery(row));
      }
      return found;
    });
  }

  private async tryClaim(key: DeliveryKey, claimedAt: string, claimedAtMs: number, instanceId: string): Promise<DeliveryClaim> {
    const { partitionKey, rowKey } = this.keysOf(key);
    const row = await findRow(this.table, partitionKey, rowKey);
    if (row === undefined) {
      return { status: 'notRecorded' };
    }

    const existing = this.toDelivery(row);
    if (existing.state === 'sent') {
      return { status: 'alreadySent', delivery: existing };
    }
    const entity = { partitionKey, rowKey, state: 'claimed' satisfies DeliveryState, claimedAt, claimedBy: instanceId };
    return claimUnsentRow(this.table, existing, entity, claimedAtMs, 'Merge', this.describe(key));
  }

  private keysOf(key: DeliveryKey): { partitionKey: string; rowKey: string } {
    if (key.subject === '') {
      throw new RangeError(`Invalid delivery subject "" of kind "${key.kind}" for customer "${key.customerId}": expected a non-empty subject`);
    }
    return { partitionKey: encodeKey(key.customerId), rowKey: encodeKey(`${key.kind}|${key.subject}`) };
  }

  private describe(key: DeliveryKey): string {
    return `delivery "${key.kind}|${key.subject}" of customer "${key.customerId}" in table "${this.table.tableName}"`;
  }

  private toDelivery(row: StoredRow): StoredDelivery {
    const columns = new RowReader(row, this.table.tableName);
    const cardsText = columns.optionalString('cards');
    const cards = cardsText === undefined ? [] : columns.json('cards');
    if (!Array.isArray(cards)) {
      throw columns.invalid('cards', 'a JSON array of delivered cards', cardsText);
    }

    return {
      customerId: columns.partitionKey(),
      kind: columns.oneOf('kind', DELIVERY_KINDS),
      subject: columns.string('subject'),
      state: columns.oneOf('state', DELIVERY_STATES),
      recordedAt: columns.string('recordedAt'),
      ...omitUndefined({
        claimedAt: columns.optionalString('claimedAt'),
        claimedBy: columns.optionalString('claimedBy'),
        sentAt: columns.optionalString('sentAt'),
      }),
      cards: cards as DeliveredCard[],
      etag: columns.etag,
    };
  }
}

function parseInstant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new RangeError(`Invalid ${field} "${value}": expected an ISO 8601 instant`);
  }
  return ms;
}
