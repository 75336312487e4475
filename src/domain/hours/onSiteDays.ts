import type { TimeEntry } from './statementInput.js';

/**
 * Counts the billed on-site days: the distinct dates of the on-site entries, so that several
 * entries on one date make one day. Other entry types are ignored.
 *
 * NOTE: travel costs are quoted separately and are not part of the catalog, so no line covers them.
 *
 * @throws Error naming an on-site entry without a date.
 */
export function countOnSiteDays(entries: readonly TimeEntry[]): number {
  const dates = new Set<string>();
  for (const entry of entries) {
    if (entry.type !== 'on-site') {
      continue;
    }
    if (entry.date === undefined) {
      throw new Error(`On-site entry of ${entry.minutes} minutes has no date; on-site work is billed per date`);
    }

    dates.add(entry.date);
  }

  return dates.size;
}
