import { MessageFactory, type TurnContext } from 'botbuilder';
import type { Language } from '../../domain/customer.js';
import { toAttachment } from '../cards/attachment.js';
import { renderStatusListCard } from '../cards/statusList.js';
import type { BotDeps } from '../deps.js';
import { logIdsOf } from '../turn.js';
import type { ContactCaller } from './requestForm.js';

/** Messages that ask for the list of open requests, in German or English. */
const statusPattern = /^(status|meine anfragen|my requests)[\s!.?]*$/i;

/** Returns whether a contact's chat message requests the list of open requests ("Status", "Meine Anfragen", "my requests"). */
export function isStatusMessage(text: string): boolean {
  return statusPattern.test(text.trim());
}

/**
 * Sends the open requests of the contact's own organisation, newest first, as a card. Only the
 * caller's customer partition is read, so requests of other customers never appear.
 */
export async function sendStatusList(context: TurnContext, deps: BotDeps, caller: ContactCaller, lang: Language): Promise<void> {
  const requests = await deps.requests.listOpenOfCustomer(caller.customer.id);
  const card = renderStatusListCard({ lang, customerName: caller.customer.name, requests, zone: deps.zone });

  await context.sendActivity(MessageFactory.attachment(toAttachment(card)));
  deps.logger.info({ ...logIdsOf(context.activity), customerId: caller.customer.id, open: requests.length }, 'status list sent');
}
