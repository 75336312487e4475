/**
 * Mounts the tab API under `/api/tab` on the restify server.
 *
 * How a route module plugs in:
 * 1. Create `src/api/routes/<topic>.ts` exporting `const <topic>Routes: AnyApiRoute[]`, each built with
 *    `defineRoute({ method, path, summary, tag, request: { params, query, body }, response, errors, handler })`
 *    from `../route.js`. Build schemas with `z` from `../openApiZod.js`, so `.openapi('Name')` names them in
 *    the OpenAPI file. `path` is below `/api/tab` and uses `{name}` for path parameters.
 * 2. The handler receives `{ params, query, body, consultant, services }` already validated, calls one
 *    service method and returns the response data. It lets service errors pass (this router maps not
 *    found to 404, conflicts and forbidden transitions to 409, invalid input to 422) or returns an
 *    `ApiFailure` from `../apiFailure.js` for an error response of its own.
 * 3. A service the handler needs becomes a field of `ApiServices` in `../apiServices.ts`, filled in
 *    `src/index.ts`.
 * 4. Add the route list to `tabApiRoutes` in `./routes/index.ts`, then run `npm run openapi` to rewrite
 *    `docs/openapi.json` (a test fails while the committed file differs from the routes).
 */
import type restify from 'restify';
import type { ZodTypeAny } from 'zod';
import type { Logger } from '../logger.js';
import { ApiFailure, sendApiFailure, type ApiErrorBody } from './apiFailure.js';
import { ApiFileResponse } from './apiFile.js';
import { fieldIssuesOfZodError } from './fieldIssues.js';
import type { ApiServices } from './apiServices.js';
import type { Authenticator } from './auth/authenticator.js';
import type { DevSignIn } from './auth/devSignIn.js';
import { TAB_API_PREFIX, buildOpenApiDocument } from './openApiDocument.js';
import type { AnyApiRoute, ApiMethod } from './route.js';
import { failureForServiceError } from './serviceErrors.js';
import { mountBodyParserErrors } from './bodyParserErrors.js';
import { mountUnknownRouteErrors } from './unknownTabRoutes.js';

/** Parts of the tab API: its routes, the services they call and the token check. */
export interface TabApiOptions {
  routes: readonly AnyApiRoute[];
  services: ApiServices;
  authenticator: Authenticator;
  /** Development sign-in. When undefined, `POST /api/tab/dev-sign-in` responds with 404. */
  devSignIn?: DevSignIn;
  logger: Logger;
}

/**
 * Registers every route under `/api/tab`, plus `GET /api/tab/openapi.json` and `POST /api/tab/dev-sign-in`.
 * Each route authenticates first, then validates path, query and body, so a caller without a valid token
 * learns nothing about the input rules. Other paths and methods under `/api/tab` get 404 or 405 in the
 * API's error shape.
 *
 * @throws Error when two routes share a method and path, or a path parameter has no schema field.
 */
export function mountTabApi(server: restify.Server, options: TabApiOptions): void {
  const { routes, logger } = options;
  checkRoutes(routes);
  mountUnknownRouteErrors(server);
  mountBodyParserErrors(server);

  const document = buildOpenApiDocument(routes);
  server.get(`${TAB_API_PREFIX}/openapi.json`, async (_request, response) => {
    response.send(200, document);
  });

  server.post(`${TAB_API_PREFIX}/dev-sign-in`, async (_request, response) => {
    if (!options.devSignIn) {
      sendApiFailure(response, new ApiFailure('notFound', 'Development sign-in is off'));
      return;
    }
    const signIn = await options.devSignIn.issue();
    logger.info({ expiresAt: signIn.expiresAt }, 'issued a development sign-in token');
    response.send(200, signIn);
  });

  for (const route of routes) {
    register(server, route.method, `${TAB_API_PREFIX}${restifyPath(route.path)}`, async (request, response) => {
      try {
        await handle(route, request, response, options);
      } catch (error) {
        const failure = failureForServiceError(error);
        if (failure) {
          const cause = failure.cause === undefined ? {} : { err: failure.cause };
          logger.info({ method: route.method, path: route.path, code: failure.code, ...cause }, 'tab API request failed');
          sendApiFailure(response, failure);
          return;
        }
        logger.error({ err: error, method: route.method, path: route.path }, 'tab API handler failed');
        sendApiFailure(response, new ApiFailure('internalError', 'The server failed to process the request'));
      }
    });
  }
}

/** Authenticates, validates, calls the handler and sends its result. */
async function handle(
  route: AnyApiRoute,
  request: restify.Request,
  response: restify.Response,
  options: TabApiOptions,
): Promise<void> {
  const consultant = await options.authenticator.authenticate(request.header('authorization') || undefined);

  const issues: NonNullable<ApiErrorBody['issues']> = [];
  const params = validate(route.request?.params, request.params ?? {}, 'params', issues);
  const query = validate(route.request?.query, queryObject(request), 'query', issues);
  const body = validate(route.request?.body, request.body ?? {}, 'body', issues);
  if (issues.length > 0) {
    const fields = issues.map((issue) => issue.field);
    options.logger.info({ method: route.method, path: route.path, fields }, 'tab API request with invalid fields rejected');
    sendApiFailure(response, new ApiFailure('invalidInput', 'The request has invalid fields', issues));
    return;
  }

  const result = await route.handler({ params, query, body, consultant, services: options.services });
  if (result instanceof ApiFailure) {
    options.logger.info({ method: route.method, path: route.path, code: result.code }, 'tab API request failed');
    sendApiFailure(response, result);
    return;
  }
  if (result instanceof ApiFileResponse) {
    response.sendRaw(route.successStatus ?? 200, result.content, result.headers());
    return;
  }

  if (route.successStatus === 204) {
    response.send(204);
    return;
  }
  // The response schema is the contract the tab relies on, so data that breaks it is a server error.
  const checked = route.response.safeParse(result);
  if (!checked.success) {
    const responseIssues = fieldIssuesOfZodError(checked.error, 'response');
    options.logger.error({ method: route.method, path: route.path, issues: responseIssues }, 'tab API response does not match its schema');
    sendApiFailure(response, new ApiFailure('internalError', 'The server failed to process the request'));
    return;
  }
  response.send(route.successStatus ?? 200, checked.data);
}

/** Parses one part of the request. Adds its problems to `issues` and returns undefined when it is invalid. */
function validate(schema: ZodTypeAny | undefined, value: unknown, location: string, issues: NonNullable<ApiErrorBody['issues']>): unknown {
  if (!schema) return {};
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  issues.push(...fieldIssuesOfZodError(result.error, location));
  return undefined;
}


/** Returns the query parameters as an object, keeping the first value of a repeated name. */
function queryObject(request: restify.Request): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of new URL(request.url ?? '/', 'http://localhost').searchParams) {
    if (!(name in query)) query[name] = value;
  }
  return query;
}

/** Turns the OpenAPI path form `/requests/{number}` into restify's `/requests/:number`. */
function restifyPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

function register(server: restify.Server, method: ApiMethod, path: string, handler: restify.RequestHandler): void {
  if (method === 'get') server.get(path, handler);
  else if (method === 'post') server.post(path, handler);
  else if (method === 'put') server.put(path, handler);
  else server.del(path, handler);
}

function checkRoutes(routes: readonly AnyApiRoute[]): void {
  const seen = new Set<string>();
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) throw new Error(`Tab API route "${key}" is defined twice`);
    seen.add(key);

    const names = [...route.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1] as string);
    const shape = (route.request?.params?.shape ?? {}) as Record<string, unknown>;
    for (const name of names) {
      if (!(name in shape)) throw new Error(`Tab API route "${key}" has path parameter "${name}" without a schema field`);
    }
  }
}
