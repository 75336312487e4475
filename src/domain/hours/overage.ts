import type { OverageApproval } from './statementInput.js';

/** Split of a month's overage into billed and unapproved minutes. */
export interface OverageSplit {
  /** Sum of the approved overage requests, which may exceed the overage. */
  overageApprovedMinutes: number;
  /** Overage minutes covered by approvals, the only overage that is billed. */
  overageBilledMinutes: number;
  /** Overage minutes without approval, shown to the consultant and never billed. */
  unapprovedOverageMinutes: number;
}

/**
 * Splits overage minutes into the part covered by approved overage requests and the unapproved rest.
 * Pending and declined requests cover nothing.
 *
 * @throws Error naming an approval with invalid minutes or an unknown decision.
 */
export function splitOverage(overageMinutes: number, approvals: readonly OverageApproval[]): OverageSplit {
  let overageApprovedMinutes = 0;
  for (const approval of approvals) {
    if (!Number.isInteger(approval.minutes) || approval.minutes < 0) {
      throw new Error(`Invalid overage approval of ${approval.minutes} minutes; expected a non-negative whole number`);
    }
    if (!['pending', 'approved', 'declined'].includes(approval.decision)) {
      throw new Error(
        `Invalid overage decision "${String(approval.decision)}"; expected "pending", "approved" or "declined"`,
      );
    }

    if (approval.decision === 'approved') {
      overageApprovedMinutes += approval.minutes;
    }
  }

  const overageBilledMinutes = Math.min(overageMinutes, overageApprovedMinutes);

  return {
    overageApprovedMinutes,
    overageBilledMinutes,
    unapprovedOverageMinutes: overageMinutes - overageBilledMinutes,
  };
}
