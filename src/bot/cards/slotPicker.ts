import type { Language } from '../../domain/customer.js';
import type { Slot } from '../../domain/slots/findSlots.js';
import { messagesFor } from '../../i18n/messages.js';
import { formatTime } from '../../i18n/format.js';
import template from './slotPicker.json' with { type: 'json' };
import { expandCard, type AdaptiveCard } from './template.js';

/** Slot buttons per row, so that the times of a day wrap into short rows. */
export const SLOT_BUTTONS_PER_ROW = 4;

/** An Action.Execute on a card: button text, verb and typed data. */
export interface CardAction {
  title: string;
  verb: string;
  data: object;
}

/** Input of {@link renderSlotPickerCard}. */
export interface SlotPickerCardInput {
  lang: Language;
  /** IANA zone in which days and times are shown, e.g. "Europe/Berlin". */
  zone: string;
  title: string;
  /** Highlighted line under the title, e.g. that a slot was just taken. */
  notice?: { text: string; color: 'Attention' | 'Warning' | 'Good' | 'Accent' };
  intro?: string;
  /** Facts about what the plan includes, under their heading. */
  included?: { heading: string; facts: { title: string; value: string }[] };
  /** Buttons shown above the slots, e.g. one per entitlement kind, under their heading. */
  choices?: { heading: string; actions: CardAction[] };
  /** The page of slots, ascending; grouped by local day on the card. */
  slots: readonly Slot[];
  /** Action of a slot button. */
  pick: (slot: Slot) => Omit<CardAction, 'title'>;
  /** Text instead of the slots when the page is empty. */
  emptyText: string;
  /** Buttons at the bottom, e.g. "Weitere Termine". */
  footer: CardAction[];
}

/**
 * Renders a page of free slots: per local day a heading with the German or English date ("Mittwoch,
 * 03.02.2027") and one button per slot with its local start time ("10:15"), grouped into rows of
 * {@link SLOT_BUTTONS_PER_ROW}. Above the slots it can show a notice, an intro, what the plan includes
 * and further choices.
 */
export function renderSlotPickerCard(input: SlotPickerCardInput): AdaptiveCard {
  const texts = messagesFor(input.lang).booking;
  const days: { heading: string; rows: { slots: CardAction[] }[] }[] = [];
  let currentDay: { heading: string; slots: CardAction[] } | undefined;
  const flush = () => {
    if (currentDay) days.push({ heading: currentDay.heading, rows: chunk(currentDay.slots, SLOT_BUTTONS_PER_ROW).map((slots) => ({ slots })) });
  };
  for (const slot of input.slots) {
    const heading = texts.date(slot.start, input.zone);
    if (currentDay?.heading !== heading) {
      flush();
      currentDay = { heading, slots: [] };
    }
    currentDay.slots.push({ title: formatTime(slot.start, input.zone), ...input.pick(slot) });
  }
  flush();

  return expandCard(template, {
    title: input.title,
    notice: { visible: input.notice !== undefined, text: input.notice?.text ?? '', color: input.notice?.color ?? 'Default' },
    intro: { visible: input.intro !== undefined, text: input.intro ?? '' },
    included: { visible: input.included !== undefined, heading: input.included?.heading ?? '', facts: input.included?.facts ?? [] },
    choices: { visible: input.choices !== undefined, heading: input.choices?.heading ?? '', actions: input.choices?.actions ?? [] },
    slotsHeading: texts.offer.slotsHeading,
    isEmpty: days.length === 0,
    emptyText: input.emptyText,
    days,
    footer: input.footer,
  });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let index = 0; index < items.length; index += size) {
    rows.push(items.slice(index, index + size));
  }
  return rows;
}
