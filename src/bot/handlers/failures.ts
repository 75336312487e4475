import type { TurnContext } from 'botbuilder';
import type { Language } from '../../domain/customer.js';
import { ForbiddenTransitionError } from '../../domain/lifecycle.js';
import { messagesFor } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import { RequestNotFoundError } from '../../services/requestService.js';
import { StorageUnavailableError } from '../../storage/errors.js';
import { logIdsOf } from '../turn.js';

/**
 * Turns an error of a handler into a message for the person, in their language, and logs it.
 * Exception text never reaches the user.
 */
export function describeFailure(error: unknown, lang: Language, context: TurnContext, logger: Logger): string {
  const replies = messagesFor(lang).replies;
  const ids = logIdsOf(context.activity);

  if (error instanceof StorageUnavailableError) {
    logger.error({ ...ids, err: error }, 'storage unavailable during a bot turn');
    return replies.temporarilyUnavailable;
  }
  if (error instanceof RequestNotFoundError) {
    logger.warn({ ...ids, customerId: error.customerId, requestNumber: error.number }, 'card action for a missing request');
    return replies.requestNotFound(error.number);
  }
  if (error instanceof ForbiddenTransitionError) {
    logger.warn({ ...ids, requestNumber: error.requestNumber, from: error.from, to: error.to }, 'forbidden state change');
    return replies.genericError;
  }

  logger.error({ ...ids, err: error }, 'bot handler failed');
  return replies.genericError;
}

/** Runs a message handler and replies with a clear message instead of failing silently. */
export async function replyOnFailure(context: TurnContext, lang: Language, logger: Logger, handler: () => Promise<void>): Promise<void> {
  try {
    await handler();
  } catch (error) {
    await context.sendActivity(describeFailure(error, lang, context, logger));
  }
}
