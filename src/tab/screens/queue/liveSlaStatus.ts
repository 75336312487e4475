import type { QueueItem, SlaStatus } from '../../api/types.js';

/**
 * Returns the SLA status of a queue item at `now`. The server's status is the one at loading time. Before
 * the first callback the status moves on with the clock: at risk from `atRiskAt`, breached from `deadline`.
 */
export function liveSlaStatus(item: Pick<QueueItem, 'slaStatus' | 'deadline' | 'atRiskAt'>, now: Date): SlaStatus {
  if (item.slaStatus === 'met' || item.slaStatus === 'missed') return item.slaStatus;
  const time = now.getTime();
  if (time >= Date.parse(item.deadline)) return 'breached';
  if (item.atRiskAt !== undefined && time >= Date.parse(item.atRiskAt)) return 'atRisk';
  return item.slaStatus === 'breached' || item.slaStatus === 'atRisk' ? item.slaStatus : 'onTrack';
}
