import type { Channel, Entitlement, TimeType } from '../domain/catalog.js';
import type { EmergencyTextValues, Messages } from './de.js';
import { formatDate, formatDuration, formatEuro, formatInstant, formatInteger, formatList } from './format.js';
import { bookingEn } from './bookingEn.js';

const channels: Messages['channels'] = {
  phone: 'phone',
  'priority-phone': 'priority hotline',
  whatsapp: 'WhatsApp',
  teams: 'Microsoft Teams',
};

const entitlementKinds: Record<Entitlement['kind'], string> = {
  'check-in': 'Check-in call',
  'proactive-call': 'Proactive call',
  'strategy-meeting': 'Strategy meeting',
  'roadmap-review': 'Roadmap review',
};

const entitlementPeriods: Record<Entitlement['period'], string> = {
  isoWeek: 'once a week',
  month: 'once a month',
  quarter: 'once a quarter',
};

const bookingPeriods: Record<Entitlement['period'], string> = {
  isoWeek: 'this week',
  month: 'this month',
  quarter: 'this quarter',
};

const timeTypes: Messages['timeTypes'] = {
  support: 'support',
  project: 'project work',
  emergency: 'emergencies',
  'on-site': 'on-site work',
};

/**
 * English message catalog. Typed as the German one, so a missing or extra key
 * or a changed message signature is a compile error.
 */
export const en: Messages = {
  channels,
  requestChannels: {
    teams: 'Microsoft Teams',
    phone: 'phone',
    whatsapp: 'WhatsApp',
    'emergency-line': 'emergency line',
  },
  callbackChannels: {
    phone: 'phone',
    'teams-call': 'Teams call',
    'teams-chat': 'Teams chat',
  },
  urgencies: {
    low: 'low',
    normal: 'normal',
    high: 'high',
  },
  states: {
    new: 'new',
    acknowledged: 'acknowledged',
    callbackDone: 'callback done',
    inProgress: 'in progress',
    waitingForCustomer: 'waiting for customer',
    resolved: 'resolved',
    closed: 'closed',
  },
  timeTypes,

  plan: {
    guarantee: (minutes: number) => `Callback within ${formatDuration(minutes, 'en')} during service hours`,
    guaranteeWithWeekend: (workingDayMinutes: number, weekendMinutes: number) =>
      `Callback within ${formatDuration(workingDayMinutes, 'en')} on working days and within ` +
      `${formatDuration(weekendMinutes, 'en')} on weekends and public holidays, during service hours`,
    serviceHours: (start: string, end: string) => `Mon–Fri ${start}–${end}, not on public holidays`,
    serviceHoursWithWeekend: (start: string, end: string, weekendStart: string, weekendEnd: string) =>
      `Mon–Fri ${start}–${end}; Sat, Sun and public holidays ${weekendStart}–${weekendEnd}`,
    includedHours: (minutes: number, covers: readonly TimeType[]) =>
      `${formatDuration(minutes, 'en')} per month for ${formatList(covers.map((type) => timeTypes[type]), 'en')}`,
    rollover: (capMinutes: number) =>
      `Up to ${formatDuration(capMinutes, 'en')} of unused hours carry over to the next month ` +
      'and expire if they are not used there',
    bonus: (entitlement: Entitlement) =>
      `${entitlementKinds[entitlement.kind]} (${formatDuration(entitlement.durationMinutes, 'en')}), ` +
      entitlementPeriods[entitlement.period],
    emergency: (values: EmergencyTextValues) =>
      `In an emergency (server down, complete outage, security incident), call the ${values.lineName} ` +
      `at ${values.phone}. You get a callback within ${formatDuration(values.guaranteeMinutes, 'en')} ` +
      `around the clock, including nights, weekends and public holidays. ` +
      `An emergency costs a ${formatEuro(values.baseFeeCents, 'en')} base fee plus ` +
      `${formatEuro(values.hourlyRateCents, 'en')} per hour, plus VAT. ` +
      `This time is not taken from your included hours.`,
  },

  welcome: {
    greeting: (contactName: string) => `Hello ${contactName}!`,
    intro: (customerName: string) =>
      `In this chat you reach Microsoft 365 support for ${customerName}. ` +
      `Describe your issue with "New request" and you will get a callback within the guaranteed time.`,
    factsHeading: 'What your plan includes',
    labels: {
      plan: 'Plan',
      guarantee: 'Callback guarantee',
      serviceHours: 'Service hours',
      includedHours: 'Included hours',
      rollover: 'Rollover',
      bonus: 'Bonus',
    },
    emergencyHeading: 'In an emergency',
    newRequest: 'New request',
  },

  form: {
    title: 'New request',
    intro: 'Please describe your issue as precisely as you can: what happened, who is affected and since when?',
    descriptionLabel: 'Description',
    descriptionPlaceholder: 'e.g. Since this morning three colleagues cannot send email in Outlook.',
    descriptionError: (maxLength: number) =>
      `Please describe your issue (at most ${formatInteger(maxLength, 'en')} characters).`,
    urgencyLabel: 'Urgency',
    callbackPhoneLabel: 'Callback number (optional)',
    callbackPhonePlaceholder: 'e.g. +49 221 1234567',
    callbackPhoneError: 'Please enter a phone number with area code, e.g. +49 221 1234567 or 0221 1234567.',
    callbackChannelLabel: 'Call back by',
    submit: 'Send request',
  },

  request: {
    title: (number: string) => `Request ${number}`,
    emergency: 'Emergency',
    callbackBy: (deadline: string, zone: string) => `Callback by ${formatInstant(deadline, 'en', zone)}`,
    callbackDone: (at: string, zone: string) => `Callback done: ${formatInstant(at, 'en', zone)}`,
    descriptionHeading: 'Your description',
    notGiven: 'not given',
    labels: {
      state: 'Status',
      urgency: 'Urgency',
      callbackChannel: 'Callback channel',
      callbackPhone: 'Callback number',
      openedAt: 'Received',
    },
  },

  consultant: {
    emergency: 'EMERGENCY',
    descriptionHeading: 'Description',
    acknowledgedBy: (name: string, at: string, zone: string) => `${name}, ${formatInstant(at, 'en', zone)}`,
    slaMet: 'SLA met',
    slaMissed: 'SLA missed',
    acknowledge: 'Acknowledge',
    callbackDone: 'Callback done',
    labels: {
      customer: 'Customer',
      plan: 'Plan',
      urgency: 'Urgency',
      channel: 'Received via',
      openedAt: 'Received',
      contact: 'Contact',
      callbackPhone: 'Callback number',
      callbackChannel: 'Callback channel',
      deadline: 'Callback due',
      state: 'Status',
      acknowledged: 'Acknowledged',
      firstContact: 'First contact',
    },
  },

  emergency: {
    button: 'Emergency',
    title: 'Report an emergency',
    intro: 'An emergency is a failure that stops your business right now:',
    examples: {
      serverDown: 'server down',
      outage: 'complete outage, e.g. nobody can sign in or send email',
      securityIncident: 'security incident, e.g. a compromised account or malware',
    },
    costHeading: 'Cost',
    cost: (baseFeeCents: number, hourlyRateCents: number) =>
      `${formatEuro(baseFeeCents, 'en')} base fee plus ${formatEuro(hourlyRateCents, 'en')} per hour, ` +
      'plus VAT. This cost is not taken from your included hours.',
    guarantee: (lineName: string, minutes: number) =>
      `Through the ${lineName} you get a callback within ${formatDuration(minutes, 'en')}, around the clock.`,
    descriptionLabel: 'What happened?',
    descriptionPlaceholder: 'e.g. The file server has been unreachable since 7:00 and nobody can work.',
    descriptionError: (maxLength: number) =>
      `Please describe the emergency briefly (at most ${formatInteger(maxLength, 'en')} characters).`,
    callbackPhoneLabel: 'Callback number',
    callbackPhonePlaceholder: 'e.g. +49 221 1234567',
    callbackPhoneError: 'Please enter a phone number with area code at which you can be reached now.',
    phoneMissing:
      'Please enter a phone number at which you can be reached now. In an emergency the consultant calls you.',
    confirm: 'Report emergency (charged)',
    decline: 'No emergency, normal request',
  },

  status: {
    title: (customerName: string) => `Open requests of ${customerName}`,
    none: 'Your organisation has no open requests at the moment.',
    more: (shown: number, total: number) =>
      `Showing the ${formatInteger(shown, 'en')} newest of ${formatInteger(total, 'en')} open requests.`,
    heading: (number: string, state: string) => `${number} · ${state}`,
    emergencyHeading: (number: string, state: string) => `EMERGENCY ${number} · ${state}`,
    deadline: (deadline: string, zone: string) => `Callback by ${formatInstant(deadline, 'en', zone)}`,
  },

  lifecycle: {
    actions: {
      inProgress: 'In progress',
      waitingForCustomer: 'Waiting for customer',
      resolved: 'Resolved',
      closed: 'Close',
      reopen: 'Reopen',
      saveSolution: 'Save as resolved',
    },
    solutionLabel: 'Solution',
    solutionPlaceholder: 'What was the cause, and what was done?',
    solutionError: (maxLength: number) =>
      `Please describe the solution (at most ${formatInteger(maxLength, 'en')} characters).`,
    solutionMissing: 'Please describe the solution before you mark the request as resolved. Nothing was changed.',
    solutionTooLong: (maxLength: number, actualLength: number) =>
      `The solution is ${formatInteger(actualLength, 'en')} characters long, but at most ` +
      `${formatInteger(maxLength, 'en')} characters are allowed. Please shorten the text. Nothing was changed.`,
    forbidden: (number: string, from: string, to: string) =>
      `Request ${number} is "${from}" and cannot be set to "${to}". Nothing was changed.`,
    resolvedAt: (at: string, zone: string) => `Resolved: ${formatInstant(at, 'en', zone)}`,
    requester: {
      callbackRecorded: (number: string) => `The callback on your request ${number} has taken place and is recorded in its history.`,
      resolved: (number: string, solution: string) => `Your request ${number} has been resolved. Solution: ${solution}`,
    },
  },

  lead: {
    title: 'New lead: unknown tenant',
    intro: 'Someone from a tenant that belongs to no customer has written to the bot.',
    unknown: 'unknown',
    emptyMessage: '(no text)',
    labels: {
      name: 'Name',
      tenantId: 'Tenant ID',
      aadObjectId: 'Entra object ID',
      at: 'Time',
      message: 'Message',
    },
  },

  warnings: {
    titles: {
      atRisk: (number: string) => `Deadline at risk: ${number}`,
      breach: (number: string) => `Deadline missed: ${number}`,
      emergencyUnacknowledged: (number: string) => `Emergency not acknowledged: ${number}`,
    },
    atRiskReason: (percent: number) => `${percent} % of the callback time has elapsed and no callback is recorded yet.`,
    breachReason: 'The callback deadline has passed and no callback is recorded.',
    emergencyUnacknowledgedReason: (openMinutes: number) =>
      `The emergency has been open for ${formatDuration(openMinutes, 'en')} and is not acknowledged yet.`,
    late: (dueAt: string, zone: string) => `Delivered late. Due since ${formatInstant(dueAt, 'en', zone)}.`,
    substitute: (consultantName: string) =>
      `You receive this message because you stand in for ${consultantName} during the absence. ` +
      'Please call the customer back.',
  },

  calendar: {
    unavailable:
      "The consultant's calendar cannot be reached right now, so nothing was booked or changed. " +
      'Please try again in a few minutes.',
    slotTaken: (nextStart: string | undefined, zone: string) =>
      nextStart === undefined
        ? 'This time was just booked by someone else, and no other time is free in the next days. Please choose a later day.'
        : `This time was just booked by someone else. Next free time: ${formatInstant(nextStart, 'en', zone)}.`,
    entitlementUsed: (kind: Entitlement['kind'], period: Entitlement['period']) =>
      `Your ${entitlementKinds[kind].toLowerCase()} for ${bookingPeriods[period]} is already booked. ` +
      `Your plan includes this appointment ${entitlementPeriods[period]}.`,
    eventSubject: (kind: Entitlement['kind'], customerName: string) => `${entitlementKinds[kind]}: ${customerName}`,
    eventBody: (kind: Entitlement['kind'], contactName: string, durationMinutes: number) =>
      `Hello ${contactName},\n\nthis confirms your booking: ${entitlementKinds[kind]}, ` +
      `${formatDuration(durationMinutes, 'en')}. The Teams meeting link is in this invitation.\n\n` +
      'You can cancel or move the appointment in the chat with Hotline Desk in Microsoft Teams.',
    cancellationComment:
      'This appointment was cancelled. You can book a new one in the chat with Hotline Desk in Microsoft Teams.',
  },

  booking: bookingEn,

  replies: {
    noTeamsChannel: (planName: string, planChannels: readonly Channel[], phone: string) =>
      `Requests through Microsoft Teams are not part of your plan "${planName}". ` +
      `Your plan includes ${formatList(planChannels.map((channel) => channels[channel]), 'en')}. ` +
      `You can reach support at ${phone}.`,
    unknownTenant:
      'Your organisation is not registered for Hotline Desk yet. ' +
      'The consultant has been informed and will get in touch with you.',
    descriptionMissing: 'Please describe your issue so that the request can be created.',
    descriptionTooLong: (maxLength: number, actualLength: number) =>
      `The description is ${formatInteger(actualLength, 'en')} characters long, but at most ` +
      `${formatInteger(maxLength, 'en')} characters are allowed. Please shorten the text and send the request again.`,
    phoneMissing: 'A phone callback needs your phone number. Please enter it.',
    invalidPhone: (value: string) =>
      `"${value}" is not a valid phone number. ` +
      'Please enter the number with area code, e.g. +49 221 1234567 or 0221 1234567.',
    invalidChoice: 'Please choose the urgency and the callback channel from the options offered.',
    invalidCardData: 'This card does not contain a valid request number and cannot be processed.',
    requestInProgress: 'This request has already been sent and is being created. Please do not send it again.',
    unknownAction: 'This card is out of date. Please write "Hello" for a current overview.',
    temporarilyUnavailable:
      'Hotline Desk has a technical problem right now. Please try again in a few minutes. ' +
      'If it is urgent, please call the hotline.',
    consultantUsePersonalChat:
      'Consultant cards arrive in your personal chat with the bot, not in channels or group chats. ' +
      'Please write to the bot there.',
    storageUnavailable:
      'Your request could not be saved just now because of a technical problem. ' +
      'Your input is not lost. Please send it again in a few minutes.',
    genericError:
      'Sorry, something went wrong. Please try again in a few minutes. ' +
      'If it is urgent, please call the hotline.',
    consultantOnly: 'Only the consultant can perform this action.',
    requestNotFound: (number: string) => `Request ${number} was not found. Please check the number.`,
    consultantChatRegistered:
      'From now on this chat receives the consultant cards. New customer requests appear here.',
    consultantChatHelp:
      'This chat already receives the consultant cards: new requests, SLA warnings, bookings, overage hours and ' +
      'messages from unknown companies. On the cards you acknowledge requests and log time. ' +
      'The queue, customers, hours, statements, knowledge base and absences are in the "Übersicht" tab.',
  },

  timeLog: {
    action: 'Log time',
    minutesLabel: 'Minutes',
    minutesPlaceholder: 'e.g. 45',
    minutesError: (max: number) => `Please enter a whole number of minutes from 1 to ${formatInteger(max, 'en')}.`,
    typeLabel: 'Type',
    types: { support: 'support', project: 'project work', emergency: 'emergency', 'on-site': 'on-site' },
    noteLabel: 'Note (optional)',
    submit: 'Save time',
    logged: (recordedMinutes: number, billedMinutes: number, incrementMinutes: number, type: string) =>
      `Time logged: ${formatDuration(recordedMinutes, 'en')} ${type}, billed ${formatDuration(billedMinutes, 'en')} ` +
      `(each entry is rounded up to ${incrementMinutes} min).`,
    unapprovedOverage: (minutes: number, month: string) =>
      `Note: ${month} has ${formatDuration(minutes, 'en')} of extra hours without approval. They are not billed ` +
      'unless the customer approves extra hours. Use "Request extra hours" to ask for an approval.',
    invalidMinutes: (value: string, max: number) =>
      `"${value}" is not a valid number of minutes. Please enter a whole number from 1 to ${formatInteger(max, 'en')}. Nothing was saved.`,
    invalidType: 'Please choose support, project work, emergency or on-site as the type. Nothing was saved.',
    invalidNote: (max: number) => `The note may be at most ${formatInteger(max, 'en')} characters long. Nothing was saved.`,
    beforeContract: "The time lies before the customer's contract start. Nothing was saved.",
  },

  hours: {
    title: 'Your hours',
    showAction: 'Hours',
    period: 'Period',
    periodValue: (first: string, last: string) => `${first} to ${last}`,
    plan: 'Plan',
    included: 'Included per month',
    rolledOver: 'Rolled over from last month',
    rolledOverValue: (duration: string, lastDay: string) => `${duration}, valid until ${lastDay}`,
    used: 'Used in total',
    includedUsed: 'of which from the included hours',
    overage: 'Extra hours',
    remaining: 'Remaining',
    approvedOverageLeft: 'Approved extra hours left',
    unapprovedOverage: 'Extra hours without approval',
    usedByTypeHeading: 'Used by type',
    notFromPool: (type: string) => `${type} (not from the included hours)`,
    usedPercent: (percent: number) => `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(percent)} % used`,
    increment: (minutes: number) => `Each time entry is rounded up to ${minutes} minutes.`,
    unapprovedHint:
      'Extra hours without approval are not billed. Your consultant asks the approvers of your organisation ' +
      'for approval with a separate card.',
  },

  hoursWarning: {
    title: (customerName: string, percent: number) => `${customerName}: ${formatInteger(percent, 'en')} % of the included hours reached`,
    month: 'Month',
    exhaustedHint: 'Further work needs the customer to approve extra hours.',
  },

  overage: {
    requestAction: 'Request extra hours',
    hoursLabel: 'Extra hours',
    hoursPlaceholder: 'e.g. 2 or 1.5',
    hoursError: 'Please enter a number of hours greater than 0.',
    noteLabel: 'Note for the customer (optional)',
    submit: 'Request approval',
    invalidHours: (value: string, maxHours: number) =>
      `"${value}" is not a valid number of hours. Please enter more than 0 and at most ${formatInteger(maxHours, 'en')} hours ` +
      'in whole minutes, e.g. 2 or 1.5. Nothing was saved.',
    invalidNote: (max: number) => `The note may be at most ${formatInteger(max, 'en')} characters long. Nothing was saved.`,
    requestedSent: (minutes: number, names: readonly string[]) =>
      `Extra hours requested (${formatDuration(minutes, 'en')}). The approval card went to ${formatList(names, 'en')}.`,
    requestedNotDelivered: (minutes: number) =>
      `Extra hours requested (${formatDuration(minutes, 'en')}). The approval card could not be delivered to anyone yet, ` +
      'because no approver has written to the bot so far. Delivery is retried regularly.',
    title: 'Approval of extra hours',
    intro: (customerName: string) => `Your consultant asks you to approve extra hours for ${customerName}.`,
    labels: {
      request: 'Request',
      hours: 'Hours',
      rate: 'Hourly rate (net)',
      amount: 'Amount (net)',
      month: 'Billing month',
      requestedBy: 'Requested by',
      note: 'Note',
    },
    approve: 'Approve',
    decline: 'Decline',
    pending: 'Waiting for your decision',
    approved: (name: string, at: string, zone: string) => `Approved by ${name} on ${formatInstant(at, 'en', zone)}`,
    declined: (name: string, at: string, zone: string) => `Declined by ${name} on ${formatInstant(at, 'en', zone)}`,
    consultantTitle: (customerName: string) => `Decision on extra hours of ${customerName}`,
    notApprover: (customerName: string) =>
      `Only the approvers of ${customerName} can approve or decline extra hours. Nothing was changed.`,
    notFound: 'This approval was not found. Nothing was changed.',
  },

  articleSuggestion: {
    title: 'Maybe this helps:',
    intro: 'These articles from our knowledge base match your description. If none of them helps, just send your request anyway.',
    toggleSolution: 'Show or hide the solution',
    openRequest: 'Send the request anyway',
  },

  absence: {
    substituteRegistered:
      "You are registered as the consultant's substitute. Emergencies during the absence arrive in this chat.",
    awayUntilDay: (backAt: string, zone: string) =>
      `The consultant is away at the moment and back for you on ${formatDate(backAt, 'en', zone)}.`,
    awayUntilTime: (backAt: string, zone: string) =>
      `The consultant is away at the moment and back for you on ${formatInstant(backAt, 'en', zone)}.`,
    requestsDeferred:
      'You can still send your request now. The guaranteed callback time starts only when the consultant is back.',
    substitute: (name: string, phone: string) => `In an emergency, please call the substitute ${name} at ${phone}.`,
    substituteViaLine: (name: string, lineName: string, phone: string) =>
      `${name} covers emergencies during this time. Please call the ${lineName} at ${phone} for them.`,
    emergencyLine: (lineName: string, phone: string) =>
      `In an emergency, you can still call the ${lineName} at ${phone}.`,
  },
};
