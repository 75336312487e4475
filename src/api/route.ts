import type { AnyZodObject, ZodTypeAny, z } from 'zod';
import type { ApiErrorCode, ApiFailure } from './apiFailure.js';
import type { ApiFileResponse } from './apiFile.js';
import type { ApiServices } from './apiServices.js';

/** HTTP methods the tab API uses. */
export type ApiMethod = 'get' | 'post' | 'put' | 'delete';

/** The consultant a validated token belongs to, handed to every route handler. */
export interface ApiConsultant {
  name: string;
  /** Entra tenant id (GUID) of the consultant's organisation. */
  tenantId: string;
  /** Entra object id (GUID) of the consultant. */
  aadObjectId: string;
  /** Language of the consultant's texts in Teams, "de" when not configured. */
  language: 'de' | 'en';
}

/** Input of a route handler: path, query and body validated by the route's schemas, the consultant and the services. */
export interface ApiRouteInput<Params, Query, Body> {
  params: Params;
  query: Query;
  body: Body;
  consultant: ApiConsultant;
  services: ApiServices;
}

/**
 * One operation of the tab API. The router validates `params`, `query` and `body` with the zod schemas,
 * calls `handler`, and documents the operation in the OpenAPI file from the same schemas.
 *
 * A handler returns data matching `response`, or an {@link ApiFailure} (returned or thrown). Errors the
 * services throw (not found, conflict, forbidden transition, invalid input) are mapped by the router, so a
 * handler lets them pass.
 */
export interface ApiRoute<
  Params extends AnyZodObject = AnyZodObject,
  Query extends AnyZodObject = AnyZodObject,
  Body extends ZodTypeAny = ZodTypeAny,
  Response extends ZodTypeAny = ZodTypeAny,
> {
  method: ApiMethod;
  /** Path below `/api/tab`, in OpenAPI form with `{name}` for a path parameter, e.g. `/requests/{customerId}/{number}`. */
  path: string;
  /** One-line summary for the OpenAPI file. */
  summary: string;
  description?: string;
  /** OpenAPI tag that groups the operation, e.g. "Requests". */
  tag: string;
  /** Status of a successful response, 200 by default. 204 sends no body. */
  successStatus?: 200 | 201 | 204;
  request?: {
    /** Path parameters, whose names must match the `{name}` parts of `path`. */
    params?: Params;
    /** Query parameters. They arrive as strings, so number and boolean fields need `z.coerce` or a transform. */
    query?: Query;
    /** JSON body. */
    body?: Body;
  };
  /** Schema of the successful response body. */
  response: Response;
  /** Error codes the operation may respond with besides 400, 401, 403 and 500, for the OpenAPI file. */
  errors?: readonly ApiErrorCode[];
  /**
   * Media type of the successful response when the handler returns an {@link ApiFileResponse} instead of JSON,
   * e.g. "text/csv". The `response` schema then describes the file's content in the OpenAPI file.
   */
  fileContentType?: string;
  handler(
    input: ApiRouteInput<z.output<Params>, z.output<Query>, z.output<Body>>,
  ): Promise<z.input<Response> | ApiFailure | ApiFileResponse>;
}

/** A route of any schemas, as kept in route lists. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyApiRoute = ApiRoute<any, any, any, any>;

/** Returns the route unchanged, so that TypeScript infers the handler's input types from the schemas. */
export function defineRoute<
  Params extends AnyZodObject = AnyZodObject,
  Query extends AnyZodObject = AnyZodObject,
  Body extends ZodTypeAny = ZodTypeAny,
  Response extends ZodTypeAny = ZodTypeAny,
>(route: ApiRoute<Params, Query, Body, Response>): ApiRoute<Params, Query, Body, Response> {
  return route;
}
