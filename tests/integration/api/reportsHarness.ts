import type { SupportRequest } from '../../../src/domain/request.js';
import { BookingRepository, type Booking } from '../../../src/storage/bookings.js';
import { OverageApprovalRepository } from '../../../src/storage/overageApprovals.js';
import { RequestRepository } from '../../../src/storage/requests.js';
import { TimeEntryRepository } from '../../../src/storage/timeEntries.js';
import { startDeskHarness, type DeskHarness } from '../../support/deskHarness.js';
import { APP_ID_URI, CLIENT_ID, EntraStandIn, callApi } from './tokenFixture.js';

/** A running desk with the tab API, signed consultant tokens and helpers to call its routes. */
export interface TabApiHarness {
  desk: DeskHarness;
  /** Signs a consultant access token issued at the desk's clock. */
  token(): Promise<string>;
  /** Sends an authenticated JSON request to the tab API. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Sends an authenticated GET and returns the raw response, for downloads. */
  fetchRaw(path: string): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * Starts the desk at `startAt` with Entra SSO against a JWKS served on loopback; calls carry a consultant token.
 *
 * @param env - Further configuration variables, such as DESK_TIME_ZONE.
 */
export async function startTabApiHarness(startAt: string, env: Record<string, string> = {}): Promise<TabApiHarness> {
  const entra = new EntraStandIn();
  await entra.start();
  const desk = await startDeskHarness(startAt, {
    TAB_SSO_CLIENT_ID: CLIENT_ID,
    TAB_SSO_APP_ID_URI: APP_ID_URI,
    TAB_JWKS_URL: entra.jwksUrl,
    ...env,
  });
  // Each call signs a new token at the desk's clock, so tests that move the clock keep a valid token.
  const token = () => entra.sign({ issuedAt: desk.clock.now() });

  return {
    desk,
    token,
    api: async (method, path, body) => callApi(desk.desk.url, method, path, { token: await token(), body }),
    fetchRaw: async (path) => fetch(`${desk.desk.url}/api/tab${path}`, { headers: { authorization: `Bearer ${await token()}` } }),
    async stop() {
      await desk.stop();
      await entra.stop();
    },
  };
}

/** Builds a Gold request of the demo customer Fabrikam, opened by Jana Becker through Teams, with `fields` applied. */
export function fabrikamRequest(number: string, fields: Partial<SupportRequest>): SupportRequest {
  return {
    number,
    customerId: 'fabrikam',
    planId: 'gold',
    emergency: false,
    description: 'Outlook startet nicht',
    urgency: 'normal',
    callbackChannel: 'phone',
    channel: 'teams',
    contactAadObjectId: '0b9d7a52-1c3e-4f60-9a8b-7c6d5e4f3a21',
    contactName: 'Jana Becker',
    state: 'callbackDone',
    openedAt: '2026-11-03T09:00:00+01:00',
    deadline: '2026-11-03T10:00:00+01:00',
    guaranteeMinutes: 60,
    ...fields,
  };
}

/**
 * Stores November 2026 of Fabrikam (Gold, 480 included minutes, 129 EUR per extra hour):
 * - time: 300 + 200 support minutes (500 billed, 20 overage, 30 approved), 45 project minutes;
 * - requests due in November: met after 12 and 40 minutes, missed after 95 minutes, missed without callback;
 * - a request due in December and a callback booking, neither counted in November;
 * - bonus calls: two check-ins held, one cancelled.
 */
export async function seedFabrikamNovember(desk: DeskHarness): Promise<void> {
  const tables = desk.storage.tables;
  const timeEntries = new TimeEntryRepository(tables);
  const entry = (id: string, type: 'support' | 'project', minutes: number, start: string) =>
    timeEntries.create({
      customerId: 'fabrikam',
      month: '2026-11',
      id,
      type,
      minutes,
      start,
      createdBy: 'Sebastian Krüger',
      createdAt: start,
      version: 1,
    });
  await entry('t1', 'support', 300, '2026-11-03T08:00:00.000Z');
  await entry('t2', 'support', 200, '2026-11-10T13:00:00.000Z');
  await entry('t3', 'project', 45, '2026-11-12T09:00:00.000Z');

  await new OverageApprovalRepository(tables).create({
    customerId: 'fabrikam',
    month: '2026-11',
    id: 'a1',
    minutes: 30,
    decision: 'approved',
    decidedBy: 'Jana Becker',
    decidedAt: '2026-11-10T15:00:00+01:00',
  });

  const requests = new RequestRepository(tables);
  await requests.create(
    fabrikamRequest('HD-2026-0101', { firstContactAt: '2026-11-03T09:12:00+01:00', slaMet: true }),
  );
  await requests.create(
    fabrikamRequest('HD-2026-0102', {
      openedAt: '2026-11-10T14:00:00+01:00',
      deadline: '2026-11-10T15:00:00+01:00',
      firstContactAt: '2026-11-10T14:40:00+01:00',
      slaMet: true,
    }),
  );
  await requests.create(
    fabrikamRequest('HD-2026-0103', {
      openedAt: '2026-11-17T08:00:00+01:00',
      deadline: '2026-11-17T09:00:00+01:00',
      firstContactAt: '2026-11-17T09:35:00+01:00',
      slaMet: false,
    }),
  );
  await requests.create(
    fabrikamRequest('HD-2026-0104', {
      state: 'new',
      openedAt: '2026-11-20T16:00:00+01:00',
      deadline: '2026-11-20T17:00:00+01:00',
    }),
  );
  await requests.create(
    fabrikamRequest('HD-2026-0105', {
      state: 'new',
      openedAt: '2026-11-30T20:45:00+01:00',
      deadline: '2026-12-01T07:45:00+01:00',
    }),
  );

  const bookings = new BookingRepository(tables);
  const booking = async (transactionId: string, kind: Booking['kind'], start: string, end: string, status: Booking['status']) => {
    const periodKey = `${transactionId}-period`;
    const result = await bookings.createPending({
      customerId: 'fabrikam',
      transactionId,
      planId: 'gold',
      kind,
      periodKey,
      start,
      end,
      status: 'pending',
      contactName: 'Jana Becker',
      contactEmail: 'jana.becker@fabrikam.example',
      createdAt: '2026-10-28T10:00:00+01:00',
      updatedAt: '2026-10-28T10:00:00+01:00',
    });
    if (result.status !== 'created') throw new Error(`booking ${transactionId} not created: ${result.status}`);
    await bookings.update({ ...result.stored.booking, status }, result.stored.etag);
  };
  await booking('b1', 'check-in', '2026-11-04T10:00:00+01:00', '2026-11-04T10:15:00+01:00', 'confirmed');
  await booking('b2', 'check-in', '2026-11-11T10:00:00+01:00', '2026-11-11T10:15:00+01:00', 'confirmed');
  await booking('b3', 'check-in', '2026-11-18T10:00:00+01:00', '2026-11-18T10:15:00+01:00', 'cancelled');
  await booking('b4', 'callback', '2026-11-19T10:00:00+01:00', '2026-11-19T10:15:00+01:00', 'confirmed');
}
