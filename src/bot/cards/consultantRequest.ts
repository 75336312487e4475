import type { Language } from '../../domain/customer.js';
import { MAX_SOLUTION_LENGTH } from '../../domain/history.js';
import { canTransition, nextStates } from '../../domain/lifecycle.js';
import type { SupportRequest } from '../../domain/request.js';
import type { Messages } from '../../i18n/de.js';
import { formatInstant, formatTimeLeft, localeOf } from '../../i18n/format.js';
import { messagesFor } from '../../i18n/messages.js';
import { MAX_ENTRY_MINUTES, MAX_NOTE_LENGTH } from '../../services/timeService.js';
import template from './consultantRequest.json' with { type: 'json' };
import { expandCard, type AdaptiveCard } from './template.js';
import { SETTABLE_STATES, Verbs, type RequestReferenceData, type RequestSetStateData, type SettableState } from './verbs.js';

/** Input of {@link renderConsultantRequestCard}. */
export interface ConsultantRequestCardInput {
  lang: Language;
  request: SupportRequest;
  customerName: string;
  /** Plan name in `lang`. */
  planName: string;
  /** IANA time zone in which instants are shown, e.g. "Europe/Berlin". */
  zone: string;
  /** Instant from which the time left until the deadline is computed. */
  now: Date;
  /** Leaves out every action, for a copy shown to someone who may not act on it, such as an absence substitute. */
  readOnly?: boolean;
  /** A line shown on top, e.g. the result of the last action: "good" for success, "attention" for a problem. */
  notice?: { text: string; style: 'good' | 'attention' };
}

interface Fact {
  title: string;
  value: string;
}

/** A highlighted line of text with an Adaptive Card text color. */
interface StatusLine {
  text: string;
  color: 'Default' | 'Good' | 'Attention';
}

const MS_PER_MINUTE = 60_000;

/**
 * Returns the whole minutes from `now` until `deadline`, negative once it has
 * passed. Rounds down, so the last partial minute before the deadline reads 0
 * and any moment after it reads at least one minute overdue.
 *
 * @throws RangeError if `deadline` is not a valid ISO 8601 instant.
 */
export function minutesUntil(deadline: string, now: Date): number {
  const deadlineMs = Date.parse(deadline);
  if (Number.isNaN(deadlineMs)) {
    throw new RangeError(`minutesUntil: invalid deadline "${deadline}"`);
  }
  return Math.floor((deadlineMs - now.getTime()) / MS_PER_MINUTE);
}

/**
 * Describes the SLA at a glance: "SLA eingehalten" or "SLA verfehlt" once the
 * first contact is recorded, otherwise the time left until the deadline
 * ("Noch 45 Min.", "Seit 20 Min. überfällig" in the attention color).
 */
function describeSla(request: SupportRequest, now: Date, messages: Messages, lang: Language): StatusLine {
  const texts = messages.consultant;
  if (request.firstContactAt !== undefined && request.slaMet !== undefined) {
    return request.slaMet ? { text: texts.slaMet, color: 'Good' } : { text: texts.slaMissed, color: 'Attention' };
  }
  if (request.firstContactAt !== undefined) {
    // The domain sets slaMet together with firstContactAt. Without it, the line shows the state only.
    return { text: messages.states[request.state], color: 'Default' };
  }

  const minutesLeft = minutesUntil(request.deadline, now);
  return {
    text: capitalizeFirst(formatTimeLeft(minutesLeft, lang), lang),
    color: minutesLeft < 0 ? 'Attention' : 'Default',
  };
}

/** An Action.Execute with verb `request.setState`, as the template's `stateActions` lists it. */
interface StateAction {
  title: string;
  verb: typeof Verbs.requestSetState;
  data: RequestSetStateData;
}

/**
 * Lists one `request.setState` action per state the lifecycle allows next, except "resolved", which
 * needs the solution input and is a separate action. Moving a resolved request back to "inProgress"
 * is titled "Wieder öffnen".
 */
function listStateActions(request: SupportRequest, messages: Messages): StateAction[] {
  const titles = messages.lifecycle.actions;
  const settable = nextStates(request.state).filter(
    (state): state is SettableState => (SETTABLE_STATES as readonly string[]).includes(state) && state !== 'resolved',
  );

  return settable.map((state) => ({
    title: state === 'inProgress' && request.state === 'resolved' ? titles.reopen : titles[state],
    verb: Verbs.requestSetState,
    data: { customerId: request.customerId, number: request.number, state },
  }));
}

/**
 * Describes the "Zeit erfassen" (`time.log`) and "Mehrstunden anfragen" (`overage.request`) forms. They
 * sit in an ActionSet in the body, because Teams shows at most six top-level actions.
 */
function describeWorkActions(visible: boolean, messages: Messages) {
  const { timeLog, overage } = messages;
  return {
    visible,
    timeLog: {
      title: timeLog.action,
      minutesLabel: timeLog.minutesLabel,
      minutesPlaceholder: timeLog.minutesPlaceholder,
      maxMinutes: MAX_ENTRY_MINUTES,
      minutesError: timeLog.minutesError(MAX_ENTRY_MINUTES),
      typeLabel: timeLog.typeLabel,
      types: Object.entries(timeLog.types).map(([value, title]) => ({ value, title })),
      noteLabel: timeLog.noteLabel,
      maxNoteLength: MAX_NOTE_LENGTH,
      submit: timeLog.submit,
      verb: Verbs.timeLog,
    },
    overage: {
      title: overage.requestAction,
      hoursLabel: overage.hoursLabel,
      hoursPlaceholder: overage.hoursPlaceholder,
      hoursError: overage.hoursError,
      noteLabel: overage.noteLabel,
      submit: overage.submit,
      verb: Verbs.overageRequest,
    },
  };
}

/** Upper-cases the first character, so "noch 45 Min." can open a line. */
function capitalizeFirst(text: string, lang: Language): string {
  return text.charAt(0).toLocaleUpperCase(localeOf(lang)) + text.slice(1);
}

/** Lists the request's facts, with acknowledgement and first contact once they happened. */
function listFacts(input: ConsultantRequestCardInput, messages: Messages): Fact[] {
  const { request, lang, zone } = input;
  const labels = messages.consultant.labels;

  const facts: Fact[] = [
    { title: labels.customer, value: input.customerName },
    { title: labels.plan, value: input.planName },
    { title: labels.urgency, value: messages.urgencies[request.urgency] },
    { title: labels.channel, value: messages.requestChannels[request.channel] },
    { title: labels.openedAt, value: formatInstant(request.openedAt, lang, zone) },
    { title: labels.callbackChannel, value: messages.callbackChannels[request.callbackChannel] },
    { title: labels.callbackPhone, value: request.callbackPhone ?? messages.request.notGiven },
    { title: labels.deadline, value: formatInstant(request.deadline, lang, zone) },
    { title: labels.state, value: messages.states[request.state] },
  ];

  if (request.acknowledgedAt !== undefined) {
    const value =
      request.acknowledgedBy === undefined
        ? formatInstant(request.acknowledgedAt, lang, zone)
        : messages.consultant.acknowledgedBy(request.acknowledgedBy, request.acknowledgedAt, zone);
    facts.push({ title: labels.acknowledged, value });
  }
  if (request.firstContactAt !== undefined) {
    facts.push({ title: labels.firstContact, value: formatInstant(request.firstContactAt, lang, zone) });
  }
  return facts;
}

/**
 * Renders the consultant's card for a request: number, emergency marker, SLA
 * status, facts (customer, plan, urgency, callback number and channel, deadline,
 * state, acknowledgement, first contact), contact name and description.
 *
 * Actions: "Übernehmen" (`request.acknowledge`) while the state is new,
 * "Rückruf erfolgt" (`request.callbackDone`) while no first contact is recorded and the
 * lifecycle allows it, both with {@link RequestReferenceData}. Then one `request.setState`
 * action per next state of the lifecycle ("In Arbeit" or "Wieder öffnen", "Wartet auf Kunde",
 * "Schließen"), and "Gelöst" as an Action.ShowCard with the required "solution" input and a
 * `request.setState` action for state "resolved". In the body, "Zeit erfassen" (`time.log`: minutes,
 * type, note) and "Mehrstunden anfragen" (`overage.request`: hours, note) are Action.ShowCard forms.
 * A read-only card has no actions.
 *
 * The time left is computed from `now` at rendering and does not count down in
 * the client; re-render the card to refresh it. Contact name and description are
 * shown as TextRuns, which Adaptive Cards render without Markdown.
 */
export function renderConsultantRequestCard(input: ConsultantRequestCardInput): AdaptiveCard {
  const { request, lang } = input;
  const messages = messagesFor(lang);
  const texts = messages.consultant;
  const reference: RequestReferenceData = { customerId: request.customerId, number: request.number };
  const actionable = input.readOnly !== true;
  const lifecycle = messages.lifecycle;
  const resolveData: RequestSetStateData = { ...reference, state: 'resolved' };

  return expandCard(template, {
    notice: { visible: input.notice !== undefined, text: input.notice?.text ?? '', style: input.notice?.style ?? 'default' },
    work: describeWorkActions(actionable, messages),
    emergency: { visible: request.emergency, text: texts.emergency },
    title: messages.request.title(request.number),
    status: describeSla(request, input.now, messages, lang),
    facts: listFacts(input, messages),
    contact: { label: `${texts.labels.contact}: `, name: request.contactName },
    descriptionHeading: texts.descriptionHeading,
    description: request.description,
    reference,
    solution: { visible: request.solution !== undefined, heading: lifecycle.solutionLabel, text: request.solution ?? '' },
    acknowledge: { visible: actionable && request.state === 'new', title: texts.acknowledge, verb: Verbs.requestAcknowledge },
    callbackDone: {
      visible: actionable && request.firstContactAt === undefined && canTransition(request.state, 'callbackDone'),
      title: texts.callbackDone,
      verb: Verbs.requestCallbackDone,
    },
    stateActions: actionable ? listStateActions(request, messages) : [],
    resolve: {
      visible: actionable && canTransition(request.state, 'resolved'),
      title: lifecycle.actions.resolved,
      label: lifecycle.solutionLabel,
      placeholder: lifecycle.solutionPlaceholder,
      maxLength: MAX_SOLUTION_LENGTH,
      errorMessage: lifecycle.solutionError(MAX_SOLUTION_LENGTH),
      submit: lifecycle.actions.saveSolution,
      verb: Verbs.requestSetState,
      data: resolveData,
    },
  });
}
