import type { Language } from '../../domain/customer.js';
import { formatDuration, formatEuro, formatMonth, localeOf } from '../../i18n/format.js';
import { messagesFor } from '../../i18n/messages.js';
import type { OverageApprovalView } from '../../services/overageApprovalService.js';
import template from './overageApproval.json' with { type: 'json' };
import { expandCard, truncate, type AdaptiveCard } from './template.js';
import { Verbs, type OverageDecisionData } from './verbs.js';

/** Input of {@link renderOverageApprovalCard}. */
export interface OverageApprovalCardInput {
  view: OverageApprovalView;
  lang: Language;
  /** IANA zone in which the decision instant is shown. */
  zone: string;
  /** Reader of the card: "approver" for the customer's card, "consultant" for the decision notice in the consultant's chat without actions. */
  audience: 'approver' | 'consultant';
}

const TITLE_LENGTH = 80;

/**
 * Renders an overage approval card: hours, extra-hour rate, amount, billing month, request number and
 * title, who requested it and the note. While the approval is pending, the approver's card has
 * "Genehmigen" (`overage.approve`) and "Ablehnen" (`overage.decline`) and a refresh section for the
 * approvers' Teams user ids, so Teams fetches the current state (`overage.refresh`) when one of them
 * opens the chat. Once decided, the card shows the decision, the approver who made it and when, and has no actions.
 */
export function renderOverageApprovalCard(input: OverageApprovalCardInput): AdaptiveCard {
  const { view, lang, zone } = input;
  const { approval } = view;
  const texts = messagesFor(lang).overage;
  const labels = texts.labels;
  const reference: OverageDecisionData = { customerId: approval.customerId, month: approval.month, approvalId: approval.id };
  const pending = approval.decision === 'pending';

  const facts = [];
  if (approval.request !== undefined) {
    const title = view.requestTitle === undefined ? '' : ` – ${truncate(view.requestTitle, TITLE_LENGTH)}`;
    facts.push({ title: labels.request, value: `${approval.request}${title}` });
  }
  facts.push(
    { title: labels.hours, value: describeHours(approval.minutes, lang) },
    { title: labels.rate, value: formatEuro(view.rateCents, lang) },
    { title: labels.amount, value: formatEuro(view.amountCents, lang) },
    { title: labels.month, value: formatMonth(approval.month, lang) },
  );
  if (approval.requestedBy !== undefined) {
    facts.push({ title: labels.requestedBy, value: approval.requestedBy });
  }

  const card = expandCard(template, {
    title: input.audience === 'consultant' ? texts.consultantTitle(view.customer.name) : texts.title,
    intro: { visible: input.audience === 'approver', text: texts.intro(view.customer.name) },
    status: describeStatus(view, lang, zone),
    facts,
    note: { visible: approval.note !== undefined, heading: labels.note, text: approval.note ?? '' },
    reference,
    decide: {
      visible: pending && input.audience === 'approver',
      approve: texts.approve,
      decline: texts.decline,
      approveVerb: Verbs.overageApprove,
      declineVerb: Verbs.overageDecline,
    },
  });

  if (pending && input.audience === 'approver' && view.approverUserIds.length > 0) {
    card.refresh = {
      action: { type: 'Action.Execute', verb: Verbs.overageRefresh, data: reference },
      userIds: view.approverUserIds,
    };
  }
  return card;
}

/** Formats minutes as hours with up to two decimals and as a duration, e.g. "1,5 (1 Std. 30 Min.)". */
function describeHours(minutes: number, lang: Language): string {
  const hours = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 2 }).format(minutes / 60);
  return `${hours} (${formatDuration(minutes, lang)})`;
}

function describeStatus(view: OverageApprovalView, lang: Language, zone: string): { text: string; color: string } {
  const texts = messagesFor(lang).overage;
  const { decision, decidedBy, decidedAt } = view.approval;
  if (decision === 'pending' || decidedBy === undefined || decidedAt === undefined) {
    return { text: texts.pending, color: 'Accent' };
  }
  return decision === 'approved'
    ? { text: texts.approved(decidedBy, decidedAt, zone), color: 'Good' }
    : { text: texts.declined(decidedBy, decidedAt, zone), color: 'Attention' };
}
