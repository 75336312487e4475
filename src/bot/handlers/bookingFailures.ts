import { MessageFactory, type TurnContext } from 'botbuilder';

import { CalendarError, CalendarEventNotFoundError } from '../../calendar/calendarErrors.js';
import { CallbackAppointmentError } from '../../domain/callbackAppointment.js';
import type { Language } from '../../domain/customer.js';
import { messagesFor } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import {
  BookingNotFoundError,
  BookingStateError,
  EntitlementNotInPlanError,
  type ConflictReason,
  InvalidBookingRequestError,
} from '../../services/bookingService.js';
import { toAttachment } from '../cards/attachment.js';
import type { AdaptiveCard } from '../cards/template.js';
import type { BotDeps } from '../deps.js';
import { logIdsOf } from '../turn.js';
import { withContact, type ContactCaller } from './requestForm.js';

/**
 * Returns the contact's message for an error of the booking service or the calendar, and logs it, or
 * returns undefined for any other error, which the caller passes on. Exception text never reaches the user.
 */
export function describeBookingFailure(error: unknown, lang: Language, context: TurnContext, logger: Logger): string | undefined {
  const messages = messagesFor(lang);
  const texts = messages.booking.errors;
  const ids = logIdsOf(context.activity);

  if (error instanceof CalendarEventNotFoundError || error instanceof BookingNotFoundError) {
    logger.warn({ ...ids, err: error }, 'booking card action for a missing booking or event');
    return texts.notFound;
  }
  if (error instanceof CalendarError) {
    logger.error({ ...ids, err: error, statusCode: error.statusCode, code: error.code }, 'calendar failed during a booking action');
    return messages.calendar.unavailable;
  }
  if (error instanceof BookingStateError) {
    logger.warn({ ...ids, err: error }, 'booking card action for a booking in the wrong state');
    return texts.notChangeable;
  }
  if (error instanceof InvalidBookingRequestError || error instanceof EntitlementNotInPlanError) {
    logger.warn({ ...ids, err: error }, 'booking card action with invalid data');
    return texts.invalidCardData;
  }
  if (error instanceof CallbackAppointmentError) {
    logger.warn({ ...ids, requestNumber: error.requestNumber, reason: error.reason }, 'callback appointment rejected');
    return messages.booking.callback.notAllowed(error.requestNumber);
  }
  return undefined;
}

/** Returns the notice above the next free slots after a conflict: the slot was taken, or it starts too soon. */
export function conflictNotice(lang: Language, reason: ConflictReason): string {
  const texts = messagesFor(lang).booking.errors;
  return reason === 'tooSoon' ? texts.slotTooSoon : texts.slotTaken;
}

/** Logs a booking card action whose data is missing or invalid and returns the contact's message for it. */
export function rejectInvalidCardData(context: TurnContext, logger: Logger, lang: Language): string {
  logger.warn({ ...logIdsOf(context.activity), verb: context.activity.value?.action?.verb }, 'booking card action with invalid data rejected');
  return messagesFor(lang).booking.errors.invalidCardData;
}

/**
 * Runs a booking card action for a Teams contact, like `withContact`, and replies to booking and calendar
 * errors with {@link describeBookingFailure}. Other errors get the general replies of `withContact`.
 */
export async function withBookingContact(
  context: TurnContext,
  deps: BotDeps,
  handler: (caller: ContactCaller, lang: Language) => Promise<AdaptiveCard | string>,
): Promise<AdaptiveCard | string> {
  return withContact(context, deps, async (caller, lang) => {
    try {
      return await handler(caller, lang);
    } catch (error) {
      const answer = describeBookingFailure(error, lang, context, deps.logger);
      if (answer === undefined) throw error;
      return answer;
    }
  });
}

/** Sends the card that a typed message requested, or the message for a booking or calendar error instead. */
export async function sendBookingReply(
  context: TurnContext,
  deps: BotDeps,
  lang: Language,
  render: () => Promise<AdaptiveCard | string>,
): Promise<void> {
  let reply: AdaptiveCard | string;
  try {
    reply = await render();
  } catch (error) {
    const answer = describeBookingFailure(error, lang, context, deps.logger);
    if (answer === undefined) throw error;
    reply = answer;
  }
  await context.sendActivity(typeof reply === 'string' ? MessageFactory.text(reply) : MessageFactory.attachment(toAttachment(reply)));
}
