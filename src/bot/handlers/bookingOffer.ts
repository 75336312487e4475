import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';

import type { Entitlement } from '../../domain/catalog.js';
import type { Language } from '../../domain/customer.js';
import { messagesFor } from '../../i18n/index.js';
import { NEXT_SLOT_SEARCH_DAYS } from '../../services/bookingService.js';
import {
  parseBookingOfferData,
  parseBookingSlotData,
  type BookingOfferData,
  type BookingSlotData,
} from '../cards/bookingActionData.js';
import { renderBookingConfirmCard } from '../cards/bookingConfirm.js';
import { renderBookingConfirmedCard } from '../cards/bookingConfirmed.js';
import { renderSlotPickerCard, type SlotPickerCardInput } from '../cards/slotPicker.js';
import type { AdaptiveCard } from '../cards/template.js';
import { Verbs } from '../cards/verbs.js';
import type { BotDeps } from '../deps.js';
import { logIdsOf } from '../turn.js';
import { conflictNotice, rejectInvalidCardData, sendBookingReply, withBookingContact } from './bookingFailures.js';
import { notifyConsultantOfBooking } from './bookingNotify.js';
import { loadSlotPage, type SlotPageStart } from './bookingPages.js';
import { bookingTransactionId } from './bookingTransactionId.js';
import type { ContactCaller } from './requestForm.js';

/** Messages that request to book an included call, in German or English. */
const bookingPattern = /^(termin buchen|termin|book an appointment|book)[\s!.?]*$/i;

/** Returns whether a contact's chat message requests to book an included call ("Termin buchen"). */
export function isBookingMessage(text: string): boolean {
  return bookingPattern.test(text.trim());
}

/** Sends the "Termin buchen" card for a typed message: what the plan includes and the next free slots. */
export async function sendBookingOffer(context: TurnContext, deps: BotDeps, caller: ContactCaller, lang: Language): Promise<void> {
  await sendBookingReply(context, deps, lang, () => offerCard(deps, caller, lang, {}));
}

/**
 * Registers "Termin buchen": the offer with its pages (`booking.offer`), the confirmation step after a
 * slot is picked (`booking.pick`) and the booking itself (`booking.confirm`).
 */
export function registerBookingOffer(app: Application<TurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionExecute(Verbs.bookingOffer, (context, _state, data) =>
    withBookingContact(context, deps, async (caller, lang) => {
      const offer = parseBookingOfferData(data);
      if (offer === undefined || (offer.kind !== undefined && entitlementOfCaller(caller, offer.kind) === undefined)) {
        return rejectInvalidCardData(context, deps.logger, lang);
      }
      return offerCard(deps, caller, lang, offer);
    }),
  );

  app.adaptiveCards.actionExecute(Verbs.bookingPick, (context, _state, data) =>
    withBookingContact(context, deps, async (caller, lang) => {
      const slot = parseBookingSlotData(data);
      const entitlement = slot && entitlementOfCaller(caller, slot.kind);
      if (slot === undefined || entitlement === undefined) return rejectInvalidCardData(context, deps.logger, lang);

      const end = new Date(Date.parse(slot.start) + entitlement.durationMinutes * 60_000).toISOString();
      const confirm: BookingSlotData = { kind: entitlement.kind, start: slot.start };
      const back: BookingOfferData = { kind: entitlement.kind };
      return renderBookingConfirmCard({
        lang,
        zone: deps.zone,
        slot: { kind: entitlement.kind, start: slot.start, end },
        confirm: { verb: Verbs.bookingConfirm, data: confirm },
        back: { verb: Verbs.bookingOffer, data: back },
      });
    }),
  );

  app.adaptiveCards.actionExecute(Verbs.bookingConfirm, (context, _state, data) =>
    withBookingContact(context, deps, async (caller, lang) => {
      const slot = parseBookingSlotData(data);
      const entitlement = slot && entitlementOfCaller(caller, slot.kind);
      if (slot === undefined || entitlement === undefined) return rejectInvalidCardData(context, deps.logger, lang);
      return confirmBooking(context, deps, caller, lang, entitlement, slot.start);
    }),
  );
}

/**
 * Books the confirmed slot and returns the booked card. A slot that another booking took meanwhile, or
 * a period that is used up, returns the offer again with a notice and the next free slots.
 */
async function confirmBooking(
  context: TurnContext,
  deps: BotDeps,
  caller: ContactCaller,
  lang: Language,
  entitlement: Entitlement,
  start: string,
): Promise<AdaptiveCard | string> {
  const texts = messagesFor(lang).booking;
  const email = caller.contact.email?.trim();
  if (!email) return texts.errors.emailMissing;

  const transactionId = await deps.bookings.openTransactionId(caller.customer.id, bookingTransactionId(context, entitlement.kind, start));
  const ids = { ...logIdsOf(context.activity), customerId: caller.customer.id, transactionId };
  const outcome = await deps.bookings.book({
    transactionId,
    customerId: caller.customer.id,
    customerName: caller.customer.name,
    planId: caller.plan.id,
    kind: entitlement.kind,
    start,
    contact: { name: caller.contact.name, email },
    language: lang,
  });

  switch (outcome.status) {
    case 'booked':
      deps.logger.info({ ...ids, start: outcome.booking.start, changed: outcome.changed }, 'booking confirmed from the card');
      if (outcome.changed) await notifyConsultantOfBooking(deps, outcome.booking, 'booked', caller.customer.name, ids);
      return renderBookingConfirmedCard({
        lang,
        zone: deps.zone,
        booking: outcome.booking,
        moved: false,
        invitationSent: deps.bookings.sendsInvitations,
      });
    case 'conflict':
      deps.logger.info({ ...ids, start, reason: outcome.reason }, 'picked slot is not offered any more; offering the next free slots');
      return offerCard(deps, caller, lang, { kind: entitlement.kind }, { notBefore: start }, conflictNotice(lang, outcome.reason));
    case 'entitlementUsed':
      return offerCard(
        deps,
        caller,
        lang,
        { kind: entitlement.kind },
        { notBefore: outcome.nextPeriodStart },
        texts.errors.entitlementUsed(entitlement.kind, entitlement.period, outcome.nextPeriodStart, deps.zone),
      );
    case 'callbackExists':
      // Only callback bookings end like this.
      return texts.errors.invalidCardData;
  }
}

/**
 * Builds the offer card of one entitlement: what the plan includes, what is left in the current period,
 * and a page of free slots. When the period is used up, the slots start with the next period. When the
 * period has no free slot left, a notice states that the slots are from the next period and that the
 * period's entitlement expires unused. A plan without entitlements gets a text instead.
 *
 * @param pageStart - Overrides where the page starts, e.g. at a slot that was just taken.
 * @param notice - Highlighted text, e.g. that the picked slot was taken.
 */
async function offerCard(
  deps: BotDeps,
  caller: ContactCaller,
  lang: Language,
  data: BookingOfferData,
  pageStart?: SlotPageStart,
  notice?: string,
): Promise<AdaptiveCard | string> {
  const texts = messagesFor(lang).booking;
  const { plan } = caller;
  if (plan.entitlements.length === 0) return texts.offer.noEntitlements(plan.name[lang]);

  const entitlement = data.kind === undefined ? plan.entitlements[0] : entitlementOfCaller(caller, data.kind);
  if (entitlement === undefined) return texts.errors.invalidCardData;

  const status = await deps.bookings.entitlementStatus(caller.customer.id, plan.id, entitlement.kind);
  const usedUp = status.left === 0;
  const page = await loadSlotPage(
    (from, days) => deps.bookings.findSlots(plan.id, entitlement.kind, from, days),
    deps.zone,
    deps.clock.now(),
    pageStart ?? { ...(data.after === undefined ? {} : { after: data.after }), ...(usedUp ? { notBefore: status.period.end } : {}) },
  );

  // Only the first page starts at now, so only there does a first slot after the period's end prove that
  // the period has no free slot left.
  // NOTE: "Weitere Termine" pages and the pages after a conflict show the plain "left" fact, also when the
  // first page found no free slot in the period.
  const firstPage = pageStart === undefined && data.after === undefined;
  const periodOutOfSlots = !usedUp && firstPage && startsAtOrAfter(page.slots[0], status.period.end);

  let cardNotice: SlotPickerCardInput['notice'];
  if (notice !== undefined) {
    cardNotice = { text: notice, color: 'Attention' };
  } else if (usedUp && data.after === undefined) {
    cardNotice = { text: texts.offer.usedUp(entitlement.kind, entitlement.period, status.period.end, deps.zone), color: 'Warning' };
  } else if (periodOutOfSlots) {
    cardNotice = {
      text: texts.offer.periodOutOfSlots(entitlement.kind, entitlement.period, status.period.end, deps.zone),
      color: 'Warning',
    };
  }
  const leftText = periodOutOfSlots
    ? texts.offer.leftWithoutFreeSlot(entitlement.period)
    : texts.offer.left(status.left, entitlement.period);

  const more: BookingOfferData = { kind: entitlement.kind, after: page.nextAfter };
  return renderSlotPickerCard({
    lang,
    zone: deps.zone,
    title: texts.offer.title,
    ...(cardNotice === undefined ? {} : { notice: cardNotice }),
    included: {
      heading: texts.offer.includedHeading,
      facts: [
        { title: texts.labels.kind, value: texts.kinds[entitlement.kind] },
        { title: texts.labels.duration, value: texts.duration(entitlement.durationMinutes) },
        { title: texts.labels.frequency, value: texts.frequencies[entitlement.period] },
        { title: texts.labels.left, value: leftText },
      ],
    },
    ...(plan.entitlements.length > 1
      ? {
          choices: {
            heading: texts.offer.chooseKind,
            actions: plan.entitlements.map((other) => ({
              title: texts.kinds[other.kind],
              verb: Verbs.bookingOffer,
              data: { kind: other.kind } satisfies BookingOfferData,
            })),
          },
        }
      : {}),
    slots: page.slots,
    pick: (slot) => ({ verb: Verbs.bookingPick, data: { kind: entitlement.kind, start: slot.start } satisfies BookingSlotData }),
    emptyText: texts.offer.noSlots(NEXT_SLOT_SEARCH_DAYS),
    footer: [{ title: texts.offer.more, verb: Verbs.bookingOffer, data: more }],
  });
}

/** Returns whether a slot exists and starts at or after `instant` (ISO 8601 with offset). */
function startsAtOrAfter(slot: { start: string } | undefined, instant: string): boolean {
  return slot !== undefined && Date.parse(slot.start) >= Date.parse(instant);
}

/** Returns the caller's plan entitlement of a kind, or undefined when the plan has none of it. */
function entitlementOfCaller(caller: ContactCaller, kind: string): Entitlement | undefined {
  return caller.plan.entitlements.find((entitlement) => entitlement.kind === kind);
}
