import { odata, type TableClient } from '@azure/data-tables';

import { SLA_WARNING_KINDS, type SlaWarningKind } from '../domain/slaWarnings.js';
import { claimUnsentRow, type RowClaim } from './claims.js';
import { assertRowSize, omitUndefined, RowReader, type StoredRow } from './columns.js';
import { callTable, findRow, isConflict, isNotFound, isPreconditionFailed } from './errors.js';
import { encodeKey } from './keys.js';
import { retryOnConcurrentChange, type ConcurrencyRetryOptions } from './retry.js';
import type { StorageTables } from './tables.js';

export { STALE_CLAIM_MS } from './claims.js';

/** Recipient of a warning card. */
export type WarningRecipient = 'consultant' | 'substitute';

const RECIPIENTS: readonly WarningRecipient[] = ['consultant', 'substitute'];

/** Whether a warning is only claimed or already sent. */
export type WarningState = 'claimed' | 'sent';
const WARNING_STATES: readonly WarningState[] = ['claimed', 'sent'];

/** Row written by a claim; a type alias, so that it fits the SDK's entity type with an index signature. */
type ClaimEntity = {
  partitionKey: string;
  rowKey: string;
  number: string;
  kind: SlaWarningKind;
  state: WarningState;
  dueAt: string;
  claimedAt: string;
  claimedBy: string;
};

/** Identifies one warning: one row per request and kind. */
export interface WarningKey {
  customerId: string;
  /** Request number, e.g. "HD-2026-0004". */
  number: string;
  kind: SlaWarningKind;
}

/** A warning row as stored. Instants are ISO 8601 strings with offset. */
export interface StoredWarning extends WarningKey {
  state: WarningState;
  dueAt: string;
  claimedAt: string;
  /** Instance id of the last claimer. */
  claimedBy: string;
  sentAt?: string;
  /** Instance id of the sender. */
  sentBy?: string;
  late?: boolean;
  recipients?: WarningRecipient[];
  etag: string;
}

/** Result of {@link WarningRepository.claim}. */
export type WarningClaim =
  /** The caller owns the warning, must send it and then call `markSent` with this ETag. */
  | RowClaim
  /** The warning was sent already. */
  | { status: 'alreadySent'; warning: StoredWarning };

/** Fields that {@link WarningRepository.claim} stores with a new claim. */
export interface ClaimDetails {
  /** ISO 8601 instant at which the warning fell due. */
  dueAt: string;
  /** ISO 8601 instant of the claim; it is compared with {@link STALE_CLAIM_MS}. */
  claimedAt: string;
  /** Id of the claiming app instance, e.g. "web-1:4711". */
  instanceId: string;
}

/** Fields that {@link WarningRepository.markSent} stores. */
export interface SentDetails {
  /** ISO 8601 instant of the send. */
  sentAt: string;
  late: boolean;
  /** Id of the sending app instance. */
  sentBy: string;
  recipients: readonly WarningRecipient[];
}

/**
 * SLA warnings in table "warnings": PartitionKey = encoded customer id, RowKey = encoded
 * "<number>|<kind>", columns `number`, `kind`, `state` ("claimed" or "sent"), `dueAt`, `claimedAt`,
 * `claimedBy`, and `sentAt`, `sentBy`, `late`, `recipients` (comma-separated) once sent.
 *
 * The row makes each warning go out once across restarts and app instances: an instance inserts
 * the row as its claim before sending, and marks it sent with the ETag it got from the claim.
 */
export class WarningRepository {
  private readonly table: TableClient;
  private readonly retryOptions: ConcurrencyRetryOptions;

  /**
   * @param tables - Table clients from `createStorage`; this repository uses "warnings".
   * @param options - Attempts per claim and a logger for retries.
   */
  constructor(tables: StorageTables, options: ConcurrencyRetryOptions = {}) {
    this.table = tables.warnings;
    this.retryOptions = options;
  }

  /**
   * Claims a warning for sending. Of concurrent callers exactly one gets "claimed", because the
   * claim is an insert and Azure rejects the second insert of a row with 409. A claim that is still
   * unsent {@link STALE_CLAIM_MS} after `claimedAt` is taken over with an ETag-checked update, so
   * of two instances that find the same stale claim only one wins.
   *
   * @throws RangeError when an instant is invalid, the instance id is empty or the number contains "|".
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async claim(key: WarningKey, details: ClaimDetails): Promise<WarningClaim> {
    const claimedAtMs = parseInstant(details.claimedAt, 'claimedAt');
    parseInstant(details.dueAt, 'dueAt');
    requireInstanceId(details.instanceId);

    const entity: ClaimEntity = {
      ...this.keysOf(key),
      number: key.number,
      kind: key.kind,
      state: 'claimed',
      dueAt: details.dueAt,
      claimedAt: details.claimedAt,
      claimedBy: details.instanceId,
    };
    assertRowSize(entity, this.table.tableName);

    return retryOnConcurrentChange(this.describe(key), () => this.tryClaim(entity, claimedAtMs), this.retryOptions);
  }

  /**
   * Marks a claimed warning as sent, using the ETag returned by {@link claim}.
   *
   * @returns true when written, false when another instance took the claim over meanwhile (412).
   *   In that case both may have sent the card.
   * @throws RangeError when `sentAt` is invalid, the instance id is empty or no recipient is given.
   */
  async markSent(key: WarningKey, etag: string, details: SentDetails): Promise<boolean> {
    parseInstant(details.sentAt, 'sentAt');
    requireInstanceId(details.sentBy);
    if (details.recipients.length === 0) {
      throw new RangeError(`markSent: no recipient given for ${this.describe(key)}; mark a warning sent only after a card went out`);
    }

    const entity = {
      ...this.keysOf(key),
      state: 'sent' satisfies WarningState,
      sentAt: details.sentAt,
      sentBy: details.sentBy,
      late: details.late,
      recipients: details.recipients.join(','),
    };
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

  /** Returns the warning row, or undefined when no instance has claimed it yet. */
  async get(key: WarningKey): Promise<StoredWarning | undefined> {
    const { partitionKey, rowKey } = this.keysOf(key);
    const row = await findRow(this.table, partitionKey, rowKey);
    return row === undefined ? undefined : this.toWarning(row);
  }

  /** Returns every warning row of one customer, ordered by request number and kind. */
  async listByCustomer(customerId: string): Promise<StoredWarning[]> {
    const partitionKey = encodeKey(customerId);
    return callTable(this.table, 'listEntities', async () => {
      const warnings: StoredWarning[] = [];
      const filter = odata`PartitionKey eq ${partitionKey}`;
      for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
        warnings.push(this.toWarning(row));
      }
      return warnings;
    });
  }

  /** Inserts the claim, or evaluates the existing row. Throws the 409 again, to be retried, when that row vanished meanwhile. */
  private async tryClaim(entity: ClaimEntity, claimedAtMs: number): Promise<WarningClaim> {
    let conflict: unknown;
    try {
      const response = await callTable(this.table, 'createEntity', () => this.table.createEntity(entity));
      return { status: 'claimed', etag: requireEtag(response.etag, entity) };
    } catch (error) {
      if (!isConflict(error)) {
        throw error;
      }
      conflict = error;
    }

    const row = await findRow(this.table, entity.partitionKey, entity.rowKey);
    if (row === undefined) {
      throw conflict;
    }

    const existing = this.toWarning(row);
    if (existing.state === 'sent') {
      return { status: 'alreadySent', warning: existing };
    }
    // Two instances may find the same stale claim, but the ETag lets only the first takeover through.
    return claimUnsentRow(this.table, existing, entity, claimedAtMs, 'Replace', describeRow(entity));
  }

  private keysOf(key: WarningKey): { partitionKey: string; rowKey: string } {
    if (key.number.includes('|')) {
      throw new RangeError(`Invalid request number "${key.number}" for a warning key: it must not contain "|"`);
    }
    return { partitionKey: encodeKey(key.customerId), rowKey: encodeKey(`${key.number}|${key.kind}`) };
  }

  private describe(key: WarningKey): string {
    return `warning "${key.kind}" of request "${key.number}" of customer "${key.customerId}" in table "${this.table.tableName}"`;
  }

  private toWarning(row: StoredRow): StoredWarning {
    const columns = new RowReader(row, this.table.tableName);
    const recipients = columns.optionalString('recipients');
    const parsedRecipients = recipients === undefined ? undefined : recipients.split(',');
    if (parsedRecipients?.some((recipient) => !RECIPIENTS.includes(recipient as WarningRecipient))) {
      throw columns.invalid('recipients', `a comma-separated list of ${RECIPIENTS.join(', ')}`, recipients);
    }

    const required = {
      customerId: columns.partitionKey(),
      number: columns.string('number'),
      kind: columns.oneOf('kind', SLA_WARNING_KINDS),
      state: columns.oneOf('state', WARNING_STATES),
      dueAt: columns.string('dueAt'),
      claimedAt: columns.string('claimedAt'),
      claimedBy: columns.string('claimedBy'),
      etag: columns.etag,
    };
    const optional = omitUndefined({
      sentAt: columns.optionalString('sentAt'),
      sentBy: columns.optionalString('sentBy'),
      late: columns.optionalBoolean('late'),
      recipients: parsedRecipients as WarningRecipient[] | undefined,
    });
    return { ...required, ...optional };
  }
}

function parseInstant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new RangeError(`Invalid ${field} "${value}": expected an ISO 8601 instant with offset`);
  }
  return ms;
}

function requireInstanceId(instanceId: string): void {
  if (instanceId.trim() === '') {
    throw new RangeError('Invalid instance id "": every claim and send must name the app instance');
  }
}

function describeRow(entity: { partitionKey: string; rowKey: string }): string {
  return `warning row (PartitionKey "${entity.partitionKey}", RowKey "${entity.rowKey}")`;
}

function requireEtag(etag: string | undefined, entity: { partitionKey: string; rowKey: string }): string {
  if (etag === undefined) {
    throw new Error(`Azure Table Storage returned no ETag for ${describeRow(entity)}`);
  }
  return etag;
}
