import { ConfigurationServiceClientCredentialFactory, type TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';

/**
 * Creates the Bot Framework adapter. Without a BOT_ID the adapter skips Bot Framework
 * authentication, which is how the Agents Playground and the integration tests connect;
 * production configuration requires BOT_ID.
 */
export function createAdapter(bot: AppConfig['bot'], logger: Logger): TeamsAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory(
    bot.appId
      ? {
          MicrosoftAppId: bot.appId,
          MicrosoftAppPassword: bot.password,
          MicrosoftAppType: bot.appType,
          MicrosoftAppTenantId: bot.tenantId,
        }
      : {},
  );
  const adapter = new TeamsAdapter({}, credentials);

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      { err: error, activityId: context.activity.id, conversationId: context.activity.conversation?.id },
      'unhandled error in bot turn',
    );
  };
  return adapter;
}
