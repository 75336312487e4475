import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { HoursOverview } from '../../api/hours.js';
import { formatMinutes } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { formatPercent } from '../monthly/formatPercent.js';

/**
 * Shows the warning state of a month's hours: a warning from 80 % of the available hours, an error from 100 %
 * and an error while unapproved overage exists, which is not billed. The server sets the warning threshold.
 */
export function HoursWarnings({ hours }: { hours: HoursOverview }) {
  const { language, messages } = useLanguage();
  const texts = messages.hours.warnings;
  const percent = hours.percentUsed === null ? messages.common.none : formatPercent(hours.percentUsed, language);
  const threshold = hours.warningThresholdPercent;

  return (
    <>
      {threshold !== null && (
        <MessageBar intent={threshold >= 100 ? 'error' : 'warning'} layout="multiline" data-hours-warning={threshold}>
          <MessageBarBody>
            <MessageBarTitle>{threshold >= 100 ? texts.exhaustedTitle : texts.nearlyExhaustedTitle(formatPercent(threshold, language))}</MessageBarTitle>
            {texts.usage(percent, formatMinutes(hours.remainingMinutes, language))}
          </MessageBarBody>
        </MessageBar>
      )}
      {hours.unapprovedOverageMinutes > 0 && (
        <MessageBar intent="error" layout="multiline" data-hours-warning="unapproved">
          <MessageBarBody>
            <MessageBarTitle>{texts.unapprovedTitle(formatMinutes(hours.unapprovedOverageMinutes, language))}</MessageBarTitle>
            {texts.unapprovedDetail}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
