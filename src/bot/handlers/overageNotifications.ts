import type { ConversationReference } from 'botbuilder';

import { resolveLanguage } from '../../i18n/index.js';
import type { HoursWarningChannel, HoursWarningView } from '../../services/hoursWarningService.js';
import type { OverageApprovalView, OverageCardChannel } from '../../services/overageApprovalService.js';
import type { DeliveredCard } from '../../storage/deliveries.js';
import { renderHoursWarningCard } from '../cards/hoursWarning.js';
import { renderOverageApprovalCard } from '../cards/overageApproval.js';
import type { Notifier } from '../notifier.js';

/**
 * Sends the cards of the hours services through the bot's notifier: approval cards to approvers,
 * updates of every stored copy, the decision and hours warnings to the consultant.
 */
export class BotHoursChannel implements OverageCardChannel, HoursWarningChannel {
  constructor(
    private readonly notifier: Pick<Notifier, 'sendToConversation' | 'sendToConsultant' | 'updateCopies'>,
    /** IANA zone in which cards show instants. */
    private readonly zone: string,
  ) {}

  async sendApprovalCard(reference: Partial<ConversationReference>, view: OverageApprovalView): Promise<string | undefined> {
    return this.notifier.sendToConversation(
      reference,
      (lang) => renderOverageApprovalCard({ view, lang, zone: this.zone, audience: 'approver' }),
      idsOf(view),
    );
  }

  async updateApprovalCards(cards: readonly DeliveredCard[], view: OverageApprovalView): Promise<void> {
    // The notifier's card copies know requester, consultant and substitute; an approver's copy is the customer's side.
    const copies = cards.map((card) => ({
      role: card.role === 'approver' ? ('requester' as const) : ('consultant' as const),
      conversation: card.conversation,
      activityId: card.activityId,
    }));
    await this.notifier.updateCopies(
      copies,
      (copy) =>
        renderOverageApprovalCard({
          view,
          lang: resolveLanguage(undefined, copy.conversation.locale),
          zone: this.zone,
          audience: copy.role === 'consultant' ? 'consultant' : 'approver',
        }),
      idsOf(view),
    );
  }

  async sendDecisionToConsultant(view: OverageApprovalView): Promise<void> {
    await this.notifier.sendToConsultant(
      (lang) => renderOverageApprovalCard({ view, lang, zone: this.zone, audience: 'consultant' }),
      idsOf(view),
    );
  }

  async sendHoursWarning(view: HoursWarningView): Promise<boolean> {
    const copy = await this.notifier.sendToConsultant((lang) => renderHoursWarningCard(view, lang), {
      customerId: view.customer.id,
      month: view.statement.month,
      thresholdPercent: view.thresholdPercent,
    });
    return copy !== undefined;
  }
}

function idsOf(view: OverageApprovalView): Record<string, unknown> {
  const { approval } = view;
  return { customerId: approval.customerId, month: approval.month, approvalId: approval.id, requestNumber: approval.request };
}
