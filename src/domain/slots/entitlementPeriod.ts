import { DateTime } from 'luxon';
import type { Entitlement } from '../catalog.js';
import { assertValidZone, formatInstant, toEpochMillis, type InstantInput } from './instant.js';

/** Period in which a plan grants one booking of an entitlement. */
export type EntitlementPeriodKind = Entitlement['period'];

/** One concrete period in the consultant's zone, [start, end). */
export interface EntitlementPeriod {
  readonly kind: EntitlementPeriodKind;
  /** Stable name of the period: "2026-W53" (ISO week), "2026-12" (month) or "2026-Q4" (quarter). */
  readonly key: string;
  /** Local midnight at which the period starts, as an ISO 8601 instant with offset. */
  readonly start: string;
  /** Local midnight at which the next period starts (exclusive), as an ISO 8601 instant with offset. */
  readonly end: string;
}

const luxonUnits = { isoWeek: 'week', month: 'month', quarter: 'quarter' } as const;

/**
 * Computes the period of the given kind that contains an instant, in local time of `zone`.
 *
 * An ISO week runs Monday to Sunday and belongs to the ISO week-numbering year of its
 * Thursday, so 2027-01-01 lies in 2026-W53. Months and quarters are calendar months and
 * calendar quarters. Boundaries are local midnights, so the period length follows DST.
 *
 * @throws Error naming the value when the kind, the instant or the zone is invalid.
 */
export function computeEntitlementPeriod(
  kind: EntitlementPeriodKind,
  instant: InstantInput,
  zone: string,
): EntitlementPeriod {
  assertValidZone(zone);
  const unit = luxonUnits[kind];
  if (unit === undefined) {
    throw new Error(`Invalid entitlement period "${String(kind)}": expected isoWeek, month or quarter`);
  }

  const local = DateTime.fromMillis(toEpochMillis(instant, 'instant'), { zone });
  // luxon's startOf('week') uses ISO weeks (Monday first) unless locale weeks are requested.
  const start = local.startOf(unit);
  const end = start.plus({ [`${unit}s`]: 1 });

  return {
    kind,
    key: periodKey(kind, start),
    start: formatInstant(start.toMillis(), zone),
    end: formatInstant(end.toMillis(), zone),
  };
}

function periodKey(kind: EntitlementPeriodKind, start: DateTime): string {
  switch (kind) {
    case 'isoWeek':
      return `${start.weekYear}-W${String(start.weekNumber).padStart(2, '0')}`;
    case 'month':
      return start.toFormat('yyyy-MM');
    case 'quarter':
      return `${start.year}-Q${start.quarter}`;
  }
}
