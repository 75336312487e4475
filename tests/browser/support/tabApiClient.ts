import assert from 'node:assert/strict';
import type { DeskHarness } from '../../support/deskHarness.js';

/** Calls the tab API of a running app as the consultant, with a token of the development sign-in. */
export interface TabApiClient {
  /** Sends a request and returns the parsed JSON response. Fails the test on a non-2xx status. */
  call<Result = any>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Result>;
}

/**
 * Signs in through `POST /api/tab/dev-sign-in` (the app must run with TAB_DEV_SIGN_IN=true, as the tab
 * harness starts it) and returns a client for `/api/tab` on loopback.
 */
export async function signInToTabApi(desk: DeskHarness): Promise<TabApiClient> {
  const base = `${desk.desk.url}/api/tab`;
  const signIn = await fetch(`${base}/dev-sign-in`, { method: 'POST' });
  assert.equal(signIn.status, 200, 'the development sign-in is off');
  const { token } = (await signIn.json()) as { token: string };

  return {
    async call(method, path, body) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      assert.ok(response.ok, `${method} ${path} failed with status ${response.status}: ${text}`);
      return text === '' ? undefined : JSON.parse(text);
    },
  };
}

/** Logs a phone call for a customer through the API and returns the new request's number. */
export async function logPhoneRequest(api: TabApiClient, customerId: string, calledAt: string, description: string): Promise<string> {
  const created = await api.call<{ number: string }>('POST', '/requests', {
    customerId,
    channel: 'phone',
    calledAt,
    contactName: 'Anrufer aus dem Test',
    description,
    urgency: 'normal',
    callbackPhone: '+49 211 5550100',
  });
  return created.number;
}
