import { decodeProtectedHeader, type JWTPayload } from 'jose';
import { ApiFailure } from '../apiFailure.js';
import type { ApiConsultant } from '../route.js';
import type { Authenticator } from './authenticator.js';
import type { DevSignInTokens } from './devSignInTokens.js';
import type { EntraTokenVerifier } from './entraTokenVerifier.js';
import { admitConsultant, type ConfiguredConsultant } from './tokenClaims.js';

/**
 * Admits the consultant by a Bearer token: a Teams SSO token from Entra ID, or, only while the development
 * sign-in is on, a token that this process issued. The token's `alg` header picks the verifier, and each
 * verifier accepts only its own algorithm, so a development token never passes as an Entra token.
 */
export class TokenAuthenticator implements Authenticator {
  /**
   * @param entra - Verifier of Teams SSO tokens, undefined when TAB_SSO_CLIENT_ID is not set, so only
   *   development tokens can pass.
   * @param devSignIn - Issuer of development tokens, undefined when the development sign-in is off.
   */
  constructor(
    private readonly consultant: ConfiguredConsultant,
    private readonly entra: EntraTokenVerifier | undefined,
    private readonly devSignIn: DevSignInTokens | undefined,
  ) {}

  async authenticate(authorization: string | undefined): Promise<ApiConsultant> {
    const match = /^Bearer +(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) throw new ApiFailure('tokenMissing', 'The request has no Bearer token; sign in again');
    const token = match[1] as string;

    const payload = await this.verify(token);
    return admitConsultant(payload, this.consultant);
  }

  private async verify(token: string): Promise<JWTPayload> {
    let algorithm: unknown;
    try {
      algorithm = decodeProtectedHeader(token).alg;
    } catch {
      throw new ApiFailure('tokenInvalid', 'The token is not a valid JWT; sign in again');
    }

    if (algorithm === 'HS256' && this.devSignIn) return this.devSignIn.verify(token);
    if (!this.entra) {
      throw new ApiFailure('tokenAudienceInvalid', "The server accepts no Teams token because TAB_SSO_CLIENT_ID is not set; set it to the tab app's client id");
    }
    return this.entra.verify(token);
  }
}
