import type { TurnContext } from 'botbuilder';

import type { BotDeps } from '../deps.js';

/** Handle of an invoke that this delivery processes: mark it done or give it back after a failure. */
export interface InvokeClaim {
  complete(customerId: string, number: string): Promise<void>;
  release(): Promise<void>;
}

/**
 * Claims a consultant card action by its invoke activity id, because Teams may deliver the same invoke
 * twice and a second time entry or overage request must not be stored. Uses the submissions table, whose
 * rows are keyed by conversation and activity id.
 *
 * @returns the claim, or undefined when another delivery of this invoke has claimed it already. An invoke
 *   without an activity id cannot be recognized again and is always claimed.
 */
export async function claimInvoke(context: TurnContext, deps: BotDeps, verb: string): Promise<InvokeClaim | undefined> {
  const conversationId = context.activity.conversation?.id ?? '';
  const activityId = context.activity.id;
  if (!activityId || !conversationId) {
    return { complete: async () => undefined, release: async () => undefined };
  }

  const key = `${verb}|${activityId}`;
  const claim = await deps.submissions.claim(conversationId, key, deps.clock.now());
  if (claim.status === 'taken') {
    return undefined;
  }
  return {
    complete: (customerId, number) => deps.submissions.complete(conversationId, key, customerId, number),
    release: () => deps.submissions.release(conversationId, key),
  };
}
