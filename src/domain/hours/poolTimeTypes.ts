import type { Plan, TimeType } from '../catalog.js';

/**
 * Returns the time types whose minutes are taken from a plan's included minutes, as listed in
 * the plan's `includedCovers` (default: support and project on partner plans, support only on
 * hotline plans).
 *
 * On-site time never counts against the included minutes, on partner plans neither, because
 * on-site work is billed per day at the catalog's on-site day rate. Emergencies never count either,
 * because each emergency is billed with the emergency line's base fee and hourly rate.
 *
 * @throws Error naming the plan when `includedCovers` lacks "support", which has no other rate,
 *   or lists "on-site" or "emergency".
 */
export function poolTimeTypes(plan: Plan): ReadonlySet<TimeType> {
  const covered = new Set(plan.includedCovers);

  if (!covered.has('support')) {
    throw new Error(
      `Invalid includedCovers of plan "${plan.id}": support is missing, and support time has no other rate`,
    );
  }

  for (const excluded of ['on-site', 'emergency'] as const) {
    if (covered.has(excluded)) {
      throw new Error(
        `Invalid includedCovers of plan "${plan.id}": "${excluded}" is billed separately and cannot use included minutes; remove it`,
      );
    }
  }

  return covered;
}
