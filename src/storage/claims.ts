import type { TableClient, TableEntity } from '@azure/data-tables';

import { callTable, isNotFound, isPreconditionFailed } from './errors.js';

/**
 * How long a claim may stay unsent before another instance takes it over, in milliseconds. The
 * claimer is then assumed to have crashed between claim and send, or its send failed. The limit must
 * exceed the longest send to the Bot Connector, because a slow sender whose claim is taken over
 * causes a second card.
 */
export const STALE_CLAIM_MS = 5 * 60 * 1000;

/** The claim columns of an unsent row as it was read, with the row's ETag. */
export interface UnsentClaimRow {
  etag: string;
  /** Row state: "claimed" while an instance owns the claim, and any other state is free to claim. */
  state: string;
  /** ISO 8601 instant of the current claim, if any. */
  claimedAt?: string;
  /** Instance that owns the current claim, if any. */
  claimedBy?: string;
}

/** Result of {@link claimUnsentRow}. */
export type RowClaim =
  | { status: 'claimed'; etag: string; /** Instance whose stale claim was taken over, if any. */ takenOverFrom?: string }
  /** Another instance has a claim younger than {@link STALE_CLAIM_MS}, or won the race. */
  | { status: 'claimedElsewhere'; claimedBy?: string };

/**
 * Claims a row that exists and is not sent by writing `entity` with the ETag that was read, unless
 * another instance claimed it less than {@link STALE_CLAIM_MS} before `claimedAtMs`. Concurrent
 * claimers read the same ETag, so only the first write passes and the others get 412 and
 * "claimedElsewhere".
 *
 * @param mode - "Merge" keeps the columns that `entity` does not name, "Replace" drops them.
 * @param describe - The row as error messages name it.
 * @throws Error when Azure Table Storage returns no ETag for the write.
 * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
 */
export async function claimUnsentRow(
  table: TableClient,
  existing: UnsentClaimRow,
  entity: TableEntity,
  claimedAtMs: number,
  mode: 'Merge' | 'Replace',
  describe: string,
): Promise<RowClaim> {
  const isClaimed = existing.state === 'claimed';
  const stale = existing.claimedAt === undefined || claimedAtMs - Date.parse(existing.claimedAt) > STALE_CLAIM_MS;
  if (isClaimed && !stale) {
    return { status: 'claimedElsewhere', claimedBy: existing.claimedBy };
  }

  try {
    const response = await callTable(table, 'updateEntity', () => table.updateEntity(entity, mode, { etag: existing.etag }));
    if (response.etag === undefined) {
      throw new Error(`Azure Table Storage returned no ETag for ${describe}`);
    }
    return isClaimed && existing.claimedBy !== undefined
      ? { status: 'claimed', etag: response.etag, takenOverFrom: existing.claimedBy }
      : { status: 'claimed', etag: response.etag };
  } catch (error) {
    if (isPreconditionFailed(error) || isNotFound(error)) {
      return { status: 'claimedElsewhere' };
    }
    throw error;
  }
}
