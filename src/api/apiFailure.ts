import type restify from 'restify';
import { FIELD_ISSUE_CODES } from '../domain/fieldIssue.js';
import { z } from './openApiZod.js';

/** HTTP statuses of the tab API's error responses. */
export type ApiErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 500 | 503;

/**
 * Stable error codes of the tab API and the HTTP status of each. The tab maps each code to a German or
 * English explanation, so a code never changes its meaning. Add a new code instead.
 */
export const API_ERROR_STATUS = {
  // The request does not match the route's schema.
  invalidInput: 400,
  // No usable token.
  tokenMissing: 401,
  tokenInvalid: 401,
  tokenExpired: 401,
  tokenAudienceInvalid: 401,
  tokenIssuerInvalid: 401,
  // A valid token of someone who may not use the tab.
  wrongTenant: 403,
  wrongUser: 403,
  scopeMissing: 403,
  // No operation of the tab API has the path, or none has the method on the path.
  routeNotFound: 404,
  methodNotAllowed: 405,
  // The body parser rejected the body: larger than the server's limit, or an encoding it cannot decode.
  payloadTooLarge: 413,
  unsupportedMediaType: 415,
  // Errors of the services.
  notFound: 404,
  requestNotFound: 404,
  customerNotFound: 404,
  conflict: 409,
  duplicateTenant: 409,
  duplicateCustomerId: 409,
  concurrentChange: 409,
  transitionNotAllowed: 409,
  invalidSolution: 422,
  invalidNote: 422,
  invalidAbsence: 422,
  unprocessable: 422,
  internalError: 500,
  storageUnavailable: 503,
  // The signing keys of the tokens could not be fetched.
  signInUnavailable: 503,
} as const satisfies Record<string, ApiErrorStatus>;

/** A stable error code, a key of {@link API_ERROR_STATUS}. */
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** Every error code, for the response schema. */
export const API_ERROR_CODES = Object.keys(API_ERROR_STATUS) as [ApiErrorCode, ...ApiErrorCode[]];

/**
 * A field that failed validation: its location (`body.minutes`, `query.limit`), a stable code of what is
 * wrong with it and an English message. Clients show their own text for `code` and `params`.
 */
export const ApiFieldIssueSchema = z
  .object({
    field: z.string().openapi({ example: 'body.minutes' }),
    code: z.enum(FIELD_ISSUE_CODES).openapi({ example: 'outOfRange' }),
    params: z
      .record(z.union([z.string(), z.number()]))
      .optional()
      .openapi({ description: 'Values of the code\'s text, such as `minimum` and `maximum` of `outOfRange`', example: { minimum: 1 } }),
    message: z.string().openapi({ example: 'Number must be greater than 0' }),
  })
  .openapi('ApiFieldIssue');

/** A field that failed validation. */
export type ApiFieldIssue = z.infer<typeof ApiFieldIssueSchema>;

/** JSON body of every error response of the tab API. */
export const ApiErrorBodySchema = z
  .object({
    code: z.enum(API_ERROR_CODES),
    /** English text for logs and developers. The tab shows its own text for `code`. */
    message: z.string(),
    /** The fields that failed validation, for status 400 and for 422 when the service names one. */
    issues: z.array(ApiFieldIssueSchema).optional(),
  })
  .openapi('ApiError');

/** JSON body of every error response of the tab API. */
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

/**
 * An error a route handler returns (or throws) instead of data. The router sends it with the status of its
 * code and an {@link ApiErrorBody}. `message` must be a fixed text of ours, never an exception's message.
 */
export class ApiFailure {
  /** HTTP status of the response, given by the code. */
  readonly status: ApiErrorStatus;

  constructor(
    readonly code: ApiErrorCode,
    readonly message: string,
    readonly issues?: ApiErrorBody['issues'],
    /** Error that led to this failure, logged by the router and never sent to the client. */
    readonly cause?: unknown,
  ) {
    this.status = API_ERROR_STATUS[code];
  }

  /** Returns the JSON body of the response. */
  toBody(): ApiErrorBody {
    return this.issues === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, issues: this.issues };
  }
}

/** Sends `failure` as the response: the status of its code and its {@link ApiErrorBody}. */
export function sendApiFailure(response: restify.Response, failure: ApiFailure): void {
  response.send(failure.status, failure.toBody());
}
