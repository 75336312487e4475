import { DateTime } from 'luxon';

import { divideRoundHalfUp } from './hours/money.js';
import { assertMonth } from './hours/month.js';
import { toEpochMillis } from './slots/instant.js';

/** The SLA facts of one request that compliance needs. */
export interface SlaRequestFacts {
  /** Request number, e.g. "HD-2026-0042", for error messages. */
  number: string;
  /** ISO 8601 instant with offset at which the request was opened. */
  openedAt: string;
  /** ISO 8601 instant with offset by which the first contact was due. */
  deadline: string;
  /** ISO 8601 instant with offset of the first callback or first contact; missing while there was none. */
  firstContactAt?: string;
  /** Whether the first contact was at or before the deadline, as recorded with `firstContactAt`. */
  slaMet?: boolean;
}

/** Outcome of one request in a month's compliance. */
export type SlaOutcome = 'met' | 'missed' | 'pending';

/** SLA compliance of one customer and calendar month. */
export interface SlaCompliance {
  /** Calendar month "yyyy-MM" in the business time zone. */
  month: string;
  /** Requests whose deadline falls in the month, pending ones included. */
  requestCount: number;
  /** Requests whose outcome is known: met plus missed. The share of met requests refers to this count. */
  decidedCount: number;
  /** Requests with a first contact at or before the deadline. */
  metCount: number;
  /** Requests with a first contact after the deadline, or without one once the deadline has passed. */
  missedCount: number;
  /** Requests without a first contact whose deadline is still ahead. */
  pendingCount: number;
  /** Share of met among decided requests in percent with one decimal, rounded half up; null without a decided request. */
  metPercent: number | null;
  /** Requests with a first contact, the basis of the median. */
  callbackCount: number;
  /** Median callback time in whole minutes; null without a first contact. */
  medianCallbackMinutes: number | null;
}

/**
 * Returns the local calendar month "yyyy-MM" in which a request's deadline falls. Compliance assigns each
 * request to this month: a request is judged in the month in which its first contact fell due, so a request
 * that was never called back still counts (as missed) in the month of its deadline.
 *
 * @throws Error naming an invalid deadline or zone.
 */
export function slaMonthOf(request: SlaRequestFacts, zone: string): string {
  const millis = toEpochMillis(request.deadline, `deadline of request ${request.number}`);
  const local = DateTime.fromMillis(millis, { zone });
  if (!local.isValid) {
    throw new Error(`Invalid time zone "${zone}": expected an IANA zone name such as "Europe/Berlin"`);
  }
  return local.toFormat('yyyy-MM');
}

/**
 * Classifies one request at `now`. A request with a first contact is met when its recorded `slaMet` is true
 * and missed otherwise. Without a first contact it is missed once `now` is past the deadline and pending
 * before. A request resolved or closed without a recorded first contact therefore counts as missed.
 *
 * @throws Error naming an invalid instant.
 */
export function slaOutcomeOf(request: SlaRequestFacts, now: Date): SlaOutcome {
  const deadlineMillis = toEpochMillis(request.deadline, `deadline of request ${request.number}`);
  if (request.firstContactAt !== undefined) {
    const contactMillis = toEpochMillis(request.firstContactAt, `firstContactAt of request ${request.number}`);
    // The recorded flag is the rule's result at recording time; rows without it are judged the same way.
    const met = request.slaMet ?? contactMillis <= deadlineMillis;
    return met ? 'met' : 'missed';
  }
  return now.getTime() > deadlineMillis ? 'missed' : 'pending';
}

/**
 * Returns the callback time of a request with a first contact: first contact minus opening, in completed
 * whole minutes (rounded down), or undefined without a first contact.
 *
 * @throws Error naming an invalid instant, or a first contact before the opening.
 */
export function callbackMinutesOf(request: SlaRequestFacts): number | undefined {
  if (request.firstContactAt === undefined) return undefined;

  const openedMillis = toEpochMillis(request.openedAt, `openedAt of request ${request.number}`);
  const contactMillis = toEpochMillis(request.firstContactAt, `firstContactAt of request ${request.number}`);
  if (contactMillis < openedMillis) {
    throw new Error(
      `Invalid request ${request.number}: first contact ${request.firstContactAt} lies before the opening ${request.openedAt}`,
    );
  }
  return Math.floor((contactMillis - openedMillis) / 60_000);
}

/**
 * Returns the median of whole minutes: the middle value of the sorted list, and for an even count the mean of
 * the two middle values rounded half up to a whole minute. Returns null for an empty list.
 *
 * @throws Error naming a value that is not a non-negative whole number.
 */
export function medianMinutes(values: readonly number[]): number | null {
  for (const value of values) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new Error(`Invalid callback time ${value}; expected a non-negative whole number of minutes`);
    }
  }
  if (values.length === 0) return null;

  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? null;

  const lower = sorted[middle - 1] ?? 0;
  const upper = sorted[middle] ?? 0;
  return divideRoundHalfUp(lower + upper, 2);
}

/**
 * Computes the SLA compliance of one month from a customer's requests. Only requests whose deadline falls in
 * `month` (local to `zone`) count; see {@link slaMonthOf}. The median callback time covers those of them with a
 * first contact, late ones included.
 *
 * @param requests - Requests of one customer; requests of other months are ignored.
 * @param now - Instant that separates missed from pending requests without a first contact.
 * @throws Error naming an invalid month, zone or request instant.
 */
export function computeSlaCompliance(
  requests: readonly SlaRequestFacts[],
  month: string,
  zone: string,
  now: Date,
): SlaCompliance {
  assertMonth(month);

  let metCount = 0;
  let missedCount = 0;
  let pendingCount = 0;
  const callbackMinutes: number[] = [];
  for (const request of requests) {
    if (slaMonthOf(request, zone) !== month) continue;

    const outcome = slaOutcomeOf(request, now);
    if (outcome === 'met') metCount += 1;
    if (outcome === 'missed') missedCount += 1;
    if (outcome === 'pending') pendingCount += 1;

    const minutes = callbackMinutesOf(request);
    if (minutes !== undefined) callbackMinutes.push(minutes);
  }

  const decidedCount = metCount + missedCount;
  return {
    month,
    requestCount: decidedCount + pendingCount,
    decidedCount,
    metCount,
    missedCount,
    pendingCount,
    metPercent: decidedCount === 0 ? null : divideRoundHalfUp(metCount * 1000, decidedCount) / 10,
    callbackCount: callbackMinutes.length,
    medianCallbackMinutes: medianMinutes(callbackMinutes),
  };
}
