import type { Catalog, PlanId, TimeType } from '../catalog.js';
import { assertDateInMonth } from './month.js';
import { TIME_TYPES } from '../timeTypes.js';

/** One recorded time entry of a customer in the statement month. */
export interface TimeEntry {
  type: TimeType;
  /** Recorded minutes, a non-negative integer that billing rounds up to the increment. */
  minutes: number;
  /** Id of the emergency the entry belongs to, required for type "emergency". Entries with one id form one emergency. */
  emergencyId?: string;
  /**
   * Local date "yyyy-MM-dd" of the work, inside the statement month.
   * Required for type "on-site", because on-site work is billed per distinct date.
   */
  date?: string;
}

/** Customer decision on a request for overage minutes. */
export type OverageDecision = 'pending' | 'approved' | 'declined';

/** An overage request and the customer's decision on it, made in the statement month. */
export interface OverageApproval {
  /** Overage minutes the consultant asked for, a non-negative integer. */
  minutes: number;
  decision: OverageDecision;
}

/** Everything the statement of one customer and calendar month depends on. */
export interface MonthStatementInput {
  catalog: Catalog;
  planId: PlanId;
  /** Calendar month "yyyy-MM" in the consultant's time zone. */
  month: string;
  /** Time entries recorded in `month`. The caller assigns entries to months by local time. */
  entries: readonly TimeEntry[];
  /** Overage requests decided in `month`, of which only the approved ones count. */
  approvals: readonly OverageApproval[];
  /**
   * Unused own minutes that the previous month rolled over, usable in `month` only.
   * Always 0 on hotline plans, and at most the plan's `rolloverCapMinutes` on partner plans.
   */
  rolloverInMinutes: number;
}


/**
 * Checks one time entry of the statement month.
 *
 * @throws Error naming the invalid type, minutes, missing emergency id, missing date, or a date
 *   outside `month`.
 */
export function assertTimeEntry(entry: TimeEntry, month: string): void {
  if (!TIME_TYPES.includes(entry.type)) {
    throw new Error(`Invalid time entry type "${String(entry.type)}"; expected one of ${TIME_TYPES.join(', ')}`);
  }

  if (!Number.isInteger(entry.minutes) || entry.minutes < 0) {
    throw new Error(`Invalid ${entry.type} entry of ${entry.minutes} minutes; expected a non-negative whole number`);
  }

  if (entry.type === 'emergency' && !entry.emergencyId) {
    throw new Error(`Emergency entry of ${entry.minutes} minutes has no emergencyId; each emergency entry needs one`);
  }

  if (entry.type === 'on-site' && entry.date === undefined) {
    throw new Error(`On-site entry of ${entry.minutes} minutes has no date; on-site work is billed per date`);
  }

  if (entry.date !== undefined) {
    assertDateInMonth(entry.date, month);
  }
}
