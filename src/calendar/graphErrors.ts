import { GraphError } from '@microsoft/microsoft-graph-client';

import {
  CalendarAccessError,
  CalendarError,
  CalendarEventNotFoundError,
  CalendarRequestError,
  CalendarUnavailableError,
} from './calendarErrors.js';

/** Error names of @azure/identity that mean the app could not sign in. */
const SIGN_IN_ERROR_NAMES = new Set(['AuthenticationError', 'CredentialUnavailableError', 'AuthenticationRequiredError']);

/** Error names of a request that timed out or could not reach the server (fetch, AbortSignal.timeout). */
const NETWORK_ERROR_NAMES = new Set(['TypeError', 'TimeoutError', 'AbortError', 'FetchError']);

/** HTTP statuses that mean Graph is overloaded or down rather than rejecting the request. */
const UNAVAILABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Turns an error of the Graph client into a typed calendar error.
 *
 * @param action - What was attempted, e.g. `create the event for transaction "t-1"`.
 * @param mailbox - Mailbox the request was for.
 * @param eventRequest - Whether the request addressed one event, so that 404 means the event is gone.
 */
export function toCalendarError(error: unknown, action: string, mailbox: string, eventRequest: boolean): CalendarError {
  if (error instanceof CalendarError) {
    return error;
  }

  const statusCode = error instanceof GraphError ? error.statusCode : undefined;
  const code = error instanceof GraphError ? (error.code ?? undefined) : (error as Error | undefined)?.name;
  const detail = `${statusCode !== undefined && statusCode > 0 ? `HTTP ${statusCode} ` : ''}${code ?? ''}: ${(error as Error)?.message ?? String(error)}`;
  const options = { statusCode: statusCode !== undefined && statusCode > 0 ? statusCode : undefined, code, cause: error };

  if (statusCode !== undefined && UNAVAILABLE_STATUSES.has(statusCode)) {
    return new CalendarUnavailableError(
      `Microsoft Graph is unavailable: could not ${action} in mailbox "${mailbox}" (${detail}). Try again later.`,
      options,
    );
  }
  if (statusCode === 401 || statusCode === 403 || (code !== undefined && SIGN_IN_ERROR_NAMES.has(code))) {
    return new CalendarAccessError(
      `Access to mailbox "${mailbox}" was denied: could not ${action} (${detail}). ` +
        'Check GRAPH_TENANT_ID, GRAPH_CLIENT_ID, SECRET_GRAPH_CLIENT_SECRET and the Calendars.ReadWrite application permission.',
      options,
    );
  }
  if (statusCode === 404 && eventRequest) {
    return new CalendarEventNotFoundError(`Could not ${action} in mailbox "${mailbox}": the event was not found (${detail})`, options);
  }
  if ((statusCode === undefined || statusCode <= 0) && code !== undefined && NETWORK_ERROR_NAMES.has(code)) {
    return new CalendarUnavailableError(
      `Microsoft Graph could not be reached: could not ${action} in mailbox "${mailbox}" (${detail}). Try again later.`,
      options,
    );
  }
  return new CalendarRequestError(`Microsoft Graph rejected the request to ${action} in mailbox "${mailbox}" (${detail})`, options);
}
