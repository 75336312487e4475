import type { Language } from '../../domain/customer.js';
import type { SupportRequest } from '../../domain/request.js';
import { messagesFor } from '../../i18n/messages.js';
import template from './statusList.json' with { type: 'json' };
import { expandCard, truncate, type AdaptiveCard } from './template.js';

/** Maximum number of requests the status card lists; a note names the total when there are more. */
export const STATUS_LIST_MAX_ITEMS = 20;

/** Maximum length of a request's description on the status card, in characters. */
export const STATUS_SUMMARY_MAX_LENGTH = 120;

/** Input of {@link renderStatusListCard}. */
export interface StatusListCardInput {
  lang: Language;
  /** Name of the contact's organisation, shown in the title. */
  customerName: string;
  /** The organisation's open requests, newest first; the card shows the first {@link STATUS_LIST_MAX_ITEMS}. */
  requests: readonly SupportRequest[];
  /** IANA time zone in which deadlines are shown, e.g. "Europe/Berlin". */
  zone: string;
}

/**
 * Renders the contact's list of open requests: per request the number and state (emergencies
 * marked in the attention color), the callback deadline and the start of the description.
 * Without open requests the card states that. Beyond {@link STATUS_LIST_MAX_ITEMS} requests, a
 * note names how many are listed out of how many. Descriptions are TextRuns, which Adaptive Cards render without Markdown.
 */
export function renderStatusListCard(input: StatusListCardInput): AdaptiveCard {
  const messages = messagesFor(input.lang);
  const texts = messages.status;
  const listed = input.requests.slice(0, STATUS_LIST_MAX_ITEMS);

  const items = listed.map((request) => {
    const state = messages.states[request.state];
    return {
      heading: request.emergency ? texts.emergencyHeading(request.number, state) : texts.heading(request.number, state),
      color: request.emergency ? 'Attention' : 'Default',
      deadline: texts.deadline(request.deadline, input.zone),
      summary: truncate(request.description, STATUS_SUMMARY_MAX_LENGTH),
    };
  });

  return expandCard(template, {
    title: texts.title(input.customerName),
    isEmpty: items.length === 0,
    none: texts.none,
    items,
    hasMore: input.requests.length > listed.length,
    more: texts.more(listed.length, input.requests.length),
  });
}
