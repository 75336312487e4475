import { MessageFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';

import { findPlan } from '../../domain/catalog.js';
import { isDeadlinePassed, mayAgreeCallbackAppointment } from '../../domain/callbackAppointment.js';
import type { Language } from '../../domain/customer.js';
import type { SupportRequest } from '../../domain/request.js';
import { messagesFor, resolveLanguage } from '../../i18n/index.js';
import { NEXT_SLOT_SEARCH_DAYS } from '../../services/bookingService.js';
import type { CardCopy, StoredRequest } from '../../storage/requests.js';
import { toAttachment } from '../cards/attachment.js';
import {
  parseCallbackOfferData,
  parseCallbackSlotData,
  type CallbackOfferData,
  type CallbackSlotData,
} from '../cards/bookingActionData.js';
import { renderBookingConfirmCard } from '../cards/bookingConfirm.js';
import { renderBookingConfirmedCard } from '../cards/bookingConfirmed.js';
import { renderRequesterRequestCard } from '../cards/requestConfirmation.js';
import { renderSlotPickerCard } from '../cards/slotPicker.js';
import type { AdaptiveCard } from '../cards/template.js';
import { Verbs } from '../cards/verbs.js';
import type { BotDeps } from '../deps.js';
import { RequestCardUpdates } from '../requestCardUpdates.js';
import { logIdsOf } from '../turn.js';
import { conflictNotice, rejectInvalidCardData, withBookingContact } from './bookingFailures.js';
import { notifyConsultantOfBooking } from './bookingNotify.js';
import { loadSlotPage, type SlotPageStart } from './bookingPages.js';
import { bookingTransactionId } from './bookingTransactionId.js';
import type { ContactCaller } from './requestForm.js';

/**
 * Registers the callback appointment of a request: "Rückruftermin wählen" on the requester's card
 * (`callback.offer`, also the pages), the confirmation step (`callback.pick`) and the booking
 * (`callback.confirm`), which records the appointment on the request and updates its cards.
 */
export function registerBookingCallback(app: Application<TurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionExecute(Verbs.callbackOffer, (context, _state, data) =>
    withBookingContact(context, deps, async (caller, lang) => {
      const offer = parseCallbackOfferData(data);
      if (offer === undefined) return rejectInvalidCardData(context, deps.logger, lang);
      const { request } = await deps.requests.get(caller.customer.id, offer.number);
      if (!mayAgreeCallbackAppointment(request)) return messagesFor(lang).booking.callback.notAllowed(request.number);

      const picker = await callbackPicker(deps, lang, request, offer.after === undefined ? {} : { after: offer.after });
      if (!offer.newMessage) return picker;

      // The request card stays in the chat, and the slots arrive below it.
      await context.sendActivity(MessageFactory.attachment(toAttachment(picker)));
      return renderRequesterRequestCard({ lang, request, zone: deps.zone });
    }),
  );

  app.adaptiveCards.actionExecute(Verbs.callbackPick, (context, _state, data) =>
    withBookingContact(context, deps, async (caller, lang) => {
      const slot = parseCallbackSlotData(data);
      if (slot === undefined) return rejectInvalidCardData(context, deps.logger, lang);
      const { request } = await deps.requests.get(caller.customer.id, slot.number);

      const { durationMinutes } = findPlan(deps.catalog, request.planId).callbackSlot;
      const end = new Date(Date.parse(slot.start) + durationMinutes * 60_000).toISOString();
      const back: CallbackOfferData = { number: request.number };
      return renderBookingConfirmCard({
        lang,
        zone: deps.zone,
        slot: { kind: 'callback', requestNumber: request.number, start: slot.start, end },
        confirm: { verb: Verbs.callbackConfirm, data: slot },
        back: { verb: Verbs.callbackOffer, data: back },
      });
    }),
  );

  app.adaptiveCards.actionExecute(Verbs.callbackConfirm, (context, _state, data) =>
    withBookingContact(context, deps, async (caller, lang) => {
      const slot = parseCallbackSlotData(data);
      if (slot === undefined) return rejectInvalidCardData(context, deps.logger, lang);
      return confirmCallback(context, deps, caller, lang, slot);
    }),
  );
}

/**
 * Books the callback slot, records it on the request with the booking's creation as the instant it was
 * picked (which decides whether it moves the deadline), updates every copy of the request's cards and sends the consultant a card. A repeated delivery of the same
 * confirmation finds the booking and the appointment done and changes nothing.
 */
async function confirmCallback(
  context: TurnContext,
  deps: BotDeps,
  caller: ContactCaller,
  lang: Language,
  slot: CallbackSlotData,
): Promise<AdaptiveCard | string> {
  const texts = messagesFor(lang).booking;
  const { request } = await deps.requests.get(caller.customer.id, slot.number);
  const transactionId = await deps.bookings.openTransactionId(
    caller.customer.id,
    bookingTransactionId(context, `callback|${request.number}`, slot.start),
  );
  const repeated = request.callbackAppointment?.bookingId === transactionId;
  if (!repeated && !mayAgreeCallbackAppointment(request)) return texts.callback.notAllowed(request.number);

  const email = caller.contact.email?.trim();
  if (!email) return texts.errors.emailMissing;

  const ids = { ...logIdsOf(context.activity), customerId: caller.customer.id, requestNumber: request.number, transactionId };
  const outcome = await deps.bookings.bookCallback({
    transactionId,
    customerId: caller.customer.id,
    customerName: caller.customer.name,
    planId: request.planId,
    requestNumber: request.number,
    start: slot.start,
    contact: { name: caller.contact.name, email },
    language: lang,
  });

  switch (outcome.status) {
    case 'booked': {
      const { booking } = outcome;
      // NOTE: when the request was called back or closed between the check above and this step, this
      // throws and the booked event stays in the calendar without an appointment on the request.
      const stored = await deps.requests.agreeCallbackAppointment(
        caller.customer.id,
        request.number,
        { start: booking.start, end: booking.end, bookingId: booking.transactionId },
        new Date(booking.createdAt),
      );
      deps.logger.info({ ...ids, start: booking.start, deadline: stored.request.deadline, changed: outcome.changed }, 'callback appointment agreed');
      if (outcome.changed) {
        await updateRequestCards(deps, stored, ids);
        await notifyConsultantOfBooking(deps, booking, 'booked', caller.customer.name, ids);
      }
      return renderBookingConfirmedCard({
        lang,
        zone: deps.zone,
        booking,
        moved: false,
        invitationSent: deps.bookings.sendsInvitations,
      });
    }
    case 'conflict':
      deps.logger.info(
        { ...ids, start: slot.start, reason: outcome.reason },
        'picked callback slot is not offered any more; offering the next free slots',
      );
      return callbackPicker(deps, lang, request, { notBefore: slot.start }, conflictNotice(lang, outcome.reason));
    case 'callbackExists':
      return texts.callback.notAllowed(request.number);
    case 'entitlementUsed':
      // Only entitlement bookings end like this.
      return texts.errors.invalidCardData;
  }
}

/** Builds the page of callback slots of a request, with the current deadline, or that it has passed, in the intro. */
async function callbackPicker(
  deps: BotDeps,
  lang: Language,
  request: SupportRequest,
  pageStart: SlotPageStart,
  notice?: string,
): Promise<AdaptiveCard> {
  const texts = messagesFor(lang).booking;
  const page = await loadSlotPage(
    (from, days) => deps.bookings.findCallbackSlots(request.planId, from, days),
    deps.zone,
    deps.clock.now(),
    pageStart,
  );
  const more: CallbackOfferData = { number: request.number, after: page.nextAfter };
  const intro = isDeadlinePassed(request, deps.clock.now())
    ? texts.callback.introOverdue(request.deadline, deps.zone)
    : texts.callback.intro(request.deadline, deps.zone);
  return renderSlotPickerCard({
    lang,
    zone: deps.zone,
    title: texts.callback.title(request.number),
    ...(notice === undefined ? {} : { notice: { text: notice, color: 'Attention' as const } }),
    intro,
    slots: page.slots,
    pick: (slot) => ({ verb: Verbs.callbackPick, data: { number: request.number, start: slot.start } satisfies CallbackSlotData }),
    emptyText: texts.offer.noSlots(NEXT_SLOT_SEARCH_DAYS),
    footer: [{ title: texts.offer.more, verb: Verbs.callbackOffer, data: more }],
  });
}

/**
 * Re-renders every posted copy of the request's cards with the agreed appointment. The change has no
 * history entry, so it does not go through `RequestCardUpdates.requestChanged`, which also writes to
 * the requester about recorded callbacks and resolutions.
 */
async function updateRequestCards(deps: BotDeps, stored: StoredRequest, ids: Record<string, unknown>): Promise<void> {
  const cards = new RequestCardUpdates(deps);
  const customerName = await cards.customerName(stored.request.customerId);
  const render = (copy: CardCopy): AdaptiveCard => {
    const lang = resolveLanguage(undefined, copy.conversation.locale);
    if (copy.role === 'requester') return renderRequesterRequestCard({ lang, request: stored.request, zone: deps.zone });
    return cards.consultantCard(lang, stored, customerName, copy.role === 'substitute');
  };
  await deps.notifier.updateCopies(stored.cards, render, ids);
}
