import { findPlan, type PlanId, type TimeType } from '../catalog.js';
import { roundUpToIncrement } from './billingIncrement.js';
import { priceEmergencies } from './emergencies.js';
import { consumeHoursPool } from './hoursPool.js';
import { priceForMinutes, vatCentsOf } from './money.js';
import { assertMonth } from './month.js';
import { countOnSiteDays } from './onSiteDays.js';
import { splitOverage } from './overage.js';
import { poolTimeTypes } from './poolTimeTypes.js';
import { assertTimeEntry, type MonthStatementInput } from './statementInput.js';
import { countLine, timeLine, type StatementLine } from './statementLine.js';

/**
 * Monthly statement of one customer. Durations are integer minutes and amounts integer euro cents (net
 * unless named VAT or gross). Every field is present on every plan, and fields that do not apply are
 * 0, e.g. the rollover fields on hotline plans.
 */
export interface MonthStatement {
  month: string;
  planId: PlanId;
  /** Increment to which each entry's recorded minutes are rounded up, shown openly on the statement. */
  billingIncrementMinutes: number;
  /** Billed minutes of the time types that use the included minutes (the plan's `includedCovers`). */
  billableMinutes: number;
  /** The plan's own included minutes for the month, without the rolled-over lot. */
  includedMinutes: number;
  /** Included minutes used: the rolled-over lot used plus the own included minutes used. */
  includedUsedMinutes: number;
  ownUsedMinutes: number;
  /** Lot rolled over from the previous month, valid in this month only. */
  rolloverInMinutes: number;
  rolledLotUsedMinutes: number;
  /** Unused part of the rolled-over lot, which expires at the end of the month. */
  rolledLotExpiredMinutes: number;
  /** Unused own minutes, up to the plan's cap, that the next month receives as its lot. */
  rolloverOutMinutes: number;
  /** Minutes available at the start of the month: the rolled-over lot plus the own included minutes. */
  availableMinutes: number;
  /** Billable minutes beyond the available minutes. */
  overageMinutes: number;
  /** Sum of the overage minutes the customer approved in the month, which may exceed the overage. */
  overageApprovedMinutes: number;
  /** Overage minutes covered by approvals and billed at the plan's extra-hour rate. */
  overageBilledMinutes: number;
  /** Overage minutes without approval, shown to the consultant and not billed. */
  unapprovedOverageMinutes: number;
  emergencyCount: number;
  emergencyBillableMinutes: number;
  /** Distinct dates with on-site work, each billed at the catalog's on-site day rate. */
  onSiteDays: number;
  feeCents: number;
  overageCents: number;
  emergencyCents: number;
  /** Project work billed at the catalog's remote hour rate, or 0 when the plan's included minutes cover projects. */
  projectCents: number;
  onSiteCents: number;
  netCents: number;
  vatCents: number;
  grossCents: number;
  /** Billed minutes (each entry rounded up to the increment) per time type, counted or not. */
  usedByType: Record<TimeType, number>;
  /** Lines whose amounts add up to `netCents`. Lines with a zero quantity are left out, except the fee. */
  lines: StatementLine[];
}

/**
 * Computes one customer's statement for one calendar month.
 *
 * Each entry is billed rounded up to the catalog's billing increment. Minutes of the types in the
 * plan's `includedCovers` use the rolled-over lot first and then the own included minutes. The rest
 * is overage, and only its approved part is billed at the plan's extra-hour rate. Project work that the
 * included minutes do not cover is billed at the catalog's remote hour rate. On-site work is billed
 * per distinct date at the on-site day rate and never uses included minutes, not even on partner
 * plans. Each emergency costs the emergency line's base fee plus its hourly rate. VAT is rounded
 * half up to the cent on the net total.
 *
 * @throws Error naming an invalid month, unknown plan, invalid entry or approval, or a rolled-over
 *   lot that the plan does not allow.
 */
export function computeMonthStatement(input: MonthStatementInput): MonthStatement {
  const { catalog, month } = input;
  assertMonth(month);
  const plan = findPlan(catalog, input.planId);

  // Hotline plans never roll over, whatever cap their catalog entry carries.
  const rolloverCapMinutes = plan.kind === 'partner' ? plan.rolloverCapMinutes : 0;
  assertRolloverIn(input.rolloverInMinutes, rolloverCapMinutes, plan.id);

  for (const entry of input.entries) {
    assertTimeEntry(entry, month);
  }

  const incrementMinutes = catalog.billingIncrementMinutes;
  const usedByType: Record<TimeType, number> = { support: 0, project: 0, emergency: 0, 'on-site': 0 };
  for (const entry of input.entries) {
    usedByType[entry.type] += roundUpToIncrement(entry.minutes, incrementMinutes);
  }

  const poolTypes = poolTimeTypes(plan);
  const billableMinutes = [...poolTypes].reduce((sum, type) => sum + usedByType[type], 0);
  const pool = consumeHoursPool({
    includedMinutes: plan.includedMinutes,
    rolloverInMinutes: input.rolloverInMinutes,
    billableMinutes,
    rolloverCapMinutes,
  });

  const overage = splitOverage(pool.overageMinutes, input.approvals);
  const overageCents = priceForMinutes(overage.overageBilledMinutes, plan.extraHourCents);

  const projectMinutes = poolTypes.has('project') ? 0 : usedByType.project;
  const projectCents = priceForMinutes(projectMinutes, catalog.projectRates.remoteHourCents);

  const onSiteDays = countOnSiteDays(input.entries);
  const onSiteCents = onSiteDays * catalog.projectRates.onSiteDayCents;

  const emergencies = priceEmergencies(input.entries, catalog.emergencyLine, incrementMinutes);

  const feeCents = plan.monthlyFeeCents;
  const lines: StatementLine[] = [countLine('monthlyFee', 1, 'month', feeCents)];
  if (overage.overageBilledMinutes > 0) {
    lines.push(timeLine('overage', overage.overageBilledMinutes, plan.extraHourCents));
  }
  if (projectMinutes > 0) {
    lines.push(timeLine('projectWork', projectMinutes, catalog.projectRates.remoteHourCents));
  }
  if (onSiteDays > 0) {
    lines.push(countLine('onSiteDays', onSiteDays, 'day', catalog.projectRates.onSiteDayCents));
  }
  lines.push(...emergencies.lines);

  const netCents = feeCents + overageCents + projectCents + onSiteCents + emergencies.emergencyCents;
  const vatCents = vatCentsOf(netCents, catalog.vatPercent);

  return {
    month,
    planId: plan.id,
    billingIncrementMinutes: incrementMinutes,
    billableMinutes,
    includedMinutes: plan.includedMinutes,
    includedUsedMinutes: pool.includedUsedMinutes,
    ownUsedMinutes: pool.ownUsedMinutes,
    rolloverInMinutes: input.rolloverInMinutes,
    rolledLotUsedMinutes: pool.rolledLotUsedMinutes,
    rolledLotExpiredMinutes: pool.rolledLotExpiredMinutes,
    rolloverOutMinutes: pool.rolloverOutMinutes,
    availableMinutes: pool.availableMinutes,
    overageMinutes: pool.overageMinutes,
    overageApprovedMinutes: overage.overageApprovedMinutes,
    overageBilledMinutes: overage.overageBilledMinutes,
    unapprovedOverageMinutes: overage.unapprovedOverageMinutes,
    emergencyCount: emergencies.emergencyCount,
    emergencyBillableMinutes: emergencies.emergencyBillableMinutes,
    onSiteDays,
    feeCents,
    overageCents,
    emergencyCents: emergencies.emergencyCents,
    projectCents,
    onSiteCents,
    netCents,
    vatCents,
    grossCents: netCents + vatCents,
    usedByType,
    lines,
  };
}

/** Rejects a rolled-over lot that is negative, fractional or above what the plan may roll over. */
function assertRolloverIn(rolloverInMinutes: number, rolloverCapMinutes: number, planId: PlanId): void {
  if (!Number.isInteger(rolloverInMinutes) || rolloverInMinutes < 0) {
    throw new Error(`Invalid rolloverInMinutes ${rolloverInMinutes}; expected a non-negative whole number`);
  }
  if (rolloverInMinutes > rolloverCapMinutes) {
    throw new Error(
      `Invalid rolloverInMinutes ${rolloverInMinutes} for plan "${planId}"; the plan rolls over at most ${rolloverCapMinutes} minutes`,
    );
  }
}
