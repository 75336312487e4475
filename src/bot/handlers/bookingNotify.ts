import type { Booking } from '../../storage/bookings.js';
import { renderConsultantBookingCard, type BookingChange } from '../cards/bookingConsultant.js';
import type { BotDeps } from '../deps.js';

/**
 * Sends the consultant a card about a booking, a move or a cancellation. The notifier logs a consultant chat that
 * is not registered yet and a failed send, and returns without an error, so the contact's action still succeeds.
 */
export async function notifyConsultantOfBooking(
  deps: Pick<BotDeps, 'notifier' | 'zone'>,
  booking: Booking,
  change: BookingChange,
  customerName: string,
  logIds: Record<string, unknown>,
  previousStart?: string,
): Promise<void> {
  const ids = { ...logIds, customerId: booking.customerId, transactionId: booking.transactionId, change };
  await deps.notifier.sendToConsultant(
    (lang) =>
      renderConsultantBookingCard({
        lang,
        zone: deps.zone,
        booking,
        change,
        customerName,
        ...(previousStart === undefined ? {} : { previousStart }),
      }),
    ids,
  );
}
