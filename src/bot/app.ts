import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { messagesFor, resolveLanguage } from '../i18n/index.js';
import type { BotDeps } from './deps.js';
import { logIdsOf } from './turn.js';
import { registerChat } from './handlers/chat.js';
import { registerConsultantActions } from './handlers/consultantActions.js';
import { registerEmergency } from './handlers/emergency.js';
import { registerHours } from './handlers/hours.js';
import { registerBookings } from './handlers/bookings.js';
import { registerRequestForm } from './handlers/requestForm.js';
import { registerOverage } from './handlers/overage.js';
import { registerTimeLog } from './handlers/timeLog.js';

/**
 * Builds the Teams AI application with every handler. No turn-state storage is configured:
 * all state lives in the app's own tables, so several instances can serve one bot.
 */
export function createBotApplication(adapter: TeamsAdapter, botAppId: string, deps: BotDeps): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter,
    botAppId,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });

  registerChat(app, deps);
  registerRequestForm(app, deps);
  registerConsultantActions(app, deps);
  registerEmergency(app, deps);
  registerBookings(app, deps);
  registerTimeLog(app, deps);
  registerOverage(app, deps);
  registerHours(app, deps);

  // Registered last, so it only handles card actions that no handler above knows, e.g. from an outdated card.
  app.adaptiveCards.actionExecute(/.*/, async (context) => {
    deps.logger.warn({ ...logIdsOf(context.activity), verb: context.activity.value?.action?.verb }, 'unknown card action');
    return messagesFor(resolveLanguage(undefined, context.activity.locale)).replies.unknownAction;
  });
  return app;
}
