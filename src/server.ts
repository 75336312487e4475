import restify from 'restify';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Logger } from './logger.js';
import { mountTabApi, type TabApiOptions } from './api/router.js';
import { mountTabAssets } from './tabAssets.js';

/**
 * Returns why a posted body is not an activity the bot can process, or undefined when it is.
 * Replies go to `serviceUrl`, so an activity without one is rejected before any connector call.
 */
export function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'expected a JSON activity object';

  const activity = body as Record<string, any>;
  if (typeof activity.type !== 'string' || activity.type === '') return 'missing activity type';
  if (typeof activity.serviceUrl !== 'string' || !/^https?:\/\/[^\s]+$/.test(activity.serviceUrl)) {
    return 'missing or invalid serviceUrl';
  }
  if (typeof activity.conversation?.id !== 'string' || activity.conversation.id === '') return 'missing conversation.id';
  if (typeof activity.from?.id !== 'string' || activity.from.id === '') return 'missing from.id';
  return undefined;
}

/** Handlers the HTTP server routes to. */
export interface ServerRoutes {
  adapter: TeamsAdapter;
  /** Runs one bot turn. */
  runTurn(context: TurnContext): Promise<void>;
  /** The tab's REST API under `/api/tab`; undefined leaves it out. */
  tabApi?: TabApiOptions;
}

/**
 * Creates the restify server with the bot endpoint `/api/messages` and a liveness probe `/healthz`.
 * Teams caps a message at about 100 KB, so bodies above 1 MiB are rejected before parsing.
 */
export function createServer(routes: ServerRoutes, logger: Logger): restify.Server {
  const server = restify.createServer({ name: 'hotline-desk', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));

  server.post('/api/messages', async (request, response) => {
    const problem = activityProblem(request.body);
    if (problem) {
      logger.warn({ problem }, 'rejected a malformed activity');
      response.send(400, { error: { code: 'BadRequest', message: problem } });
      return;
    }
    await routes.adapter.process(request, response, (context) => routes.runTurn(context));
  });

  // The consultant's personal tab, built by `npm run build:tab`; the app manifest points at /tab/.
  mountTabAssets(server, logger);

  if (routes.tabApi) mountTabApi(server, routes.tabApi);

  server.get('/healthz', (_request, response, next) => {
    response.send(200, { status: 'ok' });
    next();
  });

  server.on('restifyError', (request, _response, error, callback) => {
    logger.warn({ err: error, method: request.method, url: request.url }, 'HTTP request failed');
    callback();
  });
  return server;
}
