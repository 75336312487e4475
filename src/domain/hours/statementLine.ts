import { priceForMinutes } from './money.js';

/** Key naming the charge on a statement line, translated by the tab and the CSV export. */
export type StatementLineKey =
  | 'monthlyFee'
  | 'overage'
  | 'projectWork'
  | 'onSiteDays'
  | 'emergencyBaseFee'
  | 'emergencyTime';

/** Unit of a line's quantity. Time lines count billed minutes. */
export type QuantityUnit = 'month' | 'minute' | 'day' | 'emergency';

/** Unit that a line's unit price refers to. Time lines are priced per hour and billed per minute. */
export type PriceUnit = 'month' | 'hour' | 'day' | 'emergency';

/** One line of a monthly statement. The amounts of all lines add up to the net total. */
export interface StatementLine {
  descriptionKey: StatementLineKey;
  quantity: number;
  unit: QuantityUnit;
  /** Price in euro cents of one `priceUnit`. */
  unitPriceCents: number;
  priceUnit: PriceUnit;
  /** Net amount in euro cents, rounded half up to the cent. */
  amountCents: number;
  /** Emergency id on emergency lines, so that each emergency shows separately. */
  reference?: string;
}

/**
 * Builds a line for billed minutes at an hourly rate, with the amount rounded half up to the cent.
 */
export function timeLine(
  descriptionKey: StatementLineKey,
  minutes: number,
  hourlyRateCents: number,
  reference?: string,
): StatementLine {
  return {
    descriptionKey,
    quantity: minutes,
    unit: 'minute',
    unitPriceCents: hourlyRateCents,
    priceUnit: 'hour',
    amountCents: priceForMinutes(minutes, hourlyRateCents),
    ...(reference === undefined ? {} : { reference }),
  };
}

/** Builds a line for a count of months, days or emergencies at a fixed price each. */
export function countLine(
  descriptionKey: StatementLineKey,
  quantity: number,
  unit: 'month' | 'day' | 'emergency',
  unitPriceCents: number,
  reference?: string,
): StatementLine {
  return {
    descriptionKey,
    quantity,
    unit,
    unitPriceCents,
    priceUnit: unit,
    amountCents: quantity * unitPriceCents,
    ...(reference === undefined ? {} : { reference }),
  };
}
