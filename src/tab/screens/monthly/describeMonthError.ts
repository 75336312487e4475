import { ApiError } from '../../api/apiError.js';
import { describeError } from '../../components/describeError.js';
import type { TabMessages } from '../../i18n/index.js';

/**
 * Returns the text for a failed load of a monthly view. A 422 on `query.month` means the month lies before
 * the customer's contract start; the API names the first month with data, which the text repeats.
 */
export function describeMonthError(error: unknown, messages: TabMessages): string {
  if (error instanceof ApiError && error.status === 422) {
    const issue = error.body?.issues?.find((candidate) => candidate.field === 'query.month');
    const firstMonth = /\d{4}-\d{2}/.exec(issue?.message ?? '')?.[0];
    if (issue !== undefined) return messages.monthly.beforeContract(firstMonth ?? messages.common.none);
  }
  if (error instanceof ApiError && (error.status === 404 || error.body?.code === 'customerNotFound')) {
    return messages.monthly.customerNotFound;
  }
  return describeError(error, messages);
}
