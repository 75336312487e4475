import { useEffect, useState } from 'react';
import type { CustomerSummary } from '../../api/types.js';
import { useTimeZone } from '../../i18n/timeZone.js';
import { monthOf } from './month.js';

/**
 * Keeps the chosen customer and month of a monthly view in state. The month starts as the current month in the
 * business time zone. The customer becomes the first listed one once the list arrives, unless
 * `startWithoutCustomer` keeps the choice empty (for "all customers").
 */
export function useCustomerMonth(customers: readonly CustomerSummary[] | undefined, startWithoutCustomer = false) {
  const zone = useTimeZone();
  const [customerId, setCustomerId] = useState<string>();
  const [month, setMonth] = useState(() => monthOf(new Date(), zone));
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    if (touched || startWithoutCustomer || customerId !== undefined) return;
    const first = customers?.[0];
    if (first !== undefined) setCustomerId(first.id);
  }, [customers, customerId, touched, startWithoutCustomer]);

  const chooseCustomer = (id: string | undefined) => {
    setTouched(true);
    setCustomerId(id);
  };

  // The props of a CustomerMonthPicker that shows and changes this choice.
  const picker = { customers: customers ?? [], customerId, onCustomerChange: chooseCustomer, month, onMonthChange: setMonth };

  return { customerId, setCustomerId: chooseCustomer, month, setMonth, picker };
}
