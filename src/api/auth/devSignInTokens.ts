import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { Clock } from '../../domain/clock.js';
import type { DevSignIn, DevSignInToken } from './devSignIn.js';
import { failureForVerifyError } from './entraTokenVerifier.js';
import { TAB_SCOPE, type ConfiguredConsultant } from './tokenClaims.js';

/** Lifetime of a development sign-in token, in minutes. */
export const DEV_TOKEN_MINUTES = 60;

/** Issuer and audience of development tokens, which no Entra token carries. */
const DEV_ISSUER = 'urn:hotline-desk:dev-sign-in';
const DEV_AUDIENCE = 'urn:hotline-desk:tab-api';

/**
 * Development sign-in: issues HS256 tokens for the configured consultant, signed with a random secret that
 * exists only in this process, and verifies them. A restart invalidates every token issued before.
 */
export class DevSignInTokens implements DevSignIn {
  private readonly secret = new Uint8Array(randomBytes(32));

  constructor(
    private readonly consultant: ConfiguredConsultant,
    private readonly clock: Clock,
  ) {}

  async issue(): Promise<DevSignInToken> {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + DEV_TOKEN_MINUTES * 60;
    const token = await new SignJWT({ tid: this.consultant.tenantId, oid: this.consultant.aadObjectId, scp: TAB_SCOPE })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.secret);
    return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }

  /**
   * Returns the payload of a token this process issued.
   *
   * @throws ApiFailure 401 (tokenInvalid, tokenExpired).
   */
  async verify(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        requiredClaims: ['exp'],
        currentDate: this.clock.now(),
      });
      return payload;
    } catch (error) {
      throw failureForVerifyError(error);
    }
  }
}
