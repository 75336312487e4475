import type { Catalog } from '../domain/catalog.js';
import { findPlan } from '../domain/catalog.js';
import type { Clock } from '../domain/clock.js';
import type { Language } from '../domain/customer.js';
import type { HistoryDraft } from '../domain/history.js';
import type { SupportRequest } from '../domain/request.js';
import { messagesFor, resolveLanguage } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { CallerDirectory } from '../services/callers.js';
import type { RequestChangeEvent, RequestChangeListener } from '../services/requestChangeListener.js';
import type { CardCopy, StoredRequest } from '../storage/requests.js';
import { renderConsultantRequestCard } from './cards/consultantRequest.js';
import { renderRequesterRequestCard } from './cards/requestConfirmation.js';
import type { AdaptiveCard } from './cards/template.js';
import type { Notifier } from './notifier.js';

/** Dependencies of {@link RequestCardUpdates}, a subset of the bot's. */
export interface RequestCardUpdateDeps {
  catalog: Catalog;
  /** IANA zone in which cards show instants. */
  zone: string;
  clock: Clock;
  callers: Pick<CallerDirectory, 'customerName'>;
  notifier: Pick<Notifier, 'updateCopies' | 'sendTextTo'>;
  logger: Logger;
}

/**
 * Shows a stored change of a request in Teams: re-renders every posted copy of its cards (requester's,
 * consultant's, substitute's) and writes to the requester when the callback is recorded or the request is
 * resolved. The consultant's card actions and the tab API both report their changes here.
 */
export class RequestCardUpdates implements RequestChangeListener {
  constructor(private readonly deps: RequestCardUpdateDeps) {}

  async requestChanged(event: RequestChangeEvent): Promise<void> {
    const { stored, entry, logIds, exceptActivityId } = event;
    try {
      const customerName = await this.customerName(stored.request.customerId);
      const others = stored.cards.filter((copy) => copy.activityId !== exceptActivityId);
      await this.deps.notifier.updateCopies(others, (copy) => this.renderCopy(copy, stored, customerName), logIds);
      await this.notifyRequester(stored, entry, logIds);
    } catch (error) {
      // The change is stored; a failed card update must not turn it into a failure for the caller.
      this.deps.logger.error({ ...logIds, err: error }, 'showing a request change in Teams failed');
    }
  }

  /** Renders the consultant's card of a request, with actions unless `readOnly`. */
  consultantCard(lang: Language, stored: StoredRequest, customerName: string, readOnly = false): AdaptiveCard {
    return renderConsultantRequestCard({
      lang,
      request: stored.request,
      customerName,
      planName: planNameOf(this.deps.catalog, stored.request.planId, lang),
      zone: this.deps.zone,
      now: this.deps.clock.now(),
      readOnly,
    });
  }

  /** Returns the customer's display name, or the id when the customer is unknown. */
  async customerName(customerId: string): Promise<string> {
    return (await this.deps.callers.customerName(customerId)) ?? customerId;
  }

  private renderCopy(copy: CardCopy, stored: StoredRequest, customerName: string): AdaptiveCard {
    const lang = resolveLanguage(undefined, copy.conversation.locale);
    if (copy.role === 'requester') return renderRequesterRequestCard({ lang, request: stored.request, zone: this.deps.zone });
    // The absence substitute's copy is the consultant's card without actions, because only the consultant may act.
    return this.consultantCard(lang, stored, customerName, copy.role === 'substitute');
  }

  /**
   * Posts a short message into the requester's chat when the change recorded the callback or resolved
   * the request. Each requester conversation gets one message, even when it contains several card copies.
   */
  private async notifyRequester(stored: StoredRequest, entry: HistoryDraft, ids: Record<string, unknown>): Promise<void> {
    const write = requesterMessage(stored.request, entry);
    if (!write) return;

    const notified = new Set<string>();
    for (const copy of stored.cards) {
      const conversationId = copy.conversation.conversation?.id;
      if (copy.role !== 'requester' || conversationId === undefined || notified.has(conversationId)) continue;
      notified.add(conversationId);
      await this.deps.notifier.sendTextTo(copy.conversation, write, ids);
    }
  }
}

function requesterMessage(request: SupportRequest, entry: HistoryDraft): ((lang: Language) => string) | undefined {
  if (entry.action === 'callback') {
    return (lang) => messagesFor(lang).lifecycle.requester.callbackRecorded(request.number);
  }
  if (entry.to === 'resolved' && request.solution !== undefined) {
    const solution = request.solution;
    return (lang) => messagesFor(lang).lifecycle.requester.resolved(request.number, solution);
  }
  return undefined;
}

function planNameOf(catalog: Catalog, planId: string, lang: Language): string {
  try {
    return findPlan(catalog, planId).name[lang];
  } catch {
    return planId;
  }
}
