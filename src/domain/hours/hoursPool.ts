/** Inputs of one month's pool of included minutes. */
export interface HoursPoolInput {
  /** The plan's own included minutes for the month. */
  includedMinutes: number;
  /** Rolled-over lot from the previous month, valid in this month only. */
  rolloverInMinutes: number;
  /** Billed minutes of the time types that count against the pool. */
  billableMinutes: number;
  /** Maximum of unused own minutes that roll into the next month, or 0 when the plan does not roll over. */
  rolloverCapMinutes: number;
}

/** Split of one month's billable minutes across the rolled-over lot, own included minutes and overage. */
export interface HoursPoolUsage {
  /** Rolled-over lot plus own included minutes at the start of the month. */
  availableMinutes: number;
  rolledLotUsedMinutes: number;
  /** Part of the rolled-over lot left unused, which expires at the end of the month. */
  rolledLotExpiredMinutes: number;
  ownUsedMinutes: number;
  /** Rolled-over lot used plus own included minutes used. */
  includedUsedMinutes: number;
  /** Billable minutes beyond the available minutes. */
  overageMinutes: number;
  /** Unused own minutes, up to the cap, that become the next month's lot. */
  rolloverOutMinutes: number;
}

/**
 * Takes billable minutes from the pool, first from the rolled-over lot and then from the month's own
 * included minutes. The rest is overage. Unused own minutes roll over up to the cap, while an unused
 * lot expires and never rolls over again.
 *
 * @throws Error naming any input that is not a non-negative integer.
 */
export function consumeHoursPool(input: HoursPoolInput): HoursPoolUsage {
  for (const [name, value] of Object.entries(input)) {
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(`Invalid ${name} ${value}; expected a non-negative whole number of minutes`);
    }
  }

  const rolledLotUsedMinutes = Math.min(input.rolloverInMinutes, input.billableMinutes);
  const rolledLotExpiredMinutes = input.rolloverInMinutes - rolledLotUsedMinutes;

  const afterLotMinutes = input.billableMinutes - rolledLotUsedMinutes;
  const ownUsedMinutes = Math.min(input.includedMinutes, afterLotMinutes);
  const overageMinutes = afterLotMinutes - ownUsedMinutes;

  const ownUnusedMinutes = input.includedMinutes - ownUsedMinutes;
  const rolloverOutMinutes = Math.min(ownUnusedMinutes, input.rolloverCapMinutes);

  return {
    availableMinutes: input.rolloverInMinutes + input.includedMinutes,
    rolledLotUsedMinutes,
    rolledLotExpiredMinutes,
    ownUsedMinutes,
    includedUsedMinutes: rolledLotUsedMinutes + ownUsedMinutes,
    overageMinutes,
    rolloverOutMinutes,
  };
}
