const MINUTES_PER_HOUR = 60;

/**
 * Divides two non-negative integers and rounds the quotient half up, in exact integer arithmetic.
 *
 * @throws Error naming the operand that is not a non-negative safe integer, or a zero denominator.
 */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || numerator < 0) {
    throw new Error(`Invalid numerator ${numerator}; expected a non-negative safe integer`);
  }
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new Error(`Invalid denominator ${denominator}; expected a positive safe integer`);
  }

  const quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  return 2 * remainder >= denominator ? quotient + 1 : quotient;
}

/**
 * Computes the price of billed minutes at an hourly rate, rounded half up to the cent.
 *
 * @param minutes Billed minutes, a non-negative integer.
 * @param hourlyRateCents Price of one hour in euro cents.
 */
export function priceForMinutes(minutes: number, hourlyRateCents: number): number {
  return divideRoundHalfUp(minutes * hourlyRateCents, MINUTES_PER_HOUR);
}

/**
 * Computes the VAT on a net total, rounded half up to the cent.
 *
 * @param netCents Net total in euro cents.
 * @param vatPercent VAT rate in percent with at most two decimals, e.g. 19 or 7.5.
 * @throws Error naming a negative rate or one with more than two decimals.
 */
export function vatCentsOf(netCents: number, vatPercent: number): number {
  const basisPoints = Math.round(vatPercent * 100);
  if (vatPercent < 0 || Math.abs(basisPoints - vatPercent * 100) > 1e-9) {
    throw new Error(`Invalid VAT rate ${vatPercent} %; expected a non-negative percentage with at most two decimals`);
  }

  return divideRoundHalfUp(netCents * basisPoints, 10_000);
}
