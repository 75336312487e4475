import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Catalog } from '../../domain/catalog.js';
import { findPlan } from '../../domain/catalog.js';
import type { Language } from '../../domain/customer.js';
import { isRequestNumber } from '../../domain/requestNumber.js';
import { messagesFor, resolveLanguage } from '../../i18n/index.js';
import type { RequestChange } from '../../services/requestService.js';
import type { CardCopy, StoredRequest } from '../../storage/requests.js';
import { renderConsultantRequestCard } from '../cards/consultantRequest.js';
import { renderRequesterRequestCard } from '../cards/requestConfirmation.js';
import type { AdaptiveCard } from '../cards/template.js';
import { isRequestReferenceData, Verbs, type RequestReferenceData } from '../cards/verbs.js';
import type { BotDeps } from '../deps.js';
import { callerIdentityOf, logIdsOf } from '../turn.js';
import { describeFailure } from './failures.js';

/**
 * Registers the consultant's card actions "Übernehmen" and "Rückruf erfolgt". Both update the
 * request and then every stored copy of its cards; a repeated action changes nothing.
 */
export function registerConsultantActions(app: Application<TurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionExecute<RequestReferenceData>(Verbs.requestAcknowledge, (context, _state, data) =>
    act(context, deps, data, (customerId, number, actor) => deps.requests.acknowledge(customerId, number, actor)),
  );

  app.adaptiveCards.actionExecute<RequestReferenceData>(Verbs.requestCallbackDone, (context, _state, data) =>
    act(context, deps, data, (customerId, number, actor) => deps.requests.recordCallback(customerId, number, actor)),
  );
}

async function act(
  context: TurnContext,
  deps: BotDeps,
  data: unknown,
  change: (customerId: string, number: string, actorName: string) => Promise<RequestChange>,
): Promise<AdaptiveCard | string> {
  const lang = resolveLanguage(undefined, context.activity.locale);
  const replies = messagesFor(lang).replies;
  const ids = logIdsOf(context.activity);

  if (!deps.callers.isConsultant(callerIdentityOf(context.activity))) {
    deps.logger.warn(ids, 'consultant card action from someone else rejected');
    return replies.consultantOnly;
  }
  if (!isRequestReferenceData(data) || !isRequestNumber(data.number)) {
    deps.logger.warn(ids, 'consultant card action with malformed data rejected');
    return replies.invalidCardData;
  }

  try {
    const actorName = context.activity.from?.name ?? 'Berater';
    const { stored, changed } = await change(data.customerId, data.number, actorName);
    const requestIds = { ...ids, customerId: data.customerId, requestNumber: data.number };
    deps.logger.info({ ...requestIds, state: stored.request.state, changed }, 'consultant card action applied');

    const customerName = (await deps.callers.customerName(data.customerId)) ?? data.customerId;
    const renderFor = (copy: CardCopy): AdaptiveCard => renderCopy(copy, stored, customerName, deps);
    if (changed) {
      const others = stored.cards.filter((copy) => copy.activityId !== context.activity.replyToId);
      await deps.notifier.updateCopies(others, renderFor, requestIds);
    }
    return consultantCard(lang, stored, customerName, deps);
  } catch (error) {
    return describeFailure(error, lang, context, deps.logger);
  }
}

function renderCopy(copy: CardCopy, stored: StoredRequest, customerName: string, deps: BotDeps): AdaptiveCard {
  const lang = resolveLanguage(undefined, copy.conversation.locale);
  if (copy.role === 'requester') return renderRequesterRequestCard({ lang, request: stored.request, zone: deps.zone });
  return consultantCard(lang, stored, customerName, deps);
}

function consultantCard(lang: Language, stored: StoredRequest, customerName: string, deps: BotDeps): AdaptiveCard {
  return renderConsultantRequestCard({
    lang,
    request: stored.request,
    customerName,
    planName: planNameOf(deps.catalog, stored.request.planId, lang),
    zone: deps.zone,
    now: deps.clock.now(),
  });
}

function planNameOf(catalog: Catalog, planId: string, lang: Language): string {
  try {
    return findPlan(catalog, planId).name[lang];
  } catch {
    return planId;
  }
}
