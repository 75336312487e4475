import { TurnContext } from 'botbuilder';
import type { Language } from '../domain/customer.js';
import type { SupportRequest } from '../domain/request.js';
import type { RequestInput } from '../domain/requestInput.js';
import { messagesFor } from '../i18n/index.js';
import type { Caller } from '../services/callers.js';
import type { CardCopy } from '../storage/requests.js';
import { renderConsultantRequestCard } from './cards/consultantRequest.js';
import { renderRequesterRequestCard } from './cards/requestConfirmation.js';
import type { AdaptiveCard } from './cards/template.js';
import type { BotDeps } from './deps.js';
import { logIdsOf } from './turn.js';

type ContactCaller = Extract<Caller, { kind: 'contact' }>;

/**
 * Opens a request from a submitted card (the request form or the emergency card) and returns the
 * requester's card, which replaces the submitted one. The submitted card's activity id claims the
 * submission first, so a redelivered invoke returns the request the first delivery opened. The
 * consultant gets a card, and for an emergency during an absence the substitute gets a read-only copy.
 */
export async function openRequestFromCard(
  context: TurnContext,
  deps: BotDeps,
  caller: ContactCaller,
  lang: Language,
  input: RequestInput,
  emergency: boolean,
): Promise<AdaptiveCard | string> {
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
    request = await deps.requests.open({ customer: caller.customer, contact: caller.contact, input, channel: 'teams', emergency });
  } catch (error) {
    // Releasing lets the contact submit the same card again once storage is back.
    if (cardActivityId) await deps.submissions.release(conversationId, cardActivityId).catch(() => undefined);
    throw error;
  }
  if (cardActivityId) await deps.submissions.complete(conversationId, cardActivityId, request.customerId, request.number);

  const ids = { ...logIdsOf(context.activity), customerId: request.customerId, requestNumber: request.number };
  deps.logger.info({ ...ids, deadline: request.deadline, emergency }, emergency ? 'emergency opened' : 'request opened');

  await sendAndRememberCopies(context, deps, caller, lang, request, ids);
  return renderRequesterRequestCard({ lang, request, zone: deps.zone });
}

/** Sends the consultant's (and for emergencies the substitute's) card and stores where every copy is. */
async function sendAndRememberCopies(
  context: TurnContext,
  deps: BotDeps,
  caller: ContactCaller,
  lang: Language,
  request: SupportRequest,
  ids: Record<string, unknown>,
): Promise<void> {
  const copies: CardCopy[] = [];
  const cardActivityId = context.activity.replyToId;
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

  const substitute = request.emergency ? await findSubstitute(deps, ids) : undefined;
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
