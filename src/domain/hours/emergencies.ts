import type { EmergencyLine } from '../catalog.js';
import { roundUpToIncrement } from './billingIncrement.js';
import type { TimeEntry } from './statementInput.js';
import { countLine, timeLine, type StatementLine } from './statementLine.js';

/** Emergencies of one month and what they cost. */
export interface EmergencyCharges {
  /** Number of distinct emergency ids. */
  emergencyCount: number;
  /** Billed minutes of all emergency entries, each entry rounded up to the increment. */
  emergencyBillableMinutes: number;
  emergencyCents: number;
  /** A base-fee line and a time line per emergency, in order of first appearance. */
  lines: StatementLine[];
}

/**
 * Prices the month's emergencies. Each emergency (the entries sharing an emergency id) costs the
 * emergency line's base fee once plus its hourly rate on the emergency's billed minutes, rounded
 * half up to the cent per emergency. Emergencies never use included minutes.
 *
 * @param entries The month's time entries. Only emergency entries count, and each needs an `emergencyId`.
 * @throws Error naming an emergency entry without an id.
 */
export function priceEmergencies(
  entries: readonly TimeEntry[],
  emergencyLine: EmergencyLine,
  incrementMinutes: number,
): EmergencyCharges {
  const billedMinutesById = new Map<string, number>();
  for (const entry of entries) {
    if (entry.type !== 'emergency') {
      continue;
    }
    if (!entry.emergencyId) {
      throw new Error(`Emergency entry of ${entry.minutes} minutes has no emergencyId; each emergency entry needs one`);
    }

    const billedMinutes = roundUpToIncrement(entry.minutes, incrementMinutes);
    billedMinutesById.set(entry.emergencyId, (billedMinutesById.get(entry.emergencyId) ?? 0) + billedMinutes);
  }

  const lines: StatementLine[] = [];
  let emergencyBillableMinutes = 0;
  let emergencyCents = 0;
  for (const [emergencyId, billedMinutes] of billedMinutesById) {
    const baseFeeLine = countLine('emergencyBaseFee', 1, 'emergency', emergencyLine.baseFeeCents, emergencyId);
    const timeChargeLine = timeLine('emergencyTime', billedMinutes, emergencyLine.hourlyRateCents, emergencyId);
    lines.push(baseFeeLine, timeChargeLine);

    emergencyBillableMinutes += billedMinutes;
    emergencyCents += baseFeeLine.amountCents + timeChargeLine.amountCents;
  }

  return { emergencyCount: billedMinutesById.size, emergencyBillableMinutes, emergencyCents, lines };
}
