import { z } from '../openApiZod.js';
import { defineRoute, type AnyApiRoute } from '../route.js';
import { CustomerIdSchema, MonthSchema } from './monthQuery.js';

const count = z.number().int().nonnegative();

/** SLA compliance of one month. A request counts in the month in which its callback deadline falls. */
export const SlaComplianceSchema = z
  .object({
    month: z.string(),
    requestCount: count.openapi({ description: 'Requests whose deadline falls in the month, pending ones included' }),
    decidedCount: count.openapi({ description: 'Met plus missed requests, the basis of metPercent' }),
    metCount: count.openapi({ description: 'First contact at or before the deadline' }),
    missedCount: count.openapi({ description: 'First contact after the deadline, or none once the deadline passed' }),
    pendingCount: count.openapi({ description: 'No first contact yet and the deadline still ahead' }),
    metPercent: z.number().nullable().openapi({ description: 'Met in percent of decided, one decimal; null without decided requests' }),
    callbackCount: count.openapi({ description: 'Requests with a first contact, the basis of the median' }),
    medianCallbackMinutes: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'First contact minus opening in whole minutes; the mean of the two middle values for an even count' }),
  })
  .openapi('SlaCompliance');

/** One customer's row of the SLA report. */
export const CustomerSlaComplianceSchema = SlaComplianceSchema.extend({
  customerId: z.string(),
  customerName: z.string(),
}).openapi('CustomerSlaCompliance');

/** The SLA report of one month. */
export const SlaReportSchema = z
  .object({ month: z.string(), customers: z.array(CustomerSlaComplianceSchema) })
  .openapi('SlaReport');

/** Routes of the SLA report. */
export const slaReportRoutes: AnyApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/sla-report',
    summary: 'Returns the share of callbacks in time and the median callback time per customer in one month',
    tag: 'SLA',
    request: { query: z.object({ month: MonthSchema, customerId: CustomerIdSchema.optional() }) },
    response: SlaReportSchema,
    errors: ['notFound'],
    handler: async ({ query, services }) => ({
      month: query.month,
      customers: await services.slaReports.monthReport(query.month, query.customerId),
    }),
  }),
];
