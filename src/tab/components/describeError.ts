import { ApiError } from '../api/apiError.js';
import type { TabMessages } from '../i18n/index.js';

/** Returns the text the tab shows for a failed API call; exception text is never shown. */
export function describeError(error: unknown, messages: TabMessages): string {
  if (!(error instanceof ApiError)) return messages.errors.server;
  if (error.status === 0) return messages.errors.network;
  if (error.status === 400 || error.status === 422) {
    const issues = error.body?.issues?.map((issue) => `${issue.field.replace(/^(body|query|params)\./, '')}: ${issue.message}`);
    return messages.errors.invalidInput(issues && issues.length > 0 ? issues.join('; ') : (error.body?.message ?? ''));
  }
  if (error.status === 404) return messages.errors.notFound;
  if (error.status === 409) return messages.errors.conflict;
  return messages.errors.server;
}
