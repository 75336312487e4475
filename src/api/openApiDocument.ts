import { OpenAPIRegistry, OpenApiGeneratorV3, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { API_ERROR_STATUS, ApiErrorBodySchema, type ApiErrorCode } from './apiFailure.js';
import { AUTH_ERROR_CODES } from './authErrorCodes.js';
import { z } from './openApiZod.js';
import type { AnyApiRoute } from './route.js';

/** Prefix of every tab API path. */
export const TAB_API_PREFIX = '/api/tab';

/** Name of the bearer security scheme in the OpenAPI document. */
const SECURITY_SCHEME = 'teamsSso';

/** Error codes of every authenticated operation. */
const COMMON_ERROR_CODES: readonly ApiErrorCode[] = [
  'invalidInput',
  ...AUTH_ERROR_CODES,
  'internalError',
  'storageUnavailable',
  'signInUnavailable',
];

/** Body of `POST /api/tab/dev-sign-in`. */
export const DevSignInResponseSchema = z
  .object({
    token: z.string().openapi({ description: 'Bearer token for the tab API, signed by this server' }),
    expiresAt: z.string().datetime({ offset: true }),
  })
  .openapi('DevSignIn');

/**
 * Builds the OpenAPI 3.0 document of the tab API from the routes' zod schemas. The output is deterministic
 * for the same routes, so a committed copy can be compared with it.
 */
export function buildOpenApiDocument(routes: readonly AnyApiRoute[]): ReturnType<OpenApiGeneratorV3['generateDocument']> {
  const registry = new OpenAPIRegistry();
  registry.register('ApiError', ApiErrorBodySchema);
  registry.registerComponent('securitySchemes', SECURITY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'Teams SSO token of the consultant (authentication.getAuthToken), or in local runs a token from POST /api/tab/dev-sign-in',
  });

  for (const route of routes) {
    const successStatus = route.successStatus ?? 200;
    const responses: Record<string, ResponseConfig> = {
      [successStatus]:
        successStatus === 204
          ? { description: 'Done' }
          : { description: 'Success', content: { [route.fileContentType ?? 'application/json']: { schema: route.response } } },
      ...errorResponses([...COMMON_ERROR_CODES, ...(route.errors ?? [])]),
    };
    registry.registerPath({
      method: route.method,
      path: `${TAB_API_PREFIX}${route.path}`,
      summary: route.summary,
      description: route.description,
      tags: [route.tag],
      security: [{ [SECURITY_SCHEME]: [] }],
      request: {
        params: route.request?.params,
        query: route.request?.query,
        body: route.request?.body ? { required: true, content: { 'application/json': { schema: route.request.body } } } : undefined,
      },
      responses,
    });
  }

  registry.registerPath({
    method: 'post',
    path: `${TAB_API_PREFIX}/dev-sign-in`,
    summary: 'Signs in as the configured consultant without Teams (local development only)',
    description: 'Responds with 404 unless TAB_DEV_SIGN_IN=true. The server does not start with that setting in production.',
    tags: ['Authentication'],
    responses: {
      200: { description: 'A short-lived token', content: { 'application/json': { schema: DevSignInResponseSchema } } },
      404: { description: 'Development sign-in is off', content: { 'application/json': { schema: ApiErrorBodySchema } } },
    },
  });
  registry.registerPath({
    method: 'get',
    path: `${TAB_API_PREFIX}/openapi.json`,
    summary: 'This OpenAPI document',
    tags: ['Meta'],
    responses: { 200: { description: 'OpenAPI 3.0 document', content: { 'application/json': { schema: z.object({}).passthrough() } } } },
  });

  const generator = new OpenApiGeneratorV3(registry.definitions);
  return generator.generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'Hotline Desk tab API',
      version: '1',
      description:
        "REST API of the consultant's Teams tab. Every error response has an ApiError body whose `code` is stable.",
    },
  });
}

/** Builds one response per HTTP status, listing the error codes of that status. */
function errorResponses(codes: readonly ApiErrorCode[]): Record<string, ResponseConfig> {
  const codesByStatus = new Map<number, ApiErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = API_ERROR_STATUS[code];
    codesByStatus.set(status, [...(codesByStatus.get(status) ?? []), code]);
  }

  const responses: Record<string, ResponseConfig> = {};
  for (const [status, statusCodes] of [...codesByStatus].sort(([a], [b]) => a - b)) {
    responses[status] = {
      description: `Error with code ${statusCodes.join(', ')}`,
      content: { 'application/json': { schema: ApiErrorBodySchema } },
    };
  }
  return responses;
}

/** Repository path of the committed OpenAPI file, relative to the repository root. */
export const OPENAPI_FILE = 'docs/openapi.json';

/** Renders the OpenAPI document as the committed file stores it: JSON with two-space indent and a final newline. */
export function renderOpenApiFile(routes: readonly AnyApiRoute[]): string {
  return `${JSON.stringify(buildOpenApiDocument(routes), null, 2)}\n`;
}
