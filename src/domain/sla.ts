import { DateTime } from 'luxon';
import type { EmergencyLine, Plan } from './catalog.js';
import type { Interval } from './interval.js';
import { MAX_SEARCH_DAYS, serviceIntervalsFrom, type BusinessCalendar } from './serviceWindows.js';

const MINUTE_MS = 60_000;

/** Share of the SLA time after which a request counts as at risk and the consultant is warned. */
export const AT_RISK_FRACTION = 0.75;

/** Source of a callback deadline: the plan's windows or the 24/7 emergency line. */
export type DeadlineBasis = 'plan' | 'emergency';

/** A callback deadline with the facts that produced it. */
export interface CallbackDeadline {
  /** ISO 8601 instant with the calendar zone's offset, e.g. "2026-12-07T11:00:00+01:00". */
  deadline: string;
  /** Instant at which {@link AT_RISK_FRACTION} of the SLA time has elapsed, counted the same way. */
  atRiskAt: string;
  /** The guarantee that applied: business minutes for a plan, wall-clock minutes for an emergency. */
  guaranteeMinutes: number;
  /** Instant at which the SLA clock started running (the opening instant, or the next window opening). */
  clockStartedAt: string;
  basis: DeadlineBasis;
}

/** Input of {@link callbackDeadline}. */
export interface DeadlineRequest {
  /** The customer's plan; undefined for a request on the emergency line alone. */
  plan?: Plan;
  emergencyLine: EmergencyLine;
  /** Opening instant. */
  openedAt: Date;
  emergency: boolean;
  calendar: BusinessCalendar;
  /** Spans the plan clock does not count, such as the consultant's absences; the emergency line ignores them. */
  excluded?: readonly Interval[];
}

function toZonedIso(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) as string;
}

/**
 * Computes the plan deadline: the guarantee counted inside the plan's service windows from
 * the opening instant. The guarantee of the day type on which the clock starts applies.
 * The deadline is the earliest instant at which the counted time reaches it, so a deadline that
 * lands exactly on closing time stays on that day. The at-risk instant is counted the same way.
 *
 * @throws Error naming the plan when it has no service window within {@link MAX_SEARCH_DAYS} days.
 */
export function planDeadline(
  plan: Plan,
  openedAt: Date,
  calendar: BusinessCalendar,
  excluded: readonly Interval[] = [],
): CallbackDeadline {
  const openedMs = openedAt.getTime();
  let guaranteeMinutes = 0;
  let clockStartMs = 0;
  let countedMs = 0;
  let atRiskMs: number | undefined;

  for (const interval of serviceIntervalsFrom(plan, openedMs, calendar, excluded)) {
    const countFromMs = Math.max(interval.startMs, openedMs);

    if (guaranteeMinutes === 0) {
      guaranteeMinutes =
        interval.dayType === 'workingDay'
          ? plan.guarantee.workingDayMinutes
          : (plan.guarantee.weekendMinutes ?? plan.guarantee.workingDayMinutes);
      clockStartMs = countFromMs;
    }

    const guaranteeMs = guaranteeMinutes * MINUTE_MS;
    const availableMs = interval.endMs - countFromMs;
    const atRiskTargetMs = guaranteeMs * AT_RISK_FRACTION;
    if (atRiskMs === undefined && atRiskTargetMs - countedMs <= availableMs) {
      atRiskMs = countFromMs + (atRiskTargetMs - countedMs);
    }
    if (guaranteeMs - countedMs <= availableMs) {
      return {
        deadline: toZonedIso(countFromMs + (guaranteeMs - countedMs), calendar.zone),
        atRiskAt: toZonedIso(atRiskMs ?? countFromMs, calendar.zone),
        guaranteeMinutes,
        clockStartedAt: toZonedIso(clockStartMs, calendar.zone),
        basis: 'plan',
      };
    }
    countedMs += availableMs;
  }

  throw new Error(
    `Plan "${plan.id}" has no service time within ${MAX_SEARCH_DAYS} days after ${openedAt.toISOString()}`,
  );
}

/** Computes the emergency line's deadline: its guarantee counted around the clock. */
export function emergencyDeadline(line: EmergencyLine, openedAt: Date, calendar: BusinessCalendar): CallbackDeadline {
  const openedMs = openedAt.getTime();
  const guaranteeMs = line.guaranteeMinutes * MINUTE_MS;
  return {
    deadline: toZonedIso(openedMs + guaranteeMs, calendar.zone),
    atRiskAt: toZonedIso(openedMs + guaranteeMs * AT_RISK_FRACTION, calendar.zone),
    guaranteeMinutes: line.guaranteeMinutes,
    clockStartedAt: toZonedIso(openedMs, calendar.zone),
    basis: 'emergency',
  };
}

/**
 * Computes a request's callback deadline. A normal request uses its plan; an emergency uses
 * the earlier of the plan deadline and the emergency line's around-the-clock deadline.
 *
 * @throws Error when the opening instant is invalid, or neither a plan nor the emergency flag is given.
 */
export function callbackDeadline(request: DeadlineRequest): CallbackDeadline {
  const { plan, emergencyLine, openedAt, emergency, calendar } = request;
  if (Number.isNaN(openedAt.getTime())) {
    throw new Error('callbackDeadline: openedAt is an invalid date');
  }

  if (!plan) {
    if (!emergency) throw new Error('callbackDeadline: a request without a plan must be an emergency');
    return emergencyDeadline(emergencyLine, openedAt, calendar);
  }

  const byPlan = planDeadline(plan, openedAt, calendar, request.excluded);
  if (!emergency) return byPlan;

  const byEmergency = emergencyDeadline(emergencyLine, openedAt, calendar);
  return Date.parse(byEmergency.deadline) < Date.parse(byPlan.deadline) ? byEmergency : byPlan;
}
