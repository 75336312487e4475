import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';

import { callTable, isConflict } from './errors.js';

export { decodeKey, encodeKey, MAX_KEY_LENGTH } from './keys.js';
export {
  ConflictError,
  EntityNotFoundError,
  isConflict,
  isNotFound,
  isPreconditionFailed,
  isUnavailable,
  OptimisticConcurrencyError,
  StorageUnavailableError,
} from './errors.js';

/** Prefix of every table name unless the caller sets another one. */
export const DEFAULT_TABLE_PREFIX = 'desk';

/** Time limit of one HTTP request to Azure Table Storage when the caller sets none, in milliseconds. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** Table names without the prefix; the prefix and these suffixes form names like "deskCustomers". */
const TABLE_SUFFIXES = {
  customers: 'Customers',
  tenants: 'Tenants',
  counters: 'Counters',
  requests: 'Requests',
  conversations: 'Conversations',
  submissions: 'Submissions',
  absences: 'Absences',
  warnings: 'Warnings',
  timeEntries: 'TimeEntries',
  overageApprovals: 'OverageApprovals',
  calendarEvents: 'CalendarEvents',
  bookings: 'Bookings',
  bookingSlots: 'BookingSlots',
  leads: 'Leads',
  articles: 'Articles',
  deliveries: 'Deliveries',
} as const;

/** Logical name of a table, e.g. "customers". */
export type TableKind = keyof typeof TABLE_SUFFIXES;

/** One client per table of the app. */
export type StorageTables = Record<TableKind, TableClient>;

/** Retry settings of the Azure SDK for failed HTTP requests (network errors, 408, 429, 5xx). */
export interface HttpRetryOptions {
  /** Retries after the first request; the SDK default is 3. */
  maxRetries?: number;
  /** Base delay of the exponential backoff in milliseconds; the SDK default is 1000. */
  retryDelayInMs?: number;
  /** Maximum delay between retries in milliseconds; the SDK default is 64000. */
  maxRetryDelayInMs?: number;
}

/** Options of {@link createStorage}. */
export interface StorageOptions {
  /** Letters and digits put before every table name, starting with a letter; defaults to "desk". Tests use a unique one. */
  tablePrefix?: string;
  /** Time limit of each HTTP request in milliseconds; defaults to {@link DEFAULT_REQUEST_TIMEOUT_MS}. */
  requestTimeoutMs?: number;
  /** Retry settings of the SDK's HTTP pipeline. */
  retryOptions?: HttpRetryOptions;
  /**
   * Allows an `http://` table endpoint. Defaults to true only when the connection string's TableEndpoint
   * is on a loopback host (Azurite) or it sets UseDevelopmentStorage=true.
   */
  allowInsecureConnection?: boolean;
}

/** Table clients of one storage account and the setup that creates their tables. */
export interface Storage {
  /** Client of each table. */
  tables: StorageTables;
  /** Creates every table that does not exist yet; safe to call on each start and from several instances. */
  ensureTables(): Promise<void>;
}

/**
 * Builds the table clients for a storage account. Sends no request; call `ensureTables()` before first use.
 *
 * @param connectionString - Azure Storage connection string; an `http://` endpoint such as Azurite's is allowed.
 * @throws RangeError when the prefix is invalid or makes a table name longer than 63 characters.
 */
export function createStorage(connectionString: string, options: StorageOptions = {}): Storage {
  const prefix = options.tablePrefix ?? DEFAULT_TABLE_PREFIX;
  const clientOptions = buildClientOptions(options, isLocalEndpoint(connectionString));

  const tables = {} as StorageTables;
  for (const kind of Object.keys(TABLE_SUFFIXES) as TableKind[]) {
    tables[kind] = TableClient.fromConnectionString(connectionString, tableName(prefix, kind), clientOptions);
  }

  return {
    tables,
    ensureTables: () => ensureTables(tables),
  };
}

/**
 * Returns the full table name for a prefix, e.g. "deskCustomers".
 *
 * @throws RangeError when the name breaks Azure's rules: letters and digits, a letter first, 3 to 63 characters.
 */
export function tableName(prefix: string, kind: TableKind): string {
  const name = `${prefix}${TABLE_SUFFIXES[kind]}`;
  if (!/^[A-Za-z][A-Za-z0-9]{2,62}$/.test(name)) {
    throw new RangeError(
      `Invalid table prefix "${prefix}": table name "${name}" must be 3 to 63 letters and digits, starting with a letter`,
    );
  }
  return name;
}

async function ensureTables(tables: StorageTables): Promise<void> {
  for (const table of Object.values(tables)) {
    await callTable(table, 'createTable', () => createTableIfMissing(table));
  }
}

async function createTableIfMissing(table: TableClient): Promise<void> {
  try {
    // @azure/data-tables 13.3.2 already returns normally on TableAlreadyExists; the catch keeps that
    // behaviour if a later version throws instead.
    await table.createTable();
  } catch (error) {
    if (!isConflict(error) || errorCodeOf(error) !== 'TableAlreadyExists') {
      throw error;
    }
  }
}

function errorCodeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** Returns whether the connection string points at a table endpoint on this machine. */
function isLocalEndpoint(connectionString: string): boolean {
  if (/(^|;)\s*UseDevelopmentStorage=true\s*(;|$)/i.test(connectionString)) {
    return true;
  }

  const endpoint = /(?:^|;)\s*TableEndpoint=([^;]+)/i.exec(connectionString)?.[1];
  if (endpoint === undefined || !URL.canParse(endpoint)) {
    return false;
  }

  const { hostname } = new URL(endpoint);
  return hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.');
}

function buildClientOptions(options: StorageOptions, localEndpoint: boolean): TableServiceClientOptions {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`Invalid requestTimeoutMs ${timeoutMs}: expected a positive whole number of milliseconds`);
  }

  return {
    allowInsecureConnection: options.allowInsecureConnection ?? localEndpoint,
    retryOptions: options.retryOptions,
    additionalPolicies: [
      {
        position: 'perRetry',
        policy: {
          name: 'hotlineDeskRequestTimeout',
          sendRequest: (request, next) => {
            // The SDK sends without a time limit by default, so a hung connection would block a handler forever.
            if (request.timeout === 0) {
              request.timeout = timeoutMs;
            }
            return next(request);
          },
        },
      },
    ],
  };
}
