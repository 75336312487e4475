import { z } from '../openApiZod.js';
import { defineRoute, type AnyApiRoute } from '../route.js';
import { CustomerMonthQuerySchema, forCustomerMonth } from './monthQuery.js';

const minutes = z.number().int().nonnegative();

/** Billed minutes per time type. */
export const UsedByTypeSchema = z
  .object({ support: minutes, project: minutes, emergency: minutes, 'on-site': minutes })
  .openapi('UsedByType');

/** A customer's pool of hours in one month, with every duration in whole minutes. */
export const HoursOverviewSchema = z
  .object({
    customerId: z.string(),
    month: z.string(),
    includedMinutes: minutes.openapi({ description: "The plan's own included minutes for the month" }),
    rolloverInMinutes: minutes.openapi({ description: 'Lot rolled over from the previous month, valid in this month only' }),
    rolledLotUsedMinutes: minutes,
    rolledLotExpiredMinutes: minutes.openapi({ description: 'Unused part of the lot, which expires at the end of the month' }),
    ownUsedMinutes: minutes,
    availableMinutes: minutes.openapi({ description: 'Rolled-over lot plus own included minutes' }),
    usedMinutes: minutes.openapi({ description: 'Billed minutes of the time types that use the pool, overage included' }),
    includedUsedMinutes: minutes.openapi({ description: 'Part of usedMinutes covered by the rolled-over lot and the included minutes' }),
    usedByType: UsedByTypeSchema,
    remainingMinutes: minutes,
    overageMinutes: minutes,
    overageApprovedMinutes: minutes,
    overageApprovedLeftMinutes: minutes,
    unapprovedOverageMinutes: minutes.openapi({ description: 'Overage without approval, which is not billed' }),
    percentUsed: z.number().nonnegative().nullable().openapi({ description: 'One decimal; null when no minutes are available' }),
    warningThresholdPercent: z
      .number()
      .nullable()
      .openapi({ description: 'Highest warning threshold reached (80 or 100), null below 80 %' }),
  })
  .openapi('HoursOverview');

/** Routes of the hours view. */
export const hoursRoutes: AnyApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/hours',
    summary: "Returns a customer's pool of hours in one month",
    description: 'Computed from the same statement as GET /statements, so both always agree.',
    tag: 'Hours',
    request: { query: CustomerMonthQuerySchema },
    response: HoursOverviewSchema,
    errors: ['notFound', 'unprocessable'],
    handler: async ({ query, services }) =>
      forCustomerMonth(() => services.statements.hoursOverview(query.customerId, query.month)),
  }),
];
