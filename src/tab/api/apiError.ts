import { AUTH_ERROR_CODES, type ApiErrorBody, type AuthErrorCode } from './types.js';

/** A failed call of the tab API: the HTTP status and, when the server sent one, its error body. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  /**
   * @param status - HTTP status, or 0 when the server could not be reached.
   * @param body - Parsed error body, or undefined when the response had none or was not JSON.
   */
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body?: ApiErrorBody,
  ) {
    super(`${method} ${path} failed with status ${status}${body ? ` (${body.code}: ${body.message})` : ''}`);
  }

  /** Whether the response denies access (401 or 403), so the tab shows how to sign in instead of the screen. */
  get isAuthFailure(): boolean {
    return this.status === 401 || this.status === 403;
  }

  /** The error code of an access denial, or undefined when the server sent an unknown code or none. */
  get authCode(): AuthErrorCode | undefined {
    const code = this.body?.code;
    return (AUTH_ERROR_CODES as readonly string[]).includes(code ?? '') ? (code as AuthErrorCode) : undefined;
  }
}

/** Teams (or the development sign-in) gave no token, so no API call could be sent. */
export class TokenUnavailableError extends Error {
  override readonly name = 'TokenUnavailableError';

  constructor(readonly reason: unknown) {
    super(`No sign-in token: ${reason instanceof Error ? reason.message : String(reason)}`);
  }
}

/** Why the API cannot be used: a 401 or 403 response, or no token to send. */
export type AccessProblem = ApiError | TokenUnavailableError;
