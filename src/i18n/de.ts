import type { Channel, Entitlement, TimeType } from '../domain/catalog.js';
import type { CallbackChannel, RequestChannel, RequestState, Urgency } from '../domain/request.js';
import { formatDuration, formatEuro, formatInstant, formatInteger, formatList } from './format.js';

const channels = {
  phone: 'Telefon',
  'priority-phone': 'Prioritäts-Hotline',
  whatsapp: 'WhatsApp',
  teams: 'Microsoft Teams',
} satisfies Record<Channel, string>;

const entitlementKinds = {
  'check-in': 'Check-in-Call',
  'proactive-call': 'Proaktiv-Call',
  'strategy-meeting': 'Strategie-Meeting',
  'roadmap-review': 'Roadmap-Review',
} satisfies Record<Entitlement['kind'], string>;

const entitlementPeriods = {
  isoWeek: 'einmal pro Woche',
  month: 'einmal im Monat',
  quarter: 'einmal im Quartal',
} satisfies Record<Entitlement['period'], string>;

const timeTypes = {
  support: 'Support',
  project: 'Projektarbeit',
  emergency: 'Notfälle',
  'on-site': 'Vor-Ort-Einsätze',
} satisfies Record<TimeType, string>;

/** Facts about the emergency line that the emergency paragraph states. */
export interface EmergencyTextValues {
  /** Localized name of the line, e.g. "24/7-Notfall-Hotline". */
  lineName: string;
  phone: string;
  guaranteeMinutes: number;
  baseFeeCents: number;
  hourlyRateCents: number;
}

/**
 * German message catalog, the reference for every other language.
 *
 * Messages with parameters are functions that take raw values (minutes, cents,
 * ISO instants with an IANA zone) and format them in German.
 */
export const de = {
  channels,
  requestChannels: {
    teams: 'Microsoft Teams',
    phone: 'Telefon',
    whatsapp: 'WhatsApp',
    'emergency-line': 'Notfall-Hotline',
  } satisfies Record<RequestChannel, string>,
  callbackChannels: {
    phone: 'Telefon',
    'teams-call': 'Teams-Anruf',
    'teams-chat': 'Teams-Chat',
  } satisfies Record<CallbackChannel, string>,
  urgencies: {
    low: 'niedrig',
    normal: 'normal',
    high: 'hoch',
  } satisfies Record<Urgency, string>,
  states: {
    new: 'neu',
    acknowledged: 'übernommen',
    callbackDone: 'Rückruf erfolgt',
    inProgress: 'in Arbeit',
    waitingForCustomer: 'wartet auf Kunde',
    resolved: 'gelöst',
    closed: 'geschlossen',
  } satisfies Record<RequestState, string>,
  timeTypes,

  plan: {
    guarantee: (minutes: number) => `Rückruf innerhalb von ${formatDuration(minutes, 'de')} während der Servicezeiten`,
    guaranteeWithWeekend: (workingDayMinutes: number, weekendMinutes: number) =>
      `Rückruf innerhalb von ${formatDuration(workingDayMinutes, 'de')} an Werktagen und innerhalb von ` +
      `${formatDuration(weekendMinutes, 'de')} an Wochenenden und Feiertagen, jeweils während der Servicezeiten`,
    serviceHours: (start: string, end: string) => `Mo–Fr ${start}–${end}, nicht an Feiertagen`,
    serviceHoursWithWeekend: (start: string, end: string, weekendStart: string, weekendEnd: string) =>
      `Mo–Fr ${start}–${end} sowie Sa, So und Feiertage ${weekendStart}–${weekendEnd}`,
    includedHours: (minutes: number, covers: readonly TimeType[]) =>
      `${formatDuration(minutes, 'de')} pro Monat für ${formatList(covers.map((type) => timeTypes[type]), 'de')}`,
    rollover: (capMinutes: number) =>
      `Ungenutztes Kontingent bis zu ${formatDuration(capMinutes, 'de')} wird in den Folgemonat übertragen ` +
      'und verfällt, wenn es dort nicht genutzt wird',
    bonus: (entitlement: Entitlement) =>
      `${entitlementKinds[entitlement.kind]} (${formatDuration(entitlement.durationMinutes, 'de')}), ` +
      entitlementPeriods[entitlement.period],
    emergency: (values: EmergencyTextValues) =>
      `Bei einem Notfall (Server ausgefallen, kompletter Ausfall, Sicherheitsvorfall) rufen Sie die ` +
      `${values.lineName} unter ${values.phone} an. Sie erhalten rund um die Uhr innerhalb von ` +
      `${formatDuration(values.guaranteeMinutes, 'de')} einen Rückruf, auch nachts, am Wochenende und an Feiertagen. ` +
      `Ein Notfall kostet ${formatEuro(values.baseFeeCents, 'de')} Grundgebühr plus ` +
      `${formatEuro(values.hourlyRateCents, 'de')} pro Stunde, jeweils zzgl. MwSt. ` +
      `Diese Zeit wird nicht von Ihrem Stundenkontingent abgezogen.`,
  },

  welcome: {
    greeting: (contactName: string) => `Guten Tag, ${contactName}!`,
    intro: (customerName: string) =>
      `In diesem Chat erreichen Sie den Microsoft-365-Support für ${customerName}. ` +
      `Beschreiben Sie Ihr Anliegen über „Neue Anfrage“, und Sie erhalten innerhalb der garantierten Zeit einen Rückruf.`,
    factsHeading: 'Das ist in Ihrem Paket enthalten',
    labels: {
      plan: 'Paket',
      guarantee: 'Rückrufgarantie',
      serviceHours: 'Servicezeiten',
      includedHours: 'Stundenkontingent',
      rollover: 'Übertrag',
      bonus: 'Bonus',
    },
    emergencyHeading: 'Im Notfall',
    newRequest: 'Neue Anfrage',
  },

  form: {
    title: 'Neue Anfrage',
    intro: 'Beschreiben Sie Ihr Anliegen möglichst genau: Was ist passiert, wer ist betroffen und seit wann?',
    descriptionLabel: 'Beschreibung',
    descriptionPlaceholder: 'z. B. Seit heute früh können drei Kollegen keine E-Mails in Outlook senden.',
    descriptionError: (maxLength: number) =>
      `Bitte beschreiben Sie Ihr Anliegen (höchstens ${formatInteger(maxLength, 'de')} Zeichen).`,
    urgencyLabel: 'Dringlichkeit',
    callbackPhoneLabel: 'Rückrufnummer (optional)',
    callbackPhonePlaceholder: 'z. B. +49 221 1234567',
    callbackPhoneError: 'Bitte geben Sie eine Telefonnummer mit Vorwahl ein, z. B. +49 221 1234567 oder 0221 1234567.',
    callbackChannelLabel: 'Rückruf per',
    submit: 'Anfrage senden',
  },

  request: {
    title: (number: string) => `Anfrage ${number}`,
    emergency: 'Notfall',
    callbackBy: (deadline: string, zone: string) => `Rückruf spätestens ${formatInstant(deadline, 'de', zone)}`,
    callbackDone: (at: string, zone: string) => `Rückruf erfolgt: ${formatInstant(at, 'de', zone)}`,
    descriptionHeading: 'Ihre Beschreibung',
    notGiven: 'nicht angegeben',
    labels: {
      state: 'Status',
      urgency: 'Dringlichkeit',
      callbackChannel: 'Rückruf per',
      callbackPhone: 'Rückrufnummer',
      openedAt: 'Eingegangen',
    },
  },

  consultant: {
    emergency: 'NOTFALL',
    descriptionHeading: 'Beschreibung',
    acknowledgedBy: (name: string, at: string, zone: string) => `${name}, ${formatInstant(at, 'de', zone)}`,
    slaMet: 'SLA eingehalten',
    slaMissed: 'SLA verfehlt',
    acknowledge: 'Übernehmen',
    callbackDone: 'Rückruf erfolgt',
    labels: {
      customer: 'Kunde',
      plan: 'Paket',
      urgency: 'Dringlichkeit',
      channel: 'Eingang über',
      openedAt: 'Eingegangen',
      contact: 'Ansprechpartner',
      callbackPhone: 'Rückrufnummer',
      callbackChannel: 'Rückruf per',
      deadline: 'Rückruf bis',
      state: 'Status',
      acknowledged: 'Übernommen',
      firstContact: 'Erster Kontakt',
    },
  },

  lead: {
    title: 'Neuer Interessent: unbekannter Mandant',
    intro: 'Eine Person aus einem Mandanten, der keinem Kunden zugeordnet ist, hat dem Bot geschrieben.',
    unknown: 'unbekannt',
    emptyMessage: '(ohne Text)',
    labels: {
      name: 'Name',
      tenantId: 'Mandanten-ID',
      aadObjectId: 'Entra-Objekt-ID',
      at: 'Zeitpunkt',
      message: 'Nachricht',
    },
  },

  replies: {
    noTeamsChannel: (planName: string, planChannels: readonly Channel[], phone: string) =>
      `Anfragen über Microsoft Teams sind in Ihrem Paket „${planName}“ nicht enthalten. ` +
      `Ihr Paket umfasst ${formatList(planChannels.map((channel) => channels[channel]), 'de')}. ` +
      `Sie erreichen den Support unter ${phone}.`,
    unknownTenant:
      'Ihre Organisation ist noch nicht für Hotline Desk registriert. ' +
      'Der Berater wurde informiert und meldet sich bei Ihnen.',
    descriptionMissing: 'Bitte beschreiben Sie Ihr Anliegen, damit die Anfrage angelegt werden kann.',
    descriptionTooLong: (maxLength: number, actualLength: number) =>
      `Die Beschreibung ist ${formatInteger(actualLength, 'de')} Zeichen lang, erlaubt sind höchstens ` +
      `${formatInteger(maxLength, 'de')} Zeichen. Bitte kürzen Sie den Text und senden Sie die Anfrage erneut.`,
    invalidPhone: (value: string) =>
      `„${value}“ ist keine gültige Telefonnummer. ` +
      'Bitte geben Sie die Nummer mit Vorwahl an, z. B. +49 221 1234567 oder 0221 1234567.',
    invalidChoice: 'Bitte wählen Sie Dringlichkeit und Rückrufweg aus den angebotenen Optionen aus.',
    invalidCardData: 'Diese Karte enthält keine gültige Anfragenummer und kann nicht verarbeitet werden.',
    requestInProgress:
      'Diese Anfrage wurde bereits gesendet und wird gerade angelegt. Bitte senden Sie sie nicht erneut.',
    storageUnavailable:
      'Ihre Anfrage konnte wegen einer technischen Störung gerade nicht gespeichert werden. ' +
      'Ihre Eingabe ist nicht verloren. Bitte senden Sie sie in einigen Minuten erneut.',
    genericError:
      'Leider ist ein Fehler aufgetreten. Bitte versuchen Sie es in einigen Minuten erneut. ' +
      'Wenn es dringend ist, rufen Sie bitte die Hotline an.',
    consultantOnly: 'Diese Aktion ist dem Berater vorbehalten.',
    requestNotFound: (number: string) => `Die Anfrage ${number} wurde nicht gefunden. Bitte prüfen Sie die Nummer.`,
    consultantChatRegistered:
      'Dieser Chat erhält ab jetzt die Berater-Karten. Neue Anfragen von Kunden erscheinen hier.',
  },
};

/** Shape of a message catalog. Every language must provide exactly these keys. */
export type Messages = typeof de;
