import { ApiError } from '../../api/apiError.js';
import { describeError } from '../../components/describeError.js';
import type { TabMessages } from '../../i18n/index.js';

/**
 * Returns the text for a failed load of a monthly view. A 422 on `query.month` means the month lies before
 * the customer's contract start. The text repeats the first month with data, which the API sends in
 * `params.contractStart`.
 */
export function describeMonthError(error: unknown, messages: TabMessages): string {
  if (error instanceof ApiError && error.status === 422) {
    const issue = error.body?.issues?.find((candidate) => candidate.field === 'query.month');
    const firstMonth = issue?.params?.['contractStart'];
    if (issue !== undefined) return messages.monthly.beforeContract(firstMonth === undefined ? messages.common.none : String(firstMonth));
  }
  if (error instanceof ApiError && (error.status === 404 || error.body?.code === 'customerNotFound')) {
    return messages.monthly.customerNotFound;
  }
  return describeError(error, messages);
}
