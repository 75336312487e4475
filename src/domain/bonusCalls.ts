import { DateTime } from 'luxon';

import type { Entitlement } from './catalog.js';
import { assertMonth } from './hours/month.js';
import { toEpochMillis } from './slots/instant.js';

/** The facts of a booked entitlement call that the statement counts. */
export interface BonusCallFacts {
  /** An entitlement kind, or another kind of booking, such as a callback slot, which is no bonus call. */
  kind: string;
  /** Only confirmed bookings can have been held. */
  status: 'pending' | 'confirmed' | 'cancelled' | 'abandoned';
  /** ISO 8601 instant with offset. */
  start: string;
  /** ISO 8601 instant with offset, exclusive. */
  end: string;
}

/** Bonus calls held in one month. */
export interface BonusCallsHeld {
  /** All held calls of the month. */
  count: number;
  /** Held calls per entitlement kind; kinds without a call are 0. */
  byKind: Record<Entitlement['kind'], number>;
}

/**
 * Counts the bonus calls held in `month`: confirmed bookings of an entitlement kind that start in the month
 * (local to `zone`) and have ended at `now`. Confirmed calls still ahead are not held yet, cancelled ones never
 * were, and bookings of other kinds, such as callback slots, are no bonus calls.
 *
 * @throws Error naming an invalid month, zone or booking instant.
 */
export function countBonusCallsHeld(
  bookings: readonly BonusCallFacts[],
  month: string,
  zone: string,
  now: Date,
): BonusCallsHeld {
  assertMonth(month);

  const byKind: Record<Entitlement['kind'], number> = {
    'check-in': 0,
    'proactive-call': 0,
    'strategy-meeting': 0,
    'roadmap-review': 0,
  };
  let count = 0;
  for (const booking of bookings) {
    if (booking.status !== 'confirmed' || !isEntitlementKind(booking.kind, byKind)) continue;

    const start = DateTime.fromMillis(toEpochMillis(booking.start, 'booking start'), { zone });
    if (!start.isValid) {
      throw new Error(`Invalid time zone "${zone}": expected an IANA zone name such as "Europe/Berlin"`);
    }
    const ended = toEpochMillis(booking.end, 'booking end') <= now.getTime();
    if (start.toFormat('yyyy-MM') !== month || !ended) continue;

    byKind[booking.kind] += 1;
    count += 1;
  }
  return { count, byKind };
}

function isEntitlementKind(
  kind: string,
  byKind: Record<Entitlement['kind'], number>,
): kind is Entitlement['kind'] {
  return Object.hasOwn(byKind, kind);
}
