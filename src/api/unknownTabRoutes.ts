import type restify from 'restify';
import { ApiFailure, sendApiFailure } from './apiFailure.js';
import { TAB_API_PREFIX } from './openApiDocument.js';

/**
 * Answers requests under `/api/tab` that match no route in the tab API's error shape: 404 `routeNotFound`
 * for an unknown path, 405 `methodNotAllowed` for a known path with another method. Restify keeps its
 * `Allow` header on a 405. Requests outside `/api/tab`, such as `/api/messages` and `/tab`, keep restify's
 * own answers.
 */
export function answerUnknownTabRoutes(server: restify.Server): void {
  server.on('NotFound', (request: restify.Request, response: restify.Response, _error: Error, callback: () => void) => {
    if (isTabApiPath(request)) {
      sendApiFailure(response, new ApiFailure('routeNotFound', 'No tab API operation has this path; GET /api/tab/openapi.json lists them'));
    }
    callback();
  });

  server.on('MethodNotAllowed', (request: restify.Request, response: restify.Response, _error: Error, callback: () => void) => {
    if (isTabApiPath(request)) {
      sendApiFailure(response, new ApiFailure('methodNotAllowed', 'The path does not support this method; the Allow header lists the methods it does'));
    }
    callback();
  });
}

function isTabApiPath(request: restify.Request): boolean {
  const path = request.getPath();
  return path === TAB_API_PREFIX || path.startsWith(`${TAB_API_PREFIX}/`);
}
