import { useCallback } from 'react';
import type { ApiClient } from '../../api/client.js';
import { useApi } from '../../api/apiContext.js';
import { useCustomerList } from './useCustomerList.js';
import { useCustomerMonth } from './useCustomerMonth.js';
import { useLoaded } from './useLoaded.js';

/**
 * Loads the customer list, keeps the chosen customer and month, and loads that customer's month with `load`
 * whenever either changes. Nothing loads while no customer is chosen. `load` must keep its identity across
 * renders, as a module-level function does.
 */
export function useCustomerMonthData<Data>(load: (api: ApiClient, customerId: string, month: string) => Promise<Data>) {
  const api = useApi();
  const customers = useCustomerList();
  const { customerId, month, picker } = useCustomerMonth(customers.data);
  const loaded = useLoaded(
    useCallback(() => (customerId === undefined ? undefined : load(api, customerId, month)), [api, customerId, month, load]),
  );
  return { customers, customerId, picker, loaded };
}
