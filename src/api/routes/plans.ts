import { PLAN_CHANNELS, type Plan } from '../../domain/catalog.js';
import { z } from '../openApiZod.js';
import { pageSchema } from '../paging.js';
import { defineRoute, type AnyApiRoute } from '../route.js';

/** A plan of the service catalog as the customer dialog offers it. */
export const PlanSchema = z
  .object({
    id: z.string().openapi({ example: 'gold' }),
    name: z.object({ de: z.string(), en: z.string() }).openapi({ example: { de: 'Gold Hotline', en: 'Gold Hotline' } }),
    channels: z
      .array(z.enum(PLAN_CHANNELS))
      .openapi({ description: 'Channels on which customers of the plan reach the consultant' }),
    includedMinutes: z.number().int().openapi({ description: 'Included time per calendar month, in minutes', example: 480 }),
    monthlyFeeCents: z.number().int().openapi({ description: 'Net monthly fee in euro cents', example: 99900 }),
    minimumTermMonths: z.number().int().nullable().openapi({ description: 'Minimum contract term in months; null without one' }),
  })
  .openapi('Plan');

/** Every plan of the catalog in one page, so `nextCursor` is always missing. */
const PlanListSchema = pageSchema(PlanSchema).openapi('PlanList');

function toPlan(plan: Plan): z.input<typeof PlanSchema> {
  return {
    id: plan.id,
    name: plan.name,
    channels: plan.channels,
    includedMinutes: plan.includedMinutes,
    monthlyFeeCents: plan.monthlyFeeCents,
    minimumTermMonths: plan.minimumTermMonths,
  };
}

/** Routes of the service catalog. */
export const planRoutes: AnyApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/plans',
    summary: 'Lists the plans of the service catalog in catalog order',
    description: 'The catalog is loaded from the plans file at start, so the list changes only with a restart.',
    tag: 'Plans',
    response: PlanListSchema,
    handler: async ({ services }) => ({ items: services.catalog.plans.map(toPlan) }),
  }),
];
