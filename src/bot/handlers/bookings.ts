import type { Application, TurnState } from '@microsoft/teams-ai';

import type { BotDeps } from '../deps.js';
import { registerBookingCallback } from './bookingCallback.js';
import { registerBookingList } from './bookingList.js';
import { registerBookingOffer } from './bookingOffer.js';

/** Registers every booking card action: "Termin buchen", "Meine Termine" and callback appointments. */
export function registerBookings(app: Application<TurnState>, deps: BotDeps): void {
  registerBookingOffer(app, deps);
  registerBookingList(app, deps);
  registerBookingCallback(app, deps);
}
