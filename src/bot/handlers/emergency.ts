import { MessageFactory, TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Language } from '../../domain/customer.js';
import type { SupportRequest } from '../../domain/request.js';
import {
  CALLBACK_PHONE_MAX_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  validateRequestInput,
  type RequestInputError,
} from '../../domain/requestInput.js';
import { messagesFor } from '../../i18n/index.js';
import type { CardCopy } from '../../storage/requests.js';
import { currentAbsenceNotice } from '../absenceNotice.js';
import { toAttachment } from '../cards/attachment.js';
import { renderConsultantRequestCard } from '../cards/consultantRequest.js';
import { renderEmergencyOfferCard } from '../cards/emergencyOffer.js';
import { renderRequestFormCard } from '../cards/requestForm.js';
import { renderRequesterRequestCard } from '../cards/requestConfirmation.js';
import type { AdaptiveCard } from '../cards/template.js';
import { Verbs, type EmergencyInputData, type EmergencyStartData } from '../cards/verbs.js';
import type { BotDeps } from '../deps.js';
import { logIdsOf } from '../turn.js';
import { withContact, type ContactCaller } from './requestForm.js';

/** Messages that ask to report an emergency, in German or English. */
const emergencyPattern = /^(notfall|notfall melden|emergency|report an emergency)[\s!.?]*$/i;

/** Whether a contact's chat message requests the emergency card ("Notfall", "Emergency"). */
export function isEmergencyMessage(text: string): boolean {
  return emergencyPattern.test(text.trim());
}

/** Sends the emergency card (what counts as one, what it costs, description and callback number) into the chat. */
export async function sendEmergencyOffer(context: TurnContext, deps: BotDeps, caller: ContactCaller, lang: Language): Promise<void> {
  const card = offerCard(deps, lang, { callbackPhone: caller.contact.phone });
  await context.sendActivity(MessageFactory.attachment(toAttachment(card)));
}

/**
 * Registers the emergency card actions. "Notfall" on the welcome card shows the emergency card.
 * Confirming it opens an emergency request and alerts the consultant and, during an absence, the
 * substitute. Declining it offers the normal request form and stores nothing.
 */
export function registerEmergency(app: Application<TurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionExecute<EmergencyStartData>(Verbs.emergencyStart, (context) =>
    withContact(context, deps, async (caller, lang) => offerCard(deps, lang, { callbackPhone: caller.contact.phone })),
  );

  app.adaptiveCards.actionExecute<EmergencyInputData>(Verbs.emergencyConfirm, (context, _state, data) =>
    // On a storage outage the card comes back with everything the contact typed, so no input is lost.
    withContact(
      context,
      deps,
      (caller, lang) => confirm(context, deps, caller, lang, data),
      (lang) => offerCard(deps, lang, { ...refill(data), error: messagesFor(lang).replies.storageUnavailable }),
    ),
  );

  app.adaptiveCards.actionExecute<EmergencyInputData>(Verbs.emergencyDecline, (context) =>
    withContact(context, deps, async (caller, lang) =>
      renderRequestFormCard({
        lang,
        callbackPhone: caller.contact.phone,
        maxDescriptionLength: MAX_DESCRIPTION_LENGTH,
        notice: await currentAbsenceNotice(deps, lang),
      }),
    ),
  );
}

/**
 * Validates the emergency card, opens the emergency request, alerts the consultant and returns the
 * requester's card, which replaces the emergency card. A redelivered invoke for the same card
 * returns the request that the first delivery opened.
 */
async function confirm(
  context: TurnContext,
  deps: BotDeps,
  caller: ContactCaller,
  lang: Language,
  data: EmergencyInputData,
): Promise<AdaptiveCard | string> {
  const validation = validateRequestInput({
    description: data?.description,
    callbackPhone: data?.callbackPhone,
    urgency: 'high',
    callbackChannel: 'phone',
  });
  if (!validation.ok) return offerCard(deps, lang, { ...refill(data), error: describeInputError(validation.error, lang) });

  // The emergency card's activity id identifies this confirmation, as the form's id does for a request.
  const cardActivityId = context.activity.replyToId;
  const conversationId = context.activity.conversation.id;
  if (cardActivityId) {
    const claim = await deps.submissions.claim(conversationId, cardActivityId, deps.clock.now());
    if (claim.status === 'taken') {
      if (!claim.number || !claim.customerId) return messagesFor(lang).replies.requestInProgress;
      const existing = await deps.requests.get(claim.customerId, claim.number);
      return renderRequesterRequestCard({ lang, request: existing.request, zone: deps.zone });
    }
  }

  let request: SupportRequest;
  try {
    request = await deps.requests.open({
      customer: caller.customer,
      contact: caller.contact,
      input: validation.value,
      channel: 'teams',
      emergency: true,
    });
  } catch (error) {
    if (cardActivityId) await deps.submissions.release(conversationId, cardActivityId).catch(() => undefined);
    throw error;
  }
  if (cardActivityId) await deps.submissions.complete(conversationId, cardActivityId, request.customerId, request.number);

  const ids = { ...logIdsOf(context.activity), customerId: request.customerId, requestNumber: request.number };
  deps.logger.info({ ...ids, deadline: request.deadline }, 'emergency opened');

  await alertAndRemember(context, deps, caller, lang, request, cardActivityId, ids);
  return renderRequesterRequestCard({ lang, request, zone: deps.zone });
}

/**
 * Stores where the requester's card is, sends the urgent card to the consultant and, during an absence
 * with a substitute, a card without actions to the substitute, and stores the ids of every copy.
 */
async function alertAndRemember(
  context: TurnContext,
  deps: BotDeps,
  caller: ContactCaller,
  lang: Language,
  request: SupportRequest,
  cardActivityId: string | undefined,
  ids: Record<string, unknown>,
): Promise<void> {
  const copies: CardCopy[] = [];
  if (cardActivityId) {
    const reference = { ...TurnContext.getConversationReference(context.activity), locale: lang };
    copies.push({ role: 'requester', conversation: reference, activityId: cardActivityId });
  }

  const render = (cardLang: Language, readOnly: boolean) =>
    renderConsultantRequestCard({
      lang: cardLang,
      request,
      customerName: caller.customer.name,
      planName: caller.plan.name[cardLang],
      zone: deps.zone,
      now: deps.clock.now(),
      readOnly,
    });

  const consultantCopy = await deps.notifier.sendToConsultant((cardLang) => render(cardLang, false), ids);
  if (consultantCopy) copies.push(consultantCopy);

  const substitute = await findSubstitute(deps, ids);
  if (substitute) {
    const activityId = await deps.notifier.sendToConversation(substitute, (cardLang) => render(cardLang, true), ids);
    if (activityId) copies.push({ role: 'substitute', conversation: substitute, activityId });
    deps.logger.info({ ...ids, delivered: activityId !== undefined }, 'emergency sent to the absence substitute');
  }

  for (const copy of copies) {
    await deps.requests.addCard(request.customerId, request.number, copy);
  }
}

/** Looks up the substitute's chat; a failed lookup is logged and must not stop the emergency. */
async function findSubstitute(deps: BotDeps, ids: Record<string, unknown>) {
  try {
    return await deps.substituteConversation(deps.clock.now());
  } catch (error) {
    deps.logger.error({ ...ids, err: error }, 'looking up the absence substitute failed; emergency sent to the consultant only');
    return undefined;
  }
}

/** Renders the emergency card with the catalog's emergency line and the given prefill and error. */
function offerCard(
  deps: BotDeps,
  lang: Language,
  values: { description?: string; callbackPhone?: string; error?: string },
): AdaptiveCard {
  return renderEmergencyOfferCard({
    lang,
    emergencyLine: deps.catalog.emergencyLine,
    description: values.description,
    callbackPhone: values.callbackPhone,
    maxDescriptionLength: MAX_DESCRIPTION_LENGTH,
    error: values.error,
  });
}

/** Returns what the contact typed, cut to the inputs' maximum lengths, to fill the card in again. */
function refill(data: EmergencyInputData | undefined): { description: string; callbackPhone: string } {
  const text = (value: unknown, maxLength: number) => (typeof value === 'string' ? value.slice(0, maxLength) : '');
  return {
    description: text(data?.description, MAX_DESCRIPTION_LENGTH),
    callbackPhone: text(data?.callbackPhone, CALLBACK_PHONE_MAX_LENGTH),
  };
}

function describeInputError(error: RequestInputError, lang: Language): string {
  const messages = messagesFor(lang);
  switch (error.code) {
    case 'descriptionMissing':
      return messages.replies.descriptionMissing;
    case 'descriptionTooLong':
      return messages.replies.descriptionTooLong(error.max, error.length);
    case 'invalidPhone':
      return messages.replies.invalidPhone(error.value);
    case 'phoneMissing':
      return messages.emergency.phoneMissing;
    case 'invalidChoice':
      return messages.replies.invalidChoice;
  }
}
