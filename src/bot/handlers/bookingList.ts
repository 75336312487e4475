import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';

import type { Language } from '../../domain/customer.js';
import { messagesFor } from '../../i18n/index.js';
import { BookingNotFoundError, NEXT_SLOT_SEARCH_DAYS, type Booking } from '../../services/bookingService.js';
import {
  parseBookingMoveData,
  parseBookingReferenceData,
  type BookingMoveData,
  type BookingReferenceData,
} from '../cards/bookingActionData.js';
import { renderBookingConfirmCard } from '../cards/bookingConfirm.js';
import { renderBookingConfirmedCard } from '../cards/bookingConfirmed.js';
import { renderBookingListCard, type BookingListCardInput } from '../cards/bookingList.js';
import { renderSlotPickerCard } from '../cards/slotPicker.js';
import type { AdaptiveCard } from '../cards/template.js';
import { Verbs } from '../cards/verbs.js';
import type { BotDeps } from '../deps.js';
import { logIdsOf } from '../turn.js';
import { conflictNotice, rejectInvalidCardData, sendBookingReply, withBookingContact } from './bookingFailures.js';
import { notifyConsultantOfBooking } from './bookingNotify.js';
import { loadSlotPage, type SlotPageStart } from './bookingPages.js';
import type { ContactCaller } from './requestForm.js';

/** Messages that request the customer's appointments, in German or English. */
const myBookingsPattern = /^(meine termine|termine|my appointments|appointments)[\s!.?]*$/i;

/** Returns whether a contact's chat message requests the customer's appointments ("Meine Termine"). */
export function isMyBookingsMessage(text: string): boolean {
  return myBookingsPattern.test(text.trim());
}

/** Sends "Meine Termine" for a typed message. */
export async function sendBookingList(context: TurnContext, deps: BotDeps, caller: ContactCaller, lang: Language): Promise<void> {
  await sendBookingReply(context, deps, lang, () => listCard(deps, caller, lang));
}

/**
 * Registers "Meine Termine" (`booking.list`) with "Absagen" (`booking.cancel`) and "Verschieben":
 * the slots (`booking.reschedule`), the confirmation step (`booking.reschedulePick`) and the move
 * (`booking.rescheduleConfirm`). Every action reads the booking from the caller's own customer, so the
 * booking id of another customer is not found.
 */
export function registerBookingList(app: Application<TurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionExecute(Verbs.bookingList, (context) =>
    withBookingContact(context, deps, (caller, lang) => listCard(deps, caller, lang)),
  );

  app.adaptiveCards.actionExecute(Verbs.bookingCancel, (context, _state, data) =>
    withBookingContact(context, deps, async (caller, lang) => {
      const reference = parseBookingReferenceData(data);
      if (reference === undefined) return rejectInvalidCardData(context, deps.logger, lang);

      const ids = { ...logIdsOf(context.activity), customerId: caller.customer.id, transactionId: reference.bookingId };
      const { booking, changed } = await deps.bookings.cancelBooking(caller.customer.id, reference.bookingId);
      deps.logger.info({ ...ids, changed }, 'booking cancelled from the card');
      if (changed) await notifyConsultantOfBooking(deps, booking, 'cancelled', caller.customer.name, ids);
      const notice = { text: messagesFor(lang).booking.list.cancelled(booking.kind, booking.start, deps.zone), color: 'Good' as const };
      return listCard(deps, caller, lang, notice);
    }),
  );

  app.adaptiveCards.actionExecute(Verbs.bookingReschedule, (context, _state, data) =>
    withBookingContact(context, deps, async (caller, lang) => {
      const reference = parseBookingReferenceData(data);
      if (reference === undefined) return rejectInvalidCardData(context, deps.logger, lang);
      const booking = await ownBooking(deps, caller, reference.bookingId);
      return rescheduleCard(deps, caller, lang, booking, reference.after === undefined ? {} : { after: reference.after });
    }),
  );

  app.adaptiveCards.actionExecute(Verbs.bookingReschedulePick, (context, _state, data) =>
    withBookingContact(context, deps, async (caller, lang) => {
      const move = parseBookingMoveData(data);
      if (move === undefined) return rejectInvalidCardData(context, deps.logger, lang);
      const booking = await ownBooking(deps, caller, move.bookingId);

      const lengthMs = Date.parse(booking.end) - Date.parse(booking.start);
      const end = new Date(Date.parse(move.start) + lengthMs).toISOString();
      const back: BookingReferenceData = { bookingId: booking.transactionId };
      return renderBookingConfirmCard({
        lang,
        zone: deps.zone,
        slot: { kind: booking.kind, start: move.start, end },
        previousStart: booking.start,
        confirm: { verb: Verbs.bookingRescheduleConfirm, data: move },
        back: { verb: Verbs.bookingReschedule, data: back },
      });
    }),
  );

  app.adaptiveCards.actionExecute(Verbs.bookingRescheduleConfirm, (context, _state, data) =>
    withBookingContact(context, deps, async (caller, lang) => {
      const move = parseBookingMoveData(data);
      if (move === undefined) return rejectInvalidCardData(context, deps.logger, lang);
      const before = await ownBooking(deps, caller, move.bookingId);

      const ids = { ...logIdsOf(context.activity), customerId: caller.customer.id, transactionId: move.bookingId };
      const outcome = await deps.bookings.reschedule(caller.customer.id, move.bookingId, move.start);
      const texts = messagesFor(lang).booking;
      switch (outcome.status) {
        case 'booked':
          deps.logger.info({ ...ids, from: before.start, to: outcome.booking.start, changed: outcome.changed }, 'booking moved from the card');
          if (outcome.changed) await notifyConsultantOfBooking(deps, outcome.booking, 'moved', caller.customer.name, ids, before.start);
          return renderBookingConfirmedCard({
            lang,
            zone: deps.zone,
            booking: outcome.booking,
            moved: true,
            invitationSent: deps.bookings.sendsInvitations,
          });
        case 'conflict':
          return rescheduleCard(deps, caller, lang, before, { notBefore: move.start }, conflictNotice(lang, outcome.reason));
        case 'entitlementUsed':
          return rescheduleCard(
            deps,
            caller,
            lang,
            before,
            { notBefore: outcome.nextPeriodStart },
            before.kind === 'callback' ? texts.errors.notChangeable : texts.errors.entitlementUsed(before.kind, outcome.period, outcome.nextPeriodStart, deps.zone),
          );
        case 'callbackExists':
          return texts.errors.notChangeable;
      }
    }),
  );
}

/** Builds "Meine Termine" for the caller's customer: upcoming confirmed bookings only. */
async function listCard(deps: BotDeps, caller: ContactCaller, lang: Language, notice?: BookingListCardInput['notice']): Promise<AdaptiveCard> {
  const bookings = await deps.bookings.listUpcoming(caller.customer.id);
  return renderBookingListCard({
    lang,
    zone: deps.zone,
    customerName: caller.customer.name,
    bookings,
    ...(notice === undefined ? {} : { notice }),
  });
}

/** Builds the card with the slots a booking may move to, one page at a time. */
async function rescheduleCard(
  deps: BotDeps,
  caller: ContactCaller,
  lang: Language,
  booking: Booking,
  pageStart: SlotPageStart,
  notice?: string,
): Promise<AdaptiveCard> {
  const texts = messagesFor(lang).booking;
  const page = await loadSlotPage(
    (from, days) => deps.bookings.findRescheduleSlots(caller.customer.id, booking.transactionId, from, days),
    deps.zone,
    deps.clock.now(),
    pageStart,
  );
  const more: BookingReferenceData = { bookingId: booking.transactionId, after: page.nextAfter };
  return renderSlotPickerCard({
    lang,
    zone: deps.zone,
    title: texts.reschedule.title(booking.kind),
    ...(notice === undefined ? {} : { notice: { text: notice, color: 'Attention' as const } }),
    intro: texts.reschedule.intro(booking.start, deps.zone),
    slots: page.slots.filter((slot) => slot.start !== booking.start),
    pick: (slot) => ({ verb: Verbs.bookingReschedulePick, data: { bookingId: booking.transactionId, start: slot.start } satisfies BookingMoveData }),
    emptyText: texts.offer.noSlots(NEXT_SLOT_SEARCH_DAYS),
    footer: [{ title: texts.offer.more, verb: Verbs.bookingReschedule, data: more }],
  });
}

/**
 * Reads a booking of the caller's own customer.
 *
 * @throws BookingNotFoundError when the customer has no booking with this id, e.g. the id of another customer's booking.
 */
async function ownBooking(deps: BotDeps, caller: ContactCaller, bookingId: string): Promise<Booking> {
  const booking = await deps.bookings.get(caller.customer.id, bookingId);
  if (booking === undefined) throw new BookingNotFoundError(`No booking "${bookingId}" found for customer "${caller.customer.id}"`);
  return booking;
}
