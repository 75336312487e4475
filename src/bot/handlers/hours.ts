import { MessageFactory, type TurnContext } from 'botbuilder';

import type { Language } from '../../domain/customer.js';
import type { Caller } from '../../services/callers.js';
import { localMonthOf } from '../../services/timeService.js';
import { toAttachment } from '../cards/attachment.js';
import { renderHoursCard } from '../cards/hours.js';
import type { BotDeps } from '../deps.js';

/** Messages that ask for the hours card: "Stunden", "Kontingent", "Hours" and close variants. */
const hoursPattern = /^(meine |unsere |my |our )?(stunden|stundenkontingent|kontingent|hours|quota)[\s!.?]*$/i;

/** Returns whether a contact's message asks for the hours card. */
export function isHoursMessage(text: string): boolean {
  return hoursPattern.test(text);
}

/**
 * Sends the contact the hours card of the current local month. A customer whose contract starts in a
 * later month sees that first month.
 */
export async function sendHoursCard(
  context: TurnContext,
  deps: BotDeps,
  caller: Extract<Caller, { kind: 'contact' }>,
  lang: Language,
): Promise<void> {
  const currentMonth = localMonthOf(deps.clock.now().toISOString(), deps.zone);
  const contractMonth = caller.customer.contractStart.slice(0, 7);
  const month = currentMonth < contractMonth ? contractMonth : currentMonth;

  const statement = await deps.statements.statementFor(caller.customer, month);
  const card = renderHoursCard({ lang, customerName: caller.customer.name, plan: caller.plan, statement, zone: deps.zone });
  await context.sendActivity(MessageFactory.attachment(toAttachment(card)));
}
