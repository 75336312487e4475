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
    throw new ApiFailure('wrongTenant', "The token belongs to another organisation than the consultant's");
  }

  const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
  if (!scopes.includes(TAB_SCOPE)) {
    throw new ApiFailure('scopeMissing', `The token lacks the scope ${TAB_SCOPE}`);
  }

  if (payload.oid !== consultant.aadObjectId) {
    throw new ApiFailure('wrongUser', 'The token belongs to another user than the consultant');
  }

  return {
    name: consultant.name,
    tenantId: consultant.tenantId,
    aadObjectId: consultant.aadObjectId,
    language: consultant.language ?? 'de',
  };
}
