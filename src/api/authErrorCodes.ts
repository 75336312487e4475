import type { ApiErrorCode } from './apiFailure.js';

/**
 * Error codes of 401 and 403 responses, for which the tab explains how to get access. This module has no
 * runtime imports, so the tab bundles it without the server code.
 */
export const AUTH_ERROR_CODES = [
  'tokenMissing',
  'tokenInvalid',
  'tokenExpired',
  'tokenAudienceInvalid',
  'tokenIssuerInvalid',
  'wrongTenant',
  'wrongUser',
  'scopeMissing',
] as const satisfies readonly ApiErrorCode[];

/** An error code of a 401 or 403 response. */
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];
