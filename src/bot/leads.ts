import type { TurnContext } from 'botbuilder';
import { renderLeadCard } from './cards/lead.js';
import type { BotDeps } from './deps.js';
import { logIdsOf } from './turn.js';

/** Maximum length of the message text forwarded to the consultant in a lead card. */
const LEAD_TEXT_MAX_LENGTH = 500;

/**
 * Tells the consultant that someone from an unknown tenant wrote to the bot. At most one card per
 * tenant and day is sent; every message is still counted and logged.
 */
export async function notifyLead(context: TurnContext, deps: BotDeps, tenantId: string, text: string): Promise<void> {
  const activity = context.activity;
  const now = deps.clock.now();
  const ids = { ...logIdsOf(activity), kind: 'lead' };

  if (!(await deps.leads.recordMessage(tenantId, now))) {
    deps.logger.info(ids, 'lead card skipped: this tenant was reported within the last day');
    return;
  }

  await deps.notifier.sendToConsultant(
    (lang) =>
      renderLeadCard({
        lang,
        tenantId: tenantId || '-',
        userName: activity.from?.name ?? '-',
        aadObjectId: activity.from?.aadObjectId ?? '-',
        messageText: text.slice(0, LEAD_TEXT_MAX_LENGTH),
        at: now.toISOString(),
        zone: deps.zone,
      }),
    ids,
  );
}
