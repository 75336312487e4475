import type { Language } from '../../domain/customer.js';
import type { SupportRequest } from '../../domain/request.js';
import { AT_RISK_FRACTION } from '../../domain/sla.js';
import type { SlaWarningKind } from '../../domain/slaWarnings.js';
import type { Messages } from '../../i18n/de.js';
import { formatInstant, formatTimeLeft, localeOf } from '../../i18n/format.js';
import { messagesFor } from '../../i18n/messages.js';
import { minutesUntil } from './consultantRequest.js';
import template from './slaWarning.json' with { type: 'json' };
import { expandCard, type AdaptiveCard } from './template.js';
import { Verbs, type RequestReferenceData } from './verbs.js';

/** Input of {@link renderSlaWarningCard}. */
export interface SlaWarningCardInput {
  lang: Language;
  kind: SlaWarningKind;
  request: SupportRequest;
  customerName: string;
  /** Plan name in `lang`, or the emergency line's name for a request without a plan. */
  planName: string;
  /** IANA time zone in which instants are shown, e.g. "Europe/Berlin". */
  zone: string;
  /** Instant of sending, from which the time left and the open time are computed. */
  now: Date;
  /** ISO 8601 instant at which the warning fell due; shown when the warning is late. */
  dueAt: string;
  /** Whether the warning goes out later than the late threshold after `dueAt`. */
  late: boolean;
  /**
   * Display name of the absent consultant when the card goes to the absence substitute. The card then
   * explains why the substitute receives it and has no actions, because the card actions accept the
   * consultant alone.
   */
  substituteFor?: string;
}

interface Fact {
  title: string;
  value: string;
}

type TextColor = 'Default' | 'Good' | 'Warning' | 'Attention';

const TITLE_COLORS: Record<SlaWarningKind, TextColor> = {
  atRisk: 'Warning',
  breach: 'Attention',
  emergencyUnacknowledged: 'Attention',
};

const MS_PER_MINUTE = 60_000;

/**
 * Renders an SLA warning for the consultant. The title depends on the kind: "Frist in Gefahr: HD-2026-0004",
 * "Frist überschritten: …" or "Notfall nicht bestätigt: …". A late warning gets a "Verspätet zugestellt"
 * line. Then follow the reason, the time left or overdue, the facts (customer, plan, opening, deadline,
 * callback number and channel, state), the contact and the description.
 *
 * The actions use the verbs of the consultant's request card: `request.acknowledge` while the request
 * is not acknowledged and `request.callbackDone` while no first contact is recorded, both with
 * {@link RequestReferenceData}. So the existing handlers act on this card, and later changes update it.
 */
export function renderSlaWarningCard(input: SlaWarningCardInput): AdaptiveCard {
  const { request, lang, kind } = input;
  const messages = messagesFor(lang);
  const texts = messages.warnings;
  const consultantTexts = messages.consultant;
  const reference: RequestReferenceData = { customerId: request.customerId, number: request.number };
  const withActions = input.substituteFor === undefined;

  return expandCard(template, {
    emergency: { visible: request.emergency, text: consultantTexts.emergency },
    title: { text: texts.titles[kind](request.number), color: TITLE_COLORS[kind] },
    late: { visible: input.late, text: input.late ? texts.late(input.dueAt, input.zone) : '' },
    reason: describeReason(input, messages),
    substitute: {
      visible: !withActions,
      text: input.substituteFor === undefined ? '' : texts.substitute(input.substituteFor),
    },
    status: describeTimeLeft(request, input.now, lang),
    facts: listFacts(input, messages),
    contact: { label: `${consultantTexts.labels.contact}: `, name: request.contactName },
    descriptionHeading: consultantTexts.descriptionHeading,
    description: request.description,
    reference,
    acknowledge: {
      visible: withActions && request.acknowledgedAt === undefined,
      title: consultantTexts.acknowledge,
      verb: Verbs.requestAcknowledge,
    },
    callbackDone: {
      visible: withActions && request.firstContactAt === undefined,
      title: consultantTexts.callbackDone,
      verb: Verbs.requestCallbackDone,
    },
  });
}

function describeReason(input: SlaWarningCardInput, messages: Messages): string {
  const texts = messages.warnings;
  switch (input.kind) {
    case 'atRisk':
      return texts.atRiskReason(Math.round(AT_RISK_FRACTION * 100));
    case 'breach':
      return texts.breachReason;
    case 'emergencyUnacknowledged': {
      const openMinutes = Math.max(0, Math.floor((input.now.getTime() - Date.parse(input.request.openedAt)) / MS_PER_MINUTE));
      return texts.emergencyUnacknowledgedReason(openMinutes);
    }
  }
}

/** Returns "Noch 45 Min." or "Seit 20 Min. überfällig", the latter in the attention color. */
function describeTimeLeft(request: SupportRequest, now: Date, lang: Language): { text: string; color: TextColor } {
  const minutesLeft = minutesUntil(request.deadline, now);
  const text = formatTimeLeft(minutesLeft, lang);
  return {
    text: text.charAt(0).toLocaleUpperCase(localeOf(lang)) + text.slice(1),
    color: minutesLeft < 0 ? 'Attention' : 'Default',
  };
}

function listFacts(input: SlaWarningCardInput, messages: Messages): Fact[] {
  const { request, lang, zone } = input;
  const labels = messages.consultant.labels;

  return [
    { title: labels.customer, value: input.customerName },
    { title: labels.plan, value: input.planName },
    { title: labels.openedAt, value: formatInstant(request.openedAt, lang, zone) },
    { title: labels.deadline, value: formatInstant(request.deadline, lang, zone) },
    { title: labels.callbackPhone, value: request.callbackPhone ?? messages.request.notGiven },
    { title: labels.callbackChannel, value: messages.callbackChannels[request.callbackChannel] },
    { title: labels.state, value: messages.states[request.state] },
  ];
}
