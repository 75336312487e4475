import type { EmergencyLine, Plan } from '../../domain/catalog.js';
import type { Language } from '../../domain/customer.js';
import { describePlan } from '../../i18n/planDescription.js';
import { messagesFor } from '../../i18n/messages.js';
import { expandCard, type AdaptiveCard } from './template.js';
import { Verbs, type EmergencyStartData, type RequestFormData } from './verbs.js';
import template from './welcome.json' with { type: 'json' };
import type { BookingOfferData } from './bookingActionData.js';

/** Input of {@link renderWelcomeCard}. */
export interface WelcomeCardInput {
  lang: Language;
  contactName: string;
  customerName: string;
  plan: Plan;
  emergencyLine: EmergencyLine;
  /** Phone number of the emergency line, as the customer should dial it. */
  emergencyPhone: string;
  /**
   * IANA time zone of the business. NOTE: unused so far, because the welcome card
   * shows no instants; callers pass it like for every other card.
   */
  zone: string;
}

/**
 * Renders the welcome card: greeting, what the customer's plan includes, what to
 * do in an emergency, a "Neue Anfrage" button (verb `request.form`), "Termin buchen"
 * (verb `booking.offer`, only for plans with bookable calls), "Meine Termine" (verb
 * `booking.list`), "Stunden" (verb `hours.show`) and a "Notfall" button (verb `emergency.start`).
 */
export function renderWelcomeCard(input: WelcomeCardInput): AdaptiveCard {
  const messages = messagesFor(input.lang).welcome;
  const description = describePlan(input.plan, input.emergencyLine, input.emergencyPhone, input.lang);

  const facts = [
    { title: messages.labels.plan, value: description.planName },
    { title: messages.labels.guarantee, value: description.callbackGuarantee },
    { title: messages.labels.serviceHours, value: description.serviceHours },
    { title: messages.labels.includedHours, value: description.includedHours },
  ];
  if (description.rollover !== undefined) {
    facts.push({ title: messages.labels.rollover, value: description.rollover });
  }
  for (const bonus of description.bonuses) {
    facts.push({ title: messages.labels.bonus, value: bonus });
  }

  const formData: RequestFormData = {};
  const emergencyData: EmergencyStartData = {};
  const bookingTexts = messagesFor(input.lang).booking;
  const bookingData: BookingOfferData = {};
  const myBookingsData: Record<string, never> = {};
  const hoursData: Record<string, never> = {};
  return expandCard(template, {
    greeting: messages.greeting(input.contactName),
    intro: messages.intro(input.customerName),
    factsHeading: messages.factsHeading,
    facts,
    emergencyHeading: messages.emergencyHeading,
    emergency: description.emergency,
    newRequest: { title: messages.newRequest, verb: Verbs.requestForm, data: formData },
    booking: {
      visible: input.plan.entitlements.length > 0,
      title: bookingTexts.offer.title,
      verb: Verbs.bookingOffer,
      data: bookingData,
    },
    myBookings: { title: bookingTexts.confirmed.myBookings, verb: Verbs.bookingList, data: myBookingsData },
    hoursAction: { title: messagesFor(input.lang).hours.showAction, verb: Verbs.hoursShow, data: hoursData },
    emergencyAction: { title: messagesFor(input.lang).emergency.button, verb: Verbs.emergencyStart, data: emergencyData },
  });
}
