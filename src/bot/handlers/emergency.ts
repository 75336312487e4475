import { MessageFactory, TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Language } from '../../domain/customer.js';
import {
  CALLBACK_PHONE_MAX_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  validateRequestInput,
  type RequestInputError,
} from '../../domain/requestInput.js';
import { messagesFor } from '../../i18n/index.js';
import { currentAbsenceNotice } from '../absenceNotice.js';
import { toAttachment } from '../cards/attachment.js';
import { renderEmergencyOfferCard } from '../cards/emergencyOffer.js';
import { renderRequestFormCard } from '../cards/requestForm.js';
import type { AdaptiveCard } from '../cards/template.js';
import { Verbs, type EmergencyInputData, type EmergencyStartData } from '../cards/verbs.js';
import type { BotDeps } from '../deps.js';
import { openRequestFromCard } from '../openFromCard.js';
import { withContact, type ContactCaller } from './requestForm.js';

/** Messages that ask to report an emergency, in German or English. */
const emergencyPattern = /^(notfall|notfall melden|emergency|report an emergency)[\s!.?]*$/i;

/** Returns whether a contact's chat message requests the emergency card ("Notfall", "Emergency"). */
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
  return openRequestFromCard(context, deps, caller, lang, validation.value, true);
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
