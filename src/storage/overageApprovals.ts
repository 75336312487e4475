import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';

import { assertMonth } from '../domain/hours/month.js';
import type { OverageDecision } from '../domain/hours/statementInput.js';
import { assertRowSize, definedColumns, omitUndefined, RowReader, type StoredRow } from './columns.js';
import { callTable, ConflictError, EntityNotFoundError, findRow, isConflict } from './errors.js';
import { encodeKey } from './keys.js';
import { retryOnConcurrentChange, type ConcurrencyRetryOptions } from './retry.js';
import type { StorageTables } from './tables.js';
import type { InsertCounts } from './timeEntries.js';

/** Address of an overage approval: the customer, the statement month it counts in and its id. */
export interface OverageApprovalKey {
  customerId: string;
  /** Statement month "yyyy-MM" whose overage the approval covers. */
  month: string;
  id: string;
}

/** A customer's decision on a request for overage minutes. */
export interface StoredOverageApproval extends OverageApprovalKey {
  /** Overage minutes the consultant asked for. */
  minutes: number;
  decision: OverageDecision;
  /** Name of the approver who decided, set once the decision is not "pending". */
  decidedBy?: string;
  /** Instant of the decision, ISO 8601; set once the decision is not "pending". */
  decidedAt?: string;
  /** Request number such as "HD-2026-0042" that the overage is for. */
  request?: string;
  requestedBy?: string;
  /** Instant of the consultant's request, ISO 8601. */
  requestedAt?: string;
  /** The consultant's note to the approvers. */
  note?: string;
}

/** Result of {@link OverageApprovalRepository.decide}. */
export interface DecisionOutcome {
  /** The approval as stored after the call. */
  approval: StoredOverageApproval;
  /** True when this call stored the decision; false when an earlier decision had already won. */
  decidedNow: boolean;
}

/** Months are the first part of the RowKey "<yyyy-MM>|<id>", so one month of a customer is a range query. */
const ROW_KEY_SEPARATOR = '|';

/** Azure accepts at most 100 operations in one entity group transaction. */
const MAX_TRANSACTION_ACTIONS = 100;

const APPROVAL_ID_PATTERN = /^[0-9A-Za-z-]{1,100}$/;

// Keyed by each decision so the compiler reports a decision that the domain type gains or loses.
const DECISIONS: Record<OverageDecision, true> = { pending: true, approved: true, declined: true };

/**
 * Overage approvals in table "overageApprovals": PartitionKey = encoded customer id, RowKey =
 * "<yyyy-MM>|<id>" with the statement month the approval counts in. The first decision on a pending
 * approval wins: it is written with the ETag of the pending row, and a later decision finds the row decided.
 */
export class OverageApprovalRepository {
  private readonly table: TableClient;
  private readonly retryOptions: ConcurrencyRetryOptions;

  /**
   * @param tables - Table clients from `createStorage`; this repository uses "overageApprovals".
   * @param options - Attempts per decision and a logger for retries.
   */
  constructor(tables: StorageTables, options: ConcurrencyRetryOptions = {}) {
    this.table = tables.overageApprovals;
    this.retryOptions = options;
  }

  /**
   * Inserts a new approval, usually with decision "pending".
   *
   * @throws ConflictError when the customer already has an approval with this month and id.
   * @throws RangeError when the month or id is invalid.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async create(approval: StoredOverageApproval): Promise<StoredOverageApproval> {
    const entity = this.toEntity(approval);

    try {
      await callTable(this.table, 'createEntity', () => this.table.createEntity(entity));
      return approval;
    } catch (error) {
      if (isConflict(error)) {
        throw new ConflictError(`${this.describe(approval)} already exists`, { cause: error });
      }
      throw error;
    }
  }

  /**
   * Inserts approvals and treats one that already exists with the same fields as done, so that a
   * repeated import adds nothing. Approvals of one customer are written in transactions of up to 100 rows.
   * When a transaction fails because a row exists, that chunk is written row by row.
   *
   * NOTE: only each transaction is atomic. When a later chunk fails, the earlier chunks stay stored, and
   * running the same insert again completes it.
   *
   * @throws ConflictError naming an approval that exists with different fields.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async insertAll(approvals: readonly StoredOverageApproval[]): Promise<InsertCounts> {
    const counts: InsertCounts = { created: 0, unchanged: 0 };

    const byCustomer = new Map<string, StoredOverageApproval[]>();
    for (const approval of approvals) {
      byCustomer.set(approval.customerId, [...(byCustomer.get(approval.customerId) ?? []), approval]);
    }

    for (const customerApprovals of byCustomer.values()) {
      for (let start = 0; start < customerApprovals.length; start += MAX_TRANSACTION_ACTIONS) {
        const chunk = customerApprovals.slice(start, start + MAX_TRANSACTION_ACTIONS);
        const actions = chunk.map((approval): TransactionAction => ['create', this.toEntity(approval)]);

        try {
          await callTable(this.table, 'submitTransaction', () => this.table.submitTransaction(actions));
          counts.created += chunk.length;
        } catch (error) {
          if (!isConflict(error)) {
            throw error;
          }
          for (const approval of chunk) {
            const created = await this.createUnlessIdentical(approval);
            counts[created ? 'created' : 'unchanged'] += 1;
          }
        }
      }
    }

    return counts;
  }

  /** Returns the approval, or undefined when there is none. */
  async get(key: OverageApprovalKey): Promise<StoredOverageApproval | undefined> {
    const row = await this.readRow(key);
    return row === undefined ? undefined : this.toApproval(row);
  }

  /** Returns the customer's approvals from `firstMonth` to `lastMonth`, both included, ordered by month and id. */
  async listMonths(customerId: string, firstMonth: string, lastMonth: string): Promise<StoredOverageApproval[]> {
    assertMonthKey(firstMonth);
    assertMonthKey(lastMonth);
    const partitionKey = encodeKey(customerId);
    // "}" follows "|", so "<lastMonth>}" is above every RowKey of the last month.
    const from = `${firstMonth}${ROW_KEY_SEPARATOR}`;
    const to = `${lastMonth}}`;

    const rows = await callTable(this.table, 'listEntities', async () => {
      const found: StoredRow[] = [];
      const filter = odata`PartitionKey eq ${partitionKey} and RowKey gt ${from} and RowKey lt ${to}`;
      for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
        found.push(row);
      }
      return found;
    });
    return rows.map((row) => this.toApproval(row));
  }

  /**
   * Stores the decision on a pending approval unless an earlier decision won. Concurrent decisions on the
   * same approval store exactly one, because each is written with the ETag of the pending row it read.
   *
   * @param decidedAt - Instant of the decision.
   * @returns The stored approval and whether this call decided it.
   * @throws EntityNotFoundError when the approval does not exist.
   * @throws OptimisticConcurrencyError when every attempt lost the race.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async decide(
    key: OverageApprovalKey,
    decision: Exclude<OverageDecision, 'pending'>,
    decidedBy: string,
    decidedAt: Date,
  ): Promise<DecisionOutcome> {
    return retryOnConcurrentChange(
      this.describe(key),
      async () => {
        const row = await this.readRow(key);
        if (row === undefined) {
          throw new EntityNotFoundError(`${this.describe(key)} not found`);
        }

        const current = this.toApproval(row);
        if (current.decision !== 'pending') {
          return { approval: current, decidedNow: false };
        }

        const decided: StoredOverageApproval = { ...current, decision, decidedBy, decidedAt: decidedAt.toISOString() };
        await callTable(this.table, 'updateEntity', () =>
          this.table.updateEntity(this.toEntity(decided), 'Replace', { etag: row.etag }),
        );
        return { approval: decided, decidedNow: true };
      },
      this.retryOptions,
    );
  }

  /** Creates one approval; returns false when it already exists with the same fields. */
  private async createUnlessIdentical(approval: StoredOverageApproval): Promise<boolean> {
    try {
      await callTable(this.table, 'createEntity', () => this.table.createEntity(this.toEntity(approval)));
      return true;
    } catch (error) {
      if (!isConflict(error)) {
        throw error;
      }
    }

    const stored = await this.get(approval);
    if (stored !== undefined && hasSameApprovalFields(stored, approval)) {
      return false;
    }
    throw new ConflictError(`${this.describe(approval)} already exists with other fields; it was not overwritten`);
  }

  private async readRow(key: OverageApprovalKey): Promise<StoredRow | undefined> {
    return findRow(this.table, encodeKey(key.customerId), rowKeyOf(key));
  }

  private describe(key: OverageApprovalKey): string {
    return `Overage approval "${key.id}" of customer "${key.customerId}" for ${key.month} (table "${this.table.tableName}")`;
  }

  private toEntity(approval: StoredOverageApproval) {
    const entity = {
      partitionKey: encodeKey(approval.customerId),
      rowKey: rowKeyOf(approval),
      month: approval.month,
      minutes: approval.minutes,
      decision: approval.decision,
      ...definedColumns({
        decidedBy: approval.decidedBy,
        decidedAt: approval.decidedAt,
        request: approval.request,
        requestedBy: approval.requestedBy,
        requestedAt: approval.requestedAt,
        note: approval.note,
      }),
    };
    assertRowSize(entity, this.table.tableName);
    return entity;
  }

  private toApproval(row: StoredRow): StoredOverageApproval {
    const columns = new RowReader(row, this.table.tableName);
    const month = columns.string('month');
    return {
      customerId: columns.partitionKey(),
      month,
      id: columns.rowKey().slice(month.length + ROW_KEY_SEPARATOR.length),
      minutes: columns.number('minutes'),
      decision: columns.oneOf('decision', Object.keys(DECISIONS) as OverageDecision[]),
      ...omitUndefined({
        decidedBy: columns.optionalString('decidedBy'),
        decidedAt: columns.optionalString('decidedAt'),
        request: columns.optionalString('request'),
        requestedBy: columns.optionalString('requestedBy'),
        requestedAt: columns.optionalString('requestedAt'),
        note: columns.optionalString('note'),
      }),
    };
  }
}

/**
 * Returns whether two approvals have the same month, minutes, decision, decider, decision instant and request.
 * Who requested the overage and when do not count.
 */
export function hasSameApprovalFields(left: StoredOverageApproval, right: StoredOverageApproval): boolean {
  return (
    left.month === right.month &&
    left.minutes === right.minutes &&
    left.decision === right.decision &&
    left.decidedBy === right.decidedBy &&
    left.decidedAt === right.decidedAt &&
    left.request === right.request
  );
}

function rowKeyOf(key: OverageApprovalKey): string {
  assertMonthKey(key.month);
  if (!APPROVAL_ID_PATTERN.test(key.id)) {
    throw new RangeError(`Invalid overage approval id "${key.id}": expected 1 to 100 letters, digits and dashes`);
  }
  return `${key.month}${ROW_KEY_SEPARATOR}${key.id}`;
}

function assertMonthKey(month: string): void {
  try {
    assertMonth(month);
  } catch (error) {
    throw new RangeError((error as Error).message, { cause: error });
  }
}
