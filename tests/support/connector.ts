import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector REST API. */
export interface ConnectorCall {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** Activity id in the path: the replied-to activity for POST, the updated one for PUT. */
  activityId?: string;
  /** Id the connector assigned (POST) or the updated id (PUT). */
  assignedId: string;
  activity: Record<string, any>;
}

/**
 * A Bot Connector stand-in on loopback that records what the bot sends, as Teams' connector
 * would receive it: new activities, replies and updates under /v3/conversations.
 */
export class LocalConnector {
  readonly calls: ConnectorCall[] = [];
  private server?: Server;
  private waiters: Array<() => void> = [];

  /** Base URL to put in an activity's `serviceUrl`. */
  url = '';

  /** HTTP status returned for every call instead of 200, to simulate a failing Bot Connector. */
  failWith?: number;

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Forgets recorded calls between tests. */
  clear(): void {
    this.calls.length = 0;
  }

  /** Calls that posted a new activity or reply into a conversation. */
  sentTo(conversationId: string): ConnectorCall[] {
    return this.calls.filter((call) => call.method === 'POST' && call.conversationId === conversationId);
  }

  /** Calls that updated an activity in a conversation. */
  updatesIn(conversationId: string): ConnectorCall[] {
    return this.calls.filter((call) => call.method === 'PUT' && call.conversationId === conversationId);
  }

  /** Waits until the recorded calls satisfy a condition, for proactive sends that finish after the HTTP reply. */
  async waitFor(condition: (calls: ConnectorCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition(this.calls)) {
      if (Date.now() > deadline) throw new Error(`LocalConnector.waitFor timed out after ${timeoutMs} ms with ${this.calls.length} calls`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, any>) : {};

    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(request.url ?? '');
    if (!match || (request.method !== 'POST' && request.method !== 'PUT')) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'NotFound', message: `${request.method} ${request.url}` } }));
      return;
    }

    if (this.failWith !== undefined) {
      response.writeHead(this.failWith, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'ServiceError', message: 'simulated connector failure' } }));
      return;
    }

    const conversationId = decodeURIComponent(match[1]!);
    const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
    const assignedId = request.method === 'PUT' ? activityId! : `activity-${randomUUID()}`;
    this.calls.push({ method: request.method, conversationId, activityId, assignedId, activity: body });

    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id: assignedId }));
    this.waiters.splice(0).forEach((wake) => wake());
  }
}
