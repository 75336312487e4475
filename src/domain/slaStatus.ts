import type { SupportRequest } from './request.js';
import { slaOutcomeOf } from './slaCompliance.js';
import { toEpochMillis } from './slots/instant.js';

/** Status of a request against its callback deadline, as the queue shows it. */
export const SLA_STATUSES = ['onTrack', 'atRisk', 'breached', 'met', 'missed'] as const;

/** One of {@link SLA_STATUSES}. */
export type SlaStatus = (typeof SLA_STATUSES)[number];

/**
 * Returns the SLA status of a request at `now`. With a first contact it is "met" or "missed", judged by
 * {@link slaOutcomeOf}. Without one it is "breached" once `now` is past the deadline, "atRisk" from
 * `atRiskAt` on, and "onTrack" before.
 *
 * @throws Error naming an invalid instant.
 */
export function slaStatusAt(
  request: Pick<SupportRequest, 'number' | 'openedAt' | 'deadline' | 'atRiskAt' | 'firstContactAt' | 'slaMet'>,
  now: Date,
): SlaStatus {
  const outcome = slaOutcomeOf(request, now);
  if (request.firstContactAt !== undefined) return outcome === 'met' ? 'met' : 'missed';
  if (outcome === 'missed') return 'breached';

  const atRiskAt = request.atRiskAt === undefined ? undefined : toEpochMillis(request.atRiskAt, `atRiskAt of request ${request.number}`);
  return atRiskAt !== undefined && now.getTime() >= atRiskAt ? 'atRisk' : 'onTrack';
}
