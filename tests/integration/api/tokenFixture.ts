import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { consultant } from '../../support/deskHarness.js';

/** Client id of the tab's Entra app in the tests. */
export const CLIENT_ID = '3c9e5b1a-2d4f-4a6b-8c7d-9e0f1a2b3c4d';

/** Application ID URI of that app, in the botid- form of an app with a tab and a bot. */
export const APP_ID_URI = `api://desk.example.test/botid-${CLIENT_ID}`;

/** Issuer forms of Entra ID for a tenant. */
export const issuerV1 = (tenantId: string) => `https://sts.windows.net/${tenantId}/`;
export const issuerV2 = (tenantId: string) => `https://login.microsoftonline.com/${tenantId}/v2.0`;

/** Options of {@link EntraStandIn.sign}: claims to set or remove, the lifetime and the key. */
export interface SignOptions {
  /** Claims that replace the defaults; a value of undefined removes the claim. */
  claims?: Record<string, unknown>;
  /** Instant the token is issued at; its exp is one hour later unless `claims` sets exp. */
  issuedAt: Date;
  /** Sign with a key the JWKS does not publish, under the published key id. */
  foreignKey?: boolean;
}

/**
 * Entra ID as the tests need it: an RSA key pair generated in the test, its JWKS served on loopback,
 * and access tokens for the configured consultant signed with it (v2 form by default).
 */
export class EntraStandIn {
  private server?: Server;
  private keys?: { privateKey: CryptoKey; foreignKey: CryptoKey };
  /** URL of the JWKS, for TAB_JWKS_URL. */
  jwksUrl = '';
  /** Number of JWKS downloads, so a test can see that keys were fetched. */
  fetches = 0;

  async start(): Promise<void> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const { privateKey: foreignKey } = await generateKeyPair('RS256');
    this.keys = { privateKey, foreignKey };
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' }] };

    this.server = createServer((_request, response) => {
      this.fetches += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.jwksUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/discovery/v2.0/keys`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Signs an access token of the consultant for the tab's app, changed by `options.claims`. */
  async sign(options: SignOptions): Promise<string> {
    if (!this.keys) throw new Error('EntraStandIn.sign: call start() first');
    const issuedAt = Math.floor(options.issuedAt.getTime() / 1000);
    const defaults: JWTPayload = {
      aud: CLIENT_ID,
      iss: issuerV2(consultant.tenantId),
      iat: issuedAt,
      nbf: issuedAt,
      exp: issuedAt + 3600,
      tid: consultant.tenantId,
      oid: consultant.aadObjectId,
      scp: 'access_as_user',
      name: consultant.name,
      ver: '2.0',
    };
    const payload = Object.fromEntries(
      Object.entries({ ...defaults, ...options.claims }).filter(([, value]) => value !== undefined),
    ) as JWTPayload;
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'test-key-1' })
      .sign(options.foreignKey ? this.keys.foreignKey : this.keys.privateKey);
  }
}

/** Sends a request to the tab API and returns status and parsed JSON body. */
export async function callApi(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}/api/tab${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
