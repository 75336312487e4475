import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  RedirectHandler,
  RedirectHandlerOptions,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import type { Logger } from 'pino';

/** App-only scope: the application permissions granted to the Entra app (Calendars.ReadWrite). */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** Retries of the Graph SDK after 429, 503 and 504 when the caller sets none; the SDK's own default. */
export const DEFAULT_GRAPH_MAX_RETRIES = 3;

/** Base delay between Graph retries without Retry-After, in seconds; the SDK's own default. */
export const DEFAULT_GRAPH_RETRY_DELAY_SECONDS = 3;

/** Entra app settings; all three set means a client secret, otherwise a managed identity is used. */
export interface GraphCredentialSettings {
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
}

/** Retry settings of the Graph SDK's RetryHandler. */
export interface GraphRetrySettings {
  /** Retries after the first attempt, 0 to 10. */
  maxRetries?: number;
  /**
   * Base delay in seconds for a retry without Retry-After. The SDK adds up to one second of jitter and
   * backs off exponentially from the second retry on. A Retry-After header replaces this delay.
   */
  delaySeconds?: number;
}

/**
 * Creates the credential of the app: a ClientSecretCredential when tenant id, client id and secret are
 * all set, otherwise a ManagedIdentityCredential (user-assigned when a client id is set).
 */
export function createGraphCredential(settings: GraphCredentialSettings): TokenCredential {
  const { tenantId, clientId, clientSecret } = settings;
  if (tenantId && clientId && clientSecret) {
    return new ClientSecretCredential(tenantId, clientId, clientSecret);
  }
  return clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential();
}

/**
 * Builds a Graph client with the SDK's standard middleware chain (authentication, retry, redirect,
 * telemetry, fetch) and a log line for every throttled or unavailable response. The chain is built here
 * instead of by `Client.initWithMiddleware({ authProvider })` so that the retry settings can be set.
 */
export function createGraphClient(credential: TokenCredential, retry: GraphRetrySettings = {}, logger?: Logger): Client {
  const authProvider = new TokenCredentialAuthenticationProvider(credential, { scopes: [GRAPH_SCOPE] });
  const retryOptions = new RetryHandlerOptions(
    retry.delaySeconds ?? DEFAULT_GRAPH_RETRY_DELAY_SECONDS,
    retry.maxRetries ?? DEFAULT_GRAPH_MAX_RETRIES,
  );

  const chain: Middleware[] = [
    new AuthenticationHandler(authProvider),
    new RetryHandler(retryOptions),
    new RedirectHandler(new RedirectHandlerOptions()),
    new RetryableResponseLogger(logger),
    new TelemetryHandler(),
    new HTTPMessageHandler(),
  ];
  chain.reduce((previous, next) => {
    previous.setNext?.(next);
    return next;
  });
  return Client.initWithMiddleware({ middleware: chain[0], defaultVersion: 'v1.0' });
}

/** Logs each 429, 503 and 504 response, which the RetryHandler before it in the chain then retries. */
class RetryableResponseLogger implements Middleware {
  private next?: Middleware;

  constructor(private readonly logger?: Logger) {}

  async execute(context: Context): Promise<void> {
    await this.next?.execute(context);
    const status = context.response?.status;
    if (status === 429 || status === 503 || status === 504) {
      this.logger?.warn(
        {
          status,
          retryAfter: context.response?.headers.get('Retry-After') ?? undefined,
          method: context.options?.method,
          attempt: readHeader(context, 'Retry-Attempt') ?? '0',
        },
        'Microsoft Graph returned a retryable status; the Graph client retries it unless its retries are used up',
      );
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

function readHeader(context: Context, name: string): string | undefined {
  const headers = context.options?.headers as Record<string, string> | Headers | undefined;
  if (headers === undefined) {
    return undefined;
  }
  return headers instanceof Headers ? (headers.get(name) ?? undefined) : headers[name];
}
