import { MessageFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';

import type { Language } from '../../domain/customer.js';
import type { Caller } from '../../services/callers.js';
import { localMonthOf } from '../../services/timeService.js';
import { toAttachment } from '../cards/attachment.js';
import { renderHoursCard } from '../cards/hours.js';
import type { AdaptiveCard } from '../cards/template.js';
import { Verbs } from '../cards/verbs.js';
import type { BotDeps } from '../deps.js';
import { withContact } from './requestForm.js';

/** Messages that request the hours card: "Stunden", "Kontingent", "Hours" and close variants. */
const hoursPattern = /^(meine |unsere |my |our )?(stunden|stundenkontingent|kontingent|hours|quota)[\s!.?]*$/i;

/** Returns whether a contact's message requests the hours card. */
export function isHoursMessage(text: string): boolean {
  return hoursPattern.test(text);
}

/**
 * Registers "Stunden" (`hours.show`) on the welcome card. The hours card is the invoke response and
 * replaces the welcome card, as the welcome card's other buttons do.
 */
export function registerHours(app: Application<TurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionExecute(Verbs.hoursShow, (context) =>
    withContact(context, deps, (caller, lang) => renderHoursCardFor(deps, caller, lang)),
  );
}

/** Sends the contact the hours card for a typed message such as "Stunden". */
export async function sendHoursCard(
  context: TurnContext,
  deps: BotDeps,
  caller: Extract<Caller, { kind: 'contact' }>,
  lang: Language,
): Promise<void> {
  const card = await renderHoursCardFor(deps, caller, lang);
  await context.sendActivity(MessageFactory.attachment(toAttachment(card)));
}

/**
 * Renders the contact's hours card of the current local month. A customer whose contract starts in a
 * later month gets the card of that first month.
 */
async function renderHoursCardFor(
  deps: BotDeps,
  caller: Extract<Caller, { kind: 'contact' }>,
  lang: Language,
): Promise<AdaptiveCard> {
  const currentMonth = localMonthOf(deps.clock.now().toISOString(), deps.zone);
  const contractMonth = caller.customer.contractStart.slice(0, 7);
  const month = currentMonth < contractMonth ? contractMonth : currentMonth;

  const statement = await deps.statements.statementFor(caller.customer, month);
  return renderHoursCard({ lang, customerName: caller.customer.name, plan: caller.plan, statement, zone: deps.zone });
}
