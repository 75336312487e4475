import type { Language } from '../../domain/customer.js';
import { formatInstant } from '../../i18n/format.js';
import { messagesFor } from '../../i18n/messages.js';
import template from './lead.json' with { type: 'json' };
import { expandCard, truncate, type AdaptiveCard } from './template.js';

/** Maximum length of the quoted message on the lead card, in characters. */
export const LEAD_MESSAGE_MAX_LENGTH = 500;

/** Input of {@link renderLeadCard}: who wrote from an unregistered tenant, and what. */
export interface LeadCardInput {
  lang: Language;
  /** Entra tenant id of the unregistered tenant. */
  tenantId: string;
  /** Display name from the Teams activity; Teams may omit it. */
  userName?: string;
  /** Entra object id of the writer; Teams may omit it. */
  aadObjectId?: string;
  messageText: string;
  /** When the message arrived, as a Date or an ISO 8601 instant. */
  at: Date | string;
  /** IANA time zone in which `at` is shown, e.g. "Europe/Berlin". */
  zone: string;
}

/**
 * Renders the consultant's card "Neuer Interessent: unbekannter Mandant" for a
 * message from a tenant that belongs to no customer. The message is cut to
 * {@link LEAD_MESSAGE_MAX_LENGTH} characters.
 *
 * Everything the writer controls (name and message) is shown as TextRuns, which
 * Adaptive Cards render without Markdown, so a link in a stranger's message is
 * not clickable.
 */
export function renderLeadCard(input: LeadCardInput): AdaptiveCard {
  const texts = messagesFor(input.lang).lead;
  const at = input.at instanceof Date ? input.at.toISOString() : input.at;
  const messageText = input.messageText.trim() === '' ? texts.emptyMessage : truncate(input.messageText, LEAD_MESSAGE_MAX_LENGTH);

  const fields = [
    { label: `${texts.labels.name}: `, value: nonEmptyOr(input.userName, texts.unknown) },
    { label: `${texts.labels.tenantId}: `, value: input.tenantId },
    { label: `${texts.labels.aadObjectId}: `, value: nonEmptyOr(input.aadObjectId, texts.unknown) },
    { label: `${texts.labels.at}: `, value: formatInstant(at, input.lang, input.zone) },
  ];

  return expandCard(template, {
    title: texts.title,
    intro: texts.intro,
    fields,
    messageHeading: texts.labels.message,
    messageText,
  });
}

function nonEmptyOr(value: string | undefined, fallback: string): string {
  return value === undefined || value.trim() === '' ? fallback : value;
}
