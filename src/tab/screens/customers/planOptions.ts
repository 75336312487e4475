import type { PlanId } from '../../../domain/catalog.js';
import type { CustomerRecord } from '../../api/customers.js';
import type { Language } from '../../i18n/index.js';

// Keyed by each plan id of the catalog schema, so the compiler reports a plan id missing here.
const PLAN_ORDER: Record<PlanId, number> = { bronze: 1, silver: 2, gold: 3, starter: 4, professional: 5, enterprise: 6 };

/** A plan the customer dialog offers. */
export interface PlanOption {
  id: string;
  name: string;
}

/**
 * Returns the plans in catalog order, named as the listed customers' plans are; a plan that no customer
 * has yet shows its id.
 * TODO: the API has no route for the service catalog, so the names of unused plans and any plan beyond
 * the catalog schema's ids are unknown to the tab.
 */
export function planOptions(customers: readonly CustomerRecord[], language: Language): PlanOption[] {
  const names = new Map(customers.map((customer) => [customer.planId, customer.planName[language]]));
  return (Object.keys(PLAN_ORDER) as PlanId[])
    .sort((a, b) => PLAN_ORDER[a] - PLAN_ORDER[b])
    .map((id) => ({ id, name: names.get(id) ?? id }));
}
