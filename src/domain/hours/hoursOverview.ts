import type { TimeType } from '../catalog.js';
import { crossedHoursThresholds, HOURS_WARNING_THRESHOLDS_PERCENT } from './hoursWarnings.js';
import { divideRoundHalfUp } from './money.js';
import type { MonthStatement } from './monthStatement.js';

/** A customer's pool of hours in one month, as the tab shows it. Durations are whole minutes. */
export interface HoursOverview {
  month: string;
  /** The plan's own included minutes for the month. */
  includedMinutes: number;
  /** Lot rolled over from the previous month, valid in this month only. */
  rolloverInMinutes: number;
  rolledLotUsedMinutes: number;
  /** Unused part of the rolled-over lot, which expires at the end of the month. */
  rolledLotExpiredMinutes: number;
  ownUsedMinutes: number;
  /** Rolled-over lot plus own included minutes. */
  availableMinutes: number;
  /** Billed minutes of the time types that use the pool, overage included ("Verbraucht gesamt"). */
  usedMinutes: number;
  /** Part of {@link usedMinutes} covered by the rolled-over lot and the own included minutes ("davon aus dem Kontingent"). */
  includedUsedMinutes: number;
  /** Billed minutes per time type, whether the type uses the pool or not. */
  usedByType: Record<TimeType, number>;
  /** Available minutes not used yet. */
  remainingMinutes: number;
  /** Minutes used beyond the available minutes. */
  overageMinutes: number;
  /** Sum of the overage minutes the customer approved in the month. */
  overageApprovedMinutes: number;
  /** Approved overage minutes not used yet. */
  overageApprovedLeftMinutes: number;
  /** Overage minutes without approval, which are not billed. */
  unapprovedOverageMinutes: number;
  /** Used minutes in percent of the available minutes, one decimal, rounded half up; null when nothing is available. */
  percentUsed: number | null;
  /** Highest warning threshold (80 or 100 %) that the usage has reached, or null below the first one. */
  warningThresholdPercent: number | null;
}

/**
 * Derives the hours overview from a month's statement, so the tab's hours view and the statement always agree.
 * The warning threshold is the highest one that {@link crossedHoursThresholds} reports for a usage rising
 * from zero to the month's usage.
 */
export function hoursOverviewOf(statement: MonthStatement): HoursOverview {
  const reached = crossedHoursThresholds(
    {
      availableMinutes: statement.availableMinutes,
      previousUsedMinutes: 0,
      currentUsedMinutes: statement.billableMinutes,
    },
    HOURS_WARNING_THRESHOLDS_PERCENT,
  );

  return {
    month: statement.month,
    includedMinutes: statement.includedMinutes,
    rolloverInMinutes: statement.rolloverInMinutes,
    rolledLotUsedMinutes: statement.rolledLotUsedMinutes,
    rolledLotExpiredMinutes: statement.rolledLotExpiredMinutes,
    ownUsedMinutes: statement.ownUsedMinutes,
    availableMinutes: statement.availableMinutes,
    usedMinutes: statement.billableMinutes,
    includedUsedMinutes: statement.includedUsedMinutes,
    usedByType: { ...statement.usedByType },
    remainingMinutes: statement.availableMinutes - statement.includedUsedMinutes,
    overageMinutes: statement.overageMinutes,
    overageApprovedMinutes: statement.overageApprovedMinutes,
    overageApprovedLeftMinutes: statement.overageApprovedMinutes - statement.overageBilledMinutes,
    unapprovedOverageMinutes: statement.unapprovedOverageMinutes,
    percentUsed:
      statement.availableMinutes === 0
        ? null
        : divideRoundHalfUp(statement.billableMinutes * 1000, statement.availableMinutes) / 10,
    warningThresholdPercent: reached.length === 0 ? null : Math.max(...reached),
  };
}
