import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';

import type { Language } from '../../domain/customer.js';
import { parseHoursInput } from '../../domain/hours/hoursInput.js';
import { isRequestNumber } from '../../domain/requestNumber.js';
import { messagesFor } from '../../i18n/index.js';
import type { CardActor, DecisionResult } from '../../services/overageApprovalService.js';
import { InvalidInputError, MAX_NOTE_LENGTH, MAX_OVERAGE_MINUTES } from '../../services/timeService.js';
import { renderOverageApprovalCard } from '../cards/overageApproval.js';
import type { AdaptiveCard } from '../cards/template.js';
import {
  isOverageDecisionData,
  isOverageRequestData,
  Verbs,
  type OverageDecisionData,
  type OverageRequestData,
} from '../cards/verbs.js';
import type { BotDeps } from '../deps.js';
import { callerIdentityOf, languageOf, logIdsOf } from '../turn.js';
import { describeFailure } from './failures.js';
import { claimInvoke } from './timeLogOnce.js';
import { consultantLanguageOf, renderConsultantCard } from './timeLog.js';

const CARD_RESPONSE_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Registers the overage approval: "Mehrstunden anfragen" (`overage.request`) on the consultant's card,
 * "Genehmigen" and "Ablehnen" (`overage.approve`, `overage.decline`) and the refresh (`overage.refresh`)
 * on the approvers' cards.
 *
 * teams-ai 1.7.4 replaces the card for everyone in the chat (updateActivity on `replyToId`) whenever a
 * handler returns a card with a refresh section, automatic refreshes included, and it keeps that mode for
 * the verb from then on. These handlers therefore write the invoke response themselves, which makes
 * teams-ai skip its own response: each response replaces the card for the person who acted or whose client
 * refreshed, and the other copies change only through the service's updates after a decision.
 */
export function registerOverage(app: Application<TurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionExecute<OverageRequestData>(Verbs.overageRequest, (context, _state, data) => requestOverage(context, deps, data));

  app.adaptiveCards.actionExecute<OverageDecisionData>(Verbs.overageApprove, (context, _state, data) =>
    decide(context, deps, data, 'approved'),
  );
  app.adaptiveCards.actionExecute<OverageDecisionData>(Verbs.overageDecline, (context, _state, data) =>
    decide(context, deps, data, 'declined'),
  );
  app.adaptiveCards.actionExecute<OverageDecisionData>(Verbs.overageRefresh, (context, _state, data) => refresh(context, deps, data));
}

async function requestOverage(context: TurnContext, deps: BotDeps, data: unknown): Promise<AdaptiveCard | string> {
  const lang = consultantLanguageOf(context, deps);
  const messages = messagesFor(lang);
  const ids = logIdsOf(context.activity);

  if (!deps.callers.isConsultant(callerIdentityOf(context.activity))) {
    deps.logger.warn(ids, 'overage request from someone other than the consultant rejected');
    return messages.replies.consultantOnly;
  }
  if (!isOverageRequestData(data) || !isRequestNumber(data.number)) {
    deps.logger.warn(ids, 'overage request with malformed data rejected');
    return messages.replies.invalidCardData;
  }

  const hoursInput = String(data.hours ?? '');
  const minutes = parseHoursInput(data.hours);
  if (minutes === undefined) {
    deps.logger.warn({ ...ids, customerId: data.customerId, requestNumber: data.number, hours: hoursInput }, 'overage request with invalid hours rejected');
    return messages.overage.invalidHours(hoursInput, MAX_OVERAGE_MINUTES / 60);
  }

  let claim;
  try {
    claim = await claimInvoke(context, deps, Verbs.overageRequest);
    if (claim === undefined) {
      // A redelivered invoke: the first delivery stored the overage request.
      deps.logger.info({ ...ids, customerId: data.customerId, requestNumber: data.number }, 'redelivered overage request ignored');
      return await renderConsultantCard(deps, lang, await deps.requests.get(data.customerId, data.number), undefined);
    }
  } catch (error) {
    return describeFailure(error, lang, context, deps.logger);
  }

  try {
    const { approval, delivery } = await deps.overage.request({
      customerId: data.customerId,
      requestNumber: data.number,
      minutes,
      ...(data.overageNote === undefined ? {} : { note: data.overageNote }),
      requestedBy: context.activity.from?.name ?? 'Berater',
    });
    await claim.complete(data.customerId, data.number);
    deps.logger.info({ ...ids, customerId: data.customerId, approvalId: approval.id, delivery: delivery.status }, 'overage requested from the consultant card');

    const text =
      delivery.status === 'sent'
        ? messages.overage.requestedSent(approval.minutes, delivery.approverNames)
        : messages.overage.requestedNotDelivered(approval.minutes);
    const stored = await deps.requests.get(data.customerId, data.number);
    return await renderConsultantCard(deps, lang, stored, { text, style: delivery.status === 'sent' ? 'good' : 'attention' });
  } catch (error) {
    await claim.release().catch((releaseError: unknown) => {
      deps.logger.warn({ ...ids, err: releaseError }, 'overage request invoke claim not released');
    });
    if (error instanceof InvalidInputError) {
      deps.logger.warn({ ...ids, fields: error.problems.map((problem) => problem.field) }, 'overage request with invalid fields rejected');
      const field = error.problems[0]?.field;
      if (field === 'minutes') return messages.overage.invalidHours(hoursInput, MAX_OVERAGE_MINUTES / 60);
      if (field === 'note') return messages.overage.invalidNote(MAX_NOTE_LENGTH);
      return messages.replies.genericError;
    }
    return describeFailure(error, lang, context, deps.logger);
  }
}

async function decide(
  context: TurnContext,
  deps: BotDeps,
  data: unknown,
  decision: 'approved' | 'declined',
): Promise<AdaptiveCard | string> {
  const lang = await actorLanguageOf(context, deps);
  const ids = logIdsOf(context.activity);
  if (!isOverageDecisionData(data)) {
    deps.logger.warn(ids, 'overage decision with malformed data rejected');
    return messagesFor(lang).replies.invalidCardData;
  }

  try {
    const key = { customerId: data.customerId, month: data.month, id: data.approvalId };
    const result = await deps.overage.decide(key, decision, actorOf(context), context.activity.replyToId);
    deps.logger.info({ ...ids, customerId: key.customerId, approvalId: key.id, status: result.status }, 'overage decision handled');
    return await respondWithResult(context, deps, result, lang);
  } catch (error) {
    return describeFailure(error, lang, context, deps.logger);
  }
}

async function refresh(context: TurnContext, deps: BotDeps, data: unknown): Promise<AdaptiveCard | string> {
  const lang = await actorLanguageOf(context, deps);
  const ids = logIdsOf(context.activity);
  if (!isOverageDecisionData(data)) {
    deps.logger.warn(ids, 'overage card refresh with malformed data rejected');
    return messagesFor(lang).replies.invalidCardData;
  }

  try {
    const result = await deps.overage.current({ customerId: data.customerId, month: data.month, id: data.approvalId }, actorOf(context));
    if (result.status === 'current') {
      return await respondWithCard(context, renderOverageApprovalCard({ view: result.view, lang, zone: deps.zone, audience: 'approver' }));
    }
    deps.logger.info({ ...ids, customerId: data.customerId, approvalId: data.approvalId, status: result.status }, 'overage card refresh not served');
    return await respondWithResult(context, deps, result, lang);
  } catch (error) {
    return describeFailure(error, lang, context, deps.logger);
  }
}

/** Turns a decision result into the invoke response: the card for its state, or a message. */
async function respondWithResult(context: TurnContext, deps: BotDeps, result: DecisionResult, lang: Language): Promise<AdaptiveCard | string> {
  const texts = messagesFor(lang).overage;
  switch (result.status) {
    case 'notFound':
      return texts.notFound;
    case 'notApprover':
      return texts.notApprover(result.customer.name);
    case 'decided':
    case 'alreadyDecided':
      return respondWithCard(context, renderOverageApprovalCard({ view: result.view, lang, zone: deps.zone, audience: 'approver' }));
  }
}

/**
 * Sends the card as the invoke response, which replaces the card for the person who acted only.
 * teams-ai then sends no response of its own, so a refresh section cannot switch it to "replace for all".
 */
async function respondWithCard(context: TurnContext, card: AdaptiveCard): Promise<AdaptiveCard> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: CARD_RESPONSE_TYPE, value: card } },
  });
  return card;
}

function actorOf(context: TurnContext): CardActor {
  const identity = callerIdentityOf(context.activity);
  return {
    ...(identity.tenantId === undefined ? {} : { tenantId: identity.tenantId }),
    ...(identity.aadObjectId === undefined ? {} : { aadObjectId: identity.aadObjectId }),
    name: identity.name ?? identity.aadObjectId ?? 'unknown',
  };
}

/** Resolves the language of the person who acted: a contact's stored preference, else the Teams locale. */
async function actorLanguageOf(context: TurnContext, deps: BotDeps): Promise<Language> {
  return languageOf(await deps.callers.resolve(callerIdentityOf(context.activity)), context.activity);
}
