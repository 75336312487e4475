import type { TableClient } from '@azure/data-tables';

import type { StoredRow } from './columns.js';

/** Network error codes of Node.js that mean the storage endpoint could not be reached. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  // core-rest-pipeline's code for a send failure without a Node.js error code.
  'REQUEST_SEND_ERROR',
]);

/**
 * Thrown when Azure Table Storage cannot be reached or responds with a server error (5xx, 408, 429)
 * after the client's own retries. Callers should keep the user's input and ask them to try again later.
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';

  /**
   * @param tableName - Table the operation used.
   * @param operation - Table operation that failed, e.g. "updateEntity".
   * @param cause - Error from the Azure SDK.
   */
  constructor(
    readonly tableName: string,
    readonly operation: string,
    cause: unknown,
  ) {
    const reason = describeError(cause);
    super(`Azure Table Storage is unavailable: ${operation} on table "${tableName}" failed (${reason}). Try again later.`, {
      cause,
    });
  }
}

/** Thrown when a row that must exist is missing; `statusCode` is 404 so {@link isNotFound} matches it. */
export class EntityNotFoundError extends Error {
  override readonly name = 'EntityNotFoundError';
  readonly statusCode = 404;
}

/**
 * Thrown when a key or a unique value is already taken, e.g. a customer id or a tenant.
 * `statusCode` is 409 so {@link isConflict} matches it.
 */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  readonly statusCode = 409;
}

/** Thrown when a read-modify-write lost the ETag race on every attempt. */
export class OptimisticConcurrencyError extends Error {
  override readonly name = 'OptimisticConcurrencyError';

  /**
   * @param target - Table and keys of the contended row.
   * @param attempts - Number of attempts made.
   * @param cause - Error of the last attempt.
   */
  constructor(
    readonly target: string,
    readonly attempts: number,
    cause: unknown,
  ) {
    super(
      `Update of ${target} failed after ${attempts} attempts because other writers changed the row each time; try again later`,
      { cause },
    );
  }
}

/** Returns whether the error carries HTTP status 404 (entity or table not found). */
export function isNotFound(error: unknown): boolean {
  return statusCodeOf(error) === 404;
}

/** Returns whether the error carries HTTP status 409 (entity already exists). */
export function isConflict(error: unknown): boolean {
  return statusCodeOf(error) === 409;
}

/** Returns whether the error carries HTTP status 412 (the ETag no longer matches). */
export function isPreconditionFailed(error: unknown): boolean {
  return statusCodeOf(error) === 412;
}

/**
 * Returns whether the error means the storage service was unreachable, timed out or failed on its side,
 * as opposed to rejecting this request (4xx).
 */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof StorageUnavailableError) {
    return true;
  }

  const statusCode = statusCodeOf(error);
  if (statusCode !== undefined && statusCode > 0) {
    return statusCode >= 500 || statusCode === 408 || statusCode === 429;
  }

  // core-rest-pipeline aborts a request that exceeds its timeout with an AbortError.
  if (error instanceof Error && error.name === 'AbortError') {
    return true;
  }

  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNREACHABLE_CODES.has(code);
}

/**
 * Runs one call to Azure Table Storage and turns an unavailable service into a {@link StorageUnavailableError}.
 * Other errors, such as 404, 409 and 412, pass through unchanged.
 *
 * @param table - Client of the table the call uses.
 * @param operation - Operation name for the error message, e.g. "getEntity".
 */
export async function callTable<T>(table: TableClient, operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isUnavailable(error) && !(error instanceof StorageUnavailableError)) {
      throw new StorageUnavailableError(table.tableName, operation, error);
    }
    throw error;
  }
}

/**
 * Reads one row by its keys, as stored (keys already encoded).
 *
 * @param table - Client of the table to read.
 * @returns The row, or undefined when the row or the table does not exist.
 * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
 */
export async function findRow(table: TableClient, partitionKey: string, rowKey: string): Promise<StoredRow | undefined> {
  try {
    return await callTable(table, 'getEntity', () => table.getEntity(partitionKey, rowKey));
  } catch (error) {
    if (isNotFound(error)) {
      return undefined;
    }
    throw error;
  }
}

/**
 * Reads every row that matches an OData filter, across all result pages.
 *
 * @param table - Client of the table to query.
 * @param filter - OData filter, built with the SDK's `odata` template so values are escaped.
 * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
 */
export async function listRows(table: TableClient, filter: string): Promise<StoredRow[]> {
  return callTable(table, 'listEntities', async () => {
    const rows: StoredRow[] = [];
    for await (const row of table.listEntities({ queryOptions: { filter } })) {
      rows.push(row);
    }
    return rows;
  });
}

function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) {
    return undefined;
  }

  const { statusCode } = error;
  return typeof statusCode === 'number' ? statusCode : undefined;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }

  const code = (error as { code?: unknown }).code;
  const statusCode = statusCodeOf(error);
  const details = [typeof code === 'string' ? code : undefined, statusCode === undefined ? undefined : `HTTP ${statusCode}`]
    .filter((detail) => detail !== undefined)
    .join(', ');
  return details.length > 0 ? `${details}: ${error.message}` : error.message;
}
