import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Language } from '../../domain/customer.js';
import { InvalidSolutionError, MAX_SOLUTION_LENGTH } from '../../domain/history.js';
import { ForbiddenTransitionError } from '../../domain/lifecycle.js';
import { isRequestNumber } from '../../domain/requestNumber.js';
import { messagesFor, resolveLanguage } from '../../i18n/index.js';
import type { RequestChange } from '../../services/requestService.js';
import type { AdaptiveCard } from '../cards/template.js';
import {
  isRequestReferenceData,
  isRequestSetStateData,
  Verbs,
  type RequestReferenceData,
  type RequestSetStateData,
} from '../cards/verbs.js';
import type { BotDeps } from '../deps.js';
import { RequestCardUpdates } from '../requestCardUpdates.js';
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

    // The invoking card gets the new card as the invoke response, so the update skips that copy.
    const cards = new RequestCardUpdates(deps);
    if (changed && entry) {
      await cards.requestChanged({ stored, entry, logIds: requestIds, exceptActivityId: context.activity.replyToId });
    }
    return cards.consultantCard(lang, stored, await cards.customerName(data.customerId));
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
