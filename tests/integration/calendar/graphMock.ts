import { randomUUID } from 'node:crypto';

import { DateTime } from 'luxon';
import { http, HttpResponse, type HttpHandler } from 'msw';

import { createGraphCredential } from '../../../src/calendar/graphClient.js';
import { GraphCalendarProvider } from '../../../src/calendar/graphCalendarProvider.js';

/** The consultant's mailbox in every Graph test. */
export const MAILBOX = 'berater@contoso-beratung.de';

/** Entra app settings of the client-secret sign-in that the tests use. */
export const TEST_TENANT_ID = '2f1c9d3e-7a4b-4c6d-9e8f-1a2b3c4d5e6f';
export const TEST_CLIENT_ID = '8e7d6c5b-4a39-4281-9f0e-d1c2b3a49586';
export const TEST_CLIENT_SECRET = 'test-secret-value';

/** Access token that the mocked token endpoint issues; Graph requests must carry it. */
export const TEST_ACCESS_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.';

/**
 * msw `onUnhandledRequest` callback for tests that also talk to their own servers on loopback, such as Azurite and
 * the desk: loopback requests pass, and every other request that no handler serves fails.
 */
export function failUnhandledExceptLoopback(request: Request, print: { error(): void }): void {
  const { hostname } = new URL(request.url);
  if (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]') {
    return;
  }
  print.error();
}

/** Creates the Graph calendar of MAILBOX in Berlin time, signed in as the test app, with two retries and no delay. */
export function createTestGraphCalendar(): GraphCalendarProvider {
  return new GraphCalendarProvider({
    mailbox: MAILBOX,
    zone: 'Europe/Berlin',
    credential: createGraphCredential({ tenantId: TEST_TENANT_ID, clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET }),
    retry: { maxRetries: 2, delaySeconds: 0 },
  });
}

const GRAPH = 'https://graph.microsoft.com/v1.0';

/** Windows zone names that this mock reads and writes, with their IANA zones. */
const MOCK_ZONES: Record<string, string> = {
  'W. Europe Standard Time': 'Europe/Berlin',
  'Pacific Standard Time': 'America/Los_Angeles',
  UTC: 'UTC',
};

/** Graph's dateTimeTimeZone. */
export interface GraphTime {
  dateTime: string;
  timeZone: string;
}

/** A scheduleItem as getSchedule returns it. */
export interface GraphScheduleItem {
  isPrivate: boolean;
  status: string;
  subject: string;
  location: string;
  isMeeting: boolean;
  isRecurring: boolean;
  isException: boolean;
  isReminderSet: boolean;
  start: GraphTime;
  end: GraphTime;
}

/** An event as the mock stores it. */
export interface MockEvent {
  id: string;
  transactionId?: string;
  subject: string;
  start: GraphTime;
  end: GraphTime;
  attendees: unknown[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  isCancelled: boolean;
  joinUrl: string;
}

/** One request that reached the mock. */
export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | null;
  prefer: string | null;
  body: unknown;
  atMs: number;
}

/** A canned error response returned before the normal response, e.g. 429 with Retry-After. */
export interface CannedFailure {
  status: number;
  code: string;
  message: string;
  retryAfterSeconds?: number;
  /** Create only: store the event first and then fail, as when Graph's response is lost on the way. */
  createThenFail?: boolean;
}

type Route = 'schedule' | 'create' | 'update' | 'cancel';

/**
 * A stateful stand-in for the part of Microsoft Graph that the calendar layer uses, with Graph's response
 * shapes: offset-less dateTime values with Windows zone names, 201 with onlineMeeting.joinUrl, error bodies
 * {"error": {"code", "message", "innerError"}}, and a create that returns the first event again when its
 * transactionId repeats.
 */
export class GraphMock {
  readonly events = new Map<string, MockEvent>();
  readonly requests: RecordedRequest[] = [];
  /** Items of other appointments that getSchedule reports besides the created events. */
  scheduleItems: GraphScheduleItem[] = [];
  /** When false, getSchedule returns availabilityView only, as for a caller without detail access. */
  includeScheduleItems = true;
  tokenRequests = 0;

  private readonly failures: Record<Route, CannedFailure[]> = { schedule: [], create: [], update: [], cancel: [] };

  /** Queues failures that the next requests of a route receive, in order. */
  failNext(route: Route, ...failures: CannedFailure[]): void {
    this.failures[route].push(...failures);
  }

  /** Makes every request of a route fail, until {@link reset}. */
  failAlways(route: Route, failure: CannedFailure): void {
    this.failures[route] = new Array<CannedFailure>(1000).fill(failure);
  }

  /** Returns the events that are not cancelled. */
  activeEvents(): MockEvent[] {
    return [...this.events.values()].filter((event) => !event.isCancelled);
  }

  /** Returns the recorded requests of a method whose path ends with `suffix`. */
  requestsTo(method: string, suffix: string): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && request.path.endsWith(suffix));
  }

  reset(): void {
    this.events.clear();
    this.requests.length = 0;
    this.scheduleItems = [];
    this.includeScheduleItems = true;
    this.tokenRequests = 0;
    for (const route of Object.keys(this.failures) as Route[]) {
      this.failures[route] = [];
    }
  }

  /** msw handlers for the token endpoint and Graph. */
  handlers(): HttpHandler[] {
    const mailboxPath = `${GRAPH}/users/:mailbox`;
    return [
      http.post('https://login.microsoftonline.com/:tenant/oauth2/v2.0/token', async ({ request, params }) => {
        this.tokenRequests += 1;
        const form = new URLSearchParams(await request.text());
        if (params.tenant !== TEST_TENANT_ID || form.get('client_secret') !== TEST_CLIENT_SECRET) {
          return HttpResponse.json(
            { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] },
            { status: 401 },
          );
        }
        return HttpResponse.json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: TEST_ACCESS_TOKEN });
      }),

      http.post(`${mailboxPath}/calendar/getSchedule`, async ({ request, params }) => {
        const body = await this.record(request);
        return this.checkRequest(request, params.mailbox) ?? this.failure('schedule') ?? this.schedule(body, request);
      }),

      http.post(`${mailboxPath}/events`, async ({ request, params }) => {
        const body = (await this.record(request)) as Record<string, unknown>;
        const denied = this.checkRequest(request, params.mailbox);
        if (denied) return denied;

        const failure = this.failures.create.shift();
        if (failure?.createThenFail) {
          this.storeEvent(body);
          return this.errorResponse(failure);
        }
        if (failure) return this.errorResponse(failure);

        return HttpResponse.json(this.eventJson(this.storeEvent(body)), { status: 201 });
      }),

      http.patch(`${mailboxPath}/events/:id`, async ({ request, params }) => {
        const body = (await this.record(request)) as { start: GraphTime; end: GraphTime };
        const denied = this.checkRequest(request, params.mailbox) ?? this.failure('update');
        if (denied) return denied;

        const event = this.events.get(String(params.id));
        if (!event || event.isCancelled) return this.notFound();
        event.start = body.start;
        event.end = body.end;
        return HttpResponse.json(this.eventJson(event));
      }),

      http.post(`${mailboxPath}/events/:id/cancel`, async ({ request, params }) => {
        await this.record(request);
        const denied = this.checkRequest(request, params.mailbox) ?? this.failure('cancel');
        if (denied) return denied;

        const event = this.events.get(String(params.id));
        if (!event || event.isCancelled) return this.notFound();
        event.isCancelled = true;
        return new HttpResponse(null, { status: 202 });
      }),
    ];
  }

  private async record(request: Request): Promise<unknown> {
    const text = await request.clone().text();
    const body = text === '' ? undefined : (JSON.parse(text) as unknown);
    this.requests.push({
      method: request.method,
      path: decodeURIComponent(new URL(request.url).pathname),
      authorization: request.headers.get('authorization'),
      prefer: request.headers.get('prefer'),
      body,
      atMs: Date.now(),
    });
    return body;
  }

  /** Rejects requests without the issued token or for another mailbox, as Graph does. */
  private checkRequest(request: Request, mailbox: unknown): Response | undefined {
    if (request.headers.get('authorization') !== `Bearer ${TEST_ACCESS_TOKEN}`) {
      return this.errorResponse({ status: 401, code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });
    }
    if (String(mailbox).toLowerCase() !== MAILBOX) {
      return this.errorResponse({ status: 404, code: 'ErrorInvalidUser', message: `The requested user '${String(mailbox)}' is invalid.` });
    }
    return undefined;
  }

  private failure(route: Route): Response | undefined {
    const failure = this.failures[route].shift();
    return failure === undefined ? undefined : this.errorResponse(failure);
  }

  private errorResponse(failure: CannedFailure): Response {
    const headers: Record<string, string> = {};
    if (failure.retryAfterSeconds !== undefined) {
      headers['Retry-After'] = String(failure.retryAfterSeconds);
    }
    return HttpResponse.json(
      {
        error: {
          code: failure.code,
          message: failure.message,
          innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': randomUUID(), 'client-request-id': randomUUID() },
        },
      },
      { status: failure.status, headers },
    );
  }

  private notFound(): Response {
    return this.errorResponse({ status: 404, code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' });
  }

  /** Stores a created event, or returns the stored one when its transactionId repeats. */
  private storeEvent(body: Record<string, unknown>): MockEvent {
    const transactionId = typeof body.transactionId === 'string' ? body.transactionId : undefined;
    const existing = [...this.events.values()].find((event) => transactionId !== undefined && event.transactionId === transactionId);
    if (existing) {
      return existing;
    }

    const id = `AAMkAGI2TG93AAA${randomUUID().replaceAll('-', '')}=`;
    const event: MockEvent = {
      id,
      transactionId,
      subject: String(body.subject),
      start: body.start as GraphTime,
      end: body.end as GraphTime,
      attendees: (body.attendees as unknown[]) ?? [],
      isOnlineMeeting: body.isOnlineMeeting === true,
      onlineMeetingProvider: String(body.onlineMeetingProvider),
      isCancelled: false,
      joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomUUID().replaceAll('-', '')}%40thread.v2/0`,
    };
    this.events.set(id, event);
    return event;
  }

  private eventJson(event: MockEvent): Record<string, unknown> {
    return {
      '@odata.context': `${GRAPH}/$metadata#users('${MAILBOX}')/events/$entity`,
      '@odata.etag': 'W/"ZlnW4RIAV06KYYwlrfNZvQAAKGWwbw=="',
      id: event.id,
      createdDateTime: new Date().toISOString(),
      transactionId: event.transactionId ?? null,
      subject: event.subject,
      isCancelled: event.isCancelled,
      showAs: 'busy',
      start: { dateTime: `${event.start.dateTime}.0000000`, timeZone: event.start.timeZone },
      end: { dateTime: `${event.end.dateTime}.0000000`, timeZone: event.end.timeZone },
      attendees: event.attendees,
      organizer: { emailAddress: { name: 'Berater', address: MAILBOX } },
      isOnlineMeeting: event.isOnlineMeeting,
      onlineMeetingProvider: event.onlineMeetingProvider,
      onlineMeeting: event.isOnlineMeeting ? { joinUrl: event.joinUrl } : null,
    };
  }

  /** Returns the getSchedule response for the requested window: items overlapping it and the availabilityView. */
  private schedule(body: unknown, request: Request): Response {
    const { schedules, startTime, endTime, availabilityViewInterval } = body as {
      schedules: string[];
      startTime: GraphTime;
      endTime: GraphTime;
      availabilityViewInterval: number;
    };
    const windowStart = mockMillis(startTime);
    const windowEnd = mockMillis(endTime);
    if (windowEnd - windowStart >= 62 * 24 * 3600 * 1000) {
      return this.errorResponse({
        status: 400,
        code: 'ErrorInvalidParameter',
        message: 'The requested time duration is too long. Maximum allowed duration: 62 days.',
      });
    }

    const preferZone = /outlook\.timezone="([^"]+)"/.exec(request.headers.get('prefer') ?? '')?.[1] ?? 'UTC';
    const items = [...this.scheduleItems, ...this.activeEvents().map((event) => eventAsScheduleItem(event, preferZone))].filter(
      (item) => mockMillis(item.start) < windowEnd && mockMillis(item.end) > windowStart,
    );

    const intervalMs = availabilityViewInterval * 60_000;
    let view = '';
    for (let slotStart = windowStart; slotStart < windowEnd; slotStart += intervalMs) {
      const digits = items
        .filter((item) => mockMillis(item.start) < slotStart + intervalMs && mockMillis(item.end) > slotStart)
        .map((item) => ({ free: 0, workingelsewhere: 0, tentative: 1, busy: 2, oof: 3 })[item.status.toLowerCase() as 'busy'] ?? 2);
      view += String(Math.max(0, ...digits));
    }

    return HttpResponse.json({
      '@odata.context': `${GRAPH}/$metadata#Collection(microsoft.graph.scheduleInformation)`,
      value: schedules.map((scheduleId) => ({
        scheduleId,
        availabilityView: view,
        ...(this.includeScheduleItems ? { scheduleItems: items } : {}),
        workingHours: {
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          startTime: '08:00:00.0000000',
          endTime: '17:00:00.0000000',
          timeZone: { name: 'W. Europe Standard Time' },
        },
      })),
    });
  }
}

/** Builds a scheduleItem with Graph's shape for a wall-time span in a Windows zone. */
export function scheduleItem(status: string, start: string, end: string, timeZone = 'W. Europe Standard Time'): GraphScheduleItem {
  return {
    isPrivate: false,
    status,
    subject: 'Kundentermin',
    location: '',
    isMeeting: false,
    isRecurring: false,
    isException: false,
    isReminderSet: true,
    start: { dateTime: `${start}.0000000`, timeZone },
    end: { dateTime: `${end}.0000000`, timeZone },
  };
}

function eventAsScheduleItem(event: MockEvent, zone: string): GraphScheduleItem {
  const render = (time: GraphTime) =>
    DateTime.fromMillis(mockMillis(time), { zone: MOCK_ZONES[zone] ?? 'UTC' }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
  return { ...scheduleItem('busy', render(event.start), render(event.end), zone), subject: event.subject, isMeeting: true };
}

function mockMillis(time: GraphTime): number {
  const zone = MOCK_ZONES[time.timeZone];
  if (zone === undefined) {
    throw new Error(`Graph mock: unknown time zone "${time.timeZone}"`);
  }
  return DateTime.fromISO(time.dateTime, { zone }).toMillis();
}
