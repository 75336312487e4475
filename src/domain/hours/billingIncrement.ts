/**
 * Rounds one time entry's recorded minutes up to the next multiple of the billing increment.
 * Zero minutes stay zero.
 *
 * @param minutes Recorded minutes of one entry, a non-negative integer.
 * @param incrementMinutes Billing increment, a positive integer (catalog `billingIncrementMinutes`).
 * @throws Error naming the invalid minutes or increment.
 */
export function roundUpToIncrement(minutes: number, incrementMinutes: number): number {
  if (!Number.isInteger(incrementMinutes) || incrementMinutes <= 0) {
    throw new Error(`Invalid billing increment ${incrementMinutes}; expected a positive whole number of minutes`);
  }
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new Error(`Invalid time entry of ${minutes} minutes; expected a non-negative whole number`);
  }

  return Math.ceil(minutes / incrementMinutes) * incrementMinutes;
}
