import { ApiFailure } from '../apiFailure.js';
import { z } from '../openApiZod.js';
import { MonthBeforeContractError } from '../../services/statementService.js';

/** A calendar month "yyyy-MM" in the business time zone. */
export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected a month "yyyy-MM", e.g. "2026-11"')
  .openapi({ example: '2026-11', description: 'Calendar month "yyyy-MM" in the business time zone' });

/** A customer id as the customers table stores it. */
export const CustomerIdSchema = z.string().min(1).max(64).openapi({ example: 'fabrikam' });

/** Query of the per-customer month views: hours and statements. */
export const CustomerMonthQuerySchema = z.object({ customerId: CustomerIdSchema, month: MonthSchema });

/**
 * Runs a service call for a customer's month and turns a month before the contract start into a 422 failure
 * on `query.month`. Every other error passes to the router.
 */
export async function forCustomerMonth<T>(call: () => Promise<T>): Promise<T | ApiFailure> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof MonthBeforeContractError)) throw error;
    return new ApiFailure('unprocessable', 'The month lies before the contract start of the customer', [
      {
        field: 'query.month',
        code: 'beforeContractStart',
        params: { contractStart: error.contractStart.slice(0, 7) },
        message: `Choose ${error.contractStart.slice(0, 7)} or later`,
      },
    ]);
  }
}
