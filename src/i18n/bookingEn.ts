import type { Entitlement } from '../domain/catalog.js';
import type { BookingKind } from '../storage/bookings.js';
import type { bookingDe } from './bookingDe.js';
import { formatDate, formatDuration, formatInstant, formatTime } from './format.js';

const kinds: Record<BookingKind, string> = {
  'check-in': 'Check-in call',
  'proactive-call': 'Proactive call',
  'strategy-meeting': 'Strategy meeting',
  'roadmap-review': 'Roadmap review',
  callback: 'Callback appointment',
};

const frequencies: Record<Entitlement['period'], string> = {
  isoWeek: 'once a week',
  month: 'once a month',
  quarter: 'once a quarter',
};

const currentPeriods: Record<Entitlement['period'], string> = {
  isoWeek: 'this week',
  month: 'this month',
  quarter: 'this quarter',
};

const timeRange = (start: string, end: string, zone: string) => `${formatTime(start, zone)}–${formatTime(end, zone)}`;

/** English texts of booked calls and callback appointments, typed as the German ones. */
export const bookingEn: typeof bookingDe = {
  kinds,
  frequencies,
  date: (iso: string, zone: string) => formatDate(iso, 'en', zone),
  timeRange,
  duration: (minutes: number) => formatDuration(minutes, 'en'),
  labels: {
    kind: 'Type',
    duration: 'Length',
    frequency: 'Frequency',
    left: 'Still open',
    date: 'Date',
    time: 'Time',
    previous: 'Previously',
    request: 'Request',
    customer: 'Customer',
    contact: 'Contact',
    join: 'Teams meeting',
  },

  offer: {
    title: 'Book an appointment',
    includedHeading: 'Included in your plan',
    left: (left: number, period: Entitlement['period']) =>
      left > 0 ? `1 appointment for ${currentPeriods[period]}` : `none left for ${currentPeriods[period]}`,
    usedUp: (kind: Entitlement['kind'], period: Entitlement['period'], nextPeriodStart: string, zone: string) =>
      `Your ${kinds[kind].toLowerCase()} for ${currentPeriods[period]} is already booked. The next one is possible from ` +
      `${formatDate(nextPeriodStart, 'en', zone)}; below are the free times from then on.`,
    leftWithoutFreeSlot: (period: Entitlement['period']) => `1 appointment for ${currentPeriods[period]}, but no free time left`,
    periodOutOfSlots: (kind: Entitlement['kind'], period: Entitlement['period'], nextPeriodStart: string, zone: string) =>
      `No time is free ${currentPeriods[period]} any more. The times below are in the next period, from ` +
      `${formatDate(nextPeriodStart, 'en', zone)}. Your ${kinds[kind].toLowerCase()} for ${currentPeriods[period]} ` +
      'therefore expires unused, because unused appointments do not carry over.',
    chooseKind: 'Which appointment would you like to book?',
    slotsHeading: 'Next free times',
    noSlots: (days: number) => `No time is free in the next ${days} days.`,
    more: 'More times',
    noEntitlements: (planName: string) =>
      `Your plan "${planName}" includes no bookable appointments such as check-in calls or strategy meetings. ` +
      'For anything else, just write your question in this chat.',
  },

  confirm: {
    title: 'Confirm the appointment',
    intro: 'Please check the appointment. It is booked only when you select "Book now".',
    book: 'Book now',
    move: 'Confirm the move',
    back: 'Choose another time',
  },

  confirmed: {
    bookedTitle: (kind: BookingKind) => `${kinds[kind]} booked`,
    movedTitle: (kind: BookingKind) => `${kinds[kind]} moved`,
    invitation: (email: string) => `The invitation goes to ${email}.`,
    noInvitation: "The appointment is in the consultant's calendar. No invitation is sent by e-mail.",
    join: 'Join the meeting',
    noJoinUrl: 'This appointment has no Teams link. The consultant gets in touch at the agreed time.',
    myBookings: 'My appointments',
  },

  list: {
    title: (customerName: string) => `Appointments of ${customerName}`,
    none: 'No appointments are planned.',
    heading: (kind: BookingKind, start: string, zone: string) => `${kinds[kind]} · ${formatDate(start, 'en', zone)}`,
    details: (start: string, end: string, zone: string, contactName: string) =>
      `${timeRange(start, end, zone)} · booked by ${contactName}`,
    callbackNote: (number: string) =>
      `Callback for ${number}. The consultant changes this appointment; please write in this chat to change it.`,
    startedNote: 'This appointment has already started and can no longer be cancelled or moved.',
    cancel: 'Cancel',
    reschedule: 'Move',
    book: 'Book an appointment',
    cancelled: (kind: BookingKind, start: string, zone: string) =>
      `Your ${kinds[kind].toLowerCase()} on ${formatInstant(start, 'en', zone)} is cancelled.`,
  },

  reschedule: {
    title: (kind: BookingKind) => `Move the ${kinds[kind].toLowerCase()}`,
    intro: (start: string, zone: string) => `Currently: ${formatInstant(start, 'en', zone)}. Please choose a new time.`,
  },

  callback: {
    button: 'Choose a callback time',
    title: (number: string) => `Callback appointment for ${number}`,
    intro: (deadline: string, zone: string) =>
      `Without an appointment, we call you back by ${formatInstant(deadline, 'en', zone)}. ` +
      'An appointment that ends by then leaves this deadline as it is. If it ends later, its end becomes the new deadline.',
    introOverdue: (deadline: string, zone: string) =>
      `Your callback was due by ${formatInstant(deadline, 'en', zone)} and is now overdue. ` +
      'We will call you back as soon as possible. If you prefer a fixed time, choose an appointment.',
    appointment: (start: string, end: string, zone: string) =>
      `Callback appointment: ${formatDate(start, 'en', zone)}, ${timeRange(start, end, zone)}`,
    notAllowed: (number: string) =>
      `Request ${number} already has a callback appointment or needs none any more. Nothing was changed.`,
    eventSubject: (number: string, customerName: string) => `Callback ${number}: ${customerName}`,
    eventBody: (number: string, contactName: string) =>
      `Hello ${contactName},\n\nthis confirms the callback appointment for your request ${number}. ` +
      'The consultant will call you at this time.',
  },

  consultant: {
    booked: (kind: BookingKind, customerName: string) => `New appointment: ${kinds[kind]} with ${customerName}`,
    moved: (kind: BookingKind, customerName: string) => `Appointment moved: ${kinds[kind]} with ${customerName}`,
    cancelled: (kind: BookingKind, customerName: string) => `Appointment cancelled: ${kinds[kind]} with ${customerName}`,
  },

  errors: {
    slotTaken: 'This time was just booked by someone else. Please choose one of the following times.',
    slotTooSoon: 'This time starts too soon or has passed, so it can no longer be booked. Please choose one of the following times.',
    entitlementUsed: (kind: Entitlement['kind'], period: Entitlement['period'], nextPeriodStart: string, zone: string) =>
      `Your ${kinds[kind].toLowerCase()} for this period is already booked; your plan includes it ${frequencies[period]}. ` +
      `The next one is possible from ${formatDate(nextPeriodStart, 'en', zone)}.`,
    notFound: 'This appointment was not found. Nothing was changed. Please open "My appointments" again.',
    notChangeable: 'This appointment is cancelled or over and cannot be changed any more. Nothing was changed.',
    invalidCardData:
      'This card contains no valid appointment data, so nothing was booked. Please write "Book an appointment" for a current choice.',
    emailMissing:
      'Your e-mail address for the invitation is missing, so nothing was booked. Please ask the consultant to add it.',
  },
};
