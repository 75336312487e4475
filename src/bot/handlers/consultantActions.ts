import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Catalog } from '../../domain/catalog.js';
import { findPlan } from '../../domain/catalog.js';
import type { Language } from '../../domain/customer.js';
import { InvalidSolutionError, MAX_SOLUTION_LENGTH, type HistoryDraft } from '../../domain/history.js';
import { ForbiddenTransitionError } from '../../domain/lifecycle.js';
import type { SupportRequest } from '../../domain/request.js';
import { isRequestNumber } from '../../domain/requestNumber.js';
import { messagesFor, resolveLanguage } from '../../i18n/index.js';
import type { RequestChange } from '../../services/requestService.js';
import type { CardCopy, StoredRequest } from '../../storage/requests.js';
import { renderConsultantRequestCard } from '../cards/consultantRequest.js';
import { renderRequesterRequestCard } from '../cards/requestConfirmation.js';
import type { AdaptiveCard } from '../cards/template.js';
import {
  isRequestReferenceData,
  isRequestSetStateData,
  Verbs,
  type RequestReferenceData,
  type RequestSetStateData,
} from '../cards/verbs.js';
import type { BotDeps } from '../deps.js';
import { callerIdentityOf, logIdsOf } from '../turn.js';
import { describeFailure } from './failures.js';

/**
 * Registers the consultant's card actions "Übernehmen", "Rückruf erfolgt" and the state changes
 * (`request.setState`: in Arbeit, wartet auf Kunde, gelöst, geschlossen). Each one updates the request
 * with a history entry and then every stored copy of its cards; a repeated action changes nothing.
 * The requester also gets a chat message when the callback is recorded and when the request is resolved.
 */
export function registerConsultantActions(app: Application<TurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionExecute<RequestReferenceData>(Verbs.requestAcknowledge, (context, _state, data) =>
    act(context, deps, data, (customerId, number, actor) => deps.requests.acknowledge(customerId, number, actor)),
  );

  app.adaptiveCards.actionExecute<RequestReferenceData>(Verbs.requestCallbackDone, (context, _state, data) =>
    act(context, deps, data, (customerId, number, actor) => deps.requests.recordCallback(customerId, number, actor)),
  );

  app.adaptiveCards.actionExecute<RequestSetStateData>(Verbs.requestSetState, (context, _state, data) =>
    act(
      context,
      deps,
      data,
      (customerId, number, actor) => deps.requests.changeState(customerId, number, data.state, actor, data.solution),
      isRequestSetStateData,
    ),
  );
}

async function act(
  context: TurnContext,
  deps: BotDeps,
  data: unknown,
  change: (customerId: string, number: string, actorName: string) => Promise<RequestChange>,
  isValidData: (data: unknown) => data is RequestReferenceData = isRequestReferenceData,
): Promise<AdaptiveCard | string> {
  const lang = deps.callers.consultantLanguage() ?? resolveLanguage(undefined, context.activity.locale);
  const replies = messagesFor(lang).replies;
  const ids = logIdsOf(context.activity);

  if (!deps.callers.isConsultant(callerIdentityOf(context.activity))) {
    deps.logger.warn(ids, 'consultant card action from someone else rejected');
    return replies.consultantOnly;
  }
  if (!isValidData(data) || !isRequestNumber(data.number)) {
    deps.logger.warn(ids, 'consultant card action with malformed data rejected');
    return replies.invalidCardData;
  }

  try {
    const actorName = context.activity.from?.name ?? 'Berater';
    const { stored, changed, entry } = await change(data.customerId, data.number, actorName);
    const requestIds = { ...ids, customerId: data.customerId, requestNumber: data.number };
    deps.logger.info({ ...requestIds, state: stored.request.state, changed }, 'consultant card action applied');

    const customerName = (await deps.callers.customerName(data.customerId)) ?? data.customerId;
    const renderFor = (copy: CardCopy): AdaptiveCard => renderCopy(copy, stored, customerName, deps);
    if (changed) {
      const others = stored.cards.filter((copy) => copy.activityId !== context.activity.replyToId);
      await deps.notifier.updateCopies(others, renderFor, requestIds);
      await notifyRequester(deps, stored, entry, requestIds);
    }
    return consultantCard(lang, stored, customerName, deps);
  } catch (error) {
    return describeLifecycleError(error, lang, deps, ids) ?? describeFailure(error, lang, context, deps.logger);
  }
}

/**
 * Returns the consultant's message for a change the lifecycle rejects (a forbidden transition, a
 * missing or too long solution), or undefined for any other error. Nothing was written in these cases.
 */
function describeLifecycleError(
  error: unknown,
  lang: Language,
  deps: BotDeps,
  ids: Record<string, unknown>,
): string | undefined {
  const messages = messagesFor(lang);
  if (error instanceof ForbiddenTransitionError) {
    deps.logger.warn({ ...ids, requestNumber: error.requestNumber, from: error.from, to: error.to }, 'forbidden state change rejected');
    return messages.lifecycle.forbidden(error.requestNumber, messages.states[error.from], messages.states[error.to]);
  }
  if (error instanceof InvalidSolutionError) {
    deps.logger.warn({ ...ids, requestNumber: error.requestNumber, reason: error.reason }, 'resolve without a valid solution rejected');
    return error.reason === 'missing'
      ? messages.lifecycle.solutionMissing
      : messages.lifecycle.solutionTooLong(MAX_SOLUTION_LENGTH, error.length);
  }
  return undefined;
}

/**
 * Posts a short message into the requester's chat when the change recorded the callback or resolved
 * the request. Each requester conversation gets one message, even when it contains several card copies.
 */
async function notifyRequester(
  deps: BotDeps,
  stored: StoredRequest,
  entry: HistoryDraft | undefined,
  ids: Record<string, unknown>,
): Promise<void> {
  const write = requesterMessage(stored.request, entry);
  if (!write) return;

  const notified = new Set<string>();
  for (const copy of stored.cards) {
    const conversationId = copy.conversation.conversation?.id;
    if (copy.role !== 'requester' || conversationId === undefined || notified.has(conversationId)) continue;
    notified.add(conversationId);
    await deps.notifier.sendTextTo(copy.conversation, write, ids);
  }
}

function requesterMessage(request: SupportRequest, entry: HistoryDraft | undefined): ((lang: Language) => string) | undefined {
  if (entry?.action === 'callback') {
    return (lang) => messagesFor(lang).lifecycle.requester.callbackRecorded(request.number);
  }
  if (entry?.to === 'resolved' && request.solution !== undefined) {
    const solution = request.solution;
    return (lang) => messagesFor(lang).lifecycle.requester.resolved(request.number, solution);
  }
  return undefined;
}

function renderCopy(copy: CardCopy, stored: StoredRequest, customerName: string, deps: BotDeps): AdaptiveCard {
  const lang = resolveLanguage(undefined, copy.conversation.locale);
  if (copy.role === 'requester') return renderRequesterRequestCard({ lang, request: stored.request, zone: deps.zone });
  // The absence substitute's copy is the consultant's card without actions, because only the consultant may act.
  return consultantCard(lang, stored, customerName, deps, copy.role === 'substitute');
}

function consultantCard(
  lang: Language,
  stored: StoredRequest,
  customerName: string,
  deps: BotDeps,
  readOnly = false,
): AdaptiveCard {
  return renderConsultantRequestCard({
    lang,
    request: stored.request,
    customerName,
    planName: planNameOf(deps.catalog, stored.request.planId, lang),
    zone: deps.zone,
    now: deps.clock.now(),
    readOnly,
  });
}

function planNameOf(catalog: Catalog, planId: string, lang: Language): string {
  try {
    return findPlan(catalog, planId).name[lang];
  } catch {
    return planId;
  }
}
