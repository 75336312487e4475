import { DateTime } from 'luxon';

/**
 * Returns the first local date after the minimum term: the contract start plus `minimumTermMonths`
 * calendar months ("2026-01-31" plus 1 month is "2026-02-28"), or undefined for a plan without a minimum term.
 *
 * @throws RangeError naming a contract start that is not a valid "yyyy-MM-dd" date.
 */
export function minimumTermEnd(contractStart: string, minimumTermMonths: number | null): string | undefined {
  const start = DateTime.fromFormat(contractStart, 'yyyy-MM-dd', { zone: 'UTC' });
  if (!start.isValid) throw new RangeError(`Invalid contract start "${contractStart}": expected a date "yyyy-MM-dd"`);
  if (minimumTermMonths === null) return undefined;
  return start.plus({ months: minimumTermMonths }).toFormat('yyyy-MM-dd');
}
