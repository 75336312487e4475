import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';

import type { TimeType } from '../../domain/catalog.js';
import type { Language } from '../../domain/customer.js';
import { defaultEntryStart, roundUpToIncrement } from '../../domain/hours/index.js';
import { isRequestNumber } from '../../domain/requestNumber.js';
import { messagesFor, resolveLanguage } from '../../i18n/index.js';
import { InvalidInputError, MAX_ENTRY_MINUTES, MAX_NOTE_LENGTH } from '../../services/timeService.js';
import type { StoredRequest } from '../../storage/requests.js';
import { renderConsultantRequestCard, type ConsultantRequestCardInput } from '../cards/consultantRequest.js';
import type { AdaptiveCard } from '../cards/template.js';
import { isTimeLogData, parseMinutesInput, Verbs, type TimeLogData } from '../cards/verbs.js';
import type { BotDeps } from '../deps.js';
import { callerIdentityOf, logIdsOf } from '../turn.js';
import { describeFailure } from './failures.js';
import { claimInvoke } from './timeLogOnce.js';

/**
 * Registers "Zeit erfassen" (`time.log`) on the consultant's request card. The entry stores the raw
 * minutes and starts that many minutes before the action, because the consultant logs work just done, but
 * never before the request was opened or before the current local month (see `defaultEntryStart`).
 * The invoke response is the consultant's card with the recorded and billed minutes on top, so its other actions stay.
 */
export function registerTimeLog(app: Application<TurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionExecute<TimeLogData>(Verbs.timeLog, (context, _state, data) => logTime(context, deps, data));
}

async function logTime(context: TurnContext, deps: BotDeps, data: unknown): Promise<AdaptiveCard | string> {
  const lang = consultantLanguageOf(context, deps);
  const messages = messagesFor(lang);
  const ids = logIdsOf(context.activity);

  if (!deps.callers.isConsultant(callerIdentityOf(context.activity))) {
    deps.logger.warn(ids, 'time log from someone other than the consultant rejected');
    return messages.replies.consultantOnly;
  }
  if (!isTimeLogData(data) || !isRequestNumber(data.number)) {
    deps.logger.warn(ids, 'time log with malformed data rejected');
    return messages.replies.invalidCardData;
  }

  const minutes = parseMinutesInput(data.minutes);
  if (minutes === undefined) {
    deps.logger.warn({ ...ids, customerId: data.customerId, requestNumber: data.number, minutes: data.minutes }, 'time log with invalid minutes rejected');
    return messages.timeLog.invalidMinutes(String(data.minutes ?? ''), MAX_ENTRY_MINUTES);
  }

  let claim;
  try {
    claim = await claimInvoke(context, deps, Verbs.timeLog);
    if (claim === undefined) {
      // A redelivered invoke: the first delivery stored the entry.
      deps.logger.info({ ...ids, customerId: data.customerId, requestNumber: data.number }, 'redelivered time log ignored');
      return await renderConsultantCard(deps, lang, await deps.requests.get(data.customerId, data.number), undefined);
    }
  } catch (error) {
    return describeFailure(error, lang, context, deps.logger);
  }

  try {
    const stored = await deps.requests.get(data.customerId, data.number);
    const now = deps.clock.now();
    const logged = await deps.time.addEntry({
      customerId: data.customerId,
      // TimeService validates the type and reports an unknown one as an invalid field.
      type: (data.type ?? '') as TimeType,
      minutes,
      start: defaultEntryStart({ now, minutes, requestOpenedAt: stored.request.openedAt, zone: deps.zone }),
      request: data.number,
      ...(data.note === undefined ? {} : { note: data.note }),
      createdBy: context.activity.from?.name ?? 'Berater',
    });
    await claim.complete(data.customerId, data.number);
    deps.logger.info(
      { ...ids, customerId: data.customerId, requestNumber: data.number, entryId: logged.entry.id, minutes },
      'time logged from the consultant card',
    );

    const billed = roundUpToIncrement(minutes, deps.catalog.billingIncrementMinutes);
    const typeName = messages.timeLog.types[logged.entry.type];
    const text = messages.timeLog.logged(minutes, billed, deps.catalog.billingIncrementMinutes, typeName);
    // Time beyond the approved overage is never billed, so the card shows it right where the consultant logged it.
    const { unapprovedOverageMinutes, month } = logged.statement;
    if (unapprovedOverageMinutes > 0) {
      const warning = messages.timeLog.unapprovedOverage(unapprovedOverageMinutes, month);
      return await renderConsultantCard(deps, lang, stored, { text: `${text} ${warning}`, style: 'attention' });
    }
    return await renderConsultantCard(deps, lang, stored, { text, style: 'good' });
  } catch (error) {
    await claim.release().catch((releaseError: unknown) => {
      deps.logger.warn({ ...ids, err: releaseError }, 'time log invoke claim not released');
    });
    if (error instanceof InvalidInputError) {
      deps.logger.warn({ ...ids, fields: error.problems.map((problem) => problem.field) }, 'time log with invalid fields rejected');
      return describeInvalidTimeEntry(error, lang, String(data.minutes ?? ''));
    }
    return describeFailure(error, lang, context, deps.logger);
  }
}

/** Returns the message for the first invalid field of a rejected time entry. */
function describeInvalidTimeEntry(error: InvalidInputError, lang: Language, minutesInput: string): string {
  const texts = messagesFor(lang).timeLog;
  const field = error.problems[0]?.field;
  switch (field) {
    case 'minutes':
      return texts.invalidMinutes(minutesInput, MAX_ENTRY_MINUTES);
    case 'type':
      return texts.invalidType;
    case 'note':
      return texts.invalidNote(MAX_NOTE_LENGTH);
    case 'start':
      return texts.beforeContract;
    default:
      return messagesFor(lang).replies.genericError;
  }
}

/** Returns the language of the consultant's replies: the configured one, else the Teams locale. */
export function consultantLanguageOf(context: TurnContext, deps: BotDeps): Language {
  return deps.callers.consultantLanguage() ?? resolveLanguage(undefined, context.activity.locale);
}

/** Renders the consultant's request card with a notice on top, e.g. the result of a time log. */
export async function renderConsultantCard(
  deps: BotDeps,
  lang: Language,
  stored: StoredRequest,
  notice: ConsultantRequestCardInput['notice'],
): Promise<AdaptiveCard> {
  const { request } = stored;
  const customerName = (await deps.callers.customerName(request.customerId)) ?? request.customerId;
  const plan = deps.catalog.plans.find((candidate) => candidate.id === request.planId);
  return renderConsultantRequestCard({
    lang,
    request,
    customerName,
    planName: plan?.name[lang] ?? request.planId,
    zone: deps.zone,
    now: deps.clock.now(),
    ...(notice === undefined ? {} : { notice }),
  });
}
