import { DateTime } from 'luxon';
import type { EmergencyLine, Plan } from './catalog.js';
import type { SupportRequest } from './request.js';
import { serviceIntervalOn, type BusinessCalendar } from './serviceWindows.js';
import { callbackDeadline } from './sla.js';

/** Kinds of SLA warning, in the order they usually fall due. */
export const SLA_WARNING_KINDS = ['emergencyUnacknowledged', 'atRisk', 'breach'] as const;

/**
 * Kind of SLA warning: `atRisk` once 75 % of the SLA time has elapsed, `breach` at the deadline,
 * `emergencyUnacknowledged` when an emergency is not acknowledged in time.
 */
export type SlaWarningKind = (typeof SLA_WARNING_KINDS)[number];

/** Minutes after opening after which an emergency that is still not acknowledged is reported again. */
export const EMERGENCY_ACKNOWLEDGE_MINUTES = 15;

/**
 * Minutes after its due instant within which a warning counts as on time. A warning sent later,
 * for example after downtime or after waiting for the service window, is marked late.
 */
export const LATE_AFTER_MINUTES = 5;

const MINUTE_MS = 60_000;

/**
 * Whether a due warning goes out now, or waits because a normal request's warning is sent
 * only inside its plan's service window.
 */
export type WarningDelivery = 'sendNow' | 'waitForServiceWindow';

/** A warning whose due instant has passed. */
export interface DueSlaWarning {
  kind: SlaWarningKind;
  /** ISO 8601 instant with the calendar zone's offset at which the warning fell due. */
  dueAt: string;
  delivery: WarningDelivery;
  /** Whether a warning sent at `now` is later than {@link LATE_AFTER_MINUTES} after `dueAt`. */
  late: boolean;
}

/** Input of {@link dueSlaWarnings}. */
export interface SlaWarningInput {
  request: SupportRequest;
  /** The request's plan. Only an emergency on the emergency line alone may come without one. */
  plan?: Plan;
  emergencyLine: EmergencyLine;
  calendar: BusinessCalendar;
  now: Date;
}

/**
 * Lists the warnings of a request whose due instant has passed at `now`:
 *
 * - `atRisk` from `atRiskAt` until the deadline, while no first contact is recorded. At the deadline
 *   it gives way to `breach`, so a request caught up after downtime does not get both warnings.
 *   A row stored before `atRiskAt` existed gets the instant from {@link callbackDeadline} without absences.
 * - `breach` from the deadline on, while no first contact is recorded.
 * - `emergencyUnacknowledged` for an emergency that is still not acknowledged
 *   {@link EMERGENCY_ACKNOWLEDGE_MINUTES} minutes after opening.
 *
 * Resolved and closed requests get none. An emergency's warnings go out at any hour. A normal
 * request's warnings wait while `now` lies outside the plan's service window, with one exception:
 * a warning that fell due inside a window, closing time included, is still sent within
 * {@link LATE_AFTER_MINUTES} minutes, because a deadline may end exactly at closing time.
 *
 * The caller decides whether a warning was sent already, because this function only lists which are due.
 *
 * @throws Error naming the request when a normal request has no plan or a stored instant is invalid.
 */
export function dueSlaWarnings(input: SlaWarningInput): DueSlaWarning[] {
  const { request, plan, calendar, now } = input;
  if (request.state === 'resolved' || request.state === 'closed') {
    return [];
  }
  if (!request.emergency && !plan) {
    throw new Error(`dueSlaWarnings: request "${request.number}" is not an emergency but has no plan ("${request.planId}")`);
  }

  const nowMs = now.getTime();
  const dueInstants: Array<{ kind: SlaWarningKind; dueMs: number }> = [];

  if (request.emergency && request.acknowledgedAt === undefined && request.firstContactAt === undefined) {
    const openedMs = parseInstant(request.openedAt, 'openedAt', request);
    dueInstants.push({ kind: 'emergencyUnacknowledged', dueMs: openedMs + EMERGENCY_ACKNOWLEDGE_MINUTES * MINUTE_MS });
  }

  if (request.firstContactAt === undefined) {
    const deadlineMs = parseInstant(request.deadline, 'deadline', request);
    const atRiskMs = atRiskInstant(input);
    if (nowMs < deadlineMs) {
      dueInstants.push({ kind: 'atRisk', dueMs: atRiskMs });
    } else {
      dueInstants.push({ kind: 'breach', dueMs: deadlineMs });
    }
  }

  return dueInstants
    .filter(({ dueMs }) => dueMs <= nowMs)
    .map(({ kind, dueMs }) => ({
      kind,
      dueAt: toZonedIso(dueMs, calendar.zone),
      delivery: request.emergency || mayNotifyNow(plan as Plan, dueMs, nowMs, calendar) ? 'sendNow' : 'waitForServiceWindow',
      late: nowMs - dueMs > LATE_AFTER_MINUTES * MINUTE_MS,
    }));
}

/** Returns whether a warning due at `dueAt` and sent at `sentAt` is late by {@link LATE_AFTER_MINUTES}. */
export function isLateDelivery(dueAt: string, sentAt: Date): boolean {
  const dueMs = Date.parse(dueAt);
  if (Number.isNaN(dueMs)) {
    throw new RangeError(`isLateDelivery: invalid dueAt "${dueAt}", expected an ISO 8601 instant with offset`);
  }
  return sentAt.getTime() - dueMs > LATE_AFTER_MINUTES * MINUTE_MS;
}

/** Returns the stored at-risk instant, or computes it for a row written before the column existed. */
function atRiskInstant(input: SlaWarningInput): number {
  const { request } = input;
  if (request.atRiskAt !== undefined) {
    return parseInstant(request.atRiskAt, 'atRiskAt', request);
  }

  // NOTE: the recomputed instant ignores absences, which old rows did not record.
  const computed = callbackDeadline({
    plan: input.plan,
    emergencyLine: input.emergencyLine,
    openedAt: new Date(parseInstant(request.openedAt, 'openedAt', request)),
    emergency: request.emergency,
    calendar: input.calendar,
  });
  return Date.parse(computed.atRiskAt);
}

/**
 * Returns whether a normal request's warning may go out at `nowMs`: inside the plan's service window,
 * or shortly after a due instant that lay inside a window, its closing instant included.
 */
function mayNotifyNow(plan: Plan, dueMs: number, nowMs: number, calendar: BusinessCalendar): boolean {
  if (isInsideServiceWindow(plan, nowMs, calendar, 'halfOpen')) {
    return true;
  }
  // A deadline may end exactly at closing time, and the tick that notices it runs some seconds later.
  return nowMs - dueMs <= LATE_AFTER_MINUTES * MINUTE_MS && isInsideServiceWindow(plan, dueMs, calendar, 'closed');
}

/**
 * Returns whether an instant lies in one of the plan's service intervals. With `closed`, the closing
 * instant counts as inside too. The interval of the previous local date is checked as well, because a
 * window that ends at 24:00 closes at the first instant of the next date.
 */
function isInsideServiceWindow(plan: Plan, instantMs: number, calendar: BusinessCalendar, bounds: 'halfOpen' | 'closed'): boolean {
  const localDay = DateTime.fromMillis(instantMs, { zone: calendar.zone }).startOf('day');
  for (const day of [localDay, localDay.minus({ days: 1 })]) {
    const interval = serviceIntervalOn(plan, day.toISODate() as string, calendar);
    if (!interval) {
      continue;
    }
    const beforeEnd = bounds === 'closed' ? instantMs <= interval.endMs : instantMs < interval.endMs;
    if (interval.startMs <= instantMs && beforeEnd) {
      return true;
    }
  }
  return false;
}

function parseInstant(value: string, field: string, request: SupportRequest): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new Error(`dueSlaWarnings: request "${request.number}" has an invalid ${field} "${value}"`);
  }
  return ms;
}

function toZonedIso(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) as string;
}
