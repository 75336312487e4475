import type { Language } from '../../domain/customer.js';
import { messagesFor } from '../../i18n/messages.js';
import type { BookingKind } from '../../storage/bookings.js';
import template from './bookingSummary.json' with { type: 'json' };
import type { CardAction } from './slotPicker.js';
import { expandCard, type AdaptiveCard } from './template.js';

/** Input of {@link renderBookingSummaryCard}; every text is already in the reader's language. */
export interface BookingSummaryCardInput {
  title: string;
  notice?: { text: string; color: 'Attention' | 'Warning' | 'Good' | 'Accent' };
  intro?: string;
  facts: { title: string; value: string }[];
  /** Small print under the facts. */
  note?: string;
  /** Button that opens the Teams meeting, when there is a join link. */
  join?: { title: string; url: string };
  footer: CardAction[];
}

/**
 * Renders the card of one booking: title, optional notice and intro, its facts (type, date, time,
 * length, ...), optional small print, a button to join the Teams meeting and further actions. The
 * confirmation step, the booked card and the consultant's notice are all built on it.
 */
export function renderBookingSummaryCard(input: BookingSummaryCardInput): AdaptiveCard {
  return expandCard(template, {
    title: input.title,
    notice: { visible: input.notice !== undefined, text: input.notice?.text ?? '', color: input.notice?.color ?? 'Default' },
    intro: { visible: input.intro !== undefined, text: input.intro ?? '' },
    facts: input.facts,
    note: { visible: input.note !== undefined, text: input.note ?? '' },
    join: { visible: input.join !== undefined, title: input.join?.title ?? '', url: input.join?.url ?? '' },
    footer: input.footer,
  });
}

/** Fields of a booking or a picked slot that {@link bookingFacts} shows. */
export interface BookingFactsInput {
  kind: BookingKind;
  start: string;
  end: string;
  requestNumber?: string;
}

/** Returns the facts of a booking in `lang`: type, request number for a callback, date, time in `zone` and length. */
export function bookingFacts(lang: Language, zone: string, booking: BookingFactsInput): { title: string; value: string }[] {
  const texts = messagesFor(lang).booking;
  const durationMinutes = Math.round((Date.parse(booking.end) - Date.parse(booking.start)) / 60_000);
  const facts = [{ title: texts.labels.kind, value: texts.kinds[booking.kind] }];
  if (booking.requestNumber !== undefined) facts.push({ title: texts.labels.request, value: booking.requestNumber });
  facts.push(
    { title: texts.labels.date, value: texts.date(booking.start, zone) },
    { title: texts.labels.time, value: texts.timeRange(booking.start, booking.end, zone) },
    { title: texts.labels.duration, value: texts.duration(durationMinutes) },
  );
  return facts;
}
