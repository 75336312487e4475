import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Clock } from '../../domain/clock.js';
import { ApiFailure } from '../apiFailure.js';

/** Clock difference between Entra and this server that the expiry and not-before checks allow, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 60;

/** Key source and app of the accepted tokens. */
export interface EntraTokenSettings {
  /** Client id of the tab's Entra app, which the v2 endpoint puts in `aud`. */
  clientId: string;
  /** Application ID URI of the app, which the v1 endpoint puts in `aud`. Defaults to `api://<client id>`. */
  appIdUri?: string;
  /** URL of the JSON Web Key Set that signs the tokens. */
  jwksUrl: string;
}

/**
 * Verifies Entra ID access tokens (v1 and v2) for the tab's app. It checks the RS256 signature by a key of
 * the JWKS, the expiry and the audience (client id or Application ID URI). The issuer must name the token's
 * own tenant, in the v1 form `https://sts.windows.net/{tid}/` or the v2 form
 * `https://login.microsoftonline.com/{tid}/v2.0`. {@link admitConsultant} then checks who the token belongs to.
 */
export class EntraTokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;
  private readonly audiences: readonly string[];

  constructor(
    settings: EntraTokenSettings,
    private readonly clock: Clock,
  ) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5000 });
    this.audiences = [settings.clientId, settings.appIdUri ?? `api://${settings.clientId}`];
  }

  /**
   * Returns the payload of a valid token.
   *
   * @throws ApiFailure 401 (tokenInvalid, tokenExpired, tokenAudienceInvalid, tokenIssuerInvalid), or 503
   *   (signInUnavailable) when the signing keys cannot be fetched.
   */
  async verify(token: string): Promise<JWTPayload> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iss', 'aud', 'tid', 'oid'],
        currentDate: this.clock.now(),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw failureForVerifyError(error);
    }

    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.some((audience) => audience !== undefined && this.audiences.includes(audience))) {
      throw new ApiFailure(
        'tokenAudienceInvalid',
        `The token's audience "${audiences.join(', ')}" is not ${this.audiences.join(' or ')}; check webApplicationInfo in the app manifest`,
      );
    }

    const tenantId = typeof payload.tid === 'string' ? payload.tid : '';
    const issuers = [`https://sts.windows.net/${tenantId}/`, `https://login.microsoftonline.com/${tenantId}/v2.0`];
    if (tenantId === '' || !issuers.includes(payload.iss ?? '')) {
      throw new ApiFailure('tokenIssuerInvalid', `The token's issuer "${payload.iss ?? ''}" is not Entra ID for its tenant "${tenantId}"`);
    }
    return payload;
  }
}

/** Maps an error of `jwtVerify` to the API's error response. */
export function failureForVerifyError(error: unknown): ApiFailure {
  if (error instanceof errors.JWTExpired) return new ApiFailure('tokenExpired', 'The token has expired; get a new one');
  // A failed key download surfaces as a fetch error, a timeout or jose's generic error for a non-200 or
  // non-JSON response, not as one of the validation errors.
  const keysUnavailable =
    !(error instanceof errors.JOSEError) ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    error.code === 'ERR_JOSE_GENERIC';
  if (keysUnavailable) {
    return new ApiFailure('signInUnavailable', 'The signing keys of the token could not be fetched; try again later', undefined, error);
  }
  return new ApiFailure('tokenInvalid', 'The token is malformed, not yet valid or not signed by a trusted key');
}
