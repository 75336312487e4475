import type restify from 'restify';
import { ApiFailure, sendApiFailure } from './apiFailure.js';
import { TAB_API_PREFIX } from './openApiDocument.js';

/**
 * Registers restify listeners that respond in the tab API's error shape to requests under `/api/tab` that
 * match no route: 404 `routeNotFound` for an unknown path, 405 `methodNotAllowed` for a known path with
 * another method. Restify sets the `Allow` header of a 405 before the listener runs. Requests outside
 * `/api/tab`, such as `/api/messages` and `/tab`, keep restify's own error bodies.
 */
export function mountUnknownRouteErrors(server: restify.Server): void {
  server.on('NotFound', (request: restify.Request, response: restify.Response, _error: Error, callback: () => void) => {
    if (isTabApiPath(request)) {
      sendApiFailure(response, new ApiFailure('routeNotFound', 'No tab API operation has this path. GET /api/tab/openapi.json lists the operations.'));
    }
    callback();
  });

  server.on('MethodNotAllowed', (request: restify.Request, response: restify.Response, _error: Error, callback: () => void) => {
    if (isTabApiPath(request)) {
      sendApiFailure(response, new ApiFailure('methodNotAllowed', 'The path does not support this method. The Allow header lists the supported methods.'));
    }
    callback();
  });
}

/** Returns whether the request's path is `/api/tab` or below it. */
export function isTabApiPath(request: restify.Request): boolean {
  const path = request.getPath();
  return path === TAB_API_PREFIX || path.startsWith(`${TAB_API_PREFIX}/`);
}
