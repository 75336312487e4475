import type { Entitlement } from '../domain/catalog.js';
import type { BookingKind } from '../storage/bookings.js';
import { formatDate, formatDuration, formatInstant, formatTime } from './format.js';

const kinds = {
  'check-in': 'Check-in-Call',
  'proactive-call': 'Proaktiv-Call',
  'strategy-meeting': 'Strategie-Meeting',
  'roadmap-review': 'Roadmap-Review',
  callback: 'Rückruftermin',
} satisfies Record<BookingKind, string>;

const frequencies = {
  isoWeek: 'einmal pro Woche',
  month: 'einmal im Monat',
  quarter: 'einmal im Quartal',
} satisfies Record<Entitlement['period'], string>;

const currentPeriods = {
  isoWeek: 'diese Woche',
  month: 'diesen Monat',
  quarter: 'dieses Quartal',
} satisfies Record<Entitlement['period'], string>;

const timeRange = (start: string, end: string, zone: string) => `${formatTime(start, zone)}–${formatTime(end, zone)} Uhr`;

/** German texts of booked calls and callback appointments: cards, replies and the consultant's notice. */
export const bookingDe = {
  kinds,
  frequencies,
  date: (iso: string, zone: string) => formatDate(iso, 'de', zone),
  timeRange,
  duration: (minutes: number) => formatDuration(minutes, 'de'),
  labels: {
    kind: 'Terminart',
    duration: 'Dauer',
    frequency: 'Häufigkeit',
    left: 'Noch offen',
    date: 'Datum',
    time: 'Uhrzeit',
    previous: 'Bisher',
    request: 'Anfrage',
    customer: 'Kunde',
    contact: 'Ansprechpartner',
    join: 'Teams-Besprechung',
  },

  offer: {
    title: 'Termin buchen',
    includedHeading: 'In Ihrem Paket enthalten',
    left: (left: number, period: Entitlement['period']) =>
      left > 0 ? `1 Termin für ${currentPeriods[period]}` : `keiner mehr für ${currentPeriods[period]}`,
    usedUp: (kind: Entitlement['kind'], period: Entitlement['period'], nextPeriodStart: string, zone: string) =>
      `Ihr ${kinds[kind]} für ${currentPeriods[period]} ist bereits gebucht. Der nächste ist ab ` +
      `${formatDate(nextPeriodStart, 'de', zone)} möglich; unten sehen Sie die freien Termine ab dann.`,
    leftWithoutFreeSlot: (period: Entitlement['period']) => `1 Termin für ${currentPeriods[period]}, aber keiner mehr frei`,
    periodOutOfSlots: (kind: Entitlement['kind'], period: Entitlement['period'], nextPeriodStart: string, zone: string) =>
      `Für ${currentPeriods[period]} ist kein Termin mehr frei. Die Termine unten liegen im nächsten Zeitraum ab ` +
      `${formatDate(nextPeriodStart, 'de', zone)}. Ihr ${kinds[kind]} für ${currentPeriods[period]} verfällt damit ` +
      'ungenutzt, denn nicht genutzte Termine werden nicht übertragen.',
    chooseKind: 'Welchen Termin möchten Sie buchen?',
    slotsHeading: 'Nächste freie Termine',
    noSlots: (days: number) => `In den nächsten ${days} Tagen ist kein Termin frei.`,
    more: 'Weitere Termine',
    noEntitlements: (planName: string) =>
      `Ihr Paket „${planName}“ enthält keine buchbaren Termine wie Check-in-Calls oder Strategie-Meetings. ` +
      'Für ein Anliegen schreiben Sie einfach Ihre Frage in den Chat.',
  },

  confirm: {
    title: 'Termin bestätigen',
    intro: 'Bitte prüfen Sie den Termin. Eingetragen wird er erst mit „Verbindlich buchen“.',
    book: 'Verbindlich buchen',
    move: 'Verschieben bestätigen',
    back: 'Andere Zeit wählen',
  },

  confirmed: {
    bookedTitle: (kind: BookingKind) => `${kinds[kind]} gebucht`,
    movedTitle: (kind: BookingKind) => `${kinds[kind]} verschoben`,
    invitation: (email: string) => `Die Einladung geht an ${email}.`,
    noInvitation: 'Der Termin ist im Kalender des Beraters eingetragen. Eine Einladung per E-Mail wird nicht verschickt.',
    join: 'An Besprechung teilnehmen',
    noJoinUrl: 'Für diesen Termin gibt es keinen Teams-Link. Der Berater meldet sich zur vereinbarten Zeit.',
    myBookings: 'Meine Termine',
  },

  list: {
    title: (customerName: string) => `Termine von ${customerName}`,
    none: 'Es sind keine Termine geplant.',
    heading: (kind: BookingKind, start: string, zone: string) => `${kinds[kind]} · ${formatDate(start, 'de', zone)}`,
    details: (start: string, end: string, zone: string, contactName: string) =>
      `${timeRange(start, end, zone)} · gebucht von ${contactName}`,
    callbackNote: (number: string) =>
      `Rückruf zu ${number}. Diesen Termin ändert der Berater. Schreiben Sie dazu bitte in den Chat.`,
    startedNote: 'Dieser Termin hat schon begonnen und kann nicht mehr abgesagt oder verschoben werden.',
    cancel: 'Absagen',
    reschedule: 'Verschieben',
    book: 'Termin buchen',
    cancelled: (kind: BookingKind, start: string, zone: string) =>
      `Ihr ${kinds[kind]} am ${formatInstant(start, 'de', zone)} ist abgesagt.`,
  },

  reschedule: {
    title: (kind: BookingKind) => `${kinds[kind]} verschieben`,
    intro: (start: string, zone: string) => `Bisher: ${formatInstant(start, 'de', zone)}. Bitte wählen Sie eine neue Zeit.`,
  },

  callback: {
    button: 'Rückruftermin wählen',
    title: (number: string) => `Rückruftermin für ${number}`,
    intro: (deadline: string, zone: string) =>
      `Ohne Termin rufen wir Sie spätestens ${formatInstant(deadline, 'de', zone)} zurück. ` +
      'Ein Termin, der bis dahin endet, lässt diese Frist unverändert. Endet er später, gilt sein Ende als neue Frist.',
    introOverdue: (deadline: string, zone: string) =>
      `Ihr Rückruf war bis ${formatInstant(deadline, 'de', zone)} zugesagt und ist jetzt überfällig. ` +
      'Wir rufen Sie so bald wie möglich zurück. Ist Ihnen eine feste Zeit lieber, wählen Sie einen Termin.',
    appointment: (start: string, end: string, zone: string) =>
      `Rückruftermin: ${formatDate(start, 'de', zone)}, ${timeRange(start, end, zone)}`,
    notAllowed: (number: string) =>
      `Für die Anfrage ${number} ist bereits ein Rückruftermin vereinbart, oder sie braucht keinen mehr. Es wurde nichts geändert.`,
    eventSubject: (number: string, customerName: string) => `Rückruf ${number}: ${customerName}`,
    eventBody: (number: string, contactName: string) =>
      `Guten Tag ${contactName},\n\nhiermit bestätigen wir den Rückruftermin zu Ihrer Anfrage ${number}. ` +
      'Der Berater ruft Sie zu dieser Zeit an.',
  },

  consultant: {
    booked: (kind: BookingKind, customerName: string) => `Neuer Termin: ${kinds[kind]} mit ${customerName}`,
    moved: (kind: BookingKind, customerName: string) => `Termin verschoben: ${kinds[kind]} mit ${customerName}`,
    cancelled: (kind: BookingKind, customerName: string) => `Termin abgesagt: ${kinds[kind]} mit ${customerName}`,
  },

  errors: {
    slotTaken: 'Dieser Termin wurde gerade anderweitig vergeben. Bitte wählen Sie eine der folgenden Zeiten.',
    slotTooSoon:
      'Dieser Termin beginnt zu bald oder ist schon vorbei und kann daher nicht mehr gebucht werden. ' +
      'Bitte wählen Sie eine der folgenden Zeiten.',
    entitlementUsed: (kind: Entitlement['kind'], period: Entitlement['period'], nextPeriodStart: string, zone: string) =>
      `Ihr ${kinds[kind]} für diesen Zeitraum ist bereits gebucht, Ihr Paket enthält ihn ${frequencies[period]}. ` +
      `Der nächste ist ab ${formatDate(nextPeriodStart, 'de', zone)} möglich.`,
    notFound: 'Dieser Termin wurde nicht gefunden. Es wurde nichts geändert. Bitte öffnen Sie „Meine Termine“ erneut.',
    notChangeable: 'Dieser Termin ist abgesagt oder vorbei und kann nicht mehr geändert werden. Es wurde nichts geändert.',
    invalidCardData:
      'Diese Karte enthält keine gültigen Termindaten, daher wurde nichts gebucht. Bitte schreiben Sie „Termin buchen“ für eine aktuelle Auswahl.',
    emailMissing:
      'Für die Einladung fehlt Ihre E-Mail-Adresse, daher wurde nichts gebucht. Bitte bitten Sie den Berater, sie zu hinterlegen.',
  },
};
