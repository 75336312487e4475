import type { Channel, Entitlement, TimeType } from '../domain/catalog.js';
import type { CallbackChannel, RequestChannel, RequestState, Urgency } from '../domain/request.js';
import { formatDate, formatDuration, formatEuro, formatInstant, formatInteger, formatList } from './format.js';
import { bookingDe } from './bookingDe.js';

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

const bookingPeriods = {
  isoWeek: 'diese Woche',
  month: 'diesen Monat',
  quarter: 'dieses Quartal',
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

  emergency: {
    button: 'Notfall',
    title: 'Notfall melden',
    intro: 'Als Notfall gilt eine Störung, die Ihren Betrieb jetzt stoppt:',
    examples: {
      serverDown: 'Server ausgefallen',
      outage: 'kompletter Ausfall, z. B. niemand kann sich anmelden oder E-Mails senden',
      securityIncident: 'Sicherheitsvorfall, z. B. ein übernommenes Konto oder Schadsoftware',
    },
    costHeading: 'Kosten',
    cost: (baseFeeCents: number, hourlyRateCents: number) =>
      `${formatEuro(baseFeeCents, 'de')} Grundgebühr plus ${formatEuro(hourlyRateCents, 'de')} pro Stunde, ` +
      'jeweils zzgl. MwSt. Diese Kosten werden nicht von Ihrem Stundenkontingent abgezogen.',
    guarantee: (lineName: string, minutes: number) =>
      `Über die ${lineName} erhalten Sie rund um die Uhr innerhalb von ${formatDuration(minutes, 'de')} einen Rückruf.`,
    descriptionLabel: 'Was ist passiert?',
    descriptionPlaceholder: 'z. B. Der Dateiserver ist seit 7 Uhr nicht erreichbar, niemand kann arbeiten.',
    descriptionError: (maxLength: number) =>
      `Bitte beschreiben Sie den Notfall kurz (höchstens ${formatInteger(maxLength, 'de')} Zeichen).`,
    callbackPhoneLabel: 'Rückrufnummer',
    callbackPhonePlaceholder: 'z. B. +49 221 1234567',
    callbackPhoneError: 'Bitte geben Sie eine Telefonnummer mit Vorwahl an, unter der Sie jetzt erreichbar sind.',
    phoneMissing:
      'Bitte geben Sie eine Telefonnummer an, unter der Sie jetzt erreichbar sind. Im Notfall ruft der Berater Sie an.',
    confirm: 'Notfall kostenpflichtig melden',
    decline: 'Kein Notfall, normale Anfrage',
  },

  status: {
    title: (customerName: string) => `Offene Anfragen von ${customerName}`,
    none: 'Ihre Organisation hat zurzeit keine offenen Anfragen.',
    more: (shown: number, total: number) =>
      `Angezeigt werden die ${formatInteger(shown, 'de')} neuesten von ${formatInteger(total, 'de')} offenen Anfragen.`,
    heading: (number: string, state: string) => `${number} · ${state}`,
    emergencyHeading: (number: string, state: string) => `NOTFALL ${number} · ${state}`,
    deadline: (deadline: string, zone: string) => `Rückruf bis ${formatInstant(deadline, 'de', zone)}`,
  },

  lifecycle: {
    actions: {
      inProgress: 'In Arbeit',
      waitingForCustomer: 'Wartet auf Kunde',
      resolved: 'Gelöst',
      closed: 'Schließen',
      reopen: 'Wieder öffnen',
      saveSolution: 'Als gelöst speichern',
    },
    solutionLabel: 'Lösung',
    solutionPlaceholder: 'Was war die Ursache, und was wurde getan?',
    solutionError: (maxLength: number) =>
      `Bitte beschreiben Sie die Lösung (höchstens ${formatInteger(maxLength, 'de')} Zeichen).`,
    solutionMissing: 'Bitte beschreiben Sie die Lösung, bevor Sie die Anfrage als gelöst markieren. Es wurde nichts geändert.',
    solutionTooLong: (maxLength: number, actualLength: number) =>
      `Die Lösung ist ${formatInteger(actualLength, 'de')} Zeichen lang, erlaubt sind höchstens ` +
      `${formatInteger(maxLength, 'de')} Zeichen. Bitte kürzen Sie den Text. Es wurde nichts geändert.`,
    forbidden: (number: string, from: string, to: string) =>
      `Die Anfrage ${number} ist „${from}“ und kann nicht auf „${to}“ gesetzt werden. Es wurde nichts geändert.`,
    resolvedAt: (at: string, zone: string) => `Gelöst: ${formatInstant(at, 'de', zone)}`,
    requester: {
      callbackRecorded: (number: string) => `Der Rückruf zu Ihrer Anfrage ${number} ist erfolgt und im Verlauf vermerkt.`,
      resolved: (number: string, solution: string) => `Ihre Anfrage ${number} wurde gelöst. Lösung: ${solution}`,
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

  warnings: {
    titles: {
      atRisk: (number: string) => `Frist in Gefahr: ${number}`,
      breach: (number: string) => `Frist überschritten: ${number}`,
      emergencyUnacknowledged: (number: string) => `Notfall nicht bestätigt: ${number}`,
    },
    atRiskReason: (percent: number) => `${percent} % der Rückrufzeit sind verstrichen, und noch ist kein Rückruf erfasst.`,
    breachReason: 'Die Rückruffrist ist abgelaufen, ohne dass ein Rückruf erfasst wurde.',
    emergencyUnacknowledgedReason: (openMinutes: number) =>
      `Der Notfall ist seit ${formatDuration(openMinutes, 'de')} offen und noch nicht übernommen.`,
    late: (dueAt: string, zone: string) => `Verspätet zugestellt. Fällig seit ${formatInstant(dueAt, 'de', zone)}.`,
    substitute: (consultantName: string) =>
      `Sie erhalten diese Meldung, weil Sie ${consultantName} während der Abwesenheit vertreten. ` +
      'Bitte rufen Sie den Kunden zurück.',
  },

  calendar: {
    unavailable:
      'Der Kalender des Beraters ist gerade nicht erreichbar, daher wurde nichts gebucht oder geändert. ' +
      'Bitte versuchen Sie es in einigen Minuten erneut.',
    slotTaken: (nextStart: string | undefined, zone: string) =>
      nextStart === undefined
        ? 'Dieser Termin wurde gerade anderweitig vergeben, und in den nächsten Tagen ist kein weiterer Termin frei. ' +
          'Bitte wählen Sie einen späteren Tag.'
        : `Dieser Termin wurde gerade anderweitig vergeben. Nächster freier Termin: ${formatInstant(nextStart, 'de', zone)}.`,
    entitlementUsed: (kind: Entitlement['kind'], period: Entitlement['period']) =>
      `Ihr ${entitlementKinds[kind]} ist für ${bookingPeriods[period]} bereits gebucht. ` +
      `Ihr Paket enthält ${entitlementPeriods[period]} einen Termin.`,
    eventSubject: (kind: Entitlement['kind'], customerName: string) => `${entitlementKinds[kind]}: ${customerName}`,
    eventBody: (kind: Entitlement['kind'], contactName: string, durationMinutes: number) =>
      `Guten Tag ${contactName},\n\nhiermit bestätigen wir den gebuchten Termin: ${entitlementKinds[kind]}, ` +
      `${formatDuration(durationMinutes, 'de')}. Den Link zur Teams-Besprechung finden Sie in dieser Einladung.\n\n` +
      'Absagen oder verschieben können Sie den Termin im Chat mit Hotline Desk in Microsoft Teams.',
    cancellationComment:
      'Dieser Termin wurde abgesagt. Einen neuen Termin können Sie im Chat mit Hotline Desk in Microsoft Teams buchen.',
  },

  booking: bookingDe,

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
    phoneMissing: 'Für einen Rückruf per Telefon brauchen wir Ihre Telefonnummer. Bitte tragen Sie sie ein.',
    invalidPhone: (value: string) =>
      `„${value}“ ist keine gültige Telefonnummer. ` +
      'Bitte geben Sie die Nummer mit Vorwahl an, z. B. +49 221 1234567 oder 0221 1234567.',
    invalidChoice: 'Bitte wählen Sie Dringlichkeit und Rückrufweg aus den angebotenen Optionen aus.',
    invalidCardData: 'Diese Karte enthält keine gültige Anfragenummer und kann nicht verarbeitet werden.',
    requestInProgress:
      'Diese Anfrage wurde bereits gesendet und wird gerade angelegt. Bitte senden Sie sie nicht erneut.',
    unknownAction: 'Diese Karte ist veraltet. Bitte schreiben Sie „Hallo“ für eine aktuelle Übersicht.',
    temporarilyUnavailable:
      'Hotline Desk ist gerade technisch gestört. Bitte versuchen Sie es in einigen Minuten erneut. ' +
      'Wenn es dringend ist, rufen Sie bitte die Hotline an.',
    consultantUsePersonalChat:
      'Die Berater-Karten kommen im persönlichen Chat mit dem Bot an, nicht in Kanälen oder Gruppenchats. ' +
      'Bitte schreiben Sie dem Bot dort.',
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
    consultantChatHelp:
      'Dieser Chat erhält bereits die Berater-Karten: neue Anfragen, SLA-Warnungen, Termine, Mehrstunden und ' +
      'Nachrichten unbekannter Firmen. Auf den Karten übernehmen Sie Anfragen und erfassen Zeit. ' +
      'Warteschlange, Kunden, Stunden, Abrechnungen, Wissensdatenbank und Abwesenheiten finden Sie im Tab „Übersicht“.',
  },

  timeLog: {
    action: 'Zeit erfassen',
    minutesLabel: 'Minuten',
    minutesPlaceholder: 'z. B. 45',
    minutesError: (max: number) => `Bitte geben Sie eine ganze Zahl von 1 bis ${formatInteger(max, 'de')} Minuten ein.`,
    typeLabel: 'Art',
    types: { support: 'Support', project: 'Projektarbeit', emergency: 'Notfall', 'on-site': 'Vor Ort' } satisfies Record<TimeType, string>,
    noteLabel: 'Notiz (optional)',
    submit: 'Zeit speichern',
    logged: (recordedMinutes: number, billedMinutes: number, incrementMinutes: number, type: string) =>
      `Zeit erfasst: ${formatDuration(recordedMinutes, 'de')} ${type}, abgerechnet ${formatDuration(billedMinutes, 'de')} ` +
      `(jeder Eintrag wird auf ${incrementMinutes} Min. aufgerundet).`,
    unapprovedOverage: (minutes: number, month: string) =>
      `Achtung: Im Monat ${month} sind ${formatDuration(minutes, 'de')} Mehrstunden ohne Freigabe angefallen. Sie werden nicht berechnet, ` +
      'solange der Kunde keine Mehrstunden freigibt. Fragen Sie über „Mehrstunden anfragen“ eine Freigabe an.',
    invalidMinutes: (value: string, max: number) =>
      `„${value}“ ist keine gültige Minutenzahl. Bitte geben Sie eine ganze Zahl von 1 bis ${formatInteger(max, 'de')} ein. Es wurde nichts gespeichert.`,
    invalidType: 'Bitte wählen Sie als Art Support, Projektarbeit, Notfall oder Vor Ort. Es wurde nichts gespeichert.',
    invalidNote: (max: number) => `Die Notiz darf höchstens ${formatInteger(max, 'de')} Zeichen lang sein. Es wurde nichts gespeichert.`,
    beforeContract: 'Der Zeitpunkt liegt vor dem Vertragsbeginn des Kunden. Es wurde nichts gespeichert.',
  },

  hours: {
    title: 'Ihr Stundenkontingent',
    showAction: 'Stunden',
    period: 'Zeitraum',
    periodValue: (first: string, last: string) => `${first} bis ${last}`,
    plan: 'Paket',
    included: 'Inklusive im Monat',
    rolledOver: 'Übertrag aus dem Vormonat',
    rolledOverValue: (duration: string, lastDay: string) => `${duration}, gültig bis ${lastDay}`,
    used: 'Verbraucht gesamt',
    includedUsed: 'davon aus dem Kontingent',
    overage: 'Mehrstunden',
    remaining: 'Verbleibend',
    approvedOverageLeft: 'Freigegebene Mehrstunden übrig',
    unapprovedOverage: 'Mehrstunden ohne Freigabe',
    usedByTypeHeading: 'Verbrauch nach Art',
    notFromPool: (type: string) => `${type} (nicht aus dem Kontingent)`,
    usedPercent: (percent: number) => `${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(percent)} % verbraucht`,
    increment: (minutes: number) => `Jeder Zeiteintrag wird auf ${minutes} Minuten aufgerundet.`,
    unapprovedHint:
      'Mehrstunden ohne Freigabe werden nicht berechnet. Ihr Berater bittet die freigebenden Personen Ihres Unternehmens ' +
      'mit einer eigenen Karte um die Freigabe.',
  },

  hoursWarning: {
    title: (customerName: string, percent: number) => `${customerName}: ${formatInteger(percent, 'de')} % des Kontingents erreicht`,
    month: 'Monat',
    exhaustedHint: 'Weitere Arbeit braucht eine Freigabe von Mehrstunden durch den Kunden.',
  },

  overage: {
    requestAction: 'Mehrstunden anfragen',
    hoursLabel: 'Zusätzliche Stunden',
    hoursPlaceholder: 'z. B. 2 oder 1,5',
    hoursError: 'Bitte geben Sie eine Stundenzahl größer als 0 ein.',
    noteLabel: 'Hinweis für den Kunden (optional)',
    submit: 'Freigabe anfragen',
    invalidHours: (value: string, maxHours: number) =>
      `„${value}“ ist keine gültige Stundenzahl. Bitte geben Sie mehr als 0 und höchstens ${formatInteger(maxHours, 'de')} Stunden ` +
      'in ganzen Minuten ein, z. B. 2 oder 1,5. Es wurde nichts gespeichert.',
    invalidNote: (max: number) => `Der Hinweis darf höchstens ${formatInteger(max, 'de')} Zeichen lang sein. Es wurde nichts gespeichert.`,
    requestedSent: (minutes: number, names: readonly string[]) =>
      `Mehrstunden angefragt (${formatDuration(minutes, 'de')}). Die Freigabe-Karte ging an ${formatList(names, 'de')}.`,
    requestedNotDelivered: (minutes: number) =>
      `Mehrstunden angefragt (${formatDuration(minutes, 'de')}). Die Freigabe-Karte konnte noch niemandem zugestellt werden, ` +
      'weil keine freigebende Person bisher mit dem Bot geschrieben hat. Die Zustellung wird regelmäßig erneut versucht.',
    title: 'Freigabe von Mehrstunden',
    intro: (customerName: string) => `Ihr Berater bittet um die Freigabe zusätzlicher Stunden für ${customerName}.`,
    labels: {
      request: 'Anfrage',
      hours: 'Stunden',
      rate: 'Stundensatz (netto)',
      amount: 'Betrag (netto)',
      month: 'Abrechnungsmonat',
      requestedBy: 'Angefragt von',
      note: 'Hinweis',
    },
    approve: 'Genehmigen',
    decline: 'Ablehnen',
    pending: 'Wartet auf Ihre Entscheidung',
    approved: (name: string, at: string, zone: string) => `Genehmigt von ${name} am ${formatInstant(at, 'de', zone)}`,
    declined: (name: string, at: string, zone: string) => `Abgelehnt von ${name} am ${formatInstant(at, 'de', zone)}`,
    consultantTitle: (customerName: string) => `Entscheidung über Mehrstunden von ${customerName}`,
    notApprover: (customerName: string) =>
      `Nur die freigebenden Personen von ${customerName} können Mehrstunden genehmigen oder ablehnen. Es wurde nichts geändert.`,
    notFound: 'Diese Freigabe wurde nicht gefunden. Es wurde nichts geändert.',
  },

  articleSuggestion: {
    title: 'Vielleicht hilft das:',
    intro: 'Diese Artikel aus unserer Wissensdatenbank passen zu Ihrer Beschreibung. Hilft keiner davon, stellen Sie Ihre Anfrage einfach trotzdem.',
    toggleSolution: 'Lösung ein- oder ausblenden',
    openRequest: 'Anfrage trotzdem stellen',
  },

  absence: {
    substituteRegistered:
      'Sie sind als Vertretung des Beraters eingetragen. Notfälle während seiner Abwesenheit erhalten Sie in diesem Chat.',
    awayUntilDay: (backAt: string, zone: string) =>
      `Der Berater ist zurzeit abwesend und ab ${formatDate(backAt, 'de', zone)} wieder für Sie da.`,
    awayUntilTime: (backAt: string, zone: string) =>
      `Der Berater ist zurzeit abwesend und ab ${formatInstant(backAt, 'de', zone)} wieder für Sie da.`,
    requestsDeferred:
      'Sie können Ihre Anfrage trotzdem schon jetzt senden. Die garantierte Rückrufzeit beginnt erst nach der Rückkehr.',
    substitute: (name: string, phone: string) => `In Notfällen erreichen Sie die Vertretung ${name} unter ${phone}.`,
    substituteViaLine: (name: string, lineName: string, phone: string) =>
      `Notfälle übernimmt in dieser Zeit ${name}. Rufen Sie dafür bitte die ${lineName} unter ${phone} an.`,
    emergencyLine: (lineName: string, phone: string) =>
      `In Notfällen erreichen Sie weiterhin die ${lineName} unter ${phone}.`,
  },
};

/** Shape of a message catalog. Every language must provide exactly these keys. */
export type Messages = typeof de;
