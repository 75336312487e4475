import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/**
 * Counts the HTTP requests this process sends through node:http, per target host and port, by listening on
 * the `http.client.request.start` diagnostics channel. Requests sent with `fetch` (undici) are not
 * counted, so a benchmark's own client does not show up beside the app's storage and connector calls.
 */
export class HttpCallCounter {
  private readonly counts = new Map<string, number>();
  private readonly listener = (message: unknown): void => {
    const request = (message as { request: ClientRequest }).request;
    const host = String(request.getHeader('host') ?? request.host);
    this.counts.set(host, (this.counts.get(host) ?? 0) + 1);
  };

  /** Starts counting. */
  start(): void {
    diagnosticsChannel.subscribe('http.client.request.start', this.listener);
  }

  /** Stops counting; the counts stay readable. */
  stop(): void {
    diagnosticsChannel.unsubscribe('http.client.request.start', this.listener);
  }

  /** Forgets all counts. */
  reset(): void {
    this.counts.clear();
  }

  /** Returns how many requests went to the `host` header value of a base URL such as "http://127.0.0.1:10002/devstoreaccount1". */
  countFor(baseUrl: string): number {
    return this.counts.get(new URL(baseUrl).host) ?? 0;
  }
}

/**
 * Returns the table endpoint of an Azure Storage connection string, e.g. "http://127.0.0.1:10002/devstoreaccount1".
 *
 * @throws Error when the connection string has no TableEndpoint.
 */
export function tableEndpointOf(connectionString: string): string {
  const endpoint = /(?:^|;)TableEndpoint=([^;]+)/.exec(connectionString)?.[1];
  if (endpoint === undefined) {
    throw new Error('Invalid connection string: missing TableEndpoint, which the Azurite connection string always contains');
  }
  return endpoint;
}
