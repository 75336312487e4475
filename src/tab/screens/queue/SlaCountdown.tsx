import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { QueueItem, SlaStatus } from '../../api/types.js';
import { formatCountdown } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { liveSlaStatus } from './liveSlaStatus.js';

const badgeColors: Record<SlaStatus, BadgeProps['color']> = {
  onTrack: 'success',
  atRisk: 'warning',
  breached: 'danger',
  met: 'informative',
  missed: 'subtle',
};

/**
 * Shows the live countdown to a request's deadline, coloured by SLA status: green on track, orange at risk, red
 * when breached. After the first callback it shows whether the callback came in time instead.
 */
export function SlaCountdown({ item, now }: { item: QueueItem; now: Date }) {
  const { messages } = useLanguage();
  const status = liveSlaStatus(item, now);
  const counting = status === 'onTrack' || status === 'atRisk' || status === 'breached';
  const text = counting ? formatCountdown(Date.parse(item.deadline) - now.getTime(), messages) : messages.sla[status];

  return (
    <Badge
      appearance={status === 'onTrack' ? 'tint' : 'filled'}
      color={badgeColors[status]}
      data-sla-status={status}
      title={messages.sla[status]}
      style={{ fontVariantNumeric: 'tabular-nums', height: 'auto', paddingBlock: '2px' }}
    >
      {text}
      {counting && status !== 'onTrack' ? ` · ${messages.sla[status]}` : ''}
    </Badge>
  );
}
