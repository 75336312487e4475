import type { TabAuthConfig } from '../../config.js';
import type { Clock } from '../../domain/clock.js';
import type { Authenticator } from './authenticator.js';
import { DevSignInTokens } from './devSignInTokens.js';
import { EntraTokenVerifier } from './entraTokenVerifier.js';
import { TokenAuthenticator } from './tokenAuthenticator.js';
import type { ConfiguredConsultant } from './tokenClaims.js';

/** The token check of the tab API and, only while TAB_DEV_SIGN_IN=true, the development sign-in. */
export interface TabAuthentication {
  authenticator: Authenticator;
  devSignIn?: DevSignInTokens;
}

/**
 * Builds the tab API's authentication from the configuration: Teams SSO tokens are accepted when
 * TAB_SSO_CLIENT_ID is set, development tokens when TAB_DEV_SIGN_IN=true.
 */
export function createTabAuthentication(config: TabAuthConfig, consultant: ConfiguredConsultant, clock: Clock): TabAuthentication {
  const entra =
    config.ssoClientId === undefined
      ? undefined
      : new EntraTokenVerifier({ clientId: config.ssoClientId, appIdUri: config.appIdUri, jwksUrl: config.jwksUrl }, clock);
  const devSignIn = config.devSignIn ? new DevSignInTokens(consultant, clock) : undefined;
  return { authenticator: new TokenAuthenticator(consultant, entra, devSignIn), devSignIn };
}
