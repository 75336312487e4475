import type { Language } from '../../domain/customer.js';
import { messagesFor } from '../../i18n/messages.js';
import { formatInstant } from '../../i18n/format.js';
import type { Booking } from '../../storage/bookings.js';
import { bookingFacts, renderBookingSummaryCard } from './bookingSummary.js';
import type { AdaptiveCard } from './template.js';

/** Change to a booking that the consultant's card reports. */
export type BookingChange = 'booked' | 'moved' | 'cancelled';

/** Input of {@link renderConsultantBookingCard}. */
export interface ConsultantBookingCardInput {
  lang: Language;
  zone: string;
  booking: Booking;
  change: BookingChange;
  customerName: string;
  /** Start before a move. */
  previousStart?: string;
}

/**
 * Renders the consultant's card for a booking, a move or a cancellation: customer, contact, type,
 * request number of a callback, date, time, length, the previous start of a move, and the Teams join link.
 */
export function renderConsultantBookingCard(input: ConsultantBookingCardInput): AdaptiveCard {
  const texts = messagesFor(input.lang).booking;
  const { booking } = input;
  const facts = [
    { title: texts.labels.customer, value: input.customerName },
    { title: texts.labels.contact, value: `${booking.contactName} <${booking.contactEmail}>` },
    ...bookingFacts(input.lang, input.zone, booking),
  ];
  if (input.previousStart !== undefined) {
    facts.push({ title: texts.labels.previous, value: formatInstant(input.previousStart, input.lang, input.zone) });
  }
  const join = booking.joinUrl !== undefined && input.change !== 'cancelled' ? { title: texts.confirmed.join, url: booking.joinUrl } : undefined;
  return renderBookingSummaryCard({
    title: texts.consultant[input.change](booking.kind, input.customerName),
    facts,
    ...(join === undefined ? {} : { join }),
    footer: [],
  });
}
