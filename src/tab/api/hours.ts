import type { z } from 'zod';
import type { HoursOverviewSchema } from '../../api/routes/hours.js';
import type { ApiClient } from './client.js';

/** A customer's pool of hours in one month (GET /api/tab/hours). Every duration is in whole minutes. */
export type HoursOverview = z.infer<typeof HoursOverviewSchema>;

/**
 * Loads a customer's pool of hours in a month "yyyy-MM". The API rejects a month before the contract start
 * with 422.
 */
export function loadHours(api: ApiClient, customerId: string, month: string): Promise<HoursOverview> {
  return api.get<HoursOverview>('/hours', { customerId, month });
}
