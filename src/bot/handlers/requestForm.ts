import { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Language } from '../../domain/customer.js';
import { CALLBACK_CHANNELS, URGENCIES } from '../../domain/request.js';
import {
  CALLBACK_PHONE_MAX_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  validateRequestInput,
  type RequestInputError,
} from '../../domain/requestInput.js';
import { messagesFor } from '../../i18n/index.js';
import type { Caller } from '../../services/callers.js';
import { StorageUnavailableError } from '../../storage/errors.js';
import { currentAbsenceNotice } from '../absenceNotice.js';
import { renderRequestFormCard } from '../cards/requestForm.js';
import type { AdaptiveCard } from '../cards/template.js';
import { Verbs, type RequestFormData, type RequestSubmitData } from '../cards/verbs.js';
import type { BotDeps } from '../deps.js';
import { notifyLead } from '../leads.js';
import { openRequestFromCard } from '../openFromCard.js';
import { callerIdentityOf, languageOf } from '../turn.js';
import { describeFailure } from './failures.js';

/** A caller who is a contact of a customer whose plan includes Teams. */
export type ContactCaller = Extract<Caller, { kind: 'contact' }>;

/** Registers the request form: opening it from the welcome card and submitting it. */
export function registerRequestForm(app: Application<TurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionExecute<RequestFormData>(Verbs.requestForm, async (context, _state, data) => {
    return withContact(context, deps, async (caller, lang) =>
      renderRequestFormCard({
        lang,
        description: typeof data.description === 'string' ? data.description.slice(0, MAX_DESCRIPTION_LENGTH) : '',
        callbackPhone: caller.contact.phone,
        maxDescriptionLength: MAX_DESCRIPTION_LENGTH,
        // The invoke response replaces the welcome card, so the absence notice goes into the form itself.
        notice: await currentAbsenceNotice(deps, lang),
      }),
    );
  });

  app.adaptiveCards.actionExecute<RequestSubmitData>(Verbs.requestSubmit, async (context, _state, data) => {
    // On a storage outage the form comes back with everything the contact typed, so no input is lost.
    return withContact(
      context,
      deps,
      (caller, lang) => submit(context, deps, caller, lang, data),
      (lang) => refilledForm(lang, data, messagesFor(lang).replies.storageUnavailable),
    );
  });
}

/**
 * Resolves the caller and runs `handler` for a Teams contact; everyone else gets a text reply.
 * On a storage outage the reply comes from `onStorageUnavailable` when given, else it is a text.
 */
export async function withContact(
  context: TurnContext,
  deps: BotDeps,
  handler: (caller: ContactCaller, lang: Language) => Promise<AdaptiveCard | string>,
  onStorageUnavailable?: (lang: Language) => AdaptiveCard,
): Promise<AdaptiveCard | string> {
  let lang = languageOf({ kind: 'unknownTenant', tenantId: '' }, context.activity);
  try {
    const caller = await deps.callers.resolve(callerIdentityOf(context.activity));
    lang = languageOf(caller, context.activity);
    const replies = messagesFor(lang).replies;

    if (caller.kind === 'unknownTenant') {
      await notifyLead(context, deps, caller.tenantId, '');
      return replies.unknownTenant;
    }
    if (caller.kind === 'channelNotIncluded') {
      return replies.noTeamsChannel(caller.plan.name[lang], caller.plan.channels, deps.hotlinePhone);
    }
    if (caller.kind === 'consultant') return replies.consultantOnly;
    return await handler(caller, lang);
  } catch (error) {
    const answer = describeFailure(error, lang, context, deps.logger);
    return error instanceof StorageUnavailableError && onStorageUnavailable ? onStorageUnavailable(lang) : answer;
  }
}

/**
 * Validates the form, opens the request, notifies the consultant and returns the requester's card,
 * which replaces the form. A redelivered invoke for the same form returns the same request.
 */
async function submit(
  context: TurnContext,
  deps: BotDeps,
  caller: ContactCaller,
  lang: Language,
  data: RequestSubmitData,
): Promise<AdaptiveCard | string> {
  const validation = validateRequestInput(data as Record<string, unknown>, caller.contact.phone);
  if (!validation.ok) return refilledForm(lang, data, describeInputError(validation.error, lang));

  return openRequestFromCard(context, deps, caller, lang, validation.value, false);
}

/** Renders the request form again with what the contact submitted and a message above the inputs. */
function refilledForm(lang: Language, data: RequestSubmitData, error: string): AdaptiveCard {
  const text = (value: unknown, maxLength: number) => (typeof value === 'string' ? value.slice(0, maxLength) : undefined);
  const urgency = URGENCIES.find((candidate) => candidate === data.urgency);
  const callbackChannel = CALLBACK_CHANNELS.find((candidate) => candidate === data.callbackChannel);
  return renderRequestFormCard({
    lang,
    description: text(data.description, MAX_DESCRIPTION_LENGTH) ?? '',
    urgency,
    callbackPhone: text(data.callbackPhone, CALLBACK_PHONE_MAX_LENGTH),
    callbackChannel,
    maxDescriptionLength: MAX_DESCRIPTION_LENGTH,
    error,
  });
}

function describeInputError(error: RequestInputError, lang: Language): string {
  const replies = messagesFor(lang).replies;
  switch (error.code) {
    case 'descriptionMissing':
      return replies.descriptionMissing;
    case 'descriptionTooLong':
      return replies.descriptionTooLong(error.max, error.length);
    case 'invalidPhone':
      return replies.invalidPhone(error.value);
    case 'phoneMissing':
      return replies.phoneMissing;
    case 'invalidChoice':
      return replies.invalidChoice;
  }
}
