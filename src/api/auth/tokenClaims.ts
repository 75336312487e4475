import { ApiFailure } from '../apiFailure.js';
import type { ApiConsultant } from '../route.js';

/** Delegated scope the tab's Entra app exposes and Teams requests for the tab. */
export const TAB_SCOPE = 'access_as_user';

/** The consultant the tab API admits, as configured. */
export interface ConfiguredConsultant {
  tenantId: string;
  aadObjectId: string;
  name: string;
  language?: 'de' | 'en';
}

/**
 * Checks the claims that decide who may use the tab, on a token whose signature, issuer, audience and expiry
 * are already valid: tenant (`tid`), scope (`scp` with {@link TAB_SCOPE}) and user (`oid`).
 *
 * @throws ApiFailure 403 with code wrongTenant, scopeMissing or wrongUser.
 */
export function admitConsultant(payload: Record<string, unknown>, consultant: ConfiguredConsultant): ApiConsultant {
  if (payload.tid !== consultant.tenantId) {
    throw new ApiFailure('wrongTenant', `The token's tenant "${String(payload.tid ?? '')}" is not the consultant's organisation; sign in with the consultant's account`);
  }

  const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
  if (!scopes.includes(TAB_SCOPE)) {
    throw new ApiFailure('scopeMissing', `The token is missing the scope ${TAB_SCOPE}; consent to it for the tab's Entra app and sign in again`);
  }

  if (payload.oid !== consultant.aadObjectId) {
    throw new ApiFailure('wrongUser', `The token's user "${String(payload.oid ?? '')}" is not the configured consultant; sign in as the consultant`);
  }

  return {
    name: consultant.name,
    tenantId: consultant.tenantId,
    aadObjectId: consultant.aadObjectId,
    language: consultant.language ?? 'de',
  };
}
