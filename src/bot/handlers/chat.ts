import { ActivityTypes, MessageFactory, TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { MAX_DESCRIPTION_LENGTH } from '../../domain/requestInput.js';
import { messagesFor } from '../../i18n/index.js';
import type { Caller } from '../../services/callers.js';
import { currentAbsenceNotice } from '../absenceNotice.js';
import { toAttachment } from '../cards/attachment.js';
import { renderRequestFormCard } from '../cards/requestForm.js';
import { renderWelcomeCard } from '../cards/welcome.js';
import type { BotDeps } from '../deps.js';
import { notifyLead } from '../leads.js';
import { callerIdentityOf, languageOf, logIdsOf } from '../turn.js';
import { sendArticleSuggestions } from './articleSuggestion.js';
import { isMyBookingsMessage, sendBookingList } from './bookingList.js';
import { isBookingMessage, sendBookingOffer } from './bookingOffer.js';
import { isEmergencyMessage, sendEmergencyOffer } from './emergency.js';
import { replyOnFailure } from './failures.js';
import { isStatusMessage, sendStatusList } from './status.js';
import { isHoursMessage, sendHoursCard } from './hours.js';

/** Messages that ask for the welcome card rather than describe a problem. */
const greetingPattern =
  /^(hallo|hi|hey|moin|servus|guten (morgen|tag|abend)|hello|good (morning|afternoon|evening)|start|hilfe|help|menü|menu)[\s!.?]*$/i;

/** Messages that ask for an empty request form. */
const newRequestPattern = /^(neue anfrage|new request|anfrage)[\s!.?]*$/i;


/**
 * Registers the 1:1 chat: installation, greetings, "Notfall" (the emergency card), "Status" (the
 * open requests), "Termin buchen" and "Meine Termine" (bookings), "Stunden" or "Kontingent" (the hours card), free text that becomes a request form, and the replies to the consultant, to plans
 * without Teams and to unknown tenants.
 */
export function registerChat(app: Application<TurnState>, deps: BotDeps): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const botAdded = context.activity.membersAdded?.some((member) => member.id === context.activity.recipient?.id);
    if (!botAdded) return;
    await answer(context, deps, '');
  });

  app.activity(ActivityTypes.Message, async (context) => {
    await answer(context, deps, (context.activity.text ?? '').trim());
  });
}

async function answer(context: TurnContext, deps: BotDeps, text: string): Promise<void> {
  const fallbackLanguage = languageOf({ kind: 'unknownTenant', tenantId: '' }, context.activity);

  await replyOnFailure(context, fallbackLanguage, deps.logger, async () => {
    const identity = callerIdentityOf(context.activity);
    const personalChat = context.activity.conversation?.conversationType === 'personal';
    const reference = TurnContext.getConversationReference(context.activity);
    if (personalChat && (await deps.substitutes.registerIfSubstitute(identity, reference, deps.clock.now()))) {
      deps.logger.info(logIdsOf(context.activity), 'absence substitute chat registered');
      await context.sendActivity(messagesFor(fallbackLanguage).absence.substituteRegistered);
      return;
    }

    const caller = await deps.callers.resolve(identity);
    const lang = languageOf(caller, context.activity);
    const replies = messagesFor(lang).replies;

    switch (caller.kind) {
      case 'consultant':
        // Only the consultant's 1:1 chat (or the local stand-in) receives the cards, never a team channel.
        if (!personalChat && !deps.callers.isDevConsultantConversation(identity.conversationId)) {
          await context.sendActivity(replies.consultantUsePersonalChat);
          return;
        }
        if (await deps.notifier.registerConsultantChat(context)) {
          deps.logger.info(logIdsOf(context.activity), 'consultant chat registered');
          await context.sendActivity(replies.consultantChatRegistered);
        } else {
          await context.sendActivity(replies.consultantChatHelp);
        }
        return;

      case 'unknownTenant':
        deps.logger.info(logIdsOf(context.activity), 'message from an unknown tenant; no request stored');
        await context.sendActivity(replies.unknownTenant);
        await notifyLead(context, deps, caller.tenantId, text);
        return;

      case 'channelNotIncluded':
        deps.logger.info(
          { ...logIdsOf(context.activity), customerId: caller.customer.id, planId: caller.plan.id },
          'message from a plan without the Teams channel; no request stored',
        );
        await context.sendActivity(replies.noTeamsChannel(caller.plan.name[lang], caller.plan.channels, deps.hotlinePhone));
        return;

      case 'contact':
        await answerContact(context, deps, caller, text);
        return;
    }
  });
}

async function answerContact(
  context: TurnContext,
  deps: BotDeps,
  caller: Extract<Caller, { kind: 'contact' }>,
  text: string,
): Promise<void> {
  const lang = languageOf(caller, context.activity);

  // Overage approval cards reach approvers in the chat stored here.
  if (context.activity.conversation?.conversationType === 'personal') {
    await deps.approvers.rememberChat(caller.customer, caller.contact, TurnContext.getConversationReference(context.activity));
  }

  if (text === '' || greetingPattern.test(text)) {
    const card = renderWelcomeCard({
      lang,
      contactName: caller.contact.name,
      customerName: caller.customer.name,
      plan: caller.plan,
      emergencyLine: deps.catalog.emergencyLine,
      emergencyPhone: deps.emergencyPhone,
      zone: deps.zone,
    });
    await context.sendActivity(MessageFactory.attachment(toAttachment(card)));
    return;
  }

  if (isEmergencyMessage(text)) {
    await sendEmergencyOffer(context, deps, caller, lang);
    return;
  }
  if (isStatusMessage(text)) {
    await sendStatusList(context, deps, caller, lang);
    return;
  }
  if (isBookingMessage(text)) {
    await sendBookingOffer(context, deps, caller, lang);
    return;
  }
  if (isMyBookingsMessage(text)) {
    await sendBookingList(context, deps, caller, lang);
    return;
  }
  if (isHoursMessage(text)) {
    await sendHoursCard(context, deps, caller, lang);
    return;
  }

  // Matching public articles come before the form. Their card's button opens the form, which then carries
  // the absence notice itself. A description over the limit gets the form with its error right away.
  const description = newRequestPattern.test(text) ? '' : text;
  const suggested =
    description.length <= MAX_DESCRIPTION_LENGTH && (await sendArticleSuggestions(context, deps, lang, description));
  if (suggested) return;

  // During an absence the contact reads when the consultant is back before filling in the form.
  const absenceNotice = await currentAbsenceNotice(deps, lang);
  if (absenceNotice) await context.sendActivity(absenceNotice);

  const tooLong = description.length > MAX_DESCRIPTION_LENGTH;
  const form = renderRequestFormCard({
    lang,
    description: description.slice(0, MAX_DESCRIPTION_LENGTH),
    callbackPhone: caller.contact.phone,
    maxDescriptionLength: MAX_DESCRIPTION_LENGTH,
    error: tooLong ? messagesFor(lang).replies.descriptionTooLong(MAX_DESCRIPTION_LENGTH, description.length) : undefined,
  });
  await context.sendActivity(MessageFactory.attachment(toAttachment(form)));
}
