import { z } from '../openApiZod.js';
import { defineRoute, type AnyApiRoute } from '../route.js';

/** The signed-in consultant as the tab shows it. */
export const MeSchema = z
  .object({
    name: z.string().openapi({ example: 'Hotline Desk' }),
    tenantId: z.string().uuid(),
    language: z.enum(['de', 'en']).openapi({ description: 'Configured language of the consultant; the tab follows the Teams locale when they differ' }),
  })
  .openapi('Me');

/** Routes about the signed-in consultant. */
export const meRoutes: AnyApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/me',
    summary: 'Returns the signed-in consultant',
    tag: 'Consultant',
    response: MeSchema,
    handler: async ({ consultant }) => ({
      name: consultant.name,
      tenantId: consultant.tenantId,
      language: consultant.language,
    }),
  }),
];
