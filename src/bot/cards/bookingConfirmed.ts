import type { Language } from '../../domain/customer.js';
import { messagesFor } from '../../i18n/messages.js';
import type { Booking } from '../../storage/bookings.js';
import { bookingFacts, renderBookingSummaryCard } from './bookingSummary.js';
import type { AdaptiveCard } from './template.js';
import { Verbs } from './verbs.js';

/** Input of {@link renderBookingConfirmedCard}. */
export interface BookingConfirmedCardInput {
  lang: Language;
  zone: string;
  booking: Booking;
  /** Whether the booking was moved rather than newly booked. */
  moved: boolean;
  /** Whether the calendar sent the contact an invitation, see `BookingService.sendsInvitations`. */
  invitationSent: boolean;
}

/**
 * Renders the card that confirms a booked or moved appointment: type, date, time and length, to whom the
 * invitation goes (or that none is sent), and the Teams join link as a button. Without a join link (the
 * local calendar stores none) a line states that. A "Meine Termine" button lists the customer's bookings.
 */
export function renderBookingConfirmedCard(input: BookingConfirmedCardInput): AdaptiveCard {
  const texts = messagesFor(input.lang).booking;
  const { booking } = input;
  const joinUrl = booking.joinUrl;
  const invitation = input.invitationSent ? texts.confirmed.invitation(booking.contactEmail) : texts.confirmed.noInvitation;
  return renderBookingSummaryCard({
    title: input.moved ? texts.confirmed.movedTitle(booking.kind) : texts.confirmed.bookedTitle(booking.kind),
    facts: bookingFacts(input.lang, input.zone, booking),
    note: joinUrl === undefined ? `${invitation} ${texts.confirmed.noJoinUrl}` : invitation,
    ...(joinUrl === undefined ? {} : { join: { title: texts.confirmed.join, url: joinUrl } }),
    footer: [{ title: texts.confirmed.myBookings, verb: Verbs.bookingList, data: {} }],
  });
}
