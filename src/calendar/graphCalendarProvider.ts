import type { TokenCredential } from '@azure/identity';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';

import type { BusyItem } from '../domain/slots/busyTime.js';
import { CalendarEventNotFoundError, CalendarRequestError } from './calendarErrors.js';
import type {
  CalendarProvider,
  CreatedCalendarEvent,
  EventTimeChange,
  NewCalendarEvent,
} from './calendarProvider.js';
import { createGraphClient, type GraphRetrySettings } from './graphClient.js';
import { toGraphDateTime } from './graphDateTime.js';
import { toCalendarError } from './graphErrors.js';
import {
  AVAILABILITY_VIEW_INTERVAL_MINUTES,
  parseScheduleResponse,
  scheduleWindows,
  ScheduleMailboxError,
  ScheduleResponseError,
} from './graphSchedule.js';
import { toWindowsZone } from './timeZoneNames.js';

/** Time limit of one Graph call including the SDK's retries, in milliseconds, when the caller sets none. */
export const DEFAULT_GRAPH_REQUEST_TIMEOUT_MS = 60_000;

/** Options of {@link GraphCalendarProvider}. */
export interface GraphCalendarOptions {
  /** The consultant's mailbox, e.g. "berater@contoso.de"; every request goes to `/users/{mailbox}`. */
  mailbox: string;
  /** IANA zone of the consultant, e.g. "Europe/Berlin": all-day items and event times use it. */
  zone: string;
  /** App-only credential, from `createGraphCredential`. */
  credential: TokenCredential;
  /** Retry settings of the Graph SDK; tests use short delays. */
  retry?: GraphRetrySettings;
  /** Time limit of one call including retries; defaults to {@link DEFAULT_GRAPH_REQUEST_TIMEOUT_MS}. */
  requestTimeoutMs?: number;
  /** Note sent to the attendee with a cancellation. */
  cancellationComment?: string;
  logger?: Logger;
}

/** The part of a created Graph event that this provider reads. */
interface GraphEventResponse {
  id?: unknown;
  onlineMeeting?: { joinUrl?: unknown } | null;
}

/**
 * The consultant's Outlook calendar through Microsoft Graph, app-only, for one mailbox.
 *
 * Free/busy comes from `POST /users/{mailbox}/calendar/getSchedule`. Events are created with a Teams
 * meeting and Graph's `transactionId`, so a create that the SDK retries after 429, 503 or 504 returns the
 * first event. Cancelling uses `POST /events/{id}/cancel` rather than DELETE: cancel is the organizer's
 * action, it sends the attendee a cancellation with our note, and it moves the event to Deleted Items,
 * so a cancellation by mistake can still be looked up.
 */
export class GraphCalendarProvider implements CalendarProvider {
  readonly kind = 'graph';

  private readonly client: Client;
  private readonly userPath: string;
  private readonly requestTimeoutMs: number;

  /** @throws RangeError naming the value when the mailbox is empty or the timeout is not a positive whole number. */
  constructor(private readonly options: GraphCalendarOptions) {
    if (options.mailbox.trim() === '') {
      throw new RangeError('Invalid Graph mailbox "": set GRAPH_MAILBOX to the consultant\'s mailbox');
    }
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_GRAPH_REQUEST_TIMEOUT_MS;
    if (!Number.isInteger(this.requestTimeoutMs) || this.requestTimeoutMs <= 0) {
      throw new RangeError(`Invalid requestTimeoutMs ${this.requestTimeoutMs}: expected a positive whole number of milliseconds`);
    }
    this.client = createGraphClient(options.credential, options.retry, options.logger);
    this.userPath = `/users/${encodeURIComponent(options.mailbox)}`;
  }

  async getBusy(from: Date, to: Date): Promise<BusyItem[]> {
    const items: BusyItem[] = [];
    const responseZone = toWindowsZone(this.options.zone) ?? 'UTC';

    for (const window of scheduleWindows(from, to)) {
      const action = `read free/busy from ${new Date(window.startMs).toISOString()} to ${new Date(window.endMs).toISOString()}`;
      const body = {
        schedules: [this.options.mailbox],
        startTime: toGraphDateTime(new Date(window.startMs), 'UTC'),
        endTime: toGraphDateTime(new Date(window.endMs), 'UTC'),
        availabilityViewInterval: AVAILABILITY_VIEW_INTERVAL_MINUTES,
      };
      const response = await this.call(action, false, () =>
        this.request(`${this.userPath}/calendar/getSchedule`)
          .header('Prefer', `outlook.timezone="${responseZone}"`)
          .post(body),
      );

      try {
        items.push(...parseScheduleResponse(response, this.options.mailbox, window, this.options.zone));
      } catch (error) {
        if (error instanceof ScheduleMailboxError || error instanceof ScheduleResponseError) {
          throw new CalendarRequestError(`Could not ${action} in mailbox "${this.options.mailbox}": ${error.message}`, {
            code: error instanceof ScheduleMailboxError ? error.responseCode : undefined,
            cause: error,
          });
        }
        throw error;
      }
    }
    return items;
  }

  async createEvent(event: NewCalendarEvent): Promise<CreatedCalendarEvent> {
    const action = `create the event for transaction "${event.transactionId}"`;
    const body = {
      subject: event.subject,
      body: { contentType: 'text', content: event.body },
      start: toGraphDateTime(event.start, this.options.zone),
      end: toGraphDateTime(event.end, this.options.zone),
      attendees: [{ emailAddress: { address: event.attendee.email, name: event.attendee.name }, type: 'required' }],
      showAs: 'busy',
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: event.transactionId,
    };

    const created = (await this.call(action, false, () => this.request(`${this.userPath}/events`).post(body))) as
      | GraphEventResponse
      | undefined;

    if (typeof created?.id !== 'string' || created.id === '') {
      throw new CalendarRequestError(`Could not ${action} in mailbox "${this.options.mailbox}": the response has no event id`);
    }
    const joinUrl = created.onlineMeeting?.joinUrl;
    return typeof joinUrl === 'string' && joinUrl !== '' ? { eventId: created.id, joinUrl } : { eventId: created.id };
  }

  async updateEvent(eventId: string, change: EventTimeChange): Promise<void> {
    const body = {
      start: toGraphDateTime(change.start, this.options.zone),
      end: toGraphDateTime(change.end, this.options.zone),
    };
    await this.call(`move event "${eventId}"`, true, () => this.request(this.eventPath(eventId)).patch(body));
  }

  async cancelEvent(eventId: string): Promise<void> {
    const body = { comment: this.options.cancellationComment ?? '' };
    try {
      await this.call(`cancel event "${eventId}"`, true, () => this.request(`${this.eventPath(eventId)}/cancel`).post(body));
    } catch (error) {
      // Already cancelled or deleted in Outlook: the goal of the call is reached.
      if (error instanceof CalendarEventNotFoundError) {
        this.options.logger?.info({ eventId }, 'Event to cancel no longer exists in the mailbox');
        return;
      }
      throw error;
    }
  }

  private eventPath(eventId: string): string {
    return `${this.userPath}/events/${encodeURIComponent(eventId)}`;
  }

  private request(path: string) {
    return this.client.api(path).option('signal', AbortSignal.timeout(this.requestTimeoutMs));
  }

  private async call<T>(action: string, eventRequest: boolean, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      const calendarError = toCalendarError(error, action, this.options.mailbox, eventRequest);
      this.options.logger?.warn({ err: calendarError, mailbox: this.options.mailbox }, 'Microsoft Graph call failed');
      throw calendarError;
    }
  }
}
