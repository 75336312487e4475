import type { TableClient } from '@azure/data-tables';

import { RowReader } from './columns.js';
import { callTable, findRow, isConflict, isNotFound, isPreconditionFailed } from './errors.js';
import { encodeKey } from './keys.js';
import { retryOnConcurrentChange, type ConcurrencyRetryOptions } from './retry.js';
import type { StorageTables } from './tables.js';

/**
 * How long a pending claim blocks a second submission of the same form. After that the claimer is assumed
 * to have crashed, and the next submission may take the claim over.
 */
export const PENDING_CLAIM_TIMEOUT_MS = 5 * 60 * 1000;

/** Result of {@link SubmissionRepository.claim}. */
export type SubmissionClaim =
  /** The caller owns the submission and must call `complete` or `release`. */
  | { status: 'claimed' }
  /**
   * Another delivery of the same submission owns it. `customerId` and `number` are set once that
   * delivery has opened its request, and are missing while it is still working.
   */
  | { status: 'taken'; customerId?: string; number?: string };

type SubmissionState = 'pending' | 'completed';
const SUBMISSION_STATES: readonly SubmissionState[] = ['pending', 'completed'];

/**
 * Deduplicates submissions of the request form, because Teams may deliver the same card action twice.
 * Table "submissions": PartitionKey = encoded conversation id, RowKey = encoded activity id of the form
 * card, columns `state` ("pending" or "completed"), `claimedAt`, and `customerId` and `number` once completed.
 *
 * NOTE: rows are never deleted after completion; one small row per submitted form remains.
 */
export class SubmissionRepository {
  private readonly table: TableClient;
  private readonly retryOptions: ConcurrencyRetryOptions;

  /**
   * @param tables - Table clients from `createStorage`; this repository uses "submissions".
   * @param options - Attempts per update and a logger for retries.
   */
  constructor(tables: StorageTables, options: ConcurrencyRetryOptions = {}) {
    this.table = tables.submissions;
    this.retryOptions = options;
  }

  /**
   * Claims a form submission for processing. Exactly one of concurrent callers gets "claimed".
   * A pending claim older than {@link PENDING_CLAIM_TIMEOUT_MS} is taken over.
   *
   * @param now - Current instant; it is stored as the claim time.
   */
  async claim(conversationId: string, formActivityId: string, now: Date): Promise<SubmissionClaim> {
    const partitionKey = encodeKey(conversationId);
    const rowKey = encodeKey(formActivityId);
    const entity = { partitionKey, rowKey, state: 'pending', claimedAt: now.toISOString() };
    const target = `submission "${formActivityId}" of conversation "${conversationId}" in table "${this.table.tableName}"`;

    return retryOnConcurrentChange(target, () => this.tryClaim(entity, now), this.retryOptions);
  }

  /**
   * Records the request a claimed submission opened, so that later deliveries can show it.
   *
   * @throws OptimisticConcurrencyError when every attempt lost the race.
   */
  async complete(conversationId: string, formActivityId: string, customerId: string, number: string): Promise<void> {
    const partitionKey = encodeKey(conversationId);
    const rowKey = encodeKey(formActivityId);
    const target = `submission "${formActivityId}" of conversation "${conversationId}" in table "${this.table.tableName}"`;

    await retryOnConcurrentChange(
      target,
      async () => {
        const row = await findRow(this.table, partitionKey, rowKey);
        const claimedAt =
          row === undefined ? new Date().toISOString() : new RowReader(row, this.table.tableName).string('claimedAt');
        const entity = { partitionKey, rowKey, state: 'completed', claimedAt, customerId, number };

        // A missing row means the claim was released; writing the result is still correct.
        if (row === undefined) {
          await callTable(this.table, 'createEntity', () => this.table.createEntity(entity));
        } else {
          await callTable(this.table, 'updateEntity', () => this.table.updateEntity(entity, 'Replace', { etag: row.etag }));
        }
      },
      this.retryOptions,
    );
  }

  /**
   * Deletes a pending claim after processing failed, so that the user can submit the form again.
   * A completed submission is kept.
   *
   * NOTE: it cannot tell whose pending claim it deletes. If this caller's claim timed out and another
   * delivery took it over, that delivery's claim is released instead.
   */
  async release(conversationId: string, formActivityId: string): Promise<void> {
    const partitionKey = encodeKey(conversationId);
    const rowKey = encodeKey(formActivityId);

    const row = await findRow(this.table, partitionKey, rowKey);
    if (row === undefined || new RowReader(row, this.table.tableName).oneOf('state', SUBMISSION_STATES) !== 'pending') {
      return;
    }

    try {
      await callTable(this.table, 'deleteEntity', () => this.table.deleteEntity(partitionKey, rowKey, { etag: row.etag }));
    } catch (error) {
      // 404 or 412: the row was completed, released or taken over meanwhile, so it is no longer this caller's to delete.
      if (!isNotFound(error) && !isPreconditionFailed(error)) {
        throw error;
      }
    }
  }

  /** Inserts a pending claim, or evaluates the existing one. Throws 409 to be retried when that claim was released meanwhile. */
  private async tryClaim(
    entity: { partitionKey: string; rowKey: string; state: string; claimedAt: string },
    now: Date,
  ): Promise<SubmissionClaim> {
    let conflict: unknown;
    try {
      await callTable(this.table, 'createEntity', () => this.table.createEntity(entity));
      return { status: 'claimed' };
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

    const columns = new RowReader(row, this.table.tableName);
    if (columns.oneOf('state', SUBMISSION_STATES) === 'completed') {
      return { status: 'taken', customerId: columns.string('customerId'), number: columns.string('number') };
    }

    const claimedAt = Date.parse(columns.string('claimedAt'));
    if (!(now.getTime() - claimedAt > PENDING_CLAIM_TIMEOUT_MS)) {
      return { status: 'taken' };
    }

    try {
      await callTable(this.table, 'updateEntity', () => this.table.updateEntity(entity, 'Replace', { etag: columns.etag }));
      return { status: 'claimed' };
    } catch (error) {
      if (isPreconditionFailed(error) || isNotFound(error)) {
        return { status: 'taken' };
      }
      throw error;
    }
  }
}
