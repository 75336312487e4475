import { useCallback } from 'react';
import { useApi } from '../../api/apiContext.js';
import { listCustomers } from '../../api/customers.js';
import type { CustomerSummary } from '../../api/types.js';
import { useLoaded, type Loaded } from './useLoaded.js';

/** Loads the customers for a customer picker, ordered by name as the API lists them. */
export function useCustomerList(): Loaded<CustomerSummary[]> {
  const api = useApi();
  return useLoaded(useCallback(() => listCustomers(api), [api]));
}
