import type { Language } from '../../domain/customer.js';
import { messagesFor } from '../../i18n/messages.js';
import type { UpcomingBooking } from '../../services/bookingService.js';
import type { BookingOfferData, BookingReferenceData } from './bookingActionData.js';
import template from './bookingList.json' with { type: 'json' };
import type { CardAction } from './slotPicker.js';
import { expandCard, type AdaptiveCard } from './template.js';
import { Verbs } from './verbs.js';

/** Input of {@link renderBookingListCard}. */
export interface BookingListCardInput {
  lang: Language;
  zone: string;
  customerName: string;
  /** Upcoming confirmed bookings of the customer, ascending by start. */
  bookings: readonly UpcomingBooking[];
  /** Highlighted line under the title, e.g. that a booking was cancelled. */
  notice?: { text: string; color: 'Attention' | 'Good' };
}

/**
 * Renders "Meine Termine": per booking its type and date, time and who booked it, with "Absagen"
 * (`booking.cancel`) and "Verschieben" (`booking.reschedule`). Callback appointments show their
 * request number instead of buttons, because their request's deadline depends on them. A booking that
 * has started shows a note instead of buttons, because it can no longer be cancelled or moved.
 */
export function renderBookingListCard(input: BookingListCardInput): AdaptiveCard {
  const texts = messagesFor(input.lang).booking;
  const items = input.bookings.map((booking) => {
    const reference: BookingReferenceData = { bookingId: booking.transactionId };
    const callback = booking.kind === 'callback';
    const actions: CardAction[] =
      callback || booking.started
        ? []
        : [
            { title: texts.list.reschedule, verb: Verbs.bookingReschedule, data: reference },
            { title: texts.list.cancel, verb: Verbs.bookingCancel, data: reference },
          ];
    let note = '';
    if (callback) note = texts.list.callbackNote(booking.requestNumber ?? booking.periodKey);
    else if (booking.started) note = texts.list.startedNote;
    return {
      heading: texts.list.heading(booking.kind, booking.start, input.zone),
      details: texts.list.details(booking.start, booking.end, input.zone, booking.contactName),
      note: { visible: note !== '', text: note },
      hasActions: actions.length > 0,
      actions,
    };
  });

  const offer: BookingOfferData = {};
  return expandCard(template, {
    title: texts.list.title(input.customerName),
    notice: { visible: input.notice !== undefined, text: input.notice?.text ?? '', color: input.notice?.color ?? 'Default' },
    isEmpty: items.length === 0,
    none: texts.list.none,
    items,
    book: { title: texts.list.book, verb: Verbs.bookingOffer, data: offer },
  });
}
