import type { Language } from '../../domain/customer.js';
import { messagesFor } from '../../i18n/messages.js';
import { formatInstant } from '../../i18n/format.js';
import { bookingFacts, renderBookingSummaryCard, type BookingFactsInput } from './bookingSummary.js';
import type { CardAction } from './slotPicker.js';
import type { AdaptiveCard } from './template.js';

/** Input of {@link renderBookingConfirmCard}. */
export interface BookingConfirmCardInput {
  lang: Language;
  zone: string;
  /** The picked slot with its kind, and the request number for a callback appointment. */
  slot: BookingFactsInput;
  /** Start of the booking before a move; shown as "Bisher". */
  previousStart?: string;
  /** Action that books or moves; its title comes from this card. */
  confirm: Omit<CardAction, 'title'>;
  /** Action that goes back to the slots. */
  back: Omit<CardAction, 'title'>;
}

/**
 * Renders the confirmation step after a slot was picked: the slot's facts and "Verbindlich buchen"
 * ("Verschieben bestätigen" for a move) next to "Andere Zeit wählen". Nothing is booked before the
 * contact confirms.
 */
export function renderBookingConfirmCard(input: BookingConfirmCardInput): AdaptiveCard {
  const texts = messagesFor(input.lang).booking;
  const facts = bookingFacts(input.lang, input.zone, input.slot);
  if (input.previousStart !== undefined) {
    facts.push({ title: texts.labels.previous, value: formatInstant(input.previousStart, input.lang, input.zone) });
  }
  const moving = input.previousStart !== undefined;
  return renderBookingSummaryCard({
    title: moving ? texts.reschedule.title(input.slot.kind) : texts.confirm.title,
    intro: texts.confirm.intro,
    facts,
    footer: [
      { title: moving ? texts.confirm.move : texts.confirm.book, ...input.confirm },
      { title: texts.confirm.back, ...input.back },
    ],
  });
}
