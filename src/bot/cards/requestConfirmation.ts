import type { Language } from '../../domain/customer.js';
import type { SupportRequest } from '../../domain/request.js';
import { formatInstant } from '../../i18n/format.js';
import { messagesFor } from '../../i18n/messages.js';
import template from './requestConfirmation.json' with { type: 'json' };
import { expandCard, truncate, type AdaptiveCard } from './template.js';
import { mayAgreeCallbackAppointment } from '../../domain/callbackAppointment.js';
import type { CallbackOfferData } from './bookingActionData.js';
import { Verbs } from './verbs.js';

/** Maximum length of the description summary on the requester's card, in characters. */
export const REQUEST_SUMMARY_MAX_LENGTH = 300;

/** Input of {@link renderRequesterRequestCard}. */
export interface RequesterRequestCardInput {
  lang: Language;
  request: SupportRequest;
  /** IANA time zone in which instants are shown, e.g. "Europe/Berlin". */
  zone: string;
}

/**
 * Renders the customer contact's card for their request: number,
 * emergency marker, callback deadline ("Rückruf spätestens …") or, once the
 * consultant has called back, "Rückruf erfolgt: …", or once resolved "Gelöst: …",
 * state, a summary of the description and, for a resolved request, the solution.
 * An agreed callback appointment replaces the deadline line ("Rückruftermin: …"). While the contact may
 * still pick one, a "Rückruftermin wählen" button (verb `callback.offer`) sends the callback slots.
 *
 * The description is shown as a TextRun, which Adaptive Cards render without
 * Markdown, so links or formatting typed by a customer stay plain text.
 */
export function renderRequesterRequestCard(input: RequesterRequestCardInput): AdaptiveCard {
  const { request, lang, zone } = input;
  const messages = messagesFor(lang);
  const texts = messages.request;

  let callback = { text: texts.callbackBy(request.deadline, zone), color: 'Accent' };
  const appointment = request.callbackAppointment;
  if (appointment !== undefined) {
    callback = { text: messages.booking.callback.appointment(appointment.start, appointment.end, zone), color: 'Accent' };
  }
  if (request.resolvedAt !== undefined) {
    callback = { text: messages.lifecycle.resolvedAt(request.resolvedAt, zone), color: 'Good' };
  } else if (request.firstContactAt !== undefined) {
    callback = { text: texts.callbackDone(request.firstContactAt, zone), color: 'Good' };
  }

  const callbackOffer: CallbackOfferData = { number: request.number, newMessage: true };
  const facts = [
    { title: texts.labels.state, value: messages.states[request.state] },
    { title: texts.labels.urgency, value: messages.urgencies[request.urgency] },
    { title: texts.labels.callbackChannel, value: messages.callbackChannels[request.callbackChannel] },
    { title: texts.labels.callbackPhone, value: request.callbackPhone ?? texts.notGiven },
    { title: texts.labels.openedAt, value: formatInstant(request.openedAt, lang, zone) },
  ];

  return expandCard(template, {
    title: texts.title(request.number),
    emergency: { visible: request.emergency, text: texts.emergency },
    callback,
    facts,
    descriptionHeading: texts.descriptionHeading,
    summary: truncate(request.description, REQUEST_SUMMARY_MAX_LENGTH),
    solution: {
      visible: request.solution !== undefined,
      heading: messages.lifecycle.solutionLabel,
      text: request.solution ?? '',
    },
    actions: mayAgreeCallbackAppointment(request) ? [{ title: messages.booking.callback.button, verb: Verbs.callbackOffer, data: callbackOffer }] : [],
  });
}
