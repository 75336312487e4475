import type { Entitlement } from '../catalog.js';

/** Bookings an entitlement grants per period. Unused ones do not carry over. */
export const BOOKINGS_PER_PERIOD = 1;

/**
 * Returns how many bookings of an entitlement are still open in one period: 1 or 0.
 *
 * The allowance is per period and not cumulative, so a check-in skipped last week
 * does not add one to this week.
 *
 * @param bookingsInPeriod Bookings of this entitlement that are held or planned in the
 *   period, without cancelled ones.
 * @throws Error naming the value when `bookingsInPeriod` is not a non-negative whole number.
 */
export function entitlementLeft(entitlement: Entitlement, bookingsInPeriod: number): number {
  if (!Number.isInteger(bookingsInPeriod) || bookingsInPeriod < 0) {
    throw new Error(
      `Invalid bookingsInPeriod ${bookingsInPeriod} for entitlement "${entitlement.kind}": expected a non-negative whole number`,
    );
  }
  return Math.max(0, BOOKINGS_PER_PERIOD - bookingsInPeriod);
}
