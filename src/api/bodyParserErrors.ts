import type restify from 'restify';
import { ApiFailure, sendApiFailure } from './apiFailure.js';
import { isTabApiPath } from './unknownTabRoutes.js';

/**
 * Registers restify listeners that respond in the tab API's error shape when restify's body parser rejects
 * a request under `/api/tab`. A body that is not valid JSON gets 400 `invalidInput`, a body above the
 * server's limit 413 `payloadTooLarge`, and a content encoding the parser cannot decode 415
 * `unsupportedMediaType`. The body parser runs before any route, so these responses come before the token
 * check. Requests outside `/api/tab` keep restify's own error bodies.
 */
export function mountBodyParserErrors(server: restify.Server): void {
  const respond = (failure: ApiFailure) => (request: restify.Request, response: restify.Response, _error: Error, callback: () => void) => {
    if (isTabApiPath(request)) sendApiFailure(response, failure);
    callback();
  };

  server.on(
    'InvalidContent',
    respond(new ApiFailure('invalidInput', 'The request body is not valid JSON', [{ field: 'body', code: 'invalidFormat', message: 'Invalid JSON' }])),
  );
  server.on('PayloadTooLarge', respond(new ApiFailure('payloadTooLarge', 'The request body is larger than the server accepts')));
  server.on(
    'UnsupportedMediaType',
    respond(new ApiFailure('unsupportedMediaType', 'The request body has a content type or encoding the server cannot read; send JSON')),
  );
}
