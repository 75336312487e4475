import type { z } from 'zod';
import type { PlanSchema } from '../../api/routes/plans.js';
import type { ApiClient } from './client.js';
import type { Page } from './types.js';

/** A plan of the service catalog (GET /api/tab/plans): names, channels, included minutes, fee in cents and term. */
export type CatalogPlan = z.infer<typeof PlanSchema>;

/** Lists the plans of the service catalog in catalog order. The API returns the whole catalog as one page. */
export async function listPlans(api: ApiClient): Promise<CatalogPlan[]> {
  return (await api.get<Page<CatalogPlan>>('/plans')).items;
}
