import { createHash } from 'node:crypto';

import type { TurnContext } from 'botbuilder';

/**
 * Derives the transaction id of a booking from the card action that confirms it: the conversation, the
 * card's activity id, what is booked and the slot start. Teams may deliver the same invoke twice, and both
 * deliveries map to the same id, so the booking service books once. Another card, or another slot on the
 * same card, gives another id.
 *
 * @param subject - What is booked, e.g. the entitlement kind or "callback|HD-2026-0001".
 */
export function bookingTransactionId(context: TurnContext, subject: string, start: string): string {
  const activity = context.activity;
  const cardId = activity.replyToId ?? activity.id ?? '';
  const key = [activity.conversation?.id ?? '', cardId, subject, String(Date.parse(start))].join('|');
  return `bot-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 40)}`;
}
