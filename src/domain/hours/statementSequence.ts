import type { Catalog, PlanId } from '../catalog.js';
import { computeMonthStatement, type MonthStatement } from './monthStatement.js';
import { assertMonth, nextMonth } from './month.js';
import type { OverageApproval, TimeEntry } from './statementInput.js';

/** One month of a statement sequence. */
export interface SequenceMonth {
  /** Calendar month "yyyy-MM", directly after the previous month of the sequence. */
  month: string;
  entries: readonly TimeEntry[];
  approvals: readonly OverageApproval[];
}

/** Consecutive months of one customer on one plan. */
export interface StatementSequenceInput {
  catalog: Catalog;
  planId: PlanId;
  months: readonly SequenceMonth[];
  /** Lot rolled into the first month, 0 unless the sequence continues an earlier one. */
  initialRolloverInMinutes?: number;
}

/**
 * Computes the statements of consecutive months, where each month's `rolloverOutMinutes` becomes
 * the next month's `rolloverInMinutes`.
 *
 * @throws Error naming a month that does not directly follow the one before it (include months
 *   without entries instead of skipping them, because a lot is valid in the next month only), and
 *   every error of `computeMonthStatement`.
 */
export function computeStatementSequence(input: StatementSequenceInput): MonthStatement[] {
  const statements: MonthStatement[] = [];
  let rolloverInMinutes = input.initialRolloverInMinutes ?? 0;
  let expectedMonth: string | undefined;

  for (const sequenceMonth of input.months) {
    assertMonth(sequenceMonth.month);
    if (expectedMonth !== undefined && sequenceMonth.month !== expectedMonth) {
      throw new Error(
        `Month ${sequenceMonth.month} does not follow the previous month in the sequence; expected ${expectedMonth}`,
      );
    }

    const statement = computeMonthStatement({
      catalog: input.catalog,
      planId: input.planId,
      month: sequenceMonth.month,
      entries: sequenceMonth.entries,
      approvals: sequenceMonth.approvals,
      rolloverInMinutes,
    });
    statements.push(statement);

    rolloverInMinutes = statement.rolloverOutMinutes;
    expectedMonth = nextMonth(sequenceMonth.month);
  }

  return statements;
}
