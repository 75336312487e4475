import { z } from '../openApiZod.js';
import { defineRoute, type AnyApiRoute } from '../route.js';

/** The signed-in consultant as the tab shows it. */
export const MeSchema = z
  .object({
    name: z.string().openapi({ example: 'Hotline Desk' }),
    tenantId: z.string().uuid(),
    language: z.enum(['de', 'en']).openapi({ description: 'Configured language of the consultant; the tab follows the Teams locale when they differ' }),
    timeZone: z
      .string()
      .openapi({ description: 'IANA time zone of the business calendar (DESK_TIME_ZONE), in which the tab shows dates and times', example: 'Europe/Berlin' }),
  })
  .openapi('Me');

/** Routes about the signed-in consultant. */
export const meRoutes: AnyApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/me',
    summary: 'Returns the signed-in consultant and the time zone of the business calendar',
    tag: 'Consultant',
    response: MeSchema,
    handler: async ({ consultant, services }) => ({
      name: consultant.name,
      tenantId: consultant.tenantId,
      language: consultant.language,
      timeZone: services.timeZone,
    }),
  }),
];
