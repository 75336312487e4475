export { roundUpToIncrement } from './billingIncrement.js';
export {
  defaultEntryStart,
  isStartTooFarAhead,
  MAX_START_HOURS_AHEAD,
  type DefaultEntryStartInput,
} from './entryStart.js';
export { priceEmergencies, type EmergencyCharges } from './emergencies.js';
export { consumeHoursPool, type HoursPoolInput, type HoursPoolUsage } from './hoursPool.js';
export { crossedHoursThresholds, HOURS_WARNING_THRESHOLDS_PERCENT, type HoursUsageChange } from './hoursWarnings.js';
export { divideRoundHalfUp, priceForMinutes, vatCentsOf } from './money.js';
export { computeMonthStatement, type MonthStatement } from './monthStatement.js';
export { assertDateInMonth, assertMonth, nextMonth } from './month.js';
export { countOnSiteDays } from './onSiteDays.js';
export { splitOverage, type OverageSplit } from './overage.js';
export { poolTimeTypes } from './poolTimeTypes.js';
export {
  assertTimeEntry,
  type MonthStatementInput,
  type OverageApproval,
  type OverageDecision,
  type TimeEntry,
} from './statementInput.js';
export {
  computeStatementSequence,
  type SequenceMonth,
  type StatementSequenceInput,
} from './statementSequence.js';
export {
  countLine,
  timeLine,
  type PriceUnit,
  type QuantityUnit,
  type StatementLine,
  type StatementLineKey,
} from './statementLine.js';
