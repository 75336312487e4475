import type { ApiConsultant } from '../route.js';

/** Checks the `Authorization` header of a tab API request and returns the consultant it belongs to. */
export interface Authenticator {
  /**
   * @param authorization - Value of the `Authorization` header, undefined when the header is missing.
   * @throws ApiFailure with status 401 or 403 and a stable code when the request may not use the API.
   */
  authenticate(authorization: string | undefined): Promise<ApiConsultant>;
}
