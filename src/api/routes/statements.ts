import { statementToCsv } from '../../cli/csvStatement.js';
import type { CustomerMonthStatement, StatementService } from '../../services/statementService.js';
import { ApiFileResponse } from '../apiFile.js';
import { z } from '../openApiZod.js';
import { defineRoute, type AnyApiRoute } from '../route.js';
import { UsedByTypeSchema } from './hours.js';
import { CustomerMonthQuerySchema, forCustomerMonth } from './monthQuery.js';
import { SlaComplianceSchema } from './slaReport.js';

const minutes = z.number().int().nonnegative();
const cents = z.number().int();

/** One line of a statement. The amounts of all lines add up to the net total. */
export const StatementLineSchema = z
  .object({
    descriptionKey: z.enum(['monthlyFee', 'overage', 'projectWork', 'onSiteDays', 'emergencyBaseFee', 'emergencyTime']),
    quantity: z.number().int().nonnegative(),
    unit: z.enum(['month', 'minute', 'day', 'emergency']),
    unitPriceCents: cents,
    priceUnit: z.enum(['month', 'hour', 'day', 'emergency']),
    amountCents: cents,
    reference: z.string().optional().openapi({ description: 'Emergency id on emergency lines' }),
  })
  .openapi('StatementLine');

/** Bonus calls held in the month, in total and per entitlement kind. */
export const BonusCallsHeldSchema = z
  .object({
    count: z.number().int().nonnegative(),
    byKind: z.object({
      'check-in': z.number().int().nonnegative(),
      'proactive-call': z.number().int().nonnegative(),
      'strategy-meeting': z.number().int().nonnegative(),
      'roadmap-review': z.number().int().nonnegative(),
    }),
  })
  .openapi('BonusCallsHeld');

/** A customer's monthly statement: durations in whole minutes, amounts in euro cents (net unless VAT or gross). */
export const StatementSchema = z
  .object({
    customerId: z.string(),
    month: z.string(),
    planId: z.string(),
    billingIncrementMinutes: z.number().int().positive(),
    billableMinutes: minutes,
    includedMinutes: minutes,
    includedUsedMinutes: minutes,
    ownUsedMinutes: minutes,
    rolloverInMinutes: minutes,
    rolledLotUsedMinutes: minutes,
    rolledLotExpiredMinutes: minutes,
    rolloverOutMinutes: minutes,
    availableMinutes: minutes,
    overageMinutes: minutes,
    overageApprovedMinutes: minutes,
    overageBilledMinutes: minutes,
    unapprovedOverageMinutes: minutes,
    emergencyCount: z.number().int().nonnegative(),
    emergencyBillableMinutes: minutes,
    onSiteDays: z.number().int().nonnegative(),
    feeCents: cents,
    overageCents: cents,
    emergencyCents: cents,
    projectCents: cents,
    onSiteCents: cents,
    netCents: cents,
    vatCents: cents,
    grossCents: cents,
    usedByType: UsedByTypeSchema,
    lines: z.array(StatementLineSchema),
    // Optional in the type because billing-only statements lack them, but this API always sends both.
    slaCompliance: SlaComplianceSchema.optional(),
    bonusCallsHeld: BonusCallsHeldSchema.optional(),
  })
  .openapi('Statement');

/** Media type of the CSV download. */
const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * Builds the CSV download of a statement: the same text as `desk statement --format csv` (UTF-8 with byte order
 * mark, ";" separated, decimal comma) under the file name "Abrechnung_<customer>_<yyyy-MM>.csv".
 */
async function statementCsvFile(statements: StatementService, customerId: string, month: string): Promise<ApiFileResponse> {
  const statement = await statements.monthStatement(customerId, month);
  return new ApiFileResponse(CSV_CONTENT_TYPE, `Abrechnung_${customerId}_${month}.csv`, statementToCsv(statement, statements.vatPercent));
}

/** Routes of the monthly statement. */
export const statementRoutes: AnyApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/statements',
    summary: "Returns a customer's monthly statement",
    description:
      'The same statement as `desk statement --format json`, with SLA compliance and bonus calls held. ' +
      'With format=csv the response is the CSV download of GET /statements.csv instead.',
    tag: 'Statements',
    request: {
      query: CustomerMonthQuerySchema.extend({
        format: z.enum(['json', 'csv']).default('json').openapi({ description: 'json (default) or csv' }),
      }),
    },
    response: StatementSchema,
    errors: ['notFound', 'unprocessable'],
    handler: async ({ query, services }) =>
      forCustomerMonth<CustomerMonthStatement | ApiFileResponse>(() =>
        query.format === 'csv'
          ? statementCsvFile(services.statements, query.customerId, query.month)
          : services.statements.monthStatement(query.customerId, query.month),
      ),
  }),
  defineRoute({
    method: 'get',
    path: '/statements.csv',
    summary: "Downloads a customer's monthly statement as CSV",
    description:
      'The same file as `desk statement --format csv`: UTF-8 with byte order mark, ";" separated, decimal comma, ' +
      'sent as attachment "Abrechnung_<customer>_<yyyy-MM>.csv".',
    tag: 'Statements',
    request: { query: CustomerMonthQuerySchema },
    response: z.string().openapi({ description: 'CSV text' }),
    fileContentType: 'text/csv',
    errors: ['notFound', 'unprocessable'],
    handler: async ({ query, services }) =>
      forCustomerMonth(() => statementCsvFile(services.statements, query.customerId, query.month)),
  }),
];
