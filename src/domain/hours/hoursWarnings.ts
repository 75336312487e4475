/** Usage thresholds, in percent of the available minutes, at which the consultant is warned. */
export const HOURS_WARNING_THRESHOLDS_PERCENT: readonly number[] = [80, 100];

/** A customer's pool usage before and after a change, e.g. a newly logged time entry. */
export interface HoursUsageChange {
  /** Minutes available this month: the rolled-over lot plus the own included minutes. */
  availableMinutes: number;
  /** Billable pool minutes (including overage) before the change. */
  previousUsedMinutes: number;
  /** Billable pool minutes (including overage) after the change. */
  currentUsedMinutes: number;
}

/**
 * Returns the thresholds, ascending, that the usage reached in this change: a threshold counts
 * when the previous usage was below it and the current usage is at or above it. A falling usage
 * crosses nothing. With 0 available minutes, every threshold counts as reached by the first used
 * minute.
 *
 * @param thresholdsPercent Thresholds in percent, by default 80 and 100.
 * @throws Error naming a value that is not a non-negative integer, or a threshold that is not a
 *   positive number.
 */
export function crossedHoursThresholds(
  change: HoursUsageChange,
  thresholdsPercent: readonly number[] = HOURS_WARNING_THRESHOLDS_PERCENT,
): number[] {
  for (const [name, value] of Object.entries(change)) {
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(`Invalid ${name} ${value}; expected a non-negative whole number of minutes`);
    }
  }
  for (const threshold of thresholdsPercent) {
    if (!Number.isFinite(threshold) || threshold <= 0) {
      throw new Error(`Invalid hours warning threshold ${threshold} %; expected a positive percentage`);
    }
  }

  const hasReached = (usedMinutes: number, thresholdPercent: number): boolean =>
    change.availableMinutes === 0 ? usedMinutes > 0 : usedMinutes * 100 >= thresholdPercent * change.availableMinutes;

  return thresholdsPercent
    .filter((threshold) => !hasReached(change.previousUsedMinutes, threshold))
    .filter((threshold) => hasReached(change.currentUsedMinutes, threshold))
    .sort((left, right) => left - right);
}
