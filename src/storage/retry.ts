import { setTimeout as sleep } from 'node:timers/promises';

import type { Logger } from 'pino';

import { ConflictError, isConflict, isPreconditionFailed, OptimisticConcurrencyError } from './errors.js';

/** Default number of attempts of one read-modify-write before it gives up. */
export const DEFAULT_MAX_ATTEMPTS = 10;

/** Cap of the random wait between attempts, in milliseconds. */
const MAX_BACKOFF_MS = 1_000;
const BASE_BACKOFF_MS = 10;

/** Options of {@link retryOnConcurrentChange}; the repositories accept the same options. */
export interface ConcurrencyRetryOptions {
  /** Attempts before giving up; defaults to {@link DEFAULT_MAX_ATTEMPTS}. */
  maxAttempts?: number;
  /** Receives one debug line per retry. */
  logger?: Logger;
}

/**
 * Runs an optimistic read-modify-write until it succeeds. An attempt that fails with 412 (ETag changed)
 * or 409 (a concurrent insert won) is repeated after a random, exponentially growing wait of at most
 * one second, so that competing writers spread out.
 *
 * @param target - Table and keys of the row, for logs and the error message.
 * @param attempt - Reads the row, applies the change and writes it back with the ETag it read.
 * @throws OptimisticConcurrencyError when every attempt lost the race.
 */
export async function retryOnConcurrentChange<T>(
  target: string,
  attempt: () => Promise<T>,
  options: ConcurrencyRetryOptions = {},
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`Invalid maxAttempts ${maxAttempts} for ${target}: expected a positive integer`);
  }

  for (let attemptNumber = 1; ; attemptNumber += 1) {
    try {
      return await attempt();
    } catch (error) {
      // A ConflictError is final (e.g. a taken id), unlike a 409 from a concurrent insert.
      if (error instanceof ConflictError || (!isPreconditionFailed(error) && !isConflict(error))) {
        throw error;
      }
      if (attemptNumber >= maxAttempts) {
        throw new OptimisticConcurrencyError(target, attemptNumber, error);
      }

      options.logger?.debug({ target, attempt: attemptNumber }, 'Retrying after a concurrent change to the row');
      await sleep(backoffMs(attemptNumber));
    }
  }
}

/** Full-jitter backoff: a random wait between 0 and min(cap, base * 2^attempt). */
function backoffMs(attemptNumber: number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attemptNumber);
  return Math.random() * ceiling;
}
